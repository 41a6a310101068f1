import { addDays } from "date-fns";
import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { createElement } from "react";
import {
  correctiveActions,
  evidenceFiles,
  organizations,
  partnerDocuments,
  partnerEvaluations,
  partners,
  questionnaireLinks,
  questionnaires,
  type Partner,
  type PartnerEvaluation,
  type Questionnaire,
} from "../../../db/schema";
import { assignableMembers } from "../actions/actions.server";
import { recordAudit } from "../audit/audit.server";
import { hashToken, newToken } from "../auth/tokens.server";
import type { Role } from "../auth/permissions";
import type { Database, Executor } from "../db-types.server";
import { storeEmail } from "../email/email.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { evidenceRecordTypes } from "../evidence/evidence-registry";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { refused, type FieldErrors } from "../form.server";
import type { Locale } from "../i18n/config";
import { formatDateTime, todayInZone } from "../i18n/format";
import { message } from "../i18n/messages";
import { resolveCriterionRefs } from "../inspections/templates.server";
import { nextRunningNumber } from "../organizations/running-number.server";
import type { Actor } from "../organizations/organizations.server";
import { canDecideEvaluation, hadAHand, nextEvaluationOn, scoreEvaluation, type EvaluationScore } from "./partner-scoring";
import { evaluationReference, partnerReference } from "./partner-references";
import type { PartnerRole } from "./partner-values";

import { getPartner, getPartnerPolicy } from "./partners.server";

// Partner evaluations from the first answer to the decision. Someone with partners.manage prepares
// an evaluation (answers it, or sends the partner a link and reviews what comes back); a second
// person with partners.decide approves, approves with conditions (each becomes a corrective action)
// or rejects. The decision sets the partner's status, risk tier and next evaluation date, and makes
// the evaluation evidence for the partner-security criteria its questions serve.

type Refusal = { ok: false; errors: FieldErrors };
type Answers = Record<string, { option: string; comment?: string }>;

/** The newest questionnaire for a role. */
export async function questionnaireForRole(db: Executor, role: PartnerRole): Promise<Questionnaire | null> {
  const rows = await db
    .select()
    .from(questionnaires)
    .where(sql`${role} = any(${questionnaires.roles})`)
    .orderBy(desc(questionnaires.version))
    .limit(1);
  return rows[0] ?? null;
}

async function audit(
  tx: Executor,
  actor: { organizationId: string; userId: string | null },
  action: "create" | "update",
  id: string,
  before: unknown,
  after: unknown,
) {
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action,
    entityType: "partner_evaluation",
    entityId: id,
    before,
    after,
  });
}

/** Starts an evaluation of a partner in one of its roles, with that role's questionnaire. */
export async function startEvaluation(
  db: Database,
  actor: Actor,
  partnerId: string,
  role: PartnerRole,
): Promise<{ ok: true; id: string } | Refusal | null> {
  return db.transaction(async (tx) => {
    const partner = await getPartner(tx, actor.organizationId, partnerId);
    if (!partner) return null;
    if (!partner.roles.includes(role)) return refused({ role: message("errors.choose") });
    const questionnaire = await questionnaireForRole(tx, role);
    if (!questionnaire) throw new Error(`startEvaluation: no questionnaire for ${role}`);
    const open = await openEvaluation(tx, actor.organizationId, partnerId);
    if (open) return refused({ form: message("partners.evaluationOpen", { reference: evaluationReference(open.number) }) });
    const number = await nextRunningNumber(tx, actor.organizationId, partnerEvaluations);
    const [row] = await tx
      .insert(partnerEvaluations)
      .values({
        organizationId: actor.organizationId,
        partnerId,
        number,
        kind: "questionnaire",
        questionnaireId: questionnaire.id,
        role,
        createdByUserId: actor.userId,
      })
      .returning();
    await audit(tx, actor, "create", row!.id, null, row);
    return { ok: true as const, id: row!.id };
  });
}

/** The evaluation of the partner that is not decided yet, if any: one at a time. */
async function openEvaluation(tx: Executor, orgId: string, partnerId: string) {
  const [row] = await tx
    .select()
    .from(partnerEvaluations)
    .where(
      and(
        eq(partnerEvaluations.organizationId, orgId),
        eq(partnerEvaluations.partnerId, partnerId),
        sql`${partnerEvaluations.status} <> 'decided'`,
      ),
    );
  return row ?? null;
}

/**
 * Prepares an exemption: the partner is itself an AEO (CN-2022 item 15), so no full evaluation; the
 * certificate must be on file and valid today. A second person decides it like any evaluation.
 */
export async function prepareExemption(
  db: Database,
  actor: Actor & { timeZone: string },
  partnerId: string,
): Promise<{ ok: true; id: string } | Refusal | null> {
  return db.transaction(async (tx) => {
    const partner = await getPartner(tx, actor.organizationId, partnerId);
    if (!partner) return null;
    const problem = exemptionProblem(partner, todayInZone(actor.timeZone));
    if (problem) return refused({ form: problem });
    const open = await openEvaluation(tx, actor.organizationId, partnerId);
    if (open) return refused({ form: message("partners.evaluationOpen", { reference: evaluationReference(open.number) }) });
    const number = await nextRunningNumber(tx, actor.organizationId, partnerEvaluations);
    const [row] = await tx
      .insert(partnerEvaluations)
      .values({
        organizationId: actor.organizationId,
        partnerId,
        number,
        kind: "exemption",
        role: partner.roles[0] ?? "other",
        status: "prepared",
        tier: "low",
        reasons: [{ kind: "exempt" }],
        preparedByUserId: actor.userId,
        preparedAt: new Date(),
        createdByUserId: actor.userId,
      })
      .returning();
    await audit(tx, actor, "create", row!.id, null, row);
    return { ok: true as const, id: row!.id };
  });
}

/** Why the partner cannot be exempt today (no AEO programme, no certificate on file, expired), if it cannot. */
function exemptionProblem(partner: Partner, today: string): string | null {
  if (partner.aeoProgramme === "none" || !partner.aeoCertificateFileId || !partner.aeoValidUntil) {
    return message("partners.exemptionNeedsCertificate");
  }
  if (partner.aeoValidUntil < today) return message("partners.exemptionExpired", { date: partner.aeoValidUntil });
  return null;
}

function scoreOf(
  questionnaire: Questionnaire,
  answers: Answers,
  policy: { lowTierMinScore: number; mediumTierMinScore: number },
): EvaluationScore {
  return scoreEvaluation(questionnaire.questions, answers, policy);
}

/** Keeps only answers to the questionnaire's questions with one of their options; comments capped. */
export function cleanAnswers(questionnaire: Questionnaire, raw: Record<string, unknown>): Answers {
  const answers: Answers = {};
  for (const question of questionnaire.questions) {
    const option = raw[`answer_${question.key}`];
    const comment = raw[`comment_${question.key}`];
    if (typeof option !== "string" || !question.options.some((o) => o.key === option)) continue;
    answers[question.key] = {
      option,
      ...(typeof comment === "string" && comment.trim() ? { comment: comment.trim().slice(0, 1000) } : {}),
    };
  }
  return answers;
}

async function lockEvaluation(tx: Executor, orgId: string, evaluationId: string) {
  const [row] = await tx
    .select()
    .from(partnerEvaluations)
    .where(and(eq(partnerEvaluations.organizationId, orgId), eq(partnerEvaluations.id, evaluationId)))
    .for("update");
  return row ?? null;
}

async function questionnaireOf(tx: Executor, evaluation: PartnerEvaluation): Promise<Questionnaire | null> {
  if (!evaluation.questionnaireId) return null;
  const [row] = await tx.select().from(questionnaires).where(eq(questionnaires.id, evaluation.questionnaireId));
  return row ?? null;
}

/**
 * Saves the reviewer's answers (a draft, or the partner's answers under review). With `prepare`,
 * every question must be answered; the evaluation then waits for a second person's decision.
 */
export async function saveEvaluationAnswers(
  db: Database,
  actor: Actor,
  evaluationId: string,
  raw: Record<string, unknown>,
  prepare: boolean,
): Promise<{ ok: true } | Refusal | null> {
  return db.transaction(async (tx) => {
    const before = await lockEvaluation(tx, actor.organizationId, evaluationId);
    if (!before) return null;
    if (before.status === "prepared" || before.status === "decided") return refused({ form: message("partners.evaluationClosed") });
    const questionnaire = await questionnaireOf(tx, before);
    if (!questionnaire) return refused({ form: message("errors.invalid") });
    const answers = cleanAnswers(questionnaire, raw);
    const policy = await getPartnerPolicy(tx, actor.organizationId);
    const score = scoreOf(questionnaire, answers, policy);
    if (prepare && score.unanswered.length) {
      return refused(Object.fromEntries(score.unanswered.map((key) => [`answer_${key}`, message("partners.answerRequired")])));
    }
    const [after] = await tx
      .update(partnerEvaluations)
      .set({
        answers,
        answeredByUserIds: [...new Set([...before.answeredByUserIds, actor.userId])],
        score: score.score,
        tier: score.tier,
        reasons: score.reasons,
        ...(prepare ? { status: "prepared" as const, preparedByUserId: actor.userId, preparedAt: new Date() } : {}),
        updatedAt: new Date(),
      })
      .where(eq(partnerEvaluations.id, evaluationId))
      .returning();
    await audit(tx, actor, "update", evaluationId, before, after);
    // Prepared, the answers are the reviewer's: a link still open could otherwise overwrite them.
    if (prepare) await revokeOpenLinks(tx, actor.organizationId, evaluationId);
    return { ok: true as const };
  });
}

async function revokeOpenLinks(tx: Executor, orgId: string, evaluationId: string) {
  await tx
    .update(questionnaireLinks)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(questionnaireLinks.organizationId, orgId),
        eq(questionnaireLinks.evaluationId, evaluationId),
        isNull(questionnaireLinks.revokedAt),
        isNull(questionnaireLinks.submittedAt),
      ),
    );
}

/** Sends a prepared evaluation back to its preparer (before a decision): the answers can change again. */
export async function reopenEvaluation(db: Database, actor: Actor & { role: Role }, evaluationId: string) {
  return db.transaction(async (tx): Promise<{ ok: true } | Refusal | null> => {
    const before = await lockEvaluation(tx, actor.organizationId, evaluationId);
    if (!before) return null;
    if (before.status !== "prepared") return refused({ form: message("partners.evaluationClosed") });
    const [after] = await tx
      .update(partnerEvaluations)
      .set({
        status: before.kind === "exemption" ? "draft" : before.partnerSubmittedAt ? "partner_submitted" : "draft",
        preparedAt: null,
        preparedByUserId: null,
        updatedAt: new Date(),
      })
      .where(eq(partnerEvaluations.id, evaluationId))
      .returning();
    await audit(tx, actor, "update", evaluationId, before, after);
    return { ok: true as const };
  });
}

export interface Condition {
  title: string;
  ownerUserId: string;
  dueOn: string;
}

/** Creates the corrective actions of conditions or findings, inside the caller's transaction. */
export async function createConditionActions(
  tx: Executor,
  actor: Actor,
  source: { type: "partner_evaluation" | "supervision_check"; id: string; criterionId: string | null; description: string },
  conditions: readonly Condition[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const condition of conditions) {
    const number = await nextRunningNumber(tx, actor.organizationId, correctiveActions);
    const [action] = await tx
      .insert(correctiveActions)
      .values({
        organizationId: actor.organizationId,
        number,
        sourceType: source.type,
        sourceId: source.id,
        criterionId: source.criterionId,
        title: condition.title,
        description: source.description,
        ownerUserId: condition.ownerUserId,
        dueOn: condition.dueOn,
        createdByUserId: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "corrective_action",
      entityId: action!.id,
      after: action,
    });
    ids.push(action!.id);
  }
  return ids;
}

/** Checks conditions against the organisation's members and the day of the decision. */
export async function conditionErrors(db: Executor, orgId: string, conditions: readonly Condition[], today: string): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (!conditions.length) return errors;
  const members = await assignableMembers(db, orgId);
  conditions.forEach((c, i) => {
    if (!members.some((m) => m.userId === c.ownerUserId)) errors[`condition_${i + 1}_ownerUserId`] = message("errors.choose");
    if (c.dueOn < today) errors[`condition_${i + 1}_dueOn`] = message("partners.dueInPast");
  });
  return errors;
}

const EXEMPTION_CRITERIA = [
  { framework: "cn-2022-advanced", key: "55" },
  { framework: "cn-2014-general", key: "24" },
  { framework: "ctpat-msc", key: "3.4" },
  { framework: "wco-safe-aeo", key: "K" },
] as const;

/**
 * The decision, by someone other than the preparer. Sets the partner's status, tier and dates,
 * raises the conditions as corrective actions, and links the evaluation as evidence.
 */
export async function decideEvaluation(
  db: Database,
  actor: Actor & { role: Role; timeZone: string },
  evaluationId: string,
  values: { decision: "approved" | "approved_with_conditions" | "rejected"; note?: string; conditions: readonly Condition[] },
): Promise<{ ok: true } | Refusal | null> {
  const today = todayInZone(actor.timeZone);
  const errors = await conditionErrors(db, actor.organizationId, values.conditions, today);
  if (Object.keys(errors).length) return refused(errors);
  return db.transaction(async (tx) => {
    const before = await lockEvaluation(tx, actor.organizationId, evaluationId);
    if (!before) return null;
    if (!canDecideEvaluation(actor.role, actor.userId, before)) {
      return refused({
        form: message(
          before.status !== "prepared"
            ? "partners.notPrepared"
            : hadAHand(actor.userId, before)
              ? "partners.fourEyes"
              : "partners.decideNotAllowed",
        ),
      });
    }
    const partner = (await tx.select().from(partners).where(eq(partners.id, before.partnerId)).for("update"))[0] as Partner;
    // The certificate is checked again: it may have expired, or the partner's AEO details changed, since preparation.
    if (before.kind === "exemption" && values.decision !== "rejected") {
      const problem = exemptionProblem(partner, today);
      if (problem) return refused({ form: problem });
    }
    const policy = await getPartnerPolicy(tx, actor.organizationId);
    const tier = before.tier ?? "high";
    const [after] = await tx
      .update(partnerEvaluations)
      .set({
        status: "decided",
        decision: values.decision,
        decisionNote: values.note ?? null,
        decidedByUserId: actor.userId,
        decidedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(partnerEvaluations.id, evaluationId))
      .returning();
    await audit(tx, actor, "update", evaluationId, before, after);
    const status =
      values.decision === "approved" ? "approved" : values.decision === "approved_with_conditions" ? "conditional" : "rejected";
    const exempt = before.kind === "exemption" && values.decision !== "rejected";
    const [partnerAfter] = await tx
      .update(partners)
      .set({
        status,
        riskTier: tier,
        exempt,
        lastEvaluatedOn: today,
        // A rejected partner is not re-evaluated on a schedule: it is not used.
        nextEvaluationOn:
          values.decision === "rejected" ? null : nextEvaluationOn(today, tier, policy, exempt ? partner.aeoValidUntil : null),
        updatedAt: new Date(),
      })
      .where(eq(partners.id, partner.id))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "partner",
      entityId: partner.id,
      before: partner,
      after: partnerAfter,
    });

    // The evaluation proves the partner-security criteria (vetting, AEO evidence, due diligence), not
    // the controls its questions ask the partner about: those are the partner's, not ours.
    const refs =
      before.kind === "exemption"
        ? [...EXEMPTION_CRITERIA]
        : [
            ...evidenceRecordTypes.partner_evaluation.feeds,
            { framework: "ctpat-msc" as const, key: "3.5" },
            ...(partner.aeoProgramme !== "none" ? [{ framework: "ctpat-msc" as const, key: "3.4" }] : []),
          ];
    const resolved = await resolveCriterionRefs(tx, refs);
    await setEvidenceLinks(tx, { ...actor, recordType: "partner_evaluation", recordId: evaluationId, occurredAt: after!.decidedAt! }, [
      ...new Set(resolved.values()),
    ]);
    const criterionId = resolved.get("cn-2022-advanced/55") ?? null;
    await createConditionActions(
      tx,
      actor,
      {
        type: "partner_evaluation",
        id: evaluationId,
        criterionId,
        description: `${partnerReference(partner.number)} ${partner.legalNameZh || partner.legalNameEn}`,
      },
      values.conditions,
    );
    return { ok: true as const };
  });
}

export async function listEvaluations(db: Executor, orgId: string, partnerId: string) {
  return db
    .select()
    .from(partnerEvaluations)
    .where(and(eq(partnerEvaluations.organizationId, orgId), eq(partnerEvaluations.partnerId, partnerId)))
    .orderBy(desc(partnerEvaluations.number));
}

export async function getEvaluation(db: Executor, orgId: string, evaluationId: string) {
  const [row] = await db
    .select({ evaluation: partnerEvaluations, partner: partners })
    .from(partnerEvaluations)
    .innerJoin(partners, eq(partners.id, partnerEvaluations.partnerId))
    .where(and(eq(partnerEvaluations.organizationId, orgId), eq(partnerEvaluations.id, evaluationId)));
  if (!row) return null;
  const [questionnaire, links, documents, actions] = await Promise.all([
    questionnaireOf(db, row.evaluation),
    db
      .select()
      .from(questionnaireLinks)
      .where(and(eq(questionnaireLinks.organizationId, orgId), eq(questionnaireLinks.evaluationId, evaluationId)))
      .orderBy(desc(questionnaireLinks.createdAt)),
    documentsOf(db, orgId, row.partner.id, evaluationId),
    db
      .select()
      .from(correctiveActions)
      .where(
        and(
          eq(correctiveActions.organizationId, orgId),
          eq(correctiveActions.sourceType, "partner_evaluation"),
          eq(correctiveActions.sourceId, evaluationId),
        ),
      )
      .orderBy(asc(correctiveActions.number)),
  ]);
  return { ...row, questionnaire, links, documents, actions };
}

export async function documentsOf(db: Executor, orgId: string, partnerId: string, evaluationId?: string) {
  return db
    .select({ document: partnerDocuments, file: evidenceFiles })
    .from(partnerDocuments)
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, partnerDocuments.fileId))
    .where(
      and(
        eq(partnerDocuments.organizationId, orgId),
        eq(partnerDocuments.partnerId, partnerId),
        evaluationId ? eq(partnerDocuments.evaluationId, evaluationId) : undefined,
      ),
    )
    .orderBy(asc(partnerDocuments.createdAt));
}

/**
 * A link for the partner to answer the evaluation's questionnaire itself, valid `days` days. The
 * token is returned once (the table keeps its hash); with `email`, it is also sent to the partner.
 */
export async function createQuestionnaireLink(
  db: Database,
  actor: Actor & { name: string; timeZone: string },
  evaluationId: string,
  values: { locale: Locale; days: number; email?: string },
  baseUrl: string,
): Promise<{ ok: true; url: string } | Refusal | null> {
  // The template loads with the first email of its kind: react-email is too heavy for every start.
  const { PartnerQuestionnaireEmail, partnerQuestionnaireSubject } = await import("../../../emails/partner-questionnaire");
  const result = await db.transaction(async (tx) => {
    const before = await lockEvaluation(tx, actor.organizationId, evaluationId);
    if (!before) return null;
    if (before.kind !== "questionnaire" || (before.status !== "draft" && before.status !== "awaiting_partner")) {
      return refused({ form: message("partners.linkNotNow") });
    }
    // One live link per evaluation: a new one replaces the old.
    await revokeOpenLinks(tx, actor.organizationId, evaluationId);
    const token = newToken();
    const expiresAt = addDays(new Date(), values.days);
    const [link] = await tx
      .insert(questionnaireLinks)
      .values({
        organizationId: actor.organizationId,
        partnerId: before.partnerId,
        evaluationId,
        tokenHash: hashToken(token),
        locale: values.locale,
        sentTo: values.email ?? null,
        expiresAt,
        createdByUserId: actor.userId,
      })
      .returning();
    const [after] = await tx
      .update(partnerEvaluations)
      .set({ status: "awaiting_partner", updatedAt: new Date() })
      .where(eq(partnerEvaluations.id, evaluationId))
      .returning();
    await audit(tx, actor, "update", evaluationId, before, after);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "questionnaire_link",
      entityId: link!.id,
      after: link,
    });
    const url = `${baseUrl}/q/${token}`;
    let email = null;
    if (values.email) {
      const [org] = await tx.select().from(organizations).where(eq(organizations.id, actor.organizationId));
      const partner = await getPartner(tx, actor.organizationId, before.partnerId);
      const zh = values.locale === "zh-CN";
      const organizationName = (zh ? org?.legalNameZh || org?.legalNameEn : org?.legalNameEn || org?.legalNameZh) ?? "";
      const props = {
        locale: values.locale,
        organizationName,
        partnerName: (zh ? partner?.legalNameZh || partner?.legalNameEn : partner?.legalNameEn || partner?.legalNameZh) ?? "",
        senderName: actor.name,
        url,
        expiresAt: formatDateTime(expiresAt, values.locale, actor.timeZone),
      };
      email = await storeEmail(tx, {
        organizationId: actor.organizationId,
        kind: "partner_questionnaire",
        to: values.email,
        subject: partnerQuestionnaireSubject(props),
        element: createElement(PartnerQuestionnaireEmail, props),
      });
    }
    return { ok: true as const, url, email };
  });
  return result && result.ok ? { ok: true, url: result.url } : result;
}

/** Revokes a link of the evaluation (a link of another evaluation names nothing here). */
export async function revokeQuestionnaireLink(db: Database, actor: Actor, evaluationId: string, linkId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(questionnaireLinks)
      .where(
        and(
          eq(questionnaireLinks.organizationId, actor.organizationId),
          eq(questionnaireLinks.evaluationId, evaluationId),
          eq(questionnaireLinks.id, linkId),
        ),
      )
      .for("update");
    if (!before || before.revokedAt) return false;
    const [after] = await tx.update(questionnaireLinks).set({ revokedAt: new Date() }).where(eq(questionnaireLinks.id, linkId)).returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "questionnaire_link",
      entityId: linkId,
      before,
      after,
    });
    return true;
  });
}

export type LinkState = "open" | "expired" | "revoked" | "submitted";

export function linkState(link: { expiresAt: Date; revokedAt: Date | null; submittedAt: Date | null }, now = new Date()): LinkState {
  if (link.submittedAt) return "submitted";
  if (link.revokedAt) return "revoked";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "open";
}

/**
 * What a questionnaire link opens: its one partner's one evaluation, with the questionnaire. Null
 * for an unknown token; a known but closed one says why (expired, revoked, already answered).
 */
export async function openQuestionnaireLink(db: Database, token: string, now = new Date()) {
  const [row] = await db
    .select({ link: questionnaireLinks, evaluation: partnerEvaluations, partner: partners, organization: organizations })
    .from(questionnaireLinks)
    .innerJoin(partnerEvaluations, eq(partnerEvaluations.id, questionnaireLinks.evaluationId))
    .innerJoin(partners, and(eq(partners.id, questionnaireLinks.partnerId), eq(partners.organizationId, questionnaireLinks.organizationId)))
    .innerJoin(organizations, eq(organizations.id, questionnaireLinks.organizationId))
    .where(eq(questionnaireLinks.tokenHash, hashToken(token)));
  if (!row) return null;
  const state = linkState(row.link, now);
  const questionnaire = await questionnaireOf(db, row.evaluation);
  return { ...row, state, questionnaire };
}

/**
 * The partner's answers and documents through its link. Saved as it goes; with `submit`, every
 * question must be answered, and the link closes: procurement reviews before the answers count.
 */
export async function answerThroughLink(
  db: Database,
  token: string,
  raw: Record<string, unknown>,
  files: { questionKey: string | null; file: CheckedUpload }[],
  submit: boolean,
): Promise<{ ok: true; submitted: boolean } | Refusal | { ok: false; closed: LinkState } | null> {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select()
      .from(questionnaireLinks)
      .where(eq(questionnaireLinks.tokenHash, hashToken(token)))
      .for("update");
    if (!link) return null;
    const state = linkState(link);
    if (state !== "open") return { ok: false as const, closed: state };
    const before = await lockEvaluation(tx, link.organizationId, link.evaluationId);
    if (!before) return null;
    // Prepared or decided, the evaluation no longer takes the partner's answers.
    if (before.status !== "draft" && before.status !== "awaiting_partner") return { ok: false as const, closed: "revoked" as const };
    const questionnaire = await questionnaireOf(tx, before);
    if (!questionnaire) return null;
    const answers = cleanAnswers(questionnaire, raw);
    const policy = await getPartnerPolicy(tx, link.organizationId);
    const score = scoreOf(questionnaire, answers, policy);
    if (submit && score.unanswered.length) {
      return refused(Object.fromEntries(score.unanswered.map((key) => [`answer_${key}`, message("partners.answerRequired")])));
    }
    const external = { organizationId: link.organizationId, userId: null };
    for (const { questionKey, file } of files) {
      const stored = await storeFile(tx, { organizationId: link.organizationId, userId: null }, file);
      await tx.insert(partnerDocuments).values({
        organizationId: link.organizationId,
        partnerId: link.partnerId,
        evaluationId: link.evaluationId,
        questionKey: questionnaire.questions.some((q) => q.key === questionKey) ? questionKey : null,
        fileId: stored.id,
        source: "link",
      });
    }
    const [after] = await tx
      .update(partnerEvaluations)
      .set({
        answers,
        score: score.score,
        tier: score.tier,
        reasons: score.reasons,
        ...(submit ? { status: "partner_submitted" as const, partnerAnswers: answers, partnerSubmittedAt: new Date() } : {}),
        updatedAt: new Date(),
      })
      .where(eq(partnerEvaluations.id, before.id))
      .returning();
    await audit(tx, external, "update", before.id, before, after);
    await tx
      .update(questionnaireLinks)
      .set({ lastOpenedAt: new Date(), ...(submit ? { submittedAt: new Date() } : {}) })
      .where(eq(questionnaireLinks.id, link.id));
    return { ok: true as const, submitted: submit };
  });
}

/** Evaluations waiting for a decision, for the dashboard and the partner list. */
export async function evaluationsAwaitingDecision(db: Database, orgId: string, listed: number) {
  // Through the partial index partner_evaluations_awaiting_decision: the open evaluations only.
  const rows = await db
    .select({ evaluation: partnerEvaluations, partner: partners, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(partnerEvaluations)
    .innerJoin(partners, eq(partners.id, partnerEvaluations.partnerId))
    .where(and(eq(partnerEvaluations.organizationId, orgId), sql`${partnerEvaluations.status} in ('prepared', 'partner_submitted')`))
    .orderBy(asc(partnerEvaluations.updatedAt))
    .limit(listed);
  return { rows: rows.map(({ evaluation, partner }) => ({ evaluation, partner })), total: rows[0]?.total ?? 0 };
}

/** Links still open for the partner, to show and revoke. */
export async function openLinksOf(db: Database, orgId: string, partnerId: string) {
  return db
    .select()
    .from(questionnaireLinks)
    .where(
      and(
        eq(questionnaireLinks.organizationId, orgId),
        eq(questionnaireLinks.partnerId, partnerId),
        isNull(questionnaireLinks.revokedAt),
        isNull(questionnaireLinks.submittedAt),
        gt(questionnaireLinks.expiresAt, new Date()),
      ),
    );
}

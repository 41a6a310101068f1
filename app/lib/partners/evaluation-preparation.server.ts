import { and, desc, eq, sql } from "drizzle-orm";
import { partnerEvaluations, questionnaires, type Questionnaire } from "../../../db/schema";
import type { Role } from "../auth/permissions";
import type { Database, Executor } from "../db-types.server";
import { refused } from "../form.server";
import { todayInZone } from "../i18n/format";
import { message } from "../i18n/messages";
import { nextRunningNumber } from "../organizations/running-number.server";
import type { Actor } from "../auth/actor";
import {
  audit,
  cleanAnswers,
  exemptionProblem,
  lockEvaluation,
  questionnaireOf,
  revokeOpenLinks,
  scoreOf,
  type Refusal,
} from "./evaluation-writes.server";
import { evaluationReference } from "./partner-references";
import type { PartnerRole } from "./partner-values";
import { getPartnerPolicy } from "./partner-policy.server";
import { getPartner } from "./partners.server";

// Partner evaluations from the first answer to the decision. Someone with partners.manage prepares
// an evaluation (answers it, or sends the partner a link and reviews what comes back); a second
// person with partners.decide approves, approves with conditions (each becomes a corrective action)
// or rejects. The decision sets the partner's status, risk tier and next evaluation date, and makes
// the evaluation evidence for the partner-security criteria its questions serve.
// This module starts evaluations and prepares them (answers, exemptions, reopening);
// evaluation-links holds the partner's questionnaire links, evaluation-decisions the decision,
// evaluation-queries the reads, and evaluation-writes what they share.

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
 * Prepares an exemption: the partner is itself China Customs advanced-certified (CN-2022 item 15), so no full evaluation; the
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
  /** When (the clock, or the demo seed's history). */
  now = new Date(),
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
        ...(prepare ? { status: "prepared" as const, preparedByUserId: actor.userId, preparedAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(partnerEvaluations.id, evaluationId))
      .returning();
    await audit(tx, actor, "update", evaluationId, before, after);
    // Prepared, the answers are the reviewer's: a link still open could otherwise overwrite them.
    if (prepare) await revokeOpenLinks(tx, actor.organizationId, evaluationId);
    return { ok: true as const };
  });
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

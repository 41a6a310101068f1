import { addDays } from "date-fns";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { createElement } from "react";
import { evidenceFiles, organizations, partnerDocuments, partnerEvaluations, partners, questionnaireLinks } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { hashToken, newToken } from "../auth/tokens.server";
import type { Database } from "../db-types.server";
import { storeEmail } from "../email/email.server";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { refused } from "../form.server";
import type { Locale } from "../i18n/config";
import { formatDateTime } from "../i18n/format";
import { message } from "../i18n/messages";
import type { Actor } from "../auth/actor";
import {
  audit,
  cleanAnswers,
  lockEvaluation,
  questionnaireOf,
  revokeOpenLinks,
  scoreOf,
  type Refusal,
} from "./evaluation-writes.server";
import { getPartnerPolicy } from "./partner-policy.server";
import { getPartner } from "./partners.server";

// The partner's questionnaire links: creating, revoking, opening and answering through one.

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
): Promise<{ ok: true; submitted: boolean } | Refusal | { ok: false; closed: Exclude<LinkState, "open"> } | null> {
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

/**
 * The documents the partner has uploaded through its links for this evaluation (names and sizes
 * only), so that a partner who saved part-way sees on its return what is already there.
 */
export async function documentsThroughLinks(db: Database, link: { organizationId: string; evaluationId: string }) {
  return db
    .select({
      id: partnerDocuments.id,
      questionKey: partnerDocuments.questionKey,
      name: evidenceFiles.originalName,
      sizeBytes: evidenceFiles.sizeBytes,
      uploadedAt: partnerDocuments.createdAt,
    })
    .from(partnerDocuments)
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, partnerDocuments.fileId))
    .where(
      and(
        eq(partnerDocuments.organizationId, link.organizationId),
        eq(partnerDocuments.evaluationId, link.evaluationId),
        eq(partnerDocuments.source, "link"),
      ),
    )
    .orderBy(asc(partnerDocuments.createdAt));
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

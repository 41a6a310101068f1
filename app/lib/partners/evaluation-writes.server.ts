import { and, eq, isNull } from "drizzle-orm";
import { partnerEvaluations, questionnaireLinks, questionnaires, type Partner, type PartnerEvaluation, type Questionnaire } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Executor } from "../db-types.server";
import type { FieldErrors } from "../form.server";
import { message } from "../i18n/messages";
import { scoreEvaluation, type EvaluationScore } from "./partner-scoring";

// What the evaluation modules share: the evaluation's audit event, locking it, its questionnaire,
// scoring and cleaning answers, the exemption check, and revoking its open links.

export type Refusal = { ok: false; errors: FieldErrors };
export type Answers = Record<string, { option: string; comment?: string }>;

export async function audit(
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

/**
 * Why the partner cannot be exempt today, if it cannot. CN-2022 item 15 exempts only a partner that is
 * itself a China Customs advanced-certified enterprise (高级认证企业); a CTPAT, EU AEO or other MRA
 * partner is still evaluated (its status counts in the evaluation, it does not replace it). Then the
 * certificate file and a validity date not passed.
 */
export function exemptionProblem(partner: Partner, today: string): string | null {
  if (partner.aeoProgramme !== "none" && partner.aeoProgramme !== "cn_advanced") return message("partners.exemptionChinaOnly");
  if (partner.aeoProgramme === "none" || !partner.aeoCertificateFileId || !partner.aeoValidUntil) {
    return message("partners.exemptionNeedsCertificate");
  }
  if (partner.aeoValidUntil < today) return message("partners.exemptionExpired", { date: partner.aeoValidUntil });
  return null;
}

export function scoreOf(
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

export async function lockEvaluation(tx: Executor, orgId: string, evaluationId: string) {
  const [row] = await tx
    .select()
    .from(partnerEvaluations)
    .where(and(eq(partnerEvaluations.organizationId, orgId), eq(partnerEvaluations.id, evaluationId)))
    .for("update");
  return row ?? null;
}

export async function questionnaireOf(tx: Executor, evaluation: PartnerEvaluation): Promise<Questionnaire | null> {
  if (!evaluation.questionnaireId) return null;
  const [row] = await tx.select().from(questionnaires).where(eq(questionnaires.id, evaluation.questionnaireId));
  return row ?? null;
}

export async function revokeOpenLinks(tx: Executor, orgId: string, evaluationId: string) {
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

import { and, asc, desc, eq, sql } from "drizzle-orm";
import { correctiveActions, evidenceFiles, partnerDocuments, partnerEvaluations, partners, questionnaireLinks } from "../../../db/schema";
import type { Database, Executor } from "../db-types.server";
import { questionnaireOf } from "./evaluation-writes.server";

// Reading evaluations: a partner's list, one evaluation with its links, documents and actions, and
// those awaiting a decision.

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

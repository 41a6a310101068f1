import { alias } from "drizzle-orm/pg-core";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { riskAssessments, riskThreats, users } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Actor } from "../auth/actor";
import type { Database, Executor } from "../db-types.server";
import { linkRecordEvidence, noon } from "../evidence/record-evidence.server";
import { refused, type FieldErrors } from "../form.server";
import type { Locale } from "../i18n/config";
import { message } from "../i18n/messages";
import { createI18n } from "../i18n/translations.server";
import { nextRunningNumber } from "../organizations/running-number.server";
import { formatReference } from "../references";
import { csvDocument } from "../spreadsheet-cells.server";
import { threatsOf, type RiskAssessmentValues } from "./risk-assessment-schema";
import { canApprove, riskLevel, riskScore } from "./risk-rules";

// Supply-chain risk assessments (CTPAT 2.1/2.3): written as a draft with its threats in one
// transaction, then approved by a manager who is not the author (four eyes); the approval links the
// assessment as evidence. The list, one assessment, the CSV export. Always the organisation's own.

export const riskAssessmentReference = (number: number) => formatReference("riskAssessment", number);

export async function createRiskAssessment(
  db: Database,
  actor: Actor,
  values: RiskAssessmentValues,
  now = new Date(),
): Promise<{ ok: true; id: string }> {
  const threats = threatsOf(values);
  return db.transaction(async (tx) => {
    const number = await nextRunningNumber(tx, actor.organizationId, riskAssessments);
    const [assessment] = await tx
      .insert(riskAssessments)
      .values({
        organizationId: actor.organizationId,
        number,
        subjectKind: values.subjectKind,
        subject: values.subject,
        assessedOn: values.assessedOn,
        nextReviewOn: values.nextReviewOn,
        summary: values.summary,
        createdByUserId: actor.userId,
        createdAt: now,
      })
      .returning();
    const rows = await tx
      .insert(riskThreats)
      .values(threats.map((t) => ({ ...t, organizationId: actor.organizationId, assessmentId: assessment!.id })))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "risk_assessment",
      entityId: assessment!.id,
      after: { ...assessment, threats: rows },
    });
    return { ok: true as const, id: assessment!.id };
  });
}

/** Approves a draft: never by its author. Null when the assessment is not the organisation's. */
export async function approveRiskAssessment(
  db: Database,
  actor: Actor,
  id: string,
  note: string | undefined,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; errors: FieldErrors } | null> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(riskAssessments)
      .where(and(eq(riskAssessments.organizationId, actor.organizationId), eq(riskAssessments.id, id)))
      .for("update");
    if (!before) return null;
    if (before.status !== "draft") return refused({ form: message("riskAssessments.errors.alreadyApproved") });
    if (!canApprove(before, actor.userId)) return refused({ form: message("riskAssessments.errors.ownApproval") });
    const [after] = await tx
      .update(riskAssessments)
      .set({ status: "approved", approvedByUserId: actor.userId, approvedAt: now, approvalNote: note ?? null })
      .where(and(eq(riskAssessments.organizationId, actor.organizationId), eq(riskAssessments.id, id)))
      .returning();
    await linkRecordEvidence(tx, actor, { recordType: "risk_assessment", recordId: id, occurredAt: noon(before.assessedOn) });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "risk_assessment",
      entityId: id,
      before,
      after,
    });
    return { ok: true as const };
  });
}

const author = alias(users, "author");
const approver = alias(users, "approver");

/** The organisation's risk assessments, newest first, with their threat count and highest score. */
export async function listRiskAssessments(db: Executor, orgId: string) {
  const rows = await db
    .select({
      assessment: riskAssessments,
      authorName: author.name,
      approverName: approver.name,
      threatCount: sql<number>`(select count(*) from ${riskThreats} t where t.organization_id = ${riskAssessments.organizationId} and t.assessment_id = ${riskAssessments.id})`.mapWith(Number),
      topScore: sql<number>`(select coalesce(max(t.likelihood * t.impact), 0) from ${riskThreats} t where t.organization_id = ${riskAssessments.organizationId} and t.assessment_id = ${riskAssessments.id})`.mapWith(Number),
    })
    .from(riskAssessments)
    .leftJoin(author, eq(author.id, riskAssessments.createdByUserId))
    .leftJoin(approver, eq(approver.id, riskAssessments.approvedByUserId))
    .where(eq(riskAssessments.organizationId, orgId))
    .orderBy(desc(riskAssessments.assessedOn), desc(riskAssessments.number))
    .limit(500);
  return rows.map((r) => ({
    id: r.assessment.id,
    reference: riskAssessmentReference(r.assessment.number),
    subjectKind: r.assessment.subjectKind,
    subject: r.assessment.subject,
    assessedOn: r.assessment.assessedOn,
    nextReviewOn: r.assessment.nextReviewOn,
    status: r.assessment.status,
    summary: r.assessment.summary,
    threatCount: r.threatCount,
    topScore: r.topScore,
    topLevel: riskLevel(r.topScore),
    authorName: r.authorName,
    approverName: r.approverName,
  }));
}

/** One assessment with its threats, or null (another organisation's is not found). */
export async function getRiskAssessment(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select({ assessment: riskAssessments, authorName: author.name, approverName: approver.name })
    .from(riskAssessments)
    .leftJoin(author, eq(author.id, riskAssessments.createdByUserId))
    .leftJoin(approver, eq(approver.id, riskAssessments.approvedByUserId))
    .where(and(eq(riskAssessments.organizationId, orgId), eq(riskAssessments.id, id)));
  if (!row) return null;
  const threats = await db
    .select()
    .from(riskThreats)
    .where(and(eq(riskThreats.organizationId, orgId), eq(riskThreats.assessmentId, id)))
    .orderBy(asc(riskThreats.position));
  return {
    assessment: row.assessment,
    reference: riskAssessmentReference(row.assessment.number),
    authorName: row.authorName,
    approverName: row.approverName,
    threats: threats.map((t) => {
      const score = riskScore(t.likelihood, t.impact);
      return { id: t.id, position: t.position, threat: t.threat, likelihood: t.likelihood, impact: t.impact, mitigation: t.mitigation, score, level: riskLevel(score) };
    }),
  };
}

/** The register as CSV in the reader's language: one row per assessment. */
export async function riskAssessmentsCsv(db: Executor, orgId: string, locale: Locale, origin: string): Promise<string> {
  const { t } = createI18n(locale);
  const rows = await listRiskAssessments(db, orgId);
  const columns = ["reference", "subjectKind", "subject", "assessedOn", "nextReviewOn", "threats", "topScore", "status", "author", "approver", "link"] as const;
  return csvDocument(
    columns.map((c) => t(`riskAssessments.csv.${c}`)),
    rows.map((r) => [
      r.reference,
      t(`riskAssessments.subjectKinds.${r.subjectKind}`),
      r.subject,
      r.assessedOn,
      r.nextReviewOn,
      r.threatCount,
      `${r.topScore} ${t(`riskAssessments.levels.${r.topLevel}`)}`,
      t(`riskAssessments.statuses.${r.status}`),
      r.authorName ?? "",
      r.approverName ?? "",
      `${origin}/risk-assessments/${r.id}`,
    ]),
  );
}

import { alias } from "drizzle-orm/pg-core";
import { and, asc, desc, eq, lte, or, sql } from "drizzle-orm";
import { continuityPlans, continuityTestFindings, continuityTests, correctiveActions, evidenceFiles, users } from "../../../db/schema";
import type { Executor } from "../db-types.server";
import { formatReference } from "../references";
import { dayAfter } from "../attention/attention-rules";
import type { ContinuityFilter } from "./continuity-filter";
import { CONTINUITY_DUE_DAYS, continuityPlanReference, continuityTestReference } from "./continuity-rules";

// Reading continuity plans and their tests: the list with its filters, one plan with its tests and
// their findings, the plans due for review or test (the attention model). Every query is the
// organisation's own; the CSV export is continuity-export.server.ts.

const author = alias(users, "author");
const approver = alias(users, "approver");

/** The organisation's plans, next review first, with their test count and latest result. */
export async function listContinuityPlans(db: Executor, orgId: string, filter: ContinuityFilter, today: string) {
  const soon = dayAfter(today, CONTINUITY_DUE_DAYS);
  const rows = await db
    .select({
      plan: continuityPlans,
      authorName: author.name,
      approverName: approver.name,
      testCount: sql<number>`(select count(*) from ${continuityTests} t where t.organization_id = ${continuityPlans.organizationId} and t.plan_id = ${continuityPlans.id})`.mapWith(Number),
      lastResult: sql<string | null>`(select t.result from ${continuityTests} t where t.organization_id = ${continuityPlans.organizationId} and t.plan_id = ${continuityPlans.id} order by t.tested_on desc, t.number desc limit 1)`,
    })
    .from(continuityPlans)
    .leftJoin(author, eq(author.id, continuityPlans.createdByUserId))
    .leftJoin(approver, eq(approver.id, continuityPlans.approvedByUserId))
    .where(
      and(
        eq(continuityPlans.organizationId, orgId),
        filter.status ? eq(continuityPlans.status, filter.status) : undefined,
        filter.disruption ? sql`${filter.disruption} = any(${continuityPlans.disruptions})` : undefined,
        filter.due ? or(lte(continuityPlans.nextReviewOn, soon), lte(continuityPlans.nextTestOn, soon)) : undefined,
      ),
    )
    .orderBy(asc(continuityPlans.nextReviewOn), desc(continuityPlans.number))
    .limit(500);
  return rows.map((r) => ({
    id: r.plan.id,
    reference: continuityPlanReference(r.plan.number),
    title: r.plan.title,
    scope: r.plan.scope,
    disruptions: r.plan.disruptions,
    recoveryHours: r.plan.recoveryHours,
    version: r.plan.version,
    revisedOn: r.plan.revisedOn,
    nextReviewOn: r.plan.nextReviewOn,
    nextTestOn: r.plan.nextTestOn,
    lastTestedOn: r.plan.lastTestedOn,
    lastResult: r.lastResult as (typeof continuityTests.$inferSelect)["result"] | null,
    status: r.plan.status,
    testCount: r.testCount,
    authorName: r.authorName,
    approverName: r.approverName,
    reviewDue: r.plan.nextReviewOn <= soon,
    testDue: r.plan.nextTestOn <= soon,
  }));
}

/** One plan with its tests (newest first) and their findings, or null (another organisation's is not found). */
export async function getContinuityPlan(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select({ plan: continuityPlans, authorName: author.name, approverName: approver.name, fileName: evidenceFiles.originalName })
    .from(continuityPlans)
    .leftJoin(author, eq(author.id, continuityPlans.createdByUserId))
    .leftJoin(approver, eq(approver.id, continuityPlans.approvedByUserId))
    .leftJoin(evidenceFiles, and(eq(evidenceFiles.organizationId, orgId), eq(evidenceFiles.id, continuityPlans.fileId)))
    .where(and(eq(continuityPlans.organizationId, orgId), eq(continuityPlans.id, id)));
  if (!row) return null;
  const [tests, findings] = await Promise.all([
    db
      .select({ test: continuityTests, recordedByName: users.name })
      .from(continuityTests)
      .leftJoin(users, eq(users.id, continuityTests.createdByUserId))
      .where(and(eq(continuityTests.organizationId, orgId), eq(continuityTests.planId, id)))
      .orderBy(desc(continuityTests.testedOn), desc(continuityTests.number)),
    db
      .select({
        testId: continuityTestFindings.testId,
        position: continuityTestFindings.position,
        description: continuityTestFindings.description,
        actionId: correctiveActions.id,
        actionNumber: correctiveActions.number,
        actionStatus: correctiveActions.status,
        actionDueOn: correctiveActions.dueOn,
        actionOwnerName: users.name,
      })
      .from(continuityTestFindings)
      .innerJoin(continuityTests, and(eq(continuityTests.organizationId, orgId), eq(continuityTests.id, continuityTestFindings.testId)))
      .leftJoin(correctiveActions, and(eq(correctiveActions.organizationId, orgId), eq(correctiveActions.id, continuityTestFindings.actionId)))
      .leftJoin(users, eq(users.id, correctiveActions.ownerUserId))
      .where(and(eq(continuityTestFindings.organizationId, orgId), eq(continuityTests.planId, id)))
      .orderBy(asc(continuityTestFindings.position)),
  ]);
  return {
    plan: row.plan,
    reference: continuityPlanReference(row.plan.number),
    authorName: row.authorName,
    approverName: row.approverName,
    fileName: row.fileName,
    tests: tests.map(({ test, recordedByName }) => ({
      ...test,
      reference: continuityTestReference(test.number),
      recordedByName,
      findings: findings
        .filter((f) => f.testId === test.id)
        .map((f) => ({ ...f, actionReference: f.actionNumber === null ? null : formatReference("correctiveAction", f.actionNumber) })),
    })),
  };
}

/** Plans whose review or next test falls on or before `by` (the attention model's source). */
export async function continuityPlansDueBy(db: Executor, orgId: string, by: string, limit: number) {
  return db
    .select({
      id: continuityPlans.id,
      number: continuityPlans.number,
      title: continuityPlans.title,
      nextReviewOn: continuityPlans.nextReviewOn,
      nextTestOn: continuityPlans.nextTestOn,
    })
    .from(continuityPlans)
    .where(and(eq(continuityPlans.organizationId, orgId), or(lte(continuityPlans.nextReviewOn, by), lte(continuityPlans.nextTestOn, by))))
    .orderBy(asc(continuityPlans.nextReviewOn))
    .limit(limit);
}

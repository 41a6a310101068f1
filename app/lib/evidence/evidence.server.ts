import { subMonths } from "date-fns";
import { and, count, eq, inArray, max, sql } from "drizzle-orm";
import { criteria, evidenceLinks, policies } from "../../../db/schema";
import type { Database, Executor } from "../db.server";
import { COVERAGE_MONTHS, type EvidenceRecordTypeKey } from "./evidence-registry";

export interface LinkInput {
  organizationId: string;
  userId: string;
  recordType: EvidenceRecordTypeKey;
  recordId: string;
  occurredAt: Date;
}

/**
 * Makes the record's links exactly `criterionIds` (added and removed as needed), inside the caller's
 * transaction. Criterion ids were checked by the caller against the catalogue.
 */
export async function setEvidenceLinks(tx: Executor, input: LinkInput, criterionIds: readonly string[]) {
  const where = and(
    eq(evidenceLinks.organizationId, input.organizationId),
    eq(evidenceLinks.recordType, input.recordType),
    eq(evidenceLinks.recordId, input.recordId),
  );
  const existing = await tx.select({ criterionId: evidenceLinks.criterionId }).from(evidenceLinks).where(where);
  const have = new Set(existing.map((e) => e.criterionId));
  const want = new Set(criterionIds);
  const remove = [...have].filter((id) => !want.has(id));
  if (remove.length) await tx.delete(evidenceLinks).where(and(where, inArray(evidenceLinks.criterionId, remove)));
  const add = [...want].filter((id) => !have.has(id));
  if (add.length) {
    await tx.insert(evidenceLinks).values(
      add.map((criterionId) => ({
        organizationId: input.organizationId,
        criterionId,
        recordType: input.recordType,
        recordId: input.recordId,
        occurredAt: input.occurredAt,
        linkedByUserId: input.userId,
      })),
    );
  }
  // A record whose date changed (a new policy version) moves all its links with it.
  if (have.size) await tx.update(evidenceLinks).set({ occurredAt: input.occurredAt }).where(where);
}

/** Adds one link if it is not there yet. */
export async function addEvidenceLink(tx: Executor, input: LinkInput, criterionId: string) {
  await tx
    .insert(evidenceLinks)
    .values({
      organizationId: input.organizationId,
      criterionId,
      recordType: input.recordType,
      recordId: input.recordId,
      occurredAt: input.occurredAt,
      linkedByUserId: input.userId,
    })
    .onConflictDoNothing();
}

export interface CriterionCoverage {
  /** Dated records (not policies) in the last 12 months. */
  recent: number;
  /** Newest dated record, any age. */
  newest: Date | null;
  policies: { id: string; documentNumber: string; titleZh: string; titleEn: string }[];
  /** Record types that have supplied evidence for this criterion. */
  recordTypes: string[];
}

/** Evidence per criterion of one framework version, for one organisation. */
export async function coverageForFramework(
  db: Database,
  orgId: string,
  frameworkId: string,
  now = new Date(),
): Promise<Map<string, CriterionCoverage>> {
  const since = subMonths(now, COVERAGE_MONTHS);
  const inFramework = inArray(
    evidenceLinks.criterionId,
    db.select({ id: criteria.id }).from(criteria).where(eq(criteria.frameworkId, frameworkId)),
  );
  const dated = await db
    .select({
      criterionId: evidenceLinks.criterionId,
      recordType: evidenceLinks.recordType,
      recent: sql<number>`count(*) filter (where ${evidenceLinks.occurredAt} >= ${since.toISOString()}::timestamptz)`.mapWith(Number),
      newest: max(evidenceLinks.occurredAt),
    })
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.organizationId, orgId), inFramework, sql`${evidenceLinks.recordType} <> 'policy'`))
    .groupBy(evidenceLinks.criterionId, evidenceLinks.recordType);
  const linkedPolicies = await db
    .select({
      criterionId: evidenceLinks.criterionId,
      id: policies.id,
      documentNumber: policies.documentNumber,
      titleZh: policies.titleZh,
      titleEn: policies.titleEn,
    })
    .from(evidenceLinks)
    .innerJoin(policies, and(eq(policies.id, evidenceLinks.recordId), eq(policies.organizationId, orgId)))
    .where(and(eq(evidenceLinks.organizationId, orgId), eq(evidenceLinks.recordType, "policy"), inFramework))
    .orderBy(policies.documentNumber);

  const coverage = new Map<string, CriterionCoverage>();
  const entry = (id: string) => {
    let c = coverage.get(id);
    if (!c) coverage.set(id, (c = { recent: 0, newest: null, policies: [], recordTypes: [] }));
    return c;
  };
  for (const row of dated) {
    const c = entry(row.criterionId);
    c.recent += row.recent;
    const newest = row.newest ? new Date(row.newest) : null;
    if (newest && (!c.newest || newest > c.newest)) c.newest = newest;
    c.recordTypes.push(row.recordType);
  }
  for (const row of linkedPolicies) {
    const c = entry(row.criterionId);
    c.policies.push({ id: row.id, documentNumber: row.documentNumber, titleZh: row.titleZh, titleEn: row.titleEn });
    if (!c.recordTypes.includes("policy")) c.recordTypes.push("policy");
  }
  return coverage;
}

/** Counts for the dashboard: assessable criteria of a framework with and without current evidence. */
export async function coverageSummary(db: Database, orgId: string, frameworkId: string, now = new Date()) {
  const coverage = await coverageForFramework(db, orgId, frameworkId, now);
  const [row] = await db
    .select({ total: count() })
    .from(criteria)
    .where(and(eq(criteria.frameworkId, frameworkId), sql`cardinality(${criteria.options}) > 0`));
  const total = row?.total ?? 0;
  let withRecords = 0;
  let withPolicy = 0;
  for (const c of coverage.values()) {
    if (c.recent > 0) withRecords += 1;
    if (c.policies.length > 0) withPolicy += 1;
  }
  return { total, withRecords, withPolicy, since: subMonths(now, COVERAGE_MONTHS) };
}


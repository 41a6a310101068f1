import { and, eq, inArray, max, sql } from "drizzle-orm";
import { criteria, evidenceCoverage, evidenceLinks, policies } from "../../../db/schema";
import type { Database, Executor } from "../db-types.server";
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
  /** Dated records in the last 12 months, by record type. */
  recentByType: Record<string, number>;
}

/**
 * Evidence per criterion of one framework version, for one organisation. "Recent" counts the links
 * of the current calendar month and the COVERAGE_MONTHS - 1 before it, in the organisation's time
 * zone, read from the monthly counts (evidence_coverage): at 950,000 links the plan reads about
 * 1,500 month rows through the primary key (under 5 ms) instead of every link (200 ms).
 */
export async function coverageForFramework(
  db: Database,
  orgId: string,
  frameworkId: string,
  now = new Date(),
): Promise<Map<string, CriterionCoverage>> {
  const frameworkCriteria = db.select({ id: criteria.id }).from(criteria).where(eq(criteria.frameworkId, frameworkId));
  const firstMonth = sql`(date_trunc('month', ${now.toISOString()}::timestamptz at time zone (select time_zone from organizations where id = ${orgId})) - interval '${sql.raw(String(COVERAGE_MONTHS - 1))} months')::date`;
  const dated = await db
    .select({
      criterionId: evidenceCoverage.criterionId,
      recordType: evidenceCoverage.recordType,
      recent: sql<number>`coalesce(sum(${evidenceCoverage.links}) filter (where ${evidenceCoverage.month} >= ${firstMonth}), 0)`.mapWith(Number),
      newest: max(evidenceCoverage.newest),
    })
    .from(evidenceCoverage)
    .where(and(eq(evidenceCoverage.organizationId, orgId), inArray(evidenceCoverage.criterionId, frameworkCriteria), sql`${evidenceCoverage.recordType} <> 'policy'`))
    .groupBy(evidenceCoverage.criterionId, evidenceCoverage.recordType);
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
    .where(and(eq(evidenceLinks.organizationId, orgId), eq(evidenceLinks.recordType, "policy"), inArray(evidenceLinks.criterionId, frameworkCriteria)))
    .orderBy(policies.documentNumber);

  const coverage = new Map<string, CriterionCoverage>();
  const entry = (id: string) => {
    let c = coverage.get(id);
    if (!c) coverage.set(id, (c = { recent: 0, newest: null, policies: [], recordTypes: [], recentByType: {} }));
    return c;
  };
  for (const row of dated) {
    const c = entry(row.criterionId);
    c.recent += row.recent;
    const newest = row.newest ? new Date(row.newest) : null;
    if (newest && (!c.newest || newest > c.newest)) c.newest = newest;
    c.recordTypes.push(row.recordType);
    if (row.recent > 0) c.recentByType[row.recordType] = row.recent;
  }
  for (const row of linkedPolicies) {
    const c = entry(row.criterionId);
    c.policies.push({ id: row.id, documentNumber: row.documentNumber, titleZh: row.titleZh, titleEn: row.titleEn });
    if (!c.recordTypes.includes("policy")) c.recordTypes.push("policy");
  }
  return coverage;
}

/**
 * Recomputes an organisation's monthly evidence counts from its links. The triggers keep them in
 * step with every write; this is for links written with triggers off (the scale seeder's bulk
 * inserts under session_replication_role = replica) and to repair.
 */
export async function rebuildEvidenceCoverage(db: Executor, orgId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(evidenceCoverage).where(eq(evidenceCoverage.organizationId, orgId));
    await tx.execute(sql`
      insert into evidence_coverage (organization_id, criterion_id, record_type, month, links, newest)
      select l.organization_id, l.criterion_id, l.record_type, date_trunc('month', l.occurred_at at time zone o.time_zone)::date,
        count(*)::integer, max(l.occurred_at)
      from evidence_links l join organizations o on o.id = l.organization_id
      where l.organization_id = ${orgId}
      group by 1, 2, 3, 4`);
  });
}

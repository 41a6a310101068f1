import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { criteria, criterionMappings, crosswalkTopics, frameworks, type Criterion, type Framework } from "../../../db/schema";
import { compareVersions } from "../../../db/catalog/load";
import type { Database, Executor } from "../db.server";

// Read access to the catalogue. Frameworks are addressed by code; the newest loaded version is
// the current one, older versions stay for the assessments that used them.

export async function listFrameworks(db: Database): Promise<(Framework & { counts: Record<string, number> })[]> {
  const all = await db.select().from(frameworks);
  const newest = new Map<string, Framework>();
  for (const f of all) {
    const current = newest.get(f.code);
    if (!current || compareVersions(f.version, current.version) > 0) newest.set(f.code, f);
  }
  const list = [...newest.values()];
  if (!list.length) return [];
  const counts = await db
    .select({
      frameworkId: criteria.frameworkId,
      level: criteria.level,
      part: criteria.part,
      n: sql<number>`count(*)`.mapWith(Number),
      assessable: sql<number>`count(*) filter (where cardinality(${criteria.options}) > 0)`.mapWith(Number),
    })
    .from(criteria)
    .where(inArray(criteria.frameworkId, list.map((f) => f.id)))
    .groupBy(criteria.frameworkId, criteria.level, criteria.part);
  const order = ["cn-2022-advanced", "cn-2014-general", "ctpat-msc", "wco-safe-aeo"];
  return list
    .sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code))
    .map((f) => {
      const c: Record<string, number> = { assessable: 0 };
      for (const row of counts.filter((r) => r.frameworkId === f.id)) {
        const key = row.part === "business_type" ? `business_${row.level}` : row.level;
        c[key] = (c[key] ?? 0) + row.n;
        c.assessable = (c.assessable ?? 0) + row.assessable;
      }
      return { ...f, counts: c };
    });
}

/** The newest version of a framework by code, or a given version. */
export async function getFramework(db: Executor, code: string, version?: string): Promise<Framework | null> {
  const rows = await db
    .select()
    .from(frameworks)
    .where(version ? and(eq(frameworks.code, code), eq(frameworks.version, version)) : eq(frameworks.code, code));
  return rows.sort((a, b) => compareVersions(b.version, a.version))[0] ?? null;
}

export async function getFrameworkById(db: Executor, id: string): Promise<Framework | null> {
  const [row] = await db.select().from(frameworks).where(eq(frameworks.id, id));
  return row ?? null;
}

export async function listCriteria(db: Executor, frameworkId: string): Promise<Criterion[]> {
  return db.select().from(criteria).where(eq(criteria.frameworkId, frameworkId)).orderBy(asc(criteria.position));
}

export async function getCriterion(db: Executor, frameworkId: string, key: string): Promise<Criterion | null> {
  const [row] = await db
    .select()
    .from(criteria)
    .where(and(eq(criteria.frameworkId, frameworkId), eq(criteria.key, key)));
  return row ?? null;
}

export interface MappedCriterion {
  frameworkCode: string;
  key: string;
  code: string;
  titleZh: string;
  titleEn: string;
  topicKey: string;
}

/** For each criterion of a framework: the criteria of other frameworks that share a cross-walk topic. */
export async function mappingsForFramework(db: Database, frameworkId: string): Promise<Map<string, MappedCriterion[]>> {
  const own = db
    .select({ topicId: criterionMappings.topicId, criterionId: criterionMappings.criterionId })
    .from(criterionMappings)
    .innerJoin(criteria, eq(criteria.id, criterionMappings.criterionId))
    .where(eq(criteria.frameworkId, frameworkId))
    .as("own");
  const rows = await db
    .select({
      from: own.criterionId,
      frameworkCode: frameworks.code,
      frameworkId: frameworks.id,
      key: criteria.key,
      code: criteria.code,
      titleZh: criteria.titleZh,
      titleEn: criteria.titleEn,
      topicKey: crosswalkTopics.key,
      position: criteria.position,
    })
    .from(own)
    .innerJoin(criterionMappings, eq(criterionMappings.topicId, own.topicId))
    .innerJoin(criteria, eq(criteria.id, criterionMappings.criterionId))
    .innerJoin(frameworks, eq(frameworks.id, criteria.frameworkId))
    .innerJoin(crosswalkTopics, eq(crosswalkTopics.id, own.topicId))
    .orderBy(asc(frameworks.code), asc(criteria.position));
  const map = new Map<string, MappedCriterion[]>();
  for (const row of rows) {
    if (row.frameworkId === frameworkId) continue;
    const list = map.get(row.from) ?? [];
    if (!list.some((m) => m.frameworkCode === row.frameworkCode && m.key === row.key)) {
      list.push({
        frameworkCode: row.frameworkCode,
        key: row.key,
        code: row.code,
        titleZh: row.titleZh,
        titleEn: row.titleEn,
        topicKey: row.topicKey,
      });
    }
    map.set(row.from, list);
  }
  return map;
}

/** The cross-walk topics a criterion belongs to, with the evidence each expects. */
export async function topicsForCriterion(db: Database, criterionId: string) {
  return db
    .select({
      key: crosswalkTopics.key,
      titleZh: crosswalkTopics.titleZh,
      titleEn: crosswalkTopics.titleEn,
      evidenceZh: crosswalkTopics.evidenceZh,
      evidenceEn: crosswalkTopics.evidenceEn,
    })
    .from(criterionMappings)
    .innerJoin(crosswalkTopics, eq(crosswalkTopics.id, criterionMappings.topicId))
    .where(eq(criterionMappings.criterionId, criterionId))
    .orderBy(asc(crosswalkTopics.position));
}

/**
 * Criteria whose code, titles or text contain the query (either language), in the current
 * version of each framework, or of one framework.
 */
export async function searchCriteria(db: Database, query: string, frameworkIds: readonly string[]) {
  if (!frameworkIds.length) return [];
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({
      id: criteria.id,
      frameworkId: criteria.frameworkId,
      key: criteria.key,
      code: criteria.code,
      level: criteria.level,
      titleZh: criteria.titleZh,
      titleEn: criteria.titleEn,
      textZh: criteria.textZh,
      textEn: criteria.textEn,
    })
    .from(criteria)
    .where(
      and(
        inArray(criteria.frameworkId, [...frameworkIds]),
        or(
          ilike(criteria.code, pattern),
          ilike(criteria.titleZh, pattern),
          ilike(criteria.titleEn, pattern),
          ilike(criteria.textZh, pattern),
          ilike(criteria.textEn, pattern),
        ),
      ),
    )
    .orderBy(asc(criteria.frameworkId), asc(criteria.position))
    .limit(200);
}

import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { criteria, criterionMappings, crosswalkTopics, frameworks, organizations, type Criterion, type Framework } from "../../../db/schema";
import { outsideBusinessTypes } from "./business-types.server";
import { compareVersions } from "../../../db/catalog/load";
import type { Database, Executor } from "../db-types.server";
import { displayCode } from "./criterion-code.server";
import { coverageForFramework, type CriterionCoverage } from "../evidence/evidence.server";
import { recordTypesFeeding } from "../evidence/evidence-registry";
import { criteriaFedByTraining } from "../training/training-rules";
import { todayInZone } from "../i18n/format";
import { byFrameworkOrder } from "./framework-codes.server";

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
  return list
    .sort(byFrameworkOrder)
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
  /** cn-2022-advanced: business-type item codes restart at 1 and are shown as 单项N. */
  part: "general" | "business_type" | null;
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
      part: criteria.part,
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
        part: row.part,
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

/** The words of a search box: whitespace-separated, each must occur (in any field, either language). */
export function searchTerms(query: string): string[] {
  return [...new Set(query.trim().split(/\s+/).filter(Boolean))].slice(0, 8);
}

/**
 * Criteria whose code, titles or text contain every word of the query (either language), in the
 * current version of each framework, or of one framework.
 */
export async function searchCriteria(db: Database, query: string, frameworkIds: readonly string[]) {
  const terms = searchTerms(query);
  if (!frameworkIds.length || !terms.length) return [];
  const matches = terms.map((term) => {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return or(
      ilike(criteria.code, pattern),
      ilike(criteria.titleZh, pattern),
      ilike(criteria.titleEn, pattern),
      ilike(criteria.textZh, pattern),
      ilike(criteria.textEn, pattern),
    );
  });
  return db
    .select({
      id: criteria.id,
      frameworkId: criteria.frameworkId,
      key: criteria.key,
      code: criteria.code,
      level: criteria.level,
      part: criteria.part,
      titleZh: criteria.titleZh,
      titleEn: criteria.titleEn,
      textZh: criteria.textZh,
      textEn: criteria.textEn,
    })
    .from(criteria)
    .where(and(inArray(criteria.frameworkId, [...frameworkIds]), ...matches))
    .orderBy(asc(criteria.frameworkId), asc(criteria.position))
    .limit(200);
}

export interface Snippet {
  before: string;
  match: string;
  after: string;
  /** The text was cut at the start / at the end. */
  cutStart: boolean;
  cutEnd: boolean;
}

/**
 * The first of `texts` (in the order given: the reader's language first) that contains one of the
 * terms, cut to about `radius` characters either side of the first match, for a results list.
 */
export function snippetOf(texts: readonly string[], terms: readonly string[], radius = 40): Snippet | null {
  for (const text of texts) {
    const lower = text.toLowerCase();
    let best: { at: number; length: number } | null = null;
    for (const term of terms) {
      const at = lower.indexOf(term.toLowerCase());
      if (at >= 0 && (!best || at < best.at)) best = { at, length: term.length };
    }
    if (!best) continue;
    let start = Math.max(0, best.at - radius);
    let end = Math.min(text.length, best.at + best.length + radius);
    // In spaced scripts, cut between words rather than inside one.
    const space = text.slice(start, best.at).search(/\s/);
    if (start > 0 && space >= 0 && space < 15) start += space + 1;
    const lastSpace = text.slice(best.at + best.length, end).search(/\s\S*$/);
    if (end < text.length && lastSpace >= 0 && end - (best.at + best.length + lastSpace) < 15) end = best.at + best.length + lastSpace;
    const flat = (value: string) => value.replace(/\s+/g, " ");
    return {
      before: flat(text.slice(start, best.at)),
      match: text.slice(best.at, best.at + best.length),
      after: flat(text.slice(best.at + best.length, end)),
      cutStart: start > 0,
      cutEnd: end < text.length,
    };
  }
  return null;
}

/** A criterion the assessor gives a result to (headings offer no options). */
export function isAssessable(criterion: { options: readonly string[] }): boolean {
  return criterion.options.length > 0;
}

/** Nothing current supports it: no dated record in the coverage window and no linked policy. */
export function lacksEvidence(coverage: CriterionCoverage | undefined): boolean {
  return !coverage || (coverage.recent === 0 && coverage.policies.length === 0);
}

export interface CoverageView {
  /** Dated records in the last COVERAGE_MONTHS months. */
  recent: number;
  /** The newest record's calendar day in the organisation's time zone (YYYY-MM-DD). */
  newestDay: string | null;
  policies: { id: string; documentNumber: string; titleZh: string; titleEn: string }[];
  /** Record types that feed the criterion by default (registry) or have supplied evidence. */
  recordTypes: string[];
  lacksEvidence: boolean;
}

/**
 * What the pages show of a criterion's coverage: plain data, dates as the organisation's days.
 * `fedByTemplates` ("framework/key") are the criteria the organisation's checklist templates feed,
 * so inspections show as a source of evidence before the first one exists.
 */
export function coverageView(
  frameworkCode: string,
  criterion: { stableKey: string | null },
  coverage: CriterionCoverage | undefined,
  timeZone: string,
  fedByTemplates: ReadonlySet<string> = new Set(),
): CoverageView {
  // Records name criteria by stable key; a criterion new in its version (no stable key) is fed by hand only.
  const stableKey = criterion.stableKey;
  const feeding: string[] = stableKey === null ? [] : recordTypesFeeding({ framework: frameworkCode, key: stableKey });
  if (stableKey !== null && fedByTemplates.has(`${frameworkCode}/${stableKey}`)) feeding.push("inspection");
  // A training session's criteria follow its category (training-rules.ts), fixed data like the registry.
  if (stableKey !== null && criteriaFedByTraining.has(`${frameworkCode}/${stableKey}`)) feeding.push("training_session");
  return {
    recent: coverage?.recent ?? 0,
    newestDay: coverage?.newest ? todayInZone(timeZone, coverage.newest) : null,
    policies: coverage?.policies ?? [],
    recordTypes: [...new Set<string>([...feeding, ...(coverage?.recordTypes ?? [])])],
    lacksEvidence: lacksEvidence(coverage),
  };
}

export interface FrameworkCoverage {
  /** Assessable criteria of the framework version that apply to the organisation. */
  total: number;
  /** CN-2022 business-type criteria outside the organisation's business types: not applicable, never gaps. */
  notApplicable: number;
  withRecords: number;
  withPolicy: number;
  /** Assessable criteria without any current evidence, in document order. */
  gaps: Pick<Criterion, "id" | "key" | "code" | "part" | "titleZh" | "titleEn">[];
}

/** The dashboard's figures for one framework: how much of it the organisation can prove today. */
export async function frameworkCoverage(db: Database, orgId: string, frameworkId: string, now = new Date()): Promise<FrameworkCoverage> {
  // The assessable criteria's codes and titles only: their texts (most of a catalogue's bytes) are
  // not shown here.
  const [all, coverage, [scope]] = await Promise.all([
    db
      .select({ id: criteria.id, key: criteria.key, stableKey: criteria.stableKey, code: criteria.code, part: criteria.part, titleZh: criteria.titleZh, titleEn: criteria.titleEn })
      .from(criteria)
      .where(and(eq(criteria.frameworkId, frameworkId), sql`cardinality(${criteria.options}) > 0`))
      .orderBy(asc(criteria.position)),
    coverageForFramework(db, orgId, frameworkId, now),
    db
      .select({ frameworkCode: frameworks.code, businessTypes: organizations.cn2022BusinessTypes })
      .from(organizations)
      .innerJoin(frameworks, eq(frameworks.id, frameworkId))
      .where(eq(organizations.id, orgId)),
  ]);
  const assessable = all.filter((c) => !outsideBusinessTypes(scope?.frameworkCode ?? "", c, scope?.businessTypes ?? null));
  const result: FrameworkCoverage = { total: assessable.length, notApplicable: all.length - assessable.length, withRecords: 0, withPolicy: 0, gaps: [] };
  for (const c of assessable) {
    const own = coverage.get(c.id);
    if (own && own.recent > 0) result.withRecords += 1;
    if (own && own.policies.length > 0) result.withPolicy += 1;
    if (lacksEvidence(own)) {
      result.gaps.push({ id: c.id, key: c.key, code: c.code, part: c.part, titleZh: c.titleZh, titleEn: c.titleEn });
    }
  }
  return result;
}

/** Does the criterion's own code, key, titles or text (either language) contain every term? */
export function criterionMatches(
  criterion: Pick<Criterion, "key" | "code" | "part" | "level" | "titleZh" | "titleEn" | "textZh" | "textEn">,
  terms: readonly string[],
): boolean {
  const shown = displayCode(criterion);
  const extra = shown.zh === criterion.code ? "" : `${shown.en} ${shown.zh}`;
  const haystack = [criterion.key, criterion.code, extra, criterion.titleZh, criterion.titleEn, criterion.textZh, criterion.textEn]
    .join("\n")
    .toLowerCase();
  return terms.every((term) => haystack.includes(term.toLowerCase()));
}

/**
 * The part of a framework's tree to show under a filter: the assessable criteria that pass it, and
 * the headings above them for context. A heading that matches the words brings its criteria with it.
 * Without words and without `passes`, everything.
 */
export function visibleCriteria<T extends Criterion>(all: readonly T[], terms: readonly string[], passes: (c: T) => boolean = () => true): T[] {
  const byId = new Map(all.map((c) => [c.id, c]));
  const hit = new Set<string>();
  const shown = new Set<string>();
  // `all` is in document order, so a parent is decided before its children.
  for (const c of all) {
    if (!terms.length || criterionMatches(c, terms) || (c.parentId && hit.has(c.parentId))) hit.add(c.id);
    if (!isAssessable(c) || !hit.has(c.id) || !passes(c)) continue;
    for (let node: T | undefined = c; node && !shown.has(node.id); node = node.parentId ? byId.get(node.parentId) : undefined) {
      shown.add(node.id);
    }
  }
  return all.filter((c) => shown.has(c.id));
}

/** Coverage of the current version of each framework (by code), with the first `gapsListed` gaps. */
export async function coverageByFramework(db: Database, orgId: string, codes: readonly string[], gapsListed: number) {
  const cards = [];
  for (const code of codes) {
    const framework = await getFramework(db, code);
    if (!framework) continue;
    const coverage = await frameworkCoverage(db, orgId, framework.id);
    cards.push({
      code,
      nameZh: framework.nameZh,
      nameEn: framework.nameEn,
      total: coverage.total,
      notApplicable: coverage.notApplicable,
      withRecords: coverage.withRecords,
      withPolicy: coverage.withPolicy,
      gapCount: coverage.gaps.length,
      gaps: coverage.gaps.slice(0, gapsListed).map(({ key, code, part, titleZh, titleEn }) => ({ key, code, part, titleZh, titleEn })),
    });
  }
  return cards;
}

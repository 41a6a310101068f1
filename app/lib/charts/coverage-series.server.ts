import { and, asc, eq, sql } from "drizzle-orm";
import { criteria, evidenceCoverage } from "../../../db/schema";
import type { Database } from "../db-types.server";
import { displayCode } from "../criteria/criterion-code.server";
import { firstDay, monthsEndingWith } from "./chart-months";

// The heat map of the criteria pages: per criterion of one framework, the evidence records linked
// in each of the last twelve months (in the organisation's time zone). Read from the monthly counts
// the evidence triggers keep (evidence_coverage), in one grouped query: a year of months, never the
// links themselves. Policies are left out, as in the coverage figures: a policy is evidence by being
// in force, not by being dated in a month.

export interface CoverageSeriesRow {
  criterionId: string;
  key: string;
  codeZh: string;
  codeEn: string;
  titleZh: string;
  titleEn: string;
  /** Links per month key ("YYYY-MM") in the window; months without any are absent. */
  counts: Record<string, number>;
}

export interface CoverageSeries {
  months: string[];
  /** Every criterion with dated evidence at any time, in document order: one gone quiet shows as an empty row. */
  rows: CoverageSeriesRow[];
}

export async function coverageSeries(db: Database, orgId: string, frameworkId: string, today: string): Promise<CoverageSeries> {
  const months = monthsEndingWith(today, 12);
  const from = firstDay(months[0]!);
  const month = sql<string | null>`case when ${evidenceCoverage.month} >= ${from}::date then to_char(${evidenceCoverage.month}, 'YYYY-MM') end`;
  const rows = await db
    .select({
      // Grouped by position (1, 2) below: the month expression carries a bound parameter, and
      // PostgreSQL does not match an expression in GROUP BY with its copy bound as another one.
      criterionId: criteria.id,
      month,
      key: criteria.key,
      code: criteria.code,
      part: criteria.part,
      level: criteria.level,
      titleZh: criteria.titleZh,
      titleEn: criteria.titleEn,
      position: criteria.position,
      links: sql<number>`sum(${evidenceCoverage.links})`.mapWith(Number),
    })
    .from(evidenceCoverage)
    .innerJoin(criteria, and(eq(criteria.id, evidenceCoverage.criterionId), eq(criteria.frameworkId, frameworkId)))
    .where(and(eq(evidenceCoverage.organizationId, orgId), sql`${evidenceCoverage.recordType} <> 'policy'`))
    .groupBy(sql`1, 2`)
    .orderBy(asc(criteria.position));

  const byCriterion = new Map<string, CoverageSeriesRow>();
  for (const r of rows) {
    let row = byCriterion.get(r.criterionId);
    if (!row) {
      const code = displayCode({ code: r.code, part: r.part, level: r.level });
      row = { criterionId: r.criterionId, key: r.key, codeZh: code.zh, codeEn: code.en, titleZh: r.titleZh, titleEn: r.titleEn, counts: {} };
      byCriterion.set(r.criterionId, row);
    }
    if (r.month) row.counts[r.month] = r.links;
  }
  return { months, rows: [...byCriterion.values()] };
}

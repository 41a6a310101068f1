import { and, eq, ne, sql } from "drizzle-orm";
import { partners } from "../../../db/schema";
import type { Database } from "../db-types.server";
import { firstDay, monthsStartingWith } from "./chart-months";

// The partners list's charts: how many partners are in each risk tier, and how many re-evaluations
// fall due in each of the coming months (and how many are already overdue), by tier. Rejected
// partners are left out: nobody re-evaluates them. One grouped query (tier × due bucket).

export const partnerChartTiers = ["high", "medium", "low", "none"] as const;
export type PartnerChartTier = (typeof partnerChartTiers)[number];
/** Months ahead the due chart shows, this month included. */
export const DUE_MONTHS = 6;

export interface PartnerSeries {
  /** Partners per tier ("none": not yet rated). */
  tiers: Record<PartnerChartTier, number>;
  /** "overdue", then the month keys from this month on: re-evaluations due, by tier. */
  due: { key: string; tiers: Record<PartnerChartTier, number> }[];
  /** Due after the last month shown. */
  later: number;
  /** No date set: never evaluated. */
  undated: number;
}

const noTiers = (): Record<PartnerChartTier, number> => ({ high: 0, medium: 0, low: 0, none: 0 });

export async function partnerSeries(db: Database, orgId: string, today: string): Promise<PartnerSeries> {
  const months = monthsStartingWith(today, DUE_MONTHS + 1);
  const end = firstDay(months[DUE_MONTHS]!);
  const bucket = sql<string>`case
    when ${partners.nextEvaluationOn} is null then 'undated'
    when ${partners.nextEvaluationOn} < ${today}::date then 'overdue'
    when ${partners.nextEvaluationOn} < ${end}::date then to_char(${partners.nextEvaluationOn}, 'YYYY-MM')
    else 'later' end`;
  const tier = sql<string>`coalesce(${partners.riskTier}, 'none')`;
  const rows = await db
    .select({ tier, bucket, partners: sql<number>`count(*)`.mapWith(Number) })
    .from(partners)
    .where(and(eq(partners.organizationId, orgId), ne(partners.status, "rejected")))
    .groupBy(sql`1, 2`); // by position: the bucket expression binds dates

  const series: PartnerSeries = {
    tiers: noTiers(),
    due: ["overdue", ...months.slice(0, DUE_MONTHS)].map((key) => ({ key, tiers: noTiers() })),
    later: 0,
    undated: 0,
  };
  for (const r of rows) {
    const t = r.tier as PartnerChartTier;
    series.tiers[t] += r.partners;
    if (r.bucket === "later") series.later += r.partners;
    else if (r.bucket === "undated") series.undated += r.partners;
    else {
      const column = series.due.find((d) => d.key === r.bucket);
      if (column) column.tiers[t] += r.partners;
    }
  }
  return series;
}

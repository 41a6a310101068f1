import type { ActionAgeChartData, CoverageChartData, InspectionChartsData, PartnerChartsData, SiteRate } from "./chart-geometry";
import { heatMap, horizontalBars, stackedColumns } from "./chart-layout.server";
import type { ActionAgeSeries } from "./action-series.server";
import type { CoverageSeries } from "./coverage-series.server";
import type { InspectionSeries } from "./inspection-series.server";
import { partnerChartTiers, type PartnerSeries } from "./partner-series.server";

// Each chart's series as the geometry its component draws, plus the numbers its table and its
// description state. Pure: the loaders call these with what the *-series.server.ts queries read.

/** The heat map of evidence per criterion and month. */
export function coverageChart(series: CoverageSeries): CoverageChartData {
  const geometry = heatMap(
    series.rows.map((r) => ({ key: r.key, codeZh: r.codeZh, codeEn: r.codeEn, titleZh: r.titleZh, titleEn: r.titleEn, counts: r.counts })),
    series.months,
  );
  return { geometry, total: geometry.rows.reduce((sum, r) => sum + r.total, 0) };
}

/** At most this many sites are drawn; the table lists them all. */
export const SITES_DRAWN = 8;

/** Inspections per month (passed below failed), and the sites' pass rates, lowest first. */
export function inspectionCharts(series: InspectionSeries): InspectionChartsData {
  const perMonth = stackedColumns(
    series.months.map((m) => ({ key: m.month, values: { pass: m.pass, fail: m.fail } })),
    ["pass", "fail"],
  );
  const sites: SiteRate[] = series.sites
    .map((s) => ({ key: s.siteId ?? "", nameZh: s.nameZh, nameEn: s.nameEn, pass: s.pass, total: s.pass + s.fail }))
    .sort((a, b) => a.pass / a.total - b.pass / b.total || b.total - a.total);
  const perSite = horizontalBars(
    sites.slice(0, SITES_DRAWN).map((s) => ({ key: s.key, count: s.pass, of: s.total })),
    { rate: true },
  );
  const total = series.months.reduce((sum, m) => sum + m.pass + m.fail, 0);
  const failed = series.months.reduce((sum, m) => sum + m.fail, 0);
  return { perMonth, perSite, sites, total, failed };
}

/** Partners per risk tier, and re-evaluations due per month (overdue first), stacked by tier. */
export function partnerCharts(series: PartnerSeries): PartnerChartsData {
  const tiers = horizontalBars(
    partnerChartTiers.map((t) => ({ key: t, count: series.tiers[t] })),
    { rate: false },
  );
  // Stacked with the high tier at the bottom, where the eye starts.
  const due = stackedColumns(
    series.due.map((d) => ({ key: d.key, values: { ...d.tiers } })),
    [...partnerChartTiers],
  );
  const overdue = partnerChartTiers.reduce((sum, t) => sum + (series.due[0]?.tiers[t] ?? 0), 0);
  return { tiers, due, later: series.later, undated: series.undated, overdue };
}

/** Open actions by age, overdue at the bottom of each column. */
export function actionAgeChart(series: ActionAgeSeries): ActionAgeChartData {
  const geometry = stackedColumns(
    series.buckets.map((b) => ({ key: b.bucket, values: { overdue: b.overdue, onTime: b.onTime } })),
    ["overdue", "onTime"],
    // Four columns: a narrower picture, so a phone shows its words larger.
    { width: 280, height: 180 },
  );
  return {
    geometry,
    open: series.buckets.reduce((sum, b) => sum + b.overdue + b.onTime, 0),
    overdue: series.buckets.reduce((sum, b) => sum + b.overdue, 0),
  };
}

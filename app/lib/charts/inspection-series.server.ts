import { and, eq, gte, sql } from "drizzle-orm";
import { inspections, sites } from "../../../db/schema";
import type { Database } from "../db-types.server";
import { startOfDayInZone } from "../i18n/format";
import { firstDay, monthsEndingWith } from "./chart-months";

// The inspections list's charts: submitted inspections per month of the last twelve (in the
// organisation's time zone), passed and failed, and the pass rate of each site over the same
// months. One grouped query (site × month × result) feeds both, through the (organization_id,
// status, occurred_at) index.

export interface InspectionMonth {
  month: string;
  pass: number;
  fail: number;
}

export interface InspectionSite {
  /** null: inspections recorded without a site. */
  siteId: string | null;
  nameZh: string;
  nameEn: string;
  pass: number;
  fail: number;
}

export interface InspectionSeries {
  months: InspectionMonth[];
  /** Sites with inspections in the window, most inspected first. */
  sites: InspectionSite[];
}

export async function inspectionSeries(db: Database, orgId: string, timeZone: string, today: string): Promise<InspectionSeries> {
  const monthKeys = monthsEndingWith(today, 12);
  const from = startOfDayInZone(firstDay(monthKeys[0]!), timeZone);
  const month = sql<string>`to_char(${inspections.occurredAt} at time zone ${timeZone}, 'YYYY-MM')`;
  const rows = await db
    .select({
      siteId: inspections.siteId,
      nameZh: sites.nameZh,
      nameEn: sites.nameEn,
      month,
      pass: sql<number>`count(*) filter (where ${inspections.result} = 'pass')`.mapWith(Number),
      fail: sql<number>`count(*) filter (where ${inspections.result} = 'fail')`.mapWith(Number),
    })
    .from(inspections)
    .leftJoin(sites, and(eq(sites.id, inspections.siteId), eq(sites.organizationId, orgId)))
    .where(and(eq(inspections.organizationId, orgId), eq(inspections.status, "submitted"), gte(inspections.occurredAt, from)))
    .groupBy(sql`1, 2, 3, 4`); // by position: the month expression binds the time zone

  const months = new Map(monthKeys.map((m) => [m, { month: m, pass: 0, fail: 0 }]));
  const bySite = new Map<string, InspectionSite>();
  for (const r of rows) {
    const m = months.get(r.month);
    // A record dated after today (a clock ahead) is outside the window the axis shows.
    if (!m) continue;
    m.pass += r.pass;
    m.fail += r.fail;
    const key = r.siteId ?? "";
    let site = bySite.get(key);
    if (!site) bySite.set(key, (site = { siteId: r.siteId, nameZh: r.nameZh ?? "", nameEn: r.nameEn ?? "", pass: 0, fail: 0 }));
    site.pass += r.pass;
    site.fail += r.fail;
  }
  const siteList = [...bySite.values()].sort((a, b) => b.pass + b.fail - (a.pass + a.fail) || a.nameZh.localeCompare(b.nameZh));
  return { months: [...months.values()], sites: siteList };
}

// The charts' series: what each grouped query counts, in the organisation's time zone, for records
// made through the app's own commands, and never another organisation's. Runs on PGlite and on
// PostgreSQL (TEST_DATABASE_URL).
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";

await vi.hoisted(async () => (await import("../support/files-directory")).ownFilesDirectory("charts"));

import { actionAgeSeries } from "~/lib/charts/action-series.server";
import { monthsEndingWith } from "~/lib/charts/chart-months";
import { coverageSeries } from "~/lib/charts/coverage-series.server";
import { inspectionSeries } from "~/lib/charts/inspection-series.server";
import { partnerSeries } from "~/lib/charts/partner-series.server";
import { getFramework } from "~/lib/criteria/criteria.server";
import { todayInZone } from "~/lib/i18n/format";
import { savePartnerPolicy } from "~/lib/partners/partner-policy.server";
import { DEFAULT_SUPERVISION_POLICY } from "~/lib/partners/partner-scoring";
import * as actionsRoute from "~/routes/_app.actions._index";
import * as inspectionsRoute from "~/routes/_app.inspections._index";
import * as partnersRoute from "~/routes/_app.partners._index";
import * as criteriaRoute from "~/routes/_app.criteria.$framework._index/route";
import { addMember, createSite, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { submitContainerInspection } from "../support/inspection-factories";
import { bestOption, criticalOption, decideOk, preparedEvaluation, registerPartner, shiftDays, shiftMonths } from "../support/partner-factories";
import { callLoader } from "../support/requests";
import { query, testDb } from "../support/test-database";

let ours: SignedUp;
let theirs: SignedUp;
let compliance: Member;
let timeZone: string;
let today: string;
let siteA: string;
let siteB: string;
/** Local dates of our inspections: the first of last month just after midnight, and yesterday. */
let earlyDay: string;
let lateDay: string;

const actor = (org: SignedUp) => ({ organizationId: org.organizationId, userId: org.userId });

beforeAll(async () => {
  ours = await signUpOrganization();
  theirs = await signUpOrganization();
  compliance = await addMember(ours.cookie, "compliance");
  const [org] = await query<{ time_zone: string }>(sql`select time_zone from organizations where id = ${ours.organizationId}`);
  timeZone = org!.time_zone;
  today = todayInZone(timeZone);
  siteA = (await createSite(ours.cookie)).id;
  siteB = (await createSite(ours.cookie)).id;
  const theirSite = (await createSite(theirs.cookie)).id;

  const lastMonth = monthsEndingWith(today, 2)[0]!;
  earlyDay = `${lastMonth}-01`;
  lateDay = shiftDays(today, -1);
  // 00:30 on the first in the organisation's zone is still the previous month in UTC (Asia/Shanghai).
  await submitContainerInspection({ ...actor(ours), timeZone }, siteA, { values: { occurredAt: `${earlyDay}T00:30` } });
  await submitContainerInspection({ ...actor(ours), timeZone }, siteA, { values: { occurredAt: `${lateDay}T08:00` }, failPoints: ["doors"] });
  await submitContainerInspection({ ...actor(ours), timeZone }, siteB, { values: { occurredAt: `${lateDay}T09:00` } });
  // Another organisation's inspections (a failure among them) count for nobody else.
  for (let i = 0; i < 3; i++) {
    await submitContainerInspection({ ...actor(theirs), timeZone }, theirSite, { values: { occurredAt: `${lateDay}T10:0${i}` }, failPoints: ["floor"] });
  }
}, 120_000);

describe("inspections per month and per site", () => {
  test("counts submitted inspections in the local month they happened, passed and failed, by site", async () => {
    const series = await inspectionSeries(testDb(), ours.organizationId, today);
    expect(series.months.map((m) => m.month)).toEqual(monthsEndingWith(today));
    const byMonth = Object.fromEntries(series.months.filter((m) => m.pass + m.fail > 0).map((m) => [m.month, [m.pass, m.fail]]));
    const early = earlyDay.slice(0, 7);
    const late = lateDay.slice(0, 7);
    const expected: Record<string, number[]> = { [early]: [1, 0] };
    expected[late] = [(expected[late]?.[0] ?? 0) + 1, 1];
    expect(byMonth).toEqual(expected);
    expect(series.sites.map((s) => [s.siteId, s.pass, s.fail]).sort()).toEqual(
      [
        [siteA, 1, 1],
        [siteB, 1, 0],
      ].sort(),
    );
  });

  test("another organisation sees only its own", async () => {
    const series = await inspectionSeries(testDb(), theirs.organizationId, today);
    expect(series.months.reduce((sum, m) => sum + m.pass + m.fail, 0)).toBe(3);
    expect(series.sites).toHaveLength(1);
    expect(series.sites[0]).toMatchObject({ pass: 0, fail: 3 });
  });

  test("the monthly counts stay equal to the inspections through submits and changes", async () => {
    const kept = async () => {
      const counted = await query<{ key: string }>(sql`
        select concat_ws('|', organization_id, site_id, month, passed, failed) as key from inspection_months order by 1`);
      const expected = await query<{ key: string }>(sql`
        select concat_ws('|', i.organization_id, i.site_id, date_trunc('month', i.occurred_at at time zone o.time_zone)::date,
          count(*) filter (where i.result = 'pass'), count(*) filter (where i.result = 'fail')) as key
        from inspections i join organizations o on o.id = i.organization_id
        where i.status = 'submitted'
        group by i.organization_id, i.site_id, date_trunc('month', i.occurred_at at time zone o.time_zone)::date order by 1`);
      return { counted: counted.map((r) => r.key), expected: expected.map((r) => r.key) };
    };
    let now = await kept();
    expect(now.counted.length).toBeGreaterThanOrEqual(3);
    expect(now.counted).toEqual(now.expected);
    // A submitted inspection moved to another site and month (a correction), and back.
    const [moved] = await query<{ id: string }>(sql`
      select id from inspections where organization_id = ${ours.organizationId} and site_id = ${siteB}`);
    await testDb().execute(sql`update inspections set site_id = ${siteA}, occurred_at = occurred_at - interval '40 days' where id = ${moved!.id}`);
    now = await kept();
    expect(now.counted).toEqual(now.expected);
    await testDb().execute(sql`update inspections set site_id = ${siteB}, occurred_at = occurred_at + interval '40 days' where id = ${moved!.id}`);
    now = await kept();
    expect(now.counted).toEqual(now.expected);
  });

  test("the list page carries the charts", async () => {
    const page = await callLoader<{ charts: { total: number; failed: number; sites: unknown[] } }>(inspectionsRoute, "/inspections", { cookie: ours.cookie });
    expect(page.data.charts).toMatchObject({ total: 3, failed: 1 });
    expect(page.data.charts.sites).toHaveLength(2);
  });
});

describe("evidence per criterion and month", () => {
  test("the inspections' links count in their criteria's months; another organisation's do not", async () => {
    const framework = await getFramework(testDb(), "cn-2022-advanced");
    const series = await coverageSeries(testDb(), ours.organizationId, framework!.id, today);
    expect(series.months).toEqual(monthsEndingWith(today));
    // The 7-point container inspection is evidence for sub-item (43).
    const row = series.rows.find((r) => r.key === "43");
    expect(row).toMatchObject({ codeZh: "（43）" });
    const early = earlyDay.slice(0, 7);
    const late = lateDay.slice(0, 7);
    const expected: Record<string, number> = { [early]: 1 };
    expected[late] = (expected[late] ?? 0) + 2;
    expect(row!.counts).toEqual(expected);

    const other = await coverageSeries(testDb(), theirs.organizationId, framework!.id, today);
    expect(other.rows.find((r) => r.key === "43")!.counts).toEqual({ [late]: 3 });
    // A framework without any of the organisation's evidence has no rows.
    const fresh = await signUpOrganization();
    expect((await coverageSeries(testDb(), fresh.organizationId, framework!.id, today)).rows).toEqual([]);
  });

  test("the framework page carries the heat map", async () => {
    const page = await callLoader<{ coverageChart: { total: number; geometry: { rows: { key: string }[] } } }>(
      criteriaRoute,
      "/criteria/cn-2022-advanced",
      { cookie: ours.cookie, params: { framework: "cn-2022-advanced" } },
    );
    expect(page.data.coverageChart.geometry.rows.map((r) => r.key)).toContain("43");
    expect(page.data.coverageChart.total).toBeGreaterThanOrEqual(3);
  });
});

describe("open corrective actions by age", () => {
  test("the failed point's action is young and in time today, and old and overdue in two months", async () => {
    const now = await actionAgeSeries(testDb(), ours.organizationId, timeZone, today);
    expect(now.buckets).toEqual([
      { bucket: "0-7", overdue: 0, onTime: 1 },
      { bucket: "8-30", overdue: 0, onTime: 0 },
      { bucket: "31-90", overdue: 0, onTime: 0 },
      { bucket: "91+", overdue: 0, onTime: 0 },
    ]);
    const later = await actionAgeSeries(testDb(), ours.organizationId, timeZone, shiftDays(today, 60));
    expect(later.buckets.find((b) => b.bucket === "31-90")).toEqual({ bucket: "31-90", overdue: 1, onTime: 0 });
    // Theirs: three failed inspections, three actions, none of ours.
    const theirsNow = await actionAgeSeries(testDb(), theirs.organizationId, timeZone, today);
    expect(theirsNow.buckets[0]).toEqual({ bucket: "0-7", overdue: 0, onTime: 3 });
  });

  test("the list page carries the chart", async () => {
    const page = await callLoader<{ ageChart: { open: number; overdue: number } }>(actionsRoute, "/actions", { cookie: ours.cookie });
    expect(page.data.ageChart).toEqual(expect.objectContaining({ open: 1, overdue: 0 }));
  });
});

describe("partners by tier and re-evaluations due", () => {
  test("tiers and due months follow the decided evaluations; rejected partners and other organisations are left out", async () => {
    // High-risk partners come back in two months, low-risk ones in two years.
    await savePartnerPolicy(testDb(), actor(ours), {
      lowTierMinScore: 80,
      mediumTierMinScore: 60,
      highTierMonths: 2,
      mediumTierMonths: 12,
      lowTierMonths: 24,
      ...DEFAULT_SUPERVISION_POLICY,
      requiredClauseCodes: [],
    });
    // One critical answer (a smuggling record) makes the tier high whatever the score.
    const critical = (q: Parameters<typeof bestOption>[0]) => (q.key === "smuggling-record" ? criticalOption(q) : bestOption(q));
    const risky = await registerPartner(compliance.cookie);
    const sound = await registerPartner(compliance.cookie);
    await registerPartner(compliance.cookie); // never evaluated
    const rejected = await registerPartner(compliance.cookie);
    await registerPartner(theirs.cookie);

    const high = await preparedEvaluation(compliance.cookie, risky.id, { choose: critical });
    await decideOk(ours.cookie, high.id, { decision: "approved", note: "Kept under close watch" });
    const low = await preparedEvaluation(compliance.cookie, sound.id);
    await decideOk(ours.cookie, low.id);
    const no = await preparedEvaluation(compliance.cookie, rejected.id, { choose: critical });
    await decideOk(ours.cookie, no.id, { decision: "rejected", note: "No seal controls" });

    const series = await partnerSeries(testDb(), ours.organizationId, today);
    expect(series.tiers).toEqual({ high: 1, medium: 0, low: 1, none: 1 });
    expect(series.undated).toBe(1);
    expect(series.later).toBe(1);
    const dueIn = shiftMonths(today, 2).slice(0, 7);
    expect(series.due.map((d) => d.key)).toEqual(["overdue", ...monthsEndingWith(shiftMonths(today, 5), 6)]);
    expect(series.due.filter((d) => d.tiers.high + d.tiers.low > 0)).toEqual([{ key: dueIn, tiers: { high: 1, medium: 0, low: 0, none: 0 } }]);

    // Three years on, both re-evaluations are overdue.
    const afterwards = await partnerSeries(testDb(), ours.organizationId, shiftMonths(today, 36));
    expect(afterwards.due[0]).toEqual({ key: "overdue", tiers: { high: 1, medium: 0, low: 1, none: 0 } });

    const other = await partnerSeries(testDb(), theirs.organizationId, today);
    expect(other.tiers).toEqual({ high: 0, medium: 0, low: 0, none: 1 });

    const page = await callLoader<{ charts: { undated: number; overdue: number } }>(partnersRoute, "/partners", { cookie: ours.cookie });
    expect(page.data.charts).toMatchObject({ undated: 1, overdue: 0 });
  });
});

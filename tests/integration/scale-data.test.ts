// The bulk seeder of the scale benchmark (scripts/bench/scale-data.ts), small: what a user of the
// seeded organisation would notice through the app's own read functions. Runs on PGlite and on
// PostgreSQL, like every integration test.
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { inspections } from "../../db/schema";
import { FULL_SCALE, organizationCounts, seedScaleOrganization, type ScaleOptions, type ScaleResult } from "../../scripts/bench/scale-data";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { getFramework, listCriteria } from "~/lib/criteria/criteria.server";
import { coverageForFramework } from "~/lib/evidence/evidence.server";
import { todayInZone } from "~/lib/i18n/format";
import { checkContainerNumber } from "~/lib/inspections/container-number";
import { checkInspection } from "~/lib/inspections/inspection-schema";
import { getInspectionView, listInspections } from "~/lib/inspections/inspection-queries.server";
import { listPartners } from "~/lib/partners/partners.server";
import { listEmployees } from "~/lib/personnel/personnel-queries.server";
import { getSealChain, listSeals } from "~/lib/seals/seal-queries.server";
import { listVisitorLog } from "~/lib/visitors/visitors.server";
import { logIn } from "../support/factories";
import { query, testDb } from "../support/test-database";

const TZ = "Asia/Shanghai";
const OPTIONS: ScaleOptions = {
  sites: 2,
  days: 30,
  inspections: 2000,
  failureEvery: 20,
  photoInspections: 0,
  sealEvents: 500,
  visitors: 300,
  employees: 50,
  partners: 20,
  quiet: true,
};

let seeded: ScaleResult;

beforeAll(async () => {
  seeded = await seedScaleOrganization(testDb(), OPTIONS);
}, 120_000);

describe("a seeded year, small", () => {
  test("the owner logs in with the returned address and password", async () => {
    const outcome = await logIn(seeded.ownerEmail, seeded.ownerPassword);
    expect(outcome.status).toBe(302);
    expect(seeded.counts.memberships).toBe(1 + 4 + OPTIONS.sites * 2);
  });

  test("the inspection list holds every inspection, numbered INS-1… in time order", async () => {
    const db = testDb();
    const page = await listInspections(db, seeded.organizationId, {}, TZ, { limit: 50, offset: 0 });
    // Counted up to 1,000 past the page: 2,000 inspections are "more than 1,000" on the first page,
    // and counted to the end from page 21 on.
    expect(page).toMatchObject({ total: 1_000, more: true });
    const later = await listInspections(db, seeded.organizationId, {}, TZ, { limit: 50, offset: 1_000 });
    expect(later).toMatchObject({ total: OPTIONS.inspections, more: false });
    expect((await listInspections(db, seeded.organizationId, {}, TZ, { limit: null, offset: 0 })).rows).toHaveLength(OPTIONS.inspections);
    expect(page.rows[0]?.inspection.number).toBe(OPTIONS.inspections);
    const times = page.rows.map((r) => r.inspection.occurredAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const codes = new Set(
      (await listInspections(db, seeded.organizationId, {}, TZ, { limit: null, offset: 0 })).rows.map((r) => r.templateCode),
    );
    expect([...codes]).toEqual(expect.arrayContaining(["container-7-point", "conveyance-17-point", "premises-patrol"]));
    const containers = await listInspections(db, seeded.organizationId, { template: "container-7-point" }, TZ, { limit: 200, offset: 0 });
    expect(containers.total).toBeGreaterThan(OPTIONS.inspections / 3);
    for (const row of containers.rows) expect(checkContainerNumber(row.inspection.containerNumber ?? "").ok).toBe(true);
    // Every day of the period, ending yesterday.
    const days = new Set(
      (await listInspections(db, seeded.organizationId, {}, TZ, { limit: null, offset: 0 })).rows.map((r) =>
        todayInZone(TZ, r.inspection.occurredAt as Date),
      ),
    );
    expect(days.size).toBe(OPTIONS.days);
    expect(seeded.periodTo < todayInZone(TZ)).toBe(true);
    expect(days.has(seeded.periodFrom) && days.has(seeded.periodTo)).toBe(true);
  });

  test("a failed container inspection shows its failed points, their photos and corrective actions", async () => {
    const db = testDb();
    const failed = await listInspections(db, seeded.organizationId, { result: "fail", template: "container-7-point" }, TZ, {
      limit: 20,
      offset: 0,
    });
    expect(failed.total).toBeGreaterThan(0);
    const view = await getInspectionView(db, seeded.organizationId, failed.rows[0]?.inspection.id ?? "");
    if (!view) throw new Error("no view");
    const failedAnswers = view.answers.filter((a) => a.failed);
    expect(failedAnswers.length).toBe(view.inspection.failedPoints);
    expect(view.actions.map((a) => a.action.sourceItemKey).sort()).toEqual(failedAnswers.map((a) => a.itemKey).sort());
    // A failed point of the 7-point inspection needs a photo and a note: the form would refuse it otherwise.
    for (const answer of failedAnswers) {
      expect(view.photos.some((p) => p.itemKey === answer.itemKey)).toBe(true);
      expect(answer.note).toBeTruthy();
    }
    expect(view.evidence.some((e) => e.frameworkCode === "cn-2022-advanced" && e.key === "43")).toBe(true);
    // The answers as the phone would post them pass the app's own check, with the same result.
    const raw: Record<string, unknown> = { siteId: view.inspection.siteId, occurredAt: "2020-01-01T10:00", ...view.header };
    raw.reefer = view.header.reefer ? "on" : "";
    raw.sealNumbers = view.header.sealNumbers?.join(" ");
    for (const a of view.answers) {
      raw[`answer_${a.itemKey}`] = a.value;
      if (a.note) raw[`note_${a.itemKey}`] = a.note;
    }
    const counts: Record<string, number> = {};
    for (const p of view.photos) counts[p.itemKey] = (counts[p.itemKey] ?? 0) + 1;
    const checked = checkInspection(view.template.definition, raw, counts);
    expect(checked.ok && checked.data.failedPoints).toBe(view.inspection.failedPoints);
  });

  test("actions are done in time, late, still open or overdue; a few releases were overridden with a reason", async () => {
    const statuses = await query<{ status: string; overdue: boolean; n: number }>(
      sql`select status, (status in ('open', 'in_progress') and due_on < ${todayInZone(TZ)}::date) as overdue, count(*)::int as n
          from corrective_actions where organization_id = ${seeded.organizationId} group by 1, 2`,
    );
    expect(statuses.some((s) => s.status === "done")).toBe(true);
    expect(statuses.some((s) => s.overdue)).toBe(true);
    const [late] = await query<{ n: number }>(
      sql`select count(*)::int as n from corrective_actions where organization_id = ${seeded.organizationId} and status = 'done'
            and closed_at >= ((due_on + 1)::timestamp at time zone ${TZ})`,
    );
    expect(late?.n).toBeGreaterThan(0);
    const [overridden] = await testDb()
      .select({ id: inspections.id })
      .from(inspections)
      .where(and(eq(inspections.organizationId, seeded.organizationId), isNotNull(inspections.releaseOverrideReason)))
      .limit(1);
    const view = await getInspectionView(testDb(), seeded.organizationId, overridden?.id ?? "");
    expect(view?.release).toEqual({ state: "released", overridden: true });
    expect(view?.releasedByName).not.toBe(view?.inspectorName);
  });

  test("coverage counts the year's records for the container, seal, visitor and personnel criteria", async () => {
    const db = testDb();
    const framework = await getFramework(db, "cn-2022-advanced");
    if (!framework) throw new Error("no framework");
    const byKey = new Map((await listCriteria(db, framework.id)).map((c) => [c.key, c.id]));
    const coverage = await coverageForFramework(db, seeded.organizationId, framework.id);
    const [linked] = await query<{ n: number }>(
      sql`select count(*)::int as n from inspections i join checklist_templates t on t.id = i.template_id
          where i.organization_id = ${seeded.organizationId} and t.code in ('container-7-point', 'conveyance-17-point')`,
    );
    const container = coverage.get(byKey.get("43") ?? "");
    expect(container?.recent).toBe(linked?.n);
    expect(container?.recordTypes).toContain("inspection");
    expect(coverage.get(byKey.get("44") ?? "")?.recordTypes).toEqual(expect.arrayContaining(["seal_application", "seal_verification"]));
    expect(coverage.get(byKey.get("41") ?? "")?.recent).toBe(OPTIONS.visitors);
    expect(coverage.get(byKey.get("38") ?? "")?.recordTypes).toEqual(expect.arrayContaining(["employee", "prehire_check"]));
    expect(coverage.get(byKey.get("55") ?? "")?.recordTypes).toContain("partner_evaluation");
  });

  test("the seal log, the visitor log, the employee list and the partner register show the rows", async () => {
    const db = testDb();
    const orgId = seeded.organizationId;
    expect(seeded.counts.seal_events).toBe(OPTIONS.sealEvents);
    const sealPage = await listSeals(db, orgId, { status: "arrived" }, TZ, { limit: 5, offset: 0 });
    expect(sealPage.total).toBeGreaterThan(0);
    const chain = await getSealChain(db, orgId, sealPage.rows[0]?.seal.id ?? "");
    expect(chain?.events.map((e) => e.event.kind)).toEqual(["received", "issued", "applied", "verified", "verified"]);
    expect(chain?.events.find((e) => e.event.kind === "applied")?.photos.length).toBe(1);
    const compromised = await listSeals(db, orgId, { status: "compromised" }, TZ, { limit: 5, offset: 0 });
    expect(compromised.total).toBeGreaterThan(0);
    const broken = await getSealChain(db, orgId, compromised.rows[0]?.seal.id ?? "");
    expect(broken?.events.some((e) => e.event.kind === "reported" && e.event.notified.length === 1)).toBe(true);
    expect((await listSeals(db, orgId, {}, TZ, { limit: 1, offset: 0 })).total).toBe(seeded.counts.seals);

    const visits = await listVisitorLog(db, orgId, {}, TZ, { limit: 10, offset: 0 });
    expect(visits.total).toBe(OPTIONS.visitors);
    expect(visits.rows[0]?.entry.idNumberMasked).toMatch(/\*{4}/);

    const employees = await listEmployees(db, orgId, {}, todayInZone(TZ), { limit: 10, offset: 0 });
    expect(employees.total).toBe(seeded.counts.employees);
    expect(employees.rows[0]?.employee.idNumberMasked).toMatch(/\*/);
    // The seeded owner holds two key roles; people without one hold an empty set, never null.
    const [owner] = await query<{ key_roles: string[] }>(sql`select key_roles from employees where organization_id = ${orgId} and position = '总经理（法定代表人、主要负责人）'`);
    expect(owner?.key_roles).toEqual(["legal_representative", "principal_person"]);
    expect(await query(sql`select 1 from employees where organization_id = ${orgId} and key_roles is null`)).toEqual([]);
    const overdue = await listEmployees(db, orgId, { check: "overdue" }, todayInZone(TZ), { limit: 10, offset: 0 });
    const missing = await listEmployees(db, orgId, { check: "missing" }, todayInZone(TZ), { limit: 10, offset: 0 });
    expect(overdue.total + missing.total).toBeGreaterThan(0);

    const partners = await listPartners(db, orgId, {}, { limit: 50, offset: 0 });
    expect(partners.total).toBe(OPTIONS.partners);
    const statuses = new Set(partners.rows.map((p) => p.status));
    expect(statuses.has("approved")).toBe(true);
    expect(statuses.has("rejected") || statuses.has("conditional")).toBe(true);
  });

  test("the audit chain the app's own functions wrote still verifies", async () => {
    const status = await verifyOrganizationChain(testDb(), seeded.organizationId);
    expect(status.ok).toBe(true);
    expect(status.events).toBe((await organizationCounts(testDb(), seeded.organizationId)).audit_events);
  });

  test("the benchmark's full size is the one the brief names", () => {
    expect(FULL_SCALE).toMatchObject({
      sites: 50,
      inspections: 365_000,
      sealEvents: 100_000,
      visitors: 50_000,
      employees: 2_000,
      partners: 1_000,
    });
  });
});

import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import {
  correctiveActions,
  dossiers,
  employees,
  inspections,
  memberships,
  organizations,
  partnerEvaluations,
  partners,
  users,
} from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { listActions } from "~/lib/actions/action-queries.server";
import { listAssessments } from "~/lib/assessments/assessment-queries.server";
import { listAccessItemEvents, listAccessItems } from "~/lib/badges/badges.server";
import { parseAccessItemFilter } from "~/lib/badges/badge-filter";
import { getFramework, listCriteria } from "~/lib/criteria/criteria.server";
import { DEMO_PASSWORD, demoAccounts, demoAccountsExist, seedDemoIfEmpty } from "~/lib/demo/demo-seed.server";
import { listDossiers } from "~/lib/dossiers/dossiers.server";
import { queues } from "~/lib/jobs/job-engine.server";
import { coverageForFramework } from "~/lib/evidence/evidence.server";
import { todayInZone } from "~/lib/i18n/format";
import { parseInspectionFilter } from "~/lib/inspections/inspection-filter";
import { listInternalAudits } from "~/lib/internal-audits/internal-audits.server";
import { listRiskAssessments } from "~/lib/risk-assessments/risk-assessments.server";
import { listContinuityPlans } from "~/lib/continuity/continuity-queries.server";
import { listInspections } from "~/lib/inspections/inspection-queries.server";
import { listContracts } from "~/lib/partners/contracts.server";
import { listEvaluations } from "~/lib/partners/evaluation-queries.server";
import { parsePartnerFilter } from "~/lib/partners/partner-filter";
import { listPartners } from "~/lib/partners/partners.server";
import { parsePersonnelFilter } from "~/lib/personnel/personnel-filter";
import { listEmployees } from "~/lib/personnel/personnel-queries.server";
import { recheckState } from "~/lib/personnel/personnel-rules";
import { listPolicies } from "~/lib/policies/policies.server";
import { parseSealFilter } from "~/lib/seals/seal-filter";
import { listSeals } from "~/lib/seals/seal-queries.server";
import { parseTrainingFilter } from "~/lib/training/training-filter";
import { listSessions } from "~/lib/training/training-queries.server";
import { parseVisitorFilter } from "~/lib/visitors/visitor-filter";
import { listOnSite, listVisitorLog } from "~/lib/visitors/visitors.server";
import * as organizationRoute from "~/routes/_app.settings.organization";
import * as healthzRoute from "~/routes/healthz";
import { authOf, logIn, signUpOrganization } from "../support/factories";
import { workQueue } from "../support/jobs";
import { callAction, callLoader, cookiePair, type Fields } from "../support/requests";
import { countRows, query, testDb, truncateAll } from "../support/test-database";

const ZONE = "Asia/Shanghai";
const none = new URLSearchParams();

/** Every table with an organization_id column: what a tenant owns. */
async function tenantTables(): Promise<string[]> {
  const rows = await query<{ table_name: string }>(
    sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'organization_id' order by table_name`,
  );
  return rows.map((r) => r.table_name);
}

/** Rows per tenant table (all organisations), plus the organisations, users and stored files. */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...(await tenantTables()), "organizations", "users", "evidence_files"]) counts[table] = await countRows(table);
  return counts;
}

describe("demo seed", () => {
  let demoId = "";
  let carrierId = "";
  const today = todayInZone(ZONE);

  beforeAll(async () => {
    await truncateAll();
    const db = testDb();
    expect(await demoAccountsExist(db)).toBe(false);
    expect(await seedDemoIfEmpty(db)).toBe(true);
    const orgs = await db.select().from(organizations).orderBy(asc(organizations.createdAt));
    demoId = orgs[0]?.id ?? "";
    carrierId = orgs[1]?.id ?? "";
  }, 300_000);

  test("seeds both demo organisations, marked as demo, with the nine published accounts", async () => {
    const db = testDb();
    const orgs = await db.select().from(organizations).orderBy(asc(organizations.createdAt));
    expect(orgs.map((o) => [o.legalNameEn, o.isDemo])).toEqual([
      ["Shenzhen Demo Trading Co., Ltd.", true],
      ["Shanghai Demo Logistics Co., Ltd.", true],
    ]);
    expect(await countRows("users")).toBe(9);
    expect(await countRows("sites")).toBe(3);
    expect(await countRows("inspection_schedules")).toBe(8);
    const rows = await db
      .select({ email: users.email, role: memberships.role, organizationId: memberships.organizationId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId));
    const orgOf = { demo: demoId, carrier: carrierId };
    expect(rows.map((r) => [r.email, r.role, r.organizationId]).sort()).toEqual(
      demoAccounts.map((a) => [a.email, a.role, orgOf[a.organization]]).sort(),
    );
  });

  test("every list page's query has rows for the demo organisation and none for the carrier", async () => {
    const db = testDb();
    const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.email, "owner@demo.tradeguard.test"));
    const lists = async (orgId: string) => {
      const partnerRows = (await listPartners(db, orgId, parsePartnerFilter(none), { limit: null, offset: 0 })).rows;
      const evaluations = (await Promise.all(partnerRows.map((p) => listEvaluations(db, orgId, p.id)))).flat();
      const contractRows = (await Promise.all(partnerRows.map((p) => listContracts(db, orgId, p.id)))).flat();
      return {
        inspections: (await listInspections(db, orgId, parseInspectionFilter(none), ZONE)).rows.length,
        actions: (await listActions(db, orgId, owner?.id ?? "", { status: "all" }, today)).length,
        seals: (await listSeals(db, orgId, parseSealFilter(none), ZONE, { limit: 50, offset: 0 })).rows.length,
        visitors: (await listVisitorLog(db, orgId, parseVisitorFilter(none), ZONE)).rows.length,
        badges: (await listAccessItems(db, orgId, parseAccessItemFilter(none))).rows.length,
        badgeEvents: (await listAccessItemEvents(db, orgId)).length,
        personnel: (await listEmployees(db, orgId, parsePersonnelFilter(none), today, { limit: 50, offset: 0 })).rows.length,
        training: (await listSessions(db, orgId, parseTrainingFilter(none))).rows.length,
        partners: partnerRows.length,
        evaluations: evaluations.length,
        contracts: contractRows.length,
        clauses: contractRows.reduce((n, c) => n + c.clauseCodes.length, 0),
        policies: (await listPolicies(db, orgId, today)).length,
        assessments: (await listAssessments(db, orgId)).length,
        dossiers: (await listDossiers(db, orgId)).length,
        internalAudits: (await listInternalAudits(db, orgId)).length,
        riskAssessments: (await listRiskAssessments(db, orgId)).length,
        continuityPlans: (await listContinuityPlans(db, orgId, {}, today)).length,
        continuityTests: await countRows("continuity_tests", sql`organization_id = ${orgId}`),
        continuityActions: await countRows("corrective_actions", sql`organization_id = ${orgId} and source_type = 'continuity_test'`),
      };
    };
    const demo = await lists(demoId);
    for (const [list, rows] of Object.entries(demo)) expect(rows, list).toBeGreaterThan(0);
    // The volumes a user sees: a year of work, not a handful of rows.
    expect(await countRows("inspections", sql`organization_id = ${demoId} and status = 'submitted'`)).toBeGreaterThan(100);
    expect(demo.assessments).toBe(2);
    expect(demo.dossiers).toBe(2);
    // One approved continuity plan, tested twice; the simulation's finding raised one action.
    expect([demo.continuityPlans, demo.continuityTests, demo.continuityActions]).toEqual([1, 2, 1]);
    expect(await lists(carrierId)).toEqual(Object.fromEntries(Object.keys(demo).map((k) => [k, 0])));
  });

  test("the year's records feed every trade-security criterion of both Chinese standards", async () => {
    const db = testDb();
    for (const [code, keys] of [
      // CN-2022 sub-items (31)-(62) and CN-2014 items 21-28, each with records of the last 12 months.
      ["cn-2022-advanced", Array.from({ length: 32 }, (_, i) => String(31 + i))],
      ["cn-2014-general", Array.from({ length: 8 }, (_, i) => String(21 + i))],
    ] as const) {
      const framework = await getFramework(db, code);
      const criteria = (await listCriteria(db, framework!.id)).filter((c) => (keys as readonly string[]).includes(c.key));
      expect(criteria).toHaveLength(keys.length);
      const coverage = await coverageForFramework(db, demoId, framework!.id);
      const withRecords = criteria.filter((c) => (coverage.get(c.id)?.recent ?? 0) > 0);
      const withPolicy = criteria.filter((c) => (coverage.get(c.id)?.policies.length ?? 0) > 0);
      const without = criteria.filter((c) => !withRecords.includes(c)).map((c) => c.key);
      expect(without, `${code}: criteria without records of the last 12 months`).toEqual([]);
      expect(withPolicy.length, `${code}: criteria with a policy`).toBe(keys.length);
      expect((await coverageForFramework(db, carrierId, framework!.id)).size).toBe(0);
    }
  });

  test("each role has its own work waiting on the first day: due, overdue and coming up", async () => {
    const db = testDb();
    const userOf = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id ?? "";
    // The guard: the container that failed two days ago has its action overdue, and the container is held.
    const guard = await userOf("security@demo.tradeguard.test");
    const guardActions = await listActions(db, demoId, guard, { status: "open", mine: true }, today);
    expect(guardActions.some((a) => a.action.dueOn < today)).toBe(true);
    // The supervisor: the latest CCTV review waits for the signature; a seal report is open.
    expect(
      await countRows(
        "inspections",
        sql`organization_id = ${demoId} and signoff_required and signed_off_at is null and status = 'submitted'`,
      ),
    ).toBeGreaterThan(0);
    expect(await countRows("inspections", sql`organization_id = ${demoId} and release_override_reason is not null`)).toBe(1);
    expect(await countRows("seal_events", sql`organization_id = ${demoId} and kind = 'reported'`)).toBe(1);
    expect(await countRows("seal_events", sql`organization_id = ${demoId} and kind = 'resolved'`)).toBe(0);
    // Visitors: two on site now, one of them since yesterday (an overdue exit).
    const onSite = await listOnSite(db, demoId);
    expect(onSite.length).toBeGreaterThanOrEqual(3);
    // Procurement: one partner overdue for re-evaluation, one due within the month; a link waits.
    const partnerRows = await db.select().from(partners).where(eq(partners.organizationId, demoId));
    expect(new Set(partnerRows.map((p) => p.riskTier).filter(Boolean))).toEqual(new Set(["low", "medium", "high"]));
    expect(partnerRows.filter((p) => p.nextEvaluationOn !== null && p.nextEvaluationOn < today)).toHaveLength(1);
    // One partner's six-monthly supervision check is overdue: the packaging supplier's.
    expect(
      partnerRows.filter((p) => p.nextSupervisionOn !== null && p.nextSupervisionOn < today).map((p) => p.legalNameEn),
    ).toEqual(["Suzhou Demo Packaging Co., Ltd."]);
    expect(await countRows("partner_evaluations", sql`organization_id = ${demoId} and status = 'awaiting_partner'`)).toBe(1);
    // Compliance: an evaluation prepared yesterday waits for the decision.
    const prepared = await db
      .select()
      .from(partnerEvaluations)
      .where(and(eq(partnerEvaluations.organizationId, demoId), eq(partnerEvaluations.status, "prepared")));
    expect(prepared).toHaveLength(1);
    // HR: the guard's yearly re-check is due; the driver who left has an open exit checklist.
    const people = await db.select().from(employees).where(eq(employees.organizationId, demoId));
    expect(
      people
        .filter((e) => recheckState(e.nextBackgroundCheckOn, today, e.leaveDate !== null && e.leaveDate <= today) === "due")
        .map((e) => e.name),
    ).toContain("张伟 Zhang Wei");
    // The owner of a small company: legal representative and principal person at once.
    expect(people.find((e) => e.name === "王海 Wang Hai")?.keyRoles).toEqual(["legal_representative", "principal_person"]);
    expect(await countRows("offboardings", sql`organization_id = ${demoId} and status <> 'done'`)).toBe(1);
  });

  test("both self-assessments are final, and every shortfall has its corrective action", async () => {
    const db = testDb();
    const rows = await listAssessments(db, demoId);
    expect(rows.map((r) => r.assessment.status)).toEqual(["final", "final"]);
    const shortfalls = await query<{ assessment_id: string; criterion_id: string }>(
      sql`select assessment_id, criterion_id from assessment_results where organization_id = ${demoId} and result in ('partly_meets', 'fails')`,
    );
    expect(shortfalls.length).toBe(4);
    for (const s of shortfalls) {
      const actions = await db
        .select()
        .from(correctiveActions)
        .where(
          and(
            eq(correctiveActions.organizationId, demoId),
            eq(correctiveActions.sourceId, s.assessment_id),
            eq(correctiveActions.criterionId, s.criterion_id),
          ),
        );
      expect(actions).toHaveLength(1);
    }
    // Dates a user reads are the history's, not the seeding's: the older assessment was finalised a year ago.
    const older = rows.at(-1)!.assessment;
    expect(older.finalizedAt!.getTime()).toBeLessThan(Date.now() - 300 * 86_400_000);
    const [first] = await db
      .select()
      .from(inspections)
      .where(eq(inspections.organizationId, demoId))
      .orderBy(asc(inspections.occurredAt))
      .limit(1);
    expect(first!.submittedAt!.getTime()).toBeLessThan(Date.now() - 300 * 86_400_000);
  });

  test("the audit trail of both organisations verifies", async () => {
    for (const id of [demoId, carrierId]) expect(await verifyOrganizationChain(testDb(), id)).toMatchObject({ ok: true });
  });

  test("the carrier holds nothing but its own account, site and their audit events", async () => {
    const holding: Record<string, number> = {};
    for (const table of await tenantTables()) {
      const n = await countRows(table, sql`organization_id = ${carrierId}`);
      if (n > 0) holding[table] = n;
    }
    expect(Object.keys(holding).sort()).toEqual(["audit_events", "memberships", "sites"]);
  });

  test("the queued dossiers of both standards render", async () => {
    expect(await workQueue(queues.dossier)).toBe(2);
    const rows = await testDb().select().from(dossiers).where(eq(dossiers.organizationId, demoId));
    expect(rows.map((d) => d.status)).toEqual(["ready", "ready"]);
  }, 300_000);

  test("seeding again writes nothing", async () => {
    const before = await rowCounts();
    expect(await seedDemoIfEmpty(testDb())).toBe(false);
    expect(await rowCounts()).toEqual(before);
  });

  test.each(demoAccounts.map((a) => [a.email, a.role] as const))("%s logs in with the published password as %s", async (email, role) => {
    const outcome = await logIn(email, DEMO_PASSWORD);
    expect(outcome.status).toBe(302);
    expect((await authOf(cookiePair(outcome.setCookie)))?.membership.role).toBe(role);
  });

  test("the demo profile passes the app's own validation: saving it unchanged works", async () => {
    const login = await logIn("owner@demo.tradeguard.test", DEMO_PASSWORD);
    const cookie = cookiePair(login.setCookie);
    const page = await callLoader<{ profile: Fields }>(organizationRoute, "/settings/organization", { cookie });
    const saved = await callAction(organizationRoute, "/settings/organization", page.data.profile, { cookie });
    expect(saved.status, JSON.stringify(saved.data)).toBe(302);
  });

  test("refuses to seed a database that already holds an organisation, and a signed-up one is not a demo", async () => {
    await truncateAll();
    await signUpOrganization();
    expect(await seedDemoIfEmpty(testDb())).toBe(false);
    expect(await countRows("organizations")).toBe(1);
    expect(await countRows("organizations", sql`is_demo`)).toBe(0);
    expect(await demoAccountsExist(testDb())).toBe(false);
  });
});

describe("healthz", () => {
  test("reports ok with the database reachable, never cached", async () => {
    const response = await healthzRoute.loader();
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
    const outcome = await callLoader(healthzRoute, "/healthz");
    expect(outcome.data).toMatchObject({ status: "ok" });
  });
});

import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { memberships, organizations, users } from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { DEMO_PASSWORD, demoAccounts, demoAccountsExist, seedDemoIfEmpty } from "~/lib/demo/demo-seed.server";
import * as organizationRoute from "~/routes/_app.settings.organization";
import * as healthzRoute from "~/routes/healthz";
import { authOf, logIn, signUpOrganization } from "../support/factories";
import { callAction, callLoader, cookiePair, type Fields } from "../support/requests";
import { countRows, testDb, truncateAll } from "../support/test-database";

describe("demo seed", () => {
  beforeAll(async () => {
    await truncateAll();
  });

  test("seeds both demo organisations with the nine published accounts, once", async () => {
    const db = testDb();
    expect(await demoAccountsExist(db)).toBe(false);
    expect(await seedDemoIfEmpty(db)).toBe(true);
    expect(await demoAccountsExist(db)).toBe(true);

    const orgs = await db.select().from(organizations).orderBy(asc(organizations.createdAt));
    expect(orgs.map((o) => o.legalNameEn)).toEqual(["Shenzhen Demo Trading Co., Ltd.", "Shanghai Demo Logistics Co., Ltd."]);
    expect(await countRows("users")).toBe(9);
    expect(await countRows("sites")).toBe(3);
    // The demo plans its inspections (schedules), but records none: no inspection is made up.
    expect(await countRows("inspection_schedules")).toBe(6);
    expect(await countRows("inspections")).toBe(0);
    // Likewise its partners are registered but not vetted: no evaluation or contract is made up.
    expect(await countRows("partners")).toBe(4);
    expect(await countRows("partner_evaluations")).toBe(0);
    expect(await countRows("contracts")).toBe(0);
    // The registers are there to be used, their records are not made up: the members are on the
    // employee list without identity numbers or checks, the factory has its visitor badges and keys,
    // the seal model waits for its certificate, and no seal, visit, exit or training exists.
    expect(await countRows("employees")).toBe(8);
    expect(await countRows("employees", sql`id_number_ciphertext is not null or date_of_birth is not null`)).toBe(0);
    expect(await countRows("access_items", sql`kind = 'visitor_badge' and status = 'available'`)).toBe(20);
    expect(await countRows("access_items", sql`kind = 'key' and status = 'available'`)).toBe(3);
    expect(await countRows("seal_models", sql`iso_class = 'H' and certificate_file_id is null`)).toBe(1);
    for (const table of ["seals", "visitor_entries", "access_item_events", "background_checks", "offboardings", "training_sessions"])
      expect(await countRows(table), table).toBe(0);

    const rows = await db
      .select({ email: users.email, role: memberships.role, organizationId: memberships.organizationId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId));
    const orgOf = { demo: orgs[0]?.id, carrier: orgs[1]?.id };
    expect(rows.map((r) => [r.email, r.role, r.organizationId]).sort()).toEqual(
      demoAccounts.map((a) => [a.email, a.role, orgOf[a.organization]]).sort(),
    );
    for (const org of orgs) expect(await verifyOrganizationChain(db, org.id)).toMatchObject({ ok: true });

    const before = { orgs: await countRows("organizations"), users: await countRows("users"), events: await countRows("audit_events") };
    expect(await seedDemoIfEmpty(db)).toBe(false);
    expect({ orgs: await countRows("organizations"), users: await countRows("users"), events: await countRows("audit_events") }).toEqual(before);
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

  test("refuses to seed a database that already holds an organisation", async () => {
    await truncateAll();
    await signUpOrganization();
    expect(await seedDemoIfEmpty(testDb())).toBe(false);
    expect(await countRows("organizations")).toBe(1);
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

import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditEvents } from "../../db/schema";
import { verifyOrganizationChain, type ChainStatus } from "~/lib/audit/audit.server";
import * as auditRoute from "~/routes/_app.settings.audit";
import * as organizationRoute from "~/routes/_app.settings.organization";
import * as siteRoute from "~/routes/_app.settings.sites.$siteId";
import { addMember, createSite, invite, signUpOrganization, siteFields, uniqueEmail, type SignedUp } from "../support/factories";
import { callAction, callLoader, type Outcome } from "../support/requests";
import { query, testDatabase, testDb, truncateAll } from "../support/test-database";

const run = promisify(execFile);

interface AuditPage {
  events: { rows: { seq: number; entityType: string; action: string }[]; total: number };
  entityTypes: string[];
  chain: ChainStatus;
  page: number;
  errors: Record<string, string>;
}

/** An organisation with a history: profile edit, three site changes, an invitation and a new member. */
async function organizationWithHistory(): Promise<SignedUp> {
  const owner = await signUpOrganization();
  await callAction(
    organizationRoute,
    "/settings/organization",
    {
      legalNameZh: owner.legalNameZh,
      legalNameEn: owner.legalNameEn,
      customsCode: "2201940XYZ",
      unifiedSocialCreditCode: "91310000717866186P",
      enterpriseTypes: ["logistics_carrier"],
      aeoStatus: "none",
      timeZone: "Asia/Shanghai",
    },
    { cookie: owner.cookie },
  );
  const site = await createSite(owner.cookie);
  await callAction(siteRoute, `/settings/sites/${site.id}`, siteFields({ nameEn: "Renamed" }), {
    cookie: owner.cookie,
    params: { siteId: site.id },
  });
  await callAction(siteRoute, `/settings/sites/${site.id}`, { intent: "delete" }, { cookie: owner.cookie, params: { siteId: site.id } });
  await addMember(owner.cookie, "auditor");
  return owner;
}

function auditPage(cookie: string, search = ""): Promise<Outcome<AuditPage>> {
  return callLoader<AuditPage>(auditRoute, `/settings/audit${search}`, { cookie });
}

async function eventAt(orgId: string, seq: number) {
  const [row] = await testDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, orgId), eq(auditEvents.seq, seq)));
  if (!row) throw new Error(`no event #${seq}`);
  return row;
}

function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe("audit chain", () => {
  test("a series of changes forms a valid chain, shown as intact on the audit page", async () => {
    const owner = await organizationWithHistory();
    // sign-up (2) + profile + site create/update/delete + invitation + acceptance (invitation, membership)
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual({ ok: true, events: 9 });
    const page = await auditPage(owner.cookie);
    expect(page.status).toBe(200);
    expect(page.data.chain).toEqual({ ok: true, events: 9 });
    expect(page.data.events.total).toBe(9);
    expect(page.data.events.rows.map((e) => e.seq)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(page.data.entityTypes).toEqual(["invitation", "membership", "organization", "site"]);
  });

  test("editing a stored event is detected as a hash mismatch at that event", async () => {
    const owner = await organizationWithHistory();
    const other = await organizationWithHistory();
    const target = await eventAt(owner.organizationId, 3);
    await testDb().execute(sql`update audit_events set after = ${JSON.stringify({ legalNameEn: "Forged Ltd" })}::jsonb where id = ${target.id}`);
    const expected = { ok: false, events: 9, problem: { seq: 3, eventId: target.id, reason: "hash_mismatch" } };
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual(expected);
    expect((await auditPage(owner.cookie)).data.chain).toEqual(expected);
    // Another organisation's chain is its own.
    expect(await verifyOrganizationChain(testDb(), other.organizationId)).toEqual({ ok: true, events: 9 });
  });

  test("editing the link to the previous event is detected", async () => {
    const owner = await organizationWithHistory();
    const target = await eventAt(owner.organizationId, 5);
    await testDb().execute(sql`update audit_events set prev_hash = ${"f".repeat(64)} where id = ${target.id}`);
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual({
      ok: false,
      events: 9,
      problem: { seq: 5, eventId: target.id, reason: "prev_hash_mismatch" },
    });
  });

  test("deleting an event in the middle is detected as a gap", async () => {
    const owner = await organizationWithHistory();
    const target = await eventAt(owner.organizationId, 4);
    const next = await eventAt(owner.organizationId, 5);
    await testDb().execute(sql`delete from audit_events where id = ${target.id}`);
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual({
      ok: false,
      events: 8,
      problem: { seq: 5, eventId: next.id, reason: "sequence_gap" },
    });
  });

  test("deleting the last event is detected against the organisation's chain head", async () => {
    const owner = await organizationWithHistory();
    const last = await eventAt(owner.organizationId, 9);
    await testDb().execute(sql`delete from audit_events where id = ${last.id}`);
    const expected = { ok: false, events: 8, problem: { seq: 9, eventId: null, reason: "head_mismatch" } };
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual(expected);
    expect((await auditPage(owner.cookie)).data.chain).toEqual(expected);
  });

  test("a rewritten event with a recomputed hash still breaks the link of the next one", async () => {
    const owner = await organizationWithHistory();
    const target = await eventAt(owner.organizationId, 6);
    const next = await eventAt(owner.organizationId, 7);
    const { auditEventHash } = await import("~/lib/audit/audit-chain.server");
    const forged = { ...target, after: { nameEn: "Never existed" } };
    await testDb()
      .update(auditEvents)
      .set({ after: forged.after, hash: auditEventHash(forged) })
      .where(eq(auditEvents.id, target.id));
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual({
      ok: false,
      events: 9,
      problem: { seq: 7, eventId: next.id, reason: "prev_hash_mismatch" },
    });
  });

  test("no password hash or token hash ever enters the trail", async () => {
    const owner = await organizationWithHistory();
    await invite(owner.cookie, { email: uniqueEmail("secret"), role: "security" });
    const rows = await query<{ before: unknown; after: unknown }>(
      sql`select before, after from audit_events where organization_id = ${owner.organizationId}`,
    );
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/passwordHash|tokenHash|password_hash|token_hash|\$argon2/);
  });
});

describe("audit page", () => {
  test("filters by entity type, action and day in the organisation's time zone", async () => {
    const firstDay = todayIn("Asia/Shanghai");
    const owner = await organizationWithHistory();
    const lastDay = todayIn("Asia/Shanghai");
    const sitesOnly = await auditPage(owner.cookie, "?entityType=site");
    expect(sitesOnly.data.events.rows.map((e) => e.action)).toEqual(["delete", "update", "create"]);
    const deletes = await auditPage(owner.cookie, "?action=delete");
    expect(deletes.data.events.rows.map((e) => e.entityType)).toEqual(["site"]);

    // The days the events were written on (one day, unless the test ran across midnight in Shanghai).
    expect((await auditPage(owner.cookie, `?from=${firstDay}&to=${lastDay}`)).data.events.total).toBe(9);
    expect((await auditPage(owner.cookie, `?from=${shiftDay(lastDay, 1)}`)).data.events.total).toBe(0);
    expect((await auditPage(owner.cookie, `?to=${shiftDay(firstDay, -1)}`)).data.events.total).toBe(0);
  });

  test("bad filter values are reported, never a server error", async () => {
    const owner = await signUpOrganization();
    const badDate = await auditPage(owner.cookie, "?from=2024-02-30&action=explode&page=zero");
    expect(badDate.status).toBe(200);
    expect(badDate.data.errors).toEqual({ from: "errors.date", action: "errors.choose", page: "errors.invalid" });
    expect(badDate.data.events.total).toBe(2);
    const reversed = await auditPage(owner.cookie, "?from=2024-03-02&to=2024-03-01");
    expect(reversed.data.errors).toEqual({ to: "errors.dateRange" });
  });

  test("auditors and compliance read the trail; security and procurement get 403", async () => {
    const owner = await signUpOrganization();
    for (const role of ["auditor", "compliance"] as const) {
      const member = await addMember(owner.cookie, role);
      expect((await auditPage(member.cookie)).status).toBe(200);
    }
    for (const role of ["security", "procurement"] as const) {
      const member = await addMember(owner.cookie, role);
      const outcome = await auditPage(member.cookie);
      expect(outcome.status).toBe(403);
      expect(outcome.data).toMatchObject({ reason: "forbidden", permission: "audit.read" });
    }
  });
});

describe("npm run audit:verify (scripts/audit-verify.ts)", () => {
  /** Runs the script as a child process against a copy of (PGlite) or the very (PostgreSQL) test database. */
  async function auditVerify(): Promise<{ code: number; stdout: string }> {
    const database = testDatabase();
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent", SEED_DEMO: "0" };
    delete env.DATABASE_URL;
    let dir: string | undefined;
    if (database.kind === "postgres") {
      env.DATABASE_URL = database.url;
    } else {
      // PGlite is one process: hand the script an on-disk copy of this file's in-memory database.
      // dumpDataDir gives a plain tarball of the data directory; tar unpacks it faster than PGlite.
      const dump = await database.pglite?.dumpDataDir("none");
      if (!dump) throw new Error("no PGlite client to dump");
      dir = mkdtempSync(path.join(tmpdir(), "tradeguard-audit-verify-"));
      const tarball = path.join(dir, "dump.tar");
      writeFileSync(tarball, Buffer.from(await dump.arrayBuffer()));
      const dataDir = path.join(dir, "data");
      mkdirSync(dataDir);
      await run("tar", ["-xf", tarball, "-C", dataDir]);
      env.DATA_DIR = dataDir;
    }
    try {
      const { stdout } = await run("npx", ["tsx", "scripts/audit-verify.ts"], { cwd: process.cwd(), env });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string };
      return { code: typeof failed.code === "number" ? failed.code : -1, stdout: failed.stdout ?? "" };
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  }

  test("exits non-zero on a tampered database, naming the broken organisation and passing the intact one", async () => {
    await truncateAll();
    const intact = await organizationWithHistory();
    const tampered = await organizationWithHistory();
    const target = await eventAt(tampered.organizationId, 2);
    await testDb().execute(sql`update audit_events set after = '{"role":"owner","email":"mallory@example.test"}'::jsonb where id = ${target.id}`);
    const broken = await auditVerify();
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`BROKEN  ${tampered.organizationId} ${tampered.legalNameEn}: hash_mismatch at event #2`);
    expect(broken.stdout).toContain(`ok      ${intact.organizationId} ${intact.legalNameEn}: 9 events`);
    expect(broken.stdout).toContain("2 organisations checked, 1 broken.");
  });
});

import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditCheckpoints, auditEvents } from "../../db/schema";
import { GENESIS_HASH, sha256EventHash } from "~/lib/audit/audit-chain.server";
import { verifyOrganizationChain, type ChainStatus } from "~/lib/audit/audit.server";
import { closeJobEngine, jobEngine, openJobEngine, queues } from "~/lib/jobs/job-engine.server";
import { serverSecret } from "~/lib/personnel/personal-data-crypto.server";
import { workQueue } from "../support/jobs";
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

/**
 * What someone who can write the database (but has no installation key) can do: rewrite the events
 * from `from` on with `edit`, recompute every later hash as plain SHA-256 over the same canonical
 * JSON the chain has always used, and move the stored head to the new last hash, all in SQL.
 */
async function rewriteWithoutKey(orgId: string, from: number, edit: (after: unknown, seq: number) => unknown = (after) => after) {
  const rows = await testDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, orgId), gte(auditEvents.seq, from)))
    .orderBy(asc(auditEvents.seq));
  let prevHash = from === 1 ? GENESIS_HASH : (await eventAt(orgId, from - 1)).hash;
  for (const row of rows) {
    const fields = { ...row, after: edit(row.after, row.seq), prevHash };
    const hash = sha256EventHash(fields);
    await testDb().execute(
      sql`update audit_events set after = ${JSON.stringify(fields.after)}::jsonb, prev_hash = ${prevHash}, hash = ${hash} where id = ${row.id}`,
    );
    prevHash = hash;
  }
  await testDb().execute(sql`update organizations set audit_head_hash = ${prevHash} where id = ${orgId}`);
}

/** The daily checkpoint run, as the job engine works it. */
async function runDailyCheckpoint(): Promise<void> {
  const boss = await jobEngine();
  await boss.send(queues.auditCheckpoint, {});
  // (A supervising start earlier in the file may have left its own pass queued.)
  expect(await workQueue(queues.auditCheckpoint)).toBeGreaterThanOrEqual(1);
}

const checkpointsOf = (orgId: string) =>
  testDb().select().from(auditCheckpoints).where(eq(auditCheckpoints.organizationId, orgId)).orderBy(asc(auditCheckpoints.seq));

/**
 * An organisation as it was before migration 0010: every event hashed with plain SHA-256, then the
 * migration's own cut-over statement (read from the migration file) run over it.
 */
async function asBeforeTheKeyedChain(orgId: string): Promise<void> {
  await rewriteWithoutKey(orgId, 1);
  await testDb().execute(sql`update organizations set audit_legacy_seq = 0 where id = ${orgId}`);
  const migration = readFileSync(path.resolve("db/migrations/0010_audit_anchor.sql"), "utf8");
  const cutOver = migration
    .split("--> statement-breakpoint")
    .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
    .find((statement) => statement.startsWith('UPDATE "organizations"'));
  if (!cutOver) throw new Error("migration 0010 has no cut-over statement");
  // Run for this organisation only: the others in this database already have keyed events.
  await testDb().execute(sql`${sql.raw(cutOver.replace(/;\s*$/, ""))} where o.id = ${orgId}`);
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

  test("a rewritten event with a recomputed SHA-256 is no HMAC: the break is at that event", async () => {
    const owner = await organizationWithHistory();
    const target = await eventAt(owner.organizationId, 6);
    const forged = { ...target, after: { nameEn: "Never existed" } };
    await testDb()
      .update(auditEvents)
      .set({ after: forged.after, hash: sha256EventHash(forged) })
      .where(eq(auditEvents.id, target.id));
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual({
      ok: false,
      events: 9,
      problem: { seq: 6, eventId: target.id, reason: "hash_mismatch" },
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

describe("rewrites by someone who can write the database", () => {
  test("(a) an edited event with every later hash recomputed and the head moved: HMAC mismatch at that event", async () => {
    const owner = await organizationWithHistory();
    const target = await eventAt(owner.organizationId, 3);
    await rewriteWithoutKey(owner.organizationId, 3, (after, seq) => (seq === 3 ? { legalNameEn: "Forged Ltd" } : after));
    // The forgery is consistent as far as plain SHA-256 goes: links, hashes and head all agree.
    const last = await eventAt(owner.organizationId, 9);
    expect(sha256EventHash(last)).toBe(last.hash);
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual({
      ok: false,
      events: 9,
      problem: { seq: 3, eventId: target.id, reason: "hash_mismatch" },
    });
  });

  test("(b) the tail deleted and the head moved back: the trail is behind its last checkpoint, and the next run does not cover it up", async () => {
    const owner = await organizationWithHistory();
    await runDailyCheckpoint();
    const [checkpoint] = await checkpointsOf(owner.organizationId);
    expect(checkpoint).toMatchObject({ seq: 9, headHash: (await eventAt(owner.organizationId, 9)).hash, reason: "scheduled", signature: null });
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual({ ok: true, events: 9 });

    const newHead = await eventAt(owner.organizationId, 7);
    await testDb().execute(sql`delete from audit_events where organization_id = ${owner.organizationId} and seq > 7`);
    await testDb().execute(sql`update organizations set audit_head_seq = 7, audit_head_hash = ${newHead.hash} where id = ${owner.organizationId}`);
    const expected = { ok: false, events: 7, problem: { seq: 9, eventId: null, reason: "behind_checkpoint" } };
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual(expected);
    expect((await auditPage(owner.cookie)).data.chain).toEqual(expected);

    // The next daily run verifies before it checkpoints: it makes none over the cut-back trail.
    await runDailyCheckpoint();
    expect(await checkpointsOf(owner.organizationId)).toHaveLength(1);
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual(expected);
  });

  test("(c) one organisation's events wiped, head reset: checkpoints exist but no events", async () => {
    const owner = await organizationWithHistory();
    const other = await organizationWithHistory();
    await runDailyCheckpoint();
    await testDb().execute(sql`delete from audit_events where organization_id = ${owner.organizationId}`);
    await testDb().execute(sql`update organizations set audit_head_seq = 0, audit_head_hash = ${GENESIS_HASH} where id = ${owner.organizationId}`);
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual({
      ok: false,
      events: 0,
      problem: { seq: 9, eventId: null, reason: "wiped" },
    });
    expect(await verifyOrganizationChain(testDb(), other.organizationId)).toEqual({ ok: true, events: 9 });
  });

  test("a checkpoint written into the database without the installation key is reported as forged", async () => {
    const owner = await organizationWithHistory();
    await runDailyCheckpoint();
    const [real] = await checkpointsOf(owner.organizationId);
    // Someone hides a cut by replacing the checkpoint with one at an earlier event.
    const seven = await eventAt(owner.organizationId, 7);
    await testDb().execute(sql`update audit_checkpoints set seq = 7, head_hash = ${seven.hash} where id = ${real!.id}`);
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual({
      ok: false,
      events: 9,
      problem: { seq: 7, eventId: null, reason: "checkpoint_invalid" },
    });
  });

  test("an untouched keyed chain with checkpoints verifies; a run with nothing new makes no checkpoint", async () => {
    const owner = await organizationWithHistory();
    await runDailyCheckpoint();
    await runDailyCheckpoint();
    expect(await checkpointsOf(owner.organizationId)).toHaveLength(1);
    await addMember(owner.cookie, "security");
    await runDailyCheckpoint();
    // An invitation, its acceptance and the membership: three events.
    expect((await checkpointsOf(owner.organizationId)).map((c) => c.seq)).toEqual([9, 12]);
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual({ ok: true, events: 12 });
  });
});

describe("events from before the keyed chain (plain SHA-256, migration 0010's cut-over)", () => {
  test("still verify, with keyed events after them", async () => {
    const owner = await organizationWithHistory();
    await asBeforeTheKeyedChain(owner.organizationId);
    const [org] = await query<{ audit_legacy_seq: number }>(sql`select audit_legacy_seq from organizations where id = ${owner.organizationId}`);
    expect(org?.audit_legacy_seq).toBe(9);
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual({ ok: true, events: 9 });
    await addMember(owner.cookie, "security");
    const keyed = await eventAt(owner.organizationId, 10);
    expect(keyed.hash).not.toBe(sha256EventHash(keyed));
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual({ ok: true, events: 12 });
    // A new organisation has no SHA-256 events at all.
    const fresh = await signUpOrganization();
    const [freshOrg] = await query<{ audit_legacy_seq: number }>(sql`select audit_legacy_seq from organizations where id = ${fresh.organizationId}`);
    expect(freshOrg?.audit_legacy_seq).toBe(0);
  });

  test("a rewritten SHA-256 event breaks at the first keyed event, which cannot be recomputed without the key", async () => {
    const owner = await organizationWithHistory();
    await asBeforeTheKeyedChain(owner.organizationId);
    await addMember(owner.cookie, "security");
    const firstKeyed = await eventAt(owner.organizationId, 10);
    await rewriteWithoutKey(owner.organizationId, 4, (after, seq) => (seq === 4 ? { nameEn: "Forged" } : after));
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual({
      ok: false,
      events: 12,
      problem: { seq: 10, eventId: firstKeyed.id, reason: "hash_mismatch" },
    });
  });

  test("a SHA-256-only trail rewritten after its first checkpoint, or downgraded whole with the cut-over moved, contradicts the checkpoint", async () => {
    const legacy = await organizationWithHistory();
    await asBeforeTheKeyedChain(legacy.organizationId);
    await runDailyCheckpoint();
    await rewriteWithoutKey(legacy.organizationId, 2, (after, seq) => (seq === 2 ? { role: "owner", email: "mallory@example.test" } : after));
    expect(await verifyOrganizationChain(testDb(), legacy.organizationId)).toMatchObject({
      ok: false,
      problem: { seq: 9, reason: "checkpoint_mismatch" },
    });

    // Every keyed event recomputed as SHA-256 and the cut-over moved past them.
    const keyed = await organizationWithHistory();
    await runDailyCheckpoint();
    await rewriteWithoutKey(keyed.organizationId, 1);
    await testDb().execute(sql`update organizations set audit_legacy_seq = 9 where id = ${keyed.organizationId}`);
    expect(await verifyOrganizationChain(testDb(), keyed.organizationId)).toMatchObject({
      ok: false,
      problem: { seq: 9, reason: "checkpoint_mismatch" },
    });
  });
});

describe("upgrading a database through migration 0010", () => {
  test("its SHA-256 events verify after the upgrade, with the cut-over at each organisation's last event, and the next event is keyed", async () => {
    const { createDatabase } = await import("../../db/client");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const { organizations } = await import("../../db/schema");
    const { recordAudit, inspectOrganizationChain } = await import("~/lib/audit/audit.server");
    // An embedded database of its own (on either test database), migrated as it was before 0010.
    const before = mkdtempSync(path.join(tmpdir(), "tradeguard-migrations-0009-"));
    const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: { idx: number; tag: string }[] };
    mkdirSync(path.join(before, "meta"));
    writeFileSync(path.join(before, "meta/_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.idx < 10) }));
    for (const entry of journal.entries.filter((e) => e.idx < 10)) {
      writeFileSync(path.join(before, `${entry.tag}.sql`), readFileSync(`db/migrations/${entry.tag}.sql`));
    }
    const handle = await createDatabase({ dataDir: "memory://" });
    try {
      await migrate(handle.db as never, { migrationsFolder: before });
      // An organisation with three events, hashed as the code before 0010 hashed them.
      await handle.db.execute(sql`insert into organizations (legal_name_zh, legal_name_en) values ('旧数据有限公司', 'Old Data Ltd')`);
      const [{ id: orgId }] = (await handle.db.select({ id: organizations.id }).from(organizations)) as [{ id: string }];
      let prevHash = GENESIS_HASH;
      for (let seq = 1; seq <= 3; seq++) {
        const fields = {
          organizationId: orgId,
          seq,
          actorUserId: null,
          action: "update",
          entityType: "organization",
          entityId: orgId,
          before: null,
          after: { step: seq },
          occurredAt: new Date(Date.UTC(2026, 10, seq, 8)),
          prevHash,
        };
        prevHash = sha256EventHash(fields);
        await handle.db.execute(
          sql`insert into audit_events (organization_id, seq, action, entity_type, entity_id, after, occurred_at, prev_hash, hash)
              values (${orgId}, ${seq}, 'update', 'organization', ${orgId}, ${JSON.stringify(fields.after)}::jsonb, ${fields.occurredAt.toISOString()}, ${fields.prevHash}, ${prevHash})`,
        );
      }
      await handle.db.execute(sql`update organizations set audit_head_seq = 3, audit_head_hash = ${prevHash} where id = ${orgId}`);

      await migrate(handle.db as never, { migrationsFolder: path.resolve("db/migrations") });
      const legacy = await inspectOrganizationChain(handle.db, orgId);
      expect(legacy).toMatchObject({ events: 3, legacyEvents: 3, legacySeq: 3, checkpoints: 0, problem: null });
      await handle.db.transaction((tx) =>
        recordAudit(tx, { organizationId: orgId, actorUserId: null, action: "update", entityType: "organization", entityId: orgId, after: { step: 4 } }),
      );
      const upgraded = await inspectOrganizationChain(handle.db, orgId);
      expect(upgraded).toMatchObject({ events: 4, legacyEvents: 3, legacySeq: 3, problem: null });
      expect(upgraded.firstKeyedAt).not.toBeNull();
    } finally {
      await handle.close();
      rmSync(before, { recursive: true, force: true });
    }
  }, 180_000);
});

describe("the daily checkpoint schedule", () => {
  test("a supervising process keeps the audit-checkpoint schedule", async () => {
    await closeJobEngine(0);
    const boss = await openJobEngine(testDatabase().handle, { supervise: true });
    try {
      const schedules = await boss.getSchedules();
      expect(schedules.find((s) => s.name === queues.auditCheckpoint)).toMatchObject({ cron: "17 3 * * *", timezone: "Asia/Shanghai" });
      // And a pass at once, for the first start after the upgrade.
      const queued = await query<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = ${queues.auditCheckpoint} and state = 'created'`);
      expect(queued[0]?.n).toBeGreaterThanOrEqual(1);
    } finally {
      await closeJobEngine(0);
    }
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
  async function auditVerify(args: string[] = [], envChanges: Record<string, string | undefined> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    const database = testDatabase();
    // The installation key as this process has it (its DATA_DIR's key file is not in the copy).
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent", SEED_DEMO: "0", PERSONAL_DATA_KEY: serverSecret().toString("hex") };
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
    Object.assign(env, envChanges);
    for (const [key, value] of Object.entries(envChanges)) if (value === undefined) delete env[key];
    try {
      const { stdout, stderr } = await run("npx", ["tsx", "scripts/audit-verify.ts", ...args], { cwd: process.cwd(), env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof failed.code === "number" ? failed.code : -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
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
    expect(broken.stdout).toContain(
      `BROKEN  ${tampered.organizationId} ${tampered.legalNameEn}: event #2 was altered after it was written: its HMAC does not match its content`,
    );
    expect(broken.stdout).toContain("[hash_mismatch at event #2]");
    expect(broken.stdout).toContain(`OK      ${intact.organizationId} ${intact.legalNameEn}: 9 events, intact; no checkpoint yet`);
    expect(broken.stdout).toContain("2 organisations checked, 1 broken.");
  }, 120_000);

  test("reports each of the three rewrites (and a downgrade to SHA-256) per organisation, in words, and OK for the untouched and the SHA-256-era trails", async () => {
    await truncateAll();
    const intact = await organizationWithHistory();
    const legacy = await organizationWithHistory();
    await asBeforeTheKeyedChain(legacy.organizationId);
    const edited = await organizationWithHistory();
    const cut = await organizationWithHistory();
    const wiped = await organizationWithHistory();
    const downgraded = await organizationWithHistory();
    await runDailyCheckpoint();
    const [cutCheckpoint] = await checkpointsOf(cut.organizationId);
    // This installation has been checkpointing for three days (the seal vouches for the time).
    const { makeCheckpoint } = await import("~/lib/audit/audit-checkpoints.server");
    const threeDaysAgo = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
    await makeCheckpoint(testDb(), intact.organizationId, { reason: "scheduled", at: threeDaysAgo });

    await rewriteWithoutKey(edited.organizationId, 5, (after, seq) => (seq === 5 ? { nameEn: "Never existed" } : after));
    const seven = await eventAt(cut.organizationId, 7);
    await testDb().execute(sql`delete from audit_events where organization_id = ${cut.organizationId} and seq > 7`);
    await testDb().execute(sql`update organizations set audit_head_seq = 7, audit_head_hash = ${seven.hash} where id = ${cut.organizationId}`);
    await testDb().execute(sql`delete from audit_events where organization_id = ${wiped.organizationId}`);
    await testDb().execute(sql`update organizations set audit_head_seq = 0, audit_head_hash = ${GENESIS_HASH} where id = ${wiped.organizationId}`);
    // Beyond the three: every keyed event rewritten as SHA-256, the cut-over moved past them, and
    // the organisation's checkpoints deleted, so that no checkpoint contradicts the forgery.
    await rewriteWithoutKey(downgraded.organizationId, 1, (after, seq) => (seq === 2 ? { role: "owner", email: "mallory@example.test" } : after));
    await testDb().execute(sql`update organizations set audit_legacy_seq = 9 where id = ${downgraded.organizationId}`);
    await testDb().execute(sql`delete from audit_checkpoints where organization_id = ${downgraded.organizationId}`);

    // Each organisation's own newest checkpoint: the daily run may cross a second boundary between two.
    const lastCheckpointAt = async (org: SignedUp) => {
      const newest = Math.max(...(await checkpointsOf(org.organizationId)).map((c) => c.createdAt.getTime()));
      return `${new Date(newest).toISOString().slice(0, 19).replace("T", " ")} UTC`;
    };
    const at = `${cutCheckpoint!.createdAt.toISOString().slice(0, 19).replace("T", " ")} UTC`;
    const out = await auditVerify();
    expect(out.code, out.stdout + out.stderr).toBe(1);
    const line = (org: SignedUp) => out.stdout.split("\n").find((l) => l.includes(org.organizationId)) ?? "";
    expect(line(intact)).toBe(`OK      ${intact.organizationId} ${intact.legalNameEn}: 9 events, intact; last checkpoint at event #9 on ${await lastCheckpointAt(intact)}`);
    expect(line(legacy)).toBe(`OK      ${legacy.organizationId} ${legacy.legalNameEn}: 9 events, intact; last checkpoint at event #9 on ${await lastCheckpointAt(legacy)}`);
    expect(out.stdout).toContain("note: events #1–#9 were written before the keyed chain and carry plain SHA-256 hashes");
    expect(line(edited)).toContain("BROKEN");
    expect(line(edited)).toContain("event #5 was altered after it was written: its HMAC does not match its content");
    expect(line(cut)).toBe(
      `BROKEN  ${cut.organizationId} ${cut.legalNameEn}: the trail was cut back: the checkpoint of ${at} saw event #9, but the trail now ends at event #7 (the head was moved back) [behind_checkpoint at event #9]`,
    );
    expect(line(wiped)).toBe(
      `BROKEN  ${wiped.organizationId} ${wiped.legalNameEn}: all events are gone, though the trail had reached event #9 (the stored head or a checkpoint says so) [wiped at event #9]`,
    );
    expect(line(downgraded)).toBe(
      `BROKEN  ${downgraded.organizationId} ${downgraded.legalNameEn}: events #1–#9 carry plain SHA-256 and no checkpoint vouches for them, though this installation has been checkpointing since ${threeDaysAgo.toISOString().slice(0, 19).replace("T", " ")} UTC: this organisation's checkpoints were deleted, and its trail may have been rewritten [legacy_unvouched]`,
    );
    expect(out.stdout).toContain("6 organisations checked, 4 broken.");

    // A checkpoint printed on a dossier, compared with the trail as it is now.
    const intactHead = (await eventAt(intact.organizationId, 9)).hash;
    const compared = await auditVerify(["--expect", `${intact.organizationId}:9:${intactHead}`, "--expect", `${cut.organizationId}:9:${cutCheckpoint!.headHash}`]);
    expect(compared.stdout).toContain(`OK      ${intact.organizationId} ${intact.legalNameEn}: event #9 still has the printed head hash`);
    expect(compared.stdout).toContain(`BROKEN  ${cut.organizationId} ${cut.legalNameEn}: the printed checkpoint does not match the trail: event #9 is no longer in the trail`);
    expect(compared.stdout).toContain("2 printed checkpoints compared, 1 do not match.");
  }, 180_000);

  test("refuses to check without the installation key rather than make one up", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "tradeguard-audit-nokey-"));
    try {
      const out = await auditVerify([], { PERSONAL_DATA_KEY: undefined, DATA_DIR: empty });
      expect(out.code).toBe(2);
      expect(out.stderr).toContain("Cannot verify: no installation key");
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 120_000);
});

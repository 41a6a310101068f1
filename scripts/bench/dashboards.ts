// npm run bench:dashboards: each role's dashboard at a real customer's volume (scripts/bench/scale-data.ts:
// 50 sites, 365,000 inspections, 100,000 seal events, 50,000 visitors, 2,000 employees, 1,000
// partners), on PostgreSQL. For every role it times, in this process, the dashboard's loader (what the
// server spends on the page's data, session lookup included) and the attention model's call under it
// (attentionFor, or organizationAttention for those who oversee), as the median of RUNS runs after
// two warm-ups; and, in the same run, a trivial query (`select 1`) as the floor the figures are read
// against. The goal: every dashboard loader at most 300 ms. Prints a table on stderr and one JSON line
// on stdout: {"floor_ms":…,"roles":{"security":{"loader_ms":…,"attention_ms":…,"items":…,"ratio":…},…}}
// and exits non-zero when a loader's median is over the goal.
//
// TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is an account that may
// create databases: the year is seeded once into `tg_bench_dashboards` and reused while it holds it
// (BENCH_RESEED=1 seeds again). The large inspection photos are left out (photoInspections 0): a
// dashboard never reads a photo. BENCH_SCALE (default 1) shrinks every count, to try it quickly.
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASE = "tg_bench_dashboards";
const GOAL_MS = 300;
const RUNS = Number(process.env.BENCH_RUNS || "9");
const benchDir = path.resolve(process.env.BENCH_DIR || path.join(tmpdir(), "tradeguard-bench-dashboards"));

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

mkdirSync(path.join(benchDir, "files"), { recursive: true });
Object.assign(process.env, {
  SEED_DEMO: "0",
  DATA_DIR: benchDir,
  FILES_DIR: path.join(benchDir, "files"),
  PERSONAL_DATA_KEY: "5ca1ab1e".repeat(8),
  SESSION_SECRET: "tradeguard-bench-dashboards-session-secret",
  DATABASE_URL: databaseUrl(DATABASE),
  LOG_LEVEL: process.env.LOG_LEVEL || "warn",
});
delete process.env.SMTP_URL;

const { FULL_SCALE, SCALE_ORGANIZATION_PREFIX, seedScaleOrganization } = await import("./scale-data");

function scaled(): typeof FULL_SCALE {
  const factor = Number(process.env.BENCH_SCALE || "1");
  if (!(factor > 0 && factor <= 1)) throw new Error("BENCH_SCALE must be in (0, 1]");
  const n = (value: number, min = 1) => Math.max(min, Math.round(value * factor));
  return {
    sites: n(FULL_SCALE.sites, 2),
    days: FULL_SCALE.days,
    inspections: n(FULL_SCALE.inspections, 100),
    failureEvery: FULL_SCALE.failureEvery,
    photoInspections: 0,
    sealEvents: n(FULL_SCALE.sealEvents, 50),
    visitors: n(FULL_SCALE.visitors, 10),
    employees: n(FULL_SCALE.employees, 10),
    partners: n(FULL_SCALE.partners, 5),
    photoDir: path.join(benchDir, "photos"),
  };
}

/** The seeded organisation when the kept database holds one of these counts, else null. */
async function findSeeded(url: string, options: typeof FULL_SCALE): Promise<string | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [org] = await sql<{ id: string; inspections: number; visitors: number; sites: number }[]>`
      select o.id, (select count(*) from inspections where organization_id = o.id)::int as inspections,
        (select count(*) from visitor_entries where organization_id = o.id)::int as visitors,
        (select count(*) from sites where organization_id = o.id)::int as sites
      from organizations o where o.legal_name_en like ${`${SCALE_ORGANIZATION_PREFIX}%`} order by o.created_at desc limit 1`;
    if (!org || org.inspections !== options.inspections || org.visitors !== options.visitors || org.sites !== options.sites) return null;
    return org.id;
  } catch {
    return null;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function prepareDatabase(options: typeof FULL_SCALE): Promise<string> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const url = databaseUrl(DATABASE);
  const { createDatabase } = await import("../../db/client");
  const { migrateDatabase } = await import("../../db/migrate");
  try {
    const [exists] = await admin`select 1 as one from pg_database where datname = ${DATABASE}`;
    if (exists && !process.env.BENCH_RESEED) {
      const handle = await createDatabase({ url });
      try {
        await migrateDatabase(handle);
      } finally {
        await handle.close();
      }
      const id = await findSeeded(url, options);
      if (id) {
        log(`reusing ${DATABASE} (set BENCH_RESEED=1 to seed again)`);
        return id;
      }
    }
    log(`creating ${DATABASE} and seeding the year (several minutes)`);
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.unsafe(`create database ${DATABASE}`);
    const handle = await createDatabase({ url });
    try {
      await migrateDatabase(handle);
      const started = performance.now();
      const result = await seedScaleOrganization(handle.db, options);
      log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(result.counts)}`);
      // The seed updates rows it has just inserted (releases, sign-offs): a database in use has had
      // autovacuum clear those dead tuples long since, and the partial indexes read them otherwise.
      await admin.end({ timeout: 5 });
      const vacuum = postgres(url, { max: 1, onnotice: () => {} });
      await vacuum.unsafe("vacuum analyze");
      await vacuum.end({ timeout: 5 });
      return result.organizationId;
    } finally {
      await handle.close();
    }
  } finally {
    await admin.end({ timeout: 5 }).catch(() => {});
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed(run: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await run();
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const orgId = await prepareDatabase(scaled());
const { getDb, closeDatabase } = await import("../../app/lib/db.server");
const { sql } = await import("drizzle-orm");
const { createSession } = await import("../../app/lib/auth/session.server");
const { attentionFor, itemsFor, organizationAttention, viewerSites } = await import("../../app/lib/attention/attention.server");
const { todayInZone } = await import("../../app/lib/i18n/format");
const dashboard = await import("../../app/routes/_app._index/route");
const db = await getDb();

type Row = { user_id: string; role: string };
const rows = async <T>(statement: ReturnType<typeof sql>) => {
  const result = (await db.execute(statement)) as unknown;
  return (Array.isArray(result) ? result : ((result as { rows: T[] }).rows ?? [])) as T[];
};
const members = await rows<Row>(
  sql`select m.user_id, m.role from memberships m where m.organization_id = ${orgId} and m.status = 'active' order by m.created_at`,
);
const firstOf = (role: string) => members.find((m) => m.role === role)?.user_id;
// The seed has no auditor: one guard reads as one for the run (put back at the end).
const auditorUser = members.filter((m) => m.role === "security")[1]?.user_id;
if (auditorUser) await db.execute(sql`update memberships set role = 'auditor' where organization_id = ${orgId} and user_id = ${auditorUser}`);

const roles = ["security", "security_lead", "procurement", "hr", "compliance", "owner", "auditor"] as const;
const scope = { organizationId: orgId, timeZone: "Asia/Shanghai", today: todayInZone("Asia/Shanghai") };
const floor = await timed(() => db.execute(sql`select 1`), 50);
const report: Record<string, { loader_ms: number; attention_ms: number; items: number; ratio: number }> = {};
const tokens: string[] = [];
try {
  for (const role of roles) {
    const userId = role === "auditor" ? auditorUser : firstOf(role);
    if (!userId) {
      log(`no ${role} in the seeded organisation: skipped`);
      continue;
    }
    const base = new Request("http://127.0.0.1/");
    const setCookie = await createSession(db, base, { userId, organizationId: orgId });
    const cookie = setCookie.split(";")[0]!;
    tokens.push(userId);
    const request = () => new Request("http://127.0.0.1/", { headers: { cookie } });
    const loader = await timed(() => dashboard.loader({ request: request(), params: {}, context: {} }));
    const overseer = role === "owner" || role === "auditor";
    const siteIds = role === "security" ? await viewerSites(db, scope, userId) : undefined;
    let items = 0;
    const attention = await timed(async () => {
      const list = overseer ? await organizationAttention(db, scope) : await attentionFor(db, scope, { userId, role, siteIds });
      items = list.length;
    });
    // The model's promise, at scale: the viewer's own call gives what the organisation's list split gives.
    if (!overseer) {
      const split = itemsFor(await organizationAttention(db, scope), { userId, role, siteIds }).length;
      if (split !== items) throw new Error(`${role}: attentionFor gave ${items} items, the organisation's list split gives ${split}`);
    }
    report[role] = { loader_ms: Number(loader.toFixed(1)), attention_ms: Number(attention.toFixed(1)), items, ratio: Number((loader / floor).toFixed(0)) };
    log(`${role.padEnd(14)} loader ${loader.toFixed(1).padStart(7)} ms  attention ${attention.toFixed(1).padStart(7)} ms  items ${String(items).padStart(5)}  ×floor ${(loader / floor).toFixed(0)}`);
  }
} finally {
  if (auditorUser) await db.execute(sql`update memberships set role = 'security' where organization_id = ${orgId} and user_id = ${auditorUser}`);
  for (const userId of tokens) await db.execute(sql`delete from sessions where user_id = ${userId} and organization_id = ${orgId}`);
}
log(`floor (select 1): ${floor.toFixed(2)} ms; goal: every loader ≤ ${GOAL_MS} ms`);
process.stdout.write(`${JSON.stringify({ floor_ms: Number(floor.toFixed(2)), runs: RUNS, roles: report })}\n`);
await closeDatabase();
const over = Object.entries(report).filter(([, r]) => r.loader_ms > GOAL_MS);
if (over.length) {
  log(`over the goal: ${over.map(([role]) => role).join(", ")}`);
  process.exitCode = 1;
}

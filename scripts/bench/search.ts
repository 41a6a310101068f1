// npm run bench:search: the header's search (app/lib/search) on a realistic year of one
// organisation (scripts/bench/scale-data.ts: 365,000 inspections, 100,000 seal events, 50,000
// visitors, 2,000 employees, 1,000 partners), on PostgreSQL and, at a smaller scale, on PGlite.
// For each of several texts a user would type it times searchRecords (what /search's loader does
// after the session lookup: every kind the owner may read) as the median of BENCH_RUNS runs, next to
// the floor of the same connection (`select 1`) measured in the same run, and prints the EXPLAIN
// ANALYZE plan of each statement the slowest text sent. Goal: ≤ 200 ms per search.
//
// TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) may create databases: the
// year is seeded once into `tg_bench_search` and reused while it holds it (BENCH_RESEED=1 seeds it
// again). BENCH_SCALE (default 1) shrinks every count; BENCH_PGLITE_SCALE (default 0.1, 0 to skip)
// is the share of the year seeded into an in-memory PGlite. Output: one JSON line per engine on
// stdout, the plans and progress on stderr.
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASE = "tg_bench_search";
const RUNS = Number(process.env.BENCH_RUNS || "15");
const benchDir = path.resolve(process.env.BENCH_DIR || path.join(tmpdir(), "tradeguard-bench-search"));
mkdirSync(path.join(benchDir, "files"), { recursive: true });
Object.assign(process.env, {
  SEED_DEMO: "0",
  DATA_DIR: benchDir,
  FILES_DIR: path.join(benchDir, "files"),
  PERSONAL_DATA_KEY: "5ea4c4".padEnd(64, "0"),
  LOG_LEVEL: process.env.LOG_LEVEL || "warn",
});
delete process.env.SMTP_URL;

const { FULL_SCALE, SCALE_ORGANIZATION_PREFIX, seedScaleOrganization } = await import("./scale-data");
const { createDatabase, queryObservers } = await import("../../db/client");
const { migrateDatabase } = await import("../../db/migrate");
const { searchRecords } = await import("../../app/lib/search/search.server");
const { sql } = await import("drizzle-orm");
type Handle = Awaited<ReturnType<typeof createDatabase>>;
type ScaleOptions = typeof FULL_SCALE;

function log(message: string): void {
  process.stderr.write(`[bench:search] ${message}\n`);
}

function scaled(factor: number): ScaleOptions {
  if (!(factor > 0 && factor <= 1)) throw new Error("a scale must be in (0, 1]");
  const n = (value: number, min = 1) => Math.max(min, Math.round(value * factor));
  return {
    sites: n(FULL_SCALE.sites, 2),
    days: FULL_SCALE.days,
    inspections: n(FULL_SCALE.inspections, 100),
    failureEvery: FULL_SCALE.failureEvery,
    // The large photos say nothing about the search and take most of the seeding's time.
    photoInspections: 0,
    sealEvents: n(FULL_SCALE.sealEvents, 50),
    visitors: n(FULL_SCALE.visitors, 10),
    employees: n(FULL_SCALE.employees, 10),
    partners: n(FULL_SCALE.partners, 5),
    photoDir: path.join(benchDir, "photos"),
  };
}

async function rows<T>(handle: Handle, statement: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await handle.db.execute(statement)) as unknown;
  return (Array.isArray(result) ? [...result] : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

/** The seeded organisation when `handle` holds one with these counts, else null. */
async function seededOrganization(handle: Handle, options: ScaleOptions): Promise<string | null> {
  const [org] = await rows<{ id: string; inspections: number; visitors: number }>(
    handle,
    sql`select o.id, (select count(*) from inspections i where i.organization_id = o.id)::int as inspections,
          (select count(*) from visitor_entries v where v.organization_id = o.id)::int as visitors
        from organizations o where o.legal_name_en like ${`${SCALE_ORGANIZATION_PREFIX}%`} order by o.created_at desc limit 1`,
  );
  return org && Number(org.inspections) === options.inspections && Number(org.visitors) === options.visitors ? org.id : null;
}

async function openPostgres(options: ScaleOptions): Promise<{ handle: Handle; orgId: string }> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  try {
    const [exists] = await admin`select 1 as one from pg_database where datname = ${DATABASE}`;
    if (exists && !process.env.BENCH_RESEED) {
      const handle = await createDatabase({ url: url.toString() });
      await migrateDatabase(handle);
      const orgId = await seededOrganization(handle, options);
      if (orgId) {
        log(`reusing ${DATABASE} (BENCH_RESEED=1 seeds it again)`);
        return { handle, orgId };
      }
      await handle.close();
    }
    log(`creating ${DATABASE} and seeding ${JSON.stringify(options)}`);
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.unsafe(`create database ${DATABASE}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const handle = await createDatabase({ url: url.toString() });
  await migrateDatabase(handle);
  const result = await seedScaleOrganization(handle.db, options);
  return { handle, orgId: result.organizationId };
}

async function openPglite(options: ScaleOptions): Promise<{ handle: Handle; orgId: string }> {
  const handle = await createDatabase({ dataDir: "memory://" });
  await migrateDatabase(handle);
  log(`seeding an in-memory PGlite: ${JSON.stringify(options)}`);
  const result = await seedScaleOrganization(handle.db, options);
  return { handle, orgId: result.organizationId };
}

/** Texts a user would type, taken from the seeded records (so each finds something). */
async function realisticTexts(handle: Handle, orgId: string): Promise<{ label: string; text: string }[]> {
  const one = async <T>(statement: ReturnType<typeof sql>) => (await rows<T>(handle, statement))[0];
  const container = await one<{ c: string }>(sql`select container_number as c from inspections where organization_id = ${orgId} and container_number is not null order by number desc offset 1000 limit 1`);
  const seal = await one<{ n: string }>(sql`select number as n from seals where organization_id = ${orgId} and status = 'applied' order by number offset 100 limit 1`);
  const partner = await one<{ zh: string; uscc: string }>(sql`select legal_name_zh as zh, uscc from partners where organization_id = ${orgId} and uscc is not null order by number offset 3 limit 1`);
  const visitor = await one<{ name: string }>(sql`select visitor_name as name from visitor_entries where organization_id = ${orgId} and visitor_name ~ '^[^A-Za-z]{3}$' order by number offset 500 limit 1`);
  const shortName = await one<{ name: string }>(sql`select visitor_name as name from visitor_entries where organization_id = ${orgId} and visitor_name ~ '^[^A-Za-z ]{2}$' order by number offset 500 limit 1`);
  const inspection = await one<{ n: number }>(sql`select max(number) as n from inspections where organization_id = ${orgId}`);
  const action = await one<{ n: number }>(sql`select max(number) as n from corrective_actions where organization_id = ${orgId}`);
  const chars = Array.from(partner?.zh ?? "示例物流公司");
  return [
    { label: "container number", text: container?.c ?? "MSKU1234565" },
    { label: "container number, first 6 typed with a space", text: `${(container?.c ?? "MSKU12").slice(0, 4).toLowerCase()} ${(container?.c ?? "MSKU12").slice(4, 6)}` },
    { label: "seal number", text: seal?.n ?? "CN0000001" },
    { label: "USCC prefix (10)", text: (partner?.uscc ?? "9144030000").slice(0, 10) },
    { label: "Chinese partner name fragment (4 characters)", text: chars.slice(2, 6).join("") },
    { label: "Chinese city (2 characters)", text: chars.slice(0, 2).join("") },
    { label: "visitor's name (3 characters)", text: visitor?.name ?? "王小明" },
    { label: "visitor's name (2 characters)", text: shortName?.name ?? "张伟" },
    { label: "a company word in many visits (2 characters)", text: "物流" },
    { label: "English words", text: "logistics co" },
    { label: "inspection reference", text: `INS-${String(inspection?.n ?? 1).padStart(6, "0")}` },
    { label: "corrective action reference", text: `CA-${String(action?.n ?? 1).padStart(4, "0")}` },
  ];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function timeIt(run: () => Promise<unknown>): Promise<number> {
  await run();
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The statements one search sends, with their parameters. */
async function statementsOf(run: () => Promise<unknown>): Promise<{ query: string; params: readonly unknown[] }[]> {
  const seen: { query: string; params: readonly unknown[] }[] = [];
  const observe = (query: string, params: readonly unknown[]) => seen.push({ query, params });
  queryObservers.add(observe);
  try {
    await run();
  } finally {
    queryObservers.delete(observe);
  }
  return seen;
}

/** `$1` → the parameter as an SQL literal, for EXPLAIN of the statement as PostgreSQL planned it. */
function inline(query: string, params: readonly unknown[]): string {
  return query.replace(/\$(\d+)/g, (_, index: string) => {
    const value = params[Number(index) - 1];
    return typeof value === "number" ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  });
}

async function explain(handle: Handle, query: string, params: readonly unknown[]): Promise<string> {
  const plan = await rows<Record<string, string>>(handle, sql.raw(`explain (analyze, costs off, timing off, summary on) ${inline(query, params)}`));
  return plan.map((row) => Object.values(row)[0]).join("\n");
}

async function bench(engine: "postgres" | "pglite", handle: Handle, orgId: string, scale: number) {
  const floor = await timeIt(() => handle.db.execute(sql`select 1`));
  const texts = await realisticTexts(handle, orgId);
  const results: { label: string; text: string; ms: number; hits: number; statements: number }[] = [];
  for (const { label, text } of texts) {
    const run = () => searchRecords(handle.db, orgId, "owner", text);
    const found = await run();
    const statements = await statementsOf(run);
    const ms = await timeIt(run);
    const hits = found.groups.reduce((sum, group) => sum + group.hits.length, 0);
    results.push({ label, text, ms: Number(ms.toFixed(2)), hits, statements: statements.length });
    log(`${engine} ${label.padEnd(48)} ${JSON.stringify(text).padEnd(24)} ${ms.toFixed(1).padStart(7)} ms  ${hits} hits, ${statements.length} statements`);
  }
  for (const { label, text } of texts) {
    for (const statement of await statementsOf(() => searchRecords(handle.db, orgId, "owner", text))) {
      const table = /from "(\w+)"/.exec(statement.query)?.[1] ?? "?";
      log(`--- ${engine}: EXPLAIN ANALYZE for ${label} (${JSON.stringify(text)}), ${table}\n${await explain(handle, statement.query, statement.params)}`);
    }
  }
  const slowest = Math.max(...results.map((r) => r.ms));
  process.stdout.write(
    `${JSON.stringify({ engine, scale, runs: RUNS, floor_select1_ms: Number(floor.toFixed(3)), slowest_ms: slowest, goal_ms: 200, met: slowest <= 200, searches: results })}\n`,
  );
}

const scale = Number(process.env.BENCH_SCALE || "1");
const pg = await openPostgres(scaled(scale));
try {
  await bench("postgres", pg.handle, pg.orgId, scale);
} finally {
  await pg.handle.close();
}
const pgliteScale = Number(process.env.BENCH_PGLITE_SCALE ?? "0.1");
if (pgliteScale > 0) {
  const lite = await openPglite(scaled(pgliteScale));
  try {
    await bench("pglite", lite.handle, lite.orgId, pgliteScale);
  } finally {
    await lite.handle.close();
  }
}

// npm run bench:load: the production server on PostgreSQL under logged-in load. One organisation of
// a year (scripts/bench/scale-data.ts: 4 sites, 100,000 inspections of which 1 in 50 failed with
// corrective actions, 10,000 seal events, 10,000 partners with their evaluations, 20,000 visitor
// entries, 2,000 employees) beside a second, small organisation. Each page is driven by 50
// connections for 15 s, every connection with a session of its own (its own cookie on every
// request): the login page (the floor: no session, no database), the dashboard as each role,
// /inspections, /partners, /visitors and a failed inspection's page. Then 150 users for 60 s on a
// mixed workload in which about one request in ten is a visitor sign-in posted from the gatehouse
// form. (A search page joins the list when the app has one.) Prints on stdout one JSON line per page
//   {"page":"/inspections","role":"all","connections":50,"seconds":15,"req_s":…,"p50_ms":…,"p99_ms":…,"errors":…,"ratio_to_floor":…}
// one for the mixed workload, and a summary line that checks the aims of this 2-core machine: every
// list and dashboard page at least half the floor's requests per second, p99 ≤ 500 ms at 50
// connections, no errors, the mixed workload's p99 ≤ 1 s, the server under 400 MB RSS at rest.
// Exits 1 when an aim is missed. Progress goes to stderr.
//
// Errors: connection errors, timeouts (a request not answered within 10 s, counted per connection:
// autocannon's own timeout would send another request while the server still works on the first)
// and every answer that is not the expected one: a page that does not answer 200 (a redirect to
// /login means the cookie failed), a post that does not redirect to the visitor list. Between runs
// the server is let go idle again. Each line also gives the CPU time per request of the server
// process and of its database connections (web_cpu_ms_per_req, db_cpu_ms_per_req), from idle to
// idle: other work on a shared machine moves requests per second, much less these.
//
// Sessions: every connection logs in through POST /login, as a browser does, spread over the role's
// accounts (the limiter in app/lib/auth/rate-limit.server.ts counts failed logins only, so 325
// successful ones are not held back). The bench accounts' older sessions are removed first.
//
// TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is an account that may
// create databases: both organisations are seeded once into `tg_bench_load` (70 s here) and
// reused while it holds them; BENCH_RESEED=1 seeds it again. Every run serves a fresh copy of it
// (`tg_bench_load_run`), so the posts of one run do not change the data of the next. BENCH_DIR
// (default <tmp>/tradeguard-bench-load) keeps the file store. Needs `npm run build`. BENCH_SCALE
// (default 1) shrinks every count, to try the harness quickly (e.g. 0.02); BENCH_SECONDS (15) and
// BENCH_MIXED_SECONDS (60) shorten the runs; BENCH_MIXED_SECONDS=0 leaves the mixed workload out,
// and BENCH_PAGES=/,/visitors measures only those pages (and the floor).
import { existsSync, mkdirSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { deploymentEnv, startWeb, stopAll, type AppProcess } from "../../tests/support/app-processes";
import { cpuSecondsOf, drive, get, logInMany, memoryOf, round, settle, visitorSignIn, type Connection, type LoadFigures, type Step } from "./load-clients";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASE = "tg_bench_load";
const RUN_DATABASE = "tg_bench_load_run";
const benchDir = path.resolve(process.env.BENCH_DIR || path.join(tmpdir(), "tradeguard-bench-load"));
const filesDir = path.join(benchDir, "files");
// Fixed secrets: the seeded employees' ID numbers are encrypted with this key, so every server run
// against the reused database must have the same one.
const PERSONAL_DATA_KEY = "10ad5eed".repeat(8);
const SESSION_SECRET = "tradeguard-bench-load-session-secret";
const SECONDS = Number(process.env.BENCH_SECONDS || "15");
const MIXED_SECONDS = Number(process.env.BENCH_MIXED_SECONDS || "60");
const CONNECTIONS = 50;
const MIXED_USERS = 150;
const ROLES = ["owner", "security_lead", "security", "compliance", "procurement", "hr"] as const;
type Role = (typeof ROLES)[number];
/** The mixed workload's users, per ten: mostly guards at the gate. */
const MIXED_PATTERN: readonly Role[] = ["security", "security", "security", "security", "security", "security_lead", "compliance", "owner", "procurement", "hr"];
/** Roles that may sign visitors in (visitors.record in app/lib/auth/permissions.ts). */
const GATE: ReadonlySet<Role> = new Set(["owner", "security_lead", "security", "compliance"]);

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

// This process seeds: the app's modules read the environment once, on first use.
mkdirSync(filesDir, { recursive: true });
Object.assign(process.env, {
  SEED_DEMO: "0",
  DATA_DIR: benchDir,
  FILES_DIR: filesDir,
  PERSONAL_DATA_KEY,
  SESSION_SECRET,
  LOG_LEVEL: process.env.LOG_LEVEL || "warn",
});
// With SMTP the invitations of the seeded members would go out (through the job engine).
delete process.env.SMTP_URL;

const { SCALE_ORGANIZATION_PREFIX, SCALE_PASSWORD, seedScaleOrganization } = await import("./scale-data");
type ScaleOptions = Parameters<typeof seedScaleOrganization>[1];

function scaled(): { main: ScaleOptions; second: ScaleOptions } {
  const factor = Number(process.env.BENCH_SCALE || "1");
  if (!(factor > 0 && factor <= 1)) throw new Error("BENCH_SCALE must be in (0, 1]");
  const n = (value: number, min = 1) => Math.max(min, Math.round(value * factor));
  const photoDir = path.join(benchDir, "photos");
  return {
    main: {
      sites: 4,
      days: 365,
      inspections: n(100_000, 200),
      failureEvery: 50,
      photoInspections: 0,
      sealEvents: n(10_000, 50),
      visitors: n(20_000, 20),
      employees: n(2_000, 20),
      partners: n(10_000, 10),
      photoDir,
    },
    second: {
      sites: 2,
      days: 365,
      inspections: n(10_000, 100),
      failureEvery: 50,
      photoInspections: 0,
      sealEvents: n(1_000, 20),
      visitors: n(2_000, 10),
      employees: n(200, 10),
      partners: n(500, 5),
      photoDir,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The database: seeded once, reused while it holds both organisations; each run serves a copy

type Counts = { id: string; inspections: number; seal_events: number; visitors: number; sites: number; partners: number; employees: number };

/** The seeded organisations, the largest first (both carry the scale prefix). */
async function organisations(sql: postgres.Sql): Promise<Counts[]> {
  return sql<Counts[]>`
    select o.id,
      (select count(*) from inspections where organization_id = o.id)::int as inspections,
      (select count(*) from seal_events where organization_id = o.id)::int as seal_events,
      (select count(*) from visitor_entries where organization_id = o.id)::int as visitors,
      (select count(*) from sites where organization_id = o.id)::int as sites,
      (select count(*) from partners where organization_id = o.id)::int as partners,
      (select count(*) from employees where organization_id = o.id)::int as employees
    from organizations o where o.legal_name_en like ${`${SCALE_ORGANIZATION_PREFIX}%`}
    order by inspections desc`;
}

const holds = (c: Counts | undefined, o: ScaleOptions) =>
  !!c &&
  c.inspections === o.inspections &&
  c.seal_events === o.sealEvents &&
  c.visitors === o.visitors &&
  c.sites === o.sites &&
  c.partners === o.partners &&
  c.employees === o.employees;

async function prepareDatabase(options: { main: ScaleOptions; second: ScaleOptions }): Promise<number | "reused"> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const url = databaseUrl(DATABASE);
  try {
    const [exists] = await admin`select 1 as one from pg_database where datname = ${DATABASE}`;
    const { createDatabase } = await import("../../db/client");
    const { migrateDatabase } = await import("../../db/migrate");
    if (exists && !process.env.BENCH_RESEED) {
      // New migrations apply to the kept database; the catalogue is idempotent.
      const handle = await createDatabase({ url });
      try {
        await migrateDatabase(handle);
      } finally {
        await handle.close();
      }
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      const orgs = await organisations(sql).finally(() => sql.end({ timeout: 5 }));
      if (orgs.length === 2 && holds(orgs[0], options.main) && holds(orgs[1], options.second)) {
        log(`reusing ${DATABASE} (set BENCH_RESEED=1 to seed again)`);
        return "reused";
      }
      log(`${DATABASE} holds other organisations (${JSON.stringify(orgs)}): seeding again`);
    }
    log(`creating ${DATABASE} and seeding both organisations (a few minutes)`);
    await admin.unsafe(`drop database if exists ${RUN_DATABASE} with (force)`);
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.unsafe(`create database ${DATABASE}`);
    const handle = await createDatabase({ url });
    try {
      await migrateDatabase(handle);
      const started = performance.now();
      const main = await seedScaleOrganization(handle.db, options.main);
      log(`main organisation: ${JSON.stringify(main.counts)}`);
      const second = await seedScaleOrganization(handle.db, options.second);
      log(`second organisation: ${JSON.stringify(second.counts)}`);
      const seconds = Math.round((performance.now() - started) / 1000);
      log(`seeded in ${seconds} s`);
      return seconds;
    } finally {
      await handle.close();
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** A fresh copy of the seeded database for this run (file copy: seconds, not a re-seed). */
async function copyForRun(): Promise<string> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const started = performance.now();
    await admin.unsafe(`drop database if exists ${RUN_DATABASE} with (force)`);
    await admin.unsafe(`create database ${RUN_DATABASE} template ${DATABASE} strategy file_copy`);
    log(`copied ${DATABASE} to ${RUN_DATABASE} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return databaseUrl(RUN_DATABASE);
}

interface Fixture {
  accounts: Map<Role, string[]>;
  siteIds: string[];
  /** A failed inspection with corrective actions: the detail page measured. */
  inspectionId: string;
  /** Recent inspections, failed or not, for the mixed workload. */
  inspectionIds: string[];
}

async function fixture(url: string): Promise<Fixture> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [main] = await organisations(sql);
    if (!main) throw new Error("no seeded organisation");
    const members = await sql<{ email: string; role: string }[]>`
      select u.email, m.role from memberships m join users u on u.id = m.user_id
      where m.organization_id = ${main.id} and m.status = 'active' order by u.email`;
    const accounts = new Map<Role, string[]>(ROLES.map((r) => [r, members.filter((m) => m.role === r).map((m) => m.email)]));
    for (const [role, emails] of accounts) if (!emails.length) throw new Error(`no ${role} account in the seeded organisation`);
    const sites = await sql<{ id: string }[]>`select id from sites where organization_id = ${main.id} order by created_at`;
    const [failed] = await sql<{ id: string }[]>`
      select i.id from inspections i where i.organization_id = ${main.id} and i.result = 'fail'
        and exists (select 1 from corrective_actions a where a.organization_id = i.organization_id and a.source_type = 'inspection' and a.source_id = i.id)
      order by i.occurred_at desc limit 1`;
    if (!failed) throw new Error("no failed inspection with corrective actions");
    const recent = await sql<{ id: string }[]>`
      select id from inspections where organization_id = ${main.id} order by occurred_at desc limit 30`;
    // Each run starts from the same sessions table: the bench accounts' older sessions go.
    await sql`delete from sessions where user_id in (select user_id from memberships where organization_id = ${main.id})`;
    return { accounts, siteIds: sites.map((s) => s.id), inspectionId: failed.id, inspectionIds: recent.map((r) => r.id) };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  if (!existsSync(path.join(repoRoot, "build/server/index.js"))) {
    log("build/server/index.js is missing: run `npm run build` first (the benchmark starts the production server).");
    return 2;
  }
  const seeded = await prepareDatabase(scaled());
  const url = await copyForRun();
  const fx = await fixture(url);

  const web: AppProcess = await startWeb("web", {
    ...deploymentEnv(url, filesDir),
    DATA_DIR: benchDir,
    SESSION_SECRET,
    PERSONAL_DATA_KEY,
    LOG_LEVEL: "warn",
  });
  const baseUrl = web.baseUrl as string;
  const pid = web.child.pid as number;
  await sleep(3_000);
  const atRest = memoryOf(pid);
  const loadAtStart = round(loadavg()[0] ?? 0, 2);
  log(`web ${baseUrl} (pid ${pid}), ${atRest.rss} MB RSS at rest`);

  const mixedPerRole = (role: Role) => (MIXED_USERS / MIXED_PATTERN.length) * MIXED_PATTERN.filter((r) => r === role).length;
  const need = new Map(ROLES.map((r) => [r, Math.max(CONNECTIONS, mixedPerRole(r))]));
  const started = performance.now();
  const cookies = await logInMany(baseUrl, SCALE_PASSWORD, fx.accounts, need);
  log(`${[...need.values()].reduce((a, b) => a + b, 0)} logins in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const cookie = (role: Role, i: number) => cookies.get(role)?.[i] as string;
  /** Connection i of a page that every role reads: the roles in turn, each connection its own session. */
  const allRoles = (steps: Step[]): Connection[] =>
    Array.from({ length: CONNECTIONS }, (_, i) => ({ cookie: cookie(ROLES[i % ROLES.length] as Role, Math.floor(i / ROLES.length)), steps }));

  const alive = () => {
    if (web.child.exitCode !== null || web.child.signalCode !== null)
      throw new Error(`the server exited (${web.child.exitCode ?? web.child.signalCode}):\n${web.output().slice(-4000)}`);
  };
  const report = (figures: LoadFigures, label: string) => {
    log(
      `${label}: ${figures.requests} requests, ${figures.req_s} req/s, p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms, ${figures.errors} errors (${figures.timeouts} timeouts)`,
    );
    for (const sample of figures.samples) log(`  wrong answer: ${sample}`);
  };

  // Warm-up (not reported): the copy's tables come into the database's cache, the code is compiled.
  const warmSteps = [get("/"), get("/inspections"), get("/partners"), get("/visitors"), get(`/inspections/${fx.inspectionId}`)];
  const warm = [...allRoles(warmSteps).slice(0, 12), { steps: [get("/login")] }, { steps: [get("/login")] }];
  report(await drive(baseUrl, warm, Math.min(10, SECONDS)), "warm-up");

  const pages: { page: string; role: string; kind: "floor" | "dashboard" | "list" | "detail"; connections: Connection[] }[] = [
    { page: "/login", role: "none", kind: "floor", connections: Array.from({ length: CONNECTIONS }, () => ({ steps: [get("/login")] })) },
    ...ROLES.map((role) => ({
      page: "/",
      role,
      kind: "dashboard" as const,
      connections: Array.from({ length: CONNECTIONS }, (_, i) => ({ cookie: cookie(role, i), steps: [get("/")] })),
    })),
    { page: "/inspections", role: "all", kind: "list", connections: allRoles([get("/inspections")]) },
    { page: "/partners", role: "all", kind: "list", connections: allRoles([get("/partners")]) },
    { page: "/visitors", role: "all", kind: "list", connections: allRoles([get("/visitors")]) },
    { page: "/inspections/:id", role: "all", kind: "detail", connections: allRoles([get(`/inspections/${fx.inspectionId}`)]) },
  ];

  const lines: object[] = [];
  const failures: string[] = [];
  let floor = 0;
  const calm = async () => {
    alive();
    const waited = await settle(baseUrl);
    if (waited.ms > 2_000) log(`the server ${waited.settled ? "was idle again after" : "was still busy after"} ${(waited.ms / 1000).toFixed(0)} s`);
  };
  // CPU per request of the server and of its database connections, from idle to idle again: this
  // machine is shared, and these hold when requests per second do not.
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const cpu = async () => {
    const backends = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${RUN_DATABASE}`;
    return { web: cpuSecondsOf(pid), db: backends.reduce((sum, b) => sum + cpuSecondsOf(b.pid), 0) };
  };
  const measure = async (connections: Connection[], seconds: number) => {
    await calm();
    const before = await cpu();
    const figures = await drive(baseUrl, connections, seconds);
    await calm();
    const after = await cpu();
    const per = (a: number, b: number) => (figures.sent ? round(((a - b) * 1000) / figures.sent, 1) : null);
    return { figures, cpu: { web_cpu_ms_per_req: per(after.web, before.web), db_cpu_ms_per_req: per(after.db, before.db) } };
  };
  // BENCH_PAGES=/,/visitors measures those pages only (the floor always runs: the ratios need it).
  const only = process.env.BENCH_PAGES?.split(",").map((page) => page.trim());
  for (const p of pages.filter((page) => page.kind === "floor" || !only || only.includes(page.page))) {
    const { figures, cpu: used } = await measure(p.connections, SECONDS);
    report(figures, `${p.page} as ${p.role}`);
    if (p.kind === "floor") floor = figures.req_s;
    const line = {
      page: p.page,
      role: p.role,
      connections: CONNECTIONS,
      seconds: SECONDS,
      req_s: figures.req_s,
      p50_ms: figures.p50_ms,
      p99_ms: figures.p99_ms,
      errors: figures.errors,
      ratio_to_floor: floor ? round(figures.req_s / floor, 2) : 0,
      timeouts: figures.timeouts,
      ...used,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    lines.push(line);
    const name = `${p.page} (${p.role})`;
    if ((p.kind === "dashboard" || p.kind === "list") && line.ratio_to_floor < 0.5)
      failures.push(`${name}: ${line.req_s} req/s is ${line.ratio_to_floor} of the floor (aim ≥ 0.5)`);
    if (line.p99_ms === null) failures.push(`${name}: no request answered in ${SECONDS} s`);
    else if (line.p99_ms > 500) failures.push(`${name}: p99 ${line.p99_ms} ms (aim ≤ 500)`);
    if (line.errors) failures.push(`${name}: ${line.errors} errors`);
  }

  // BENCH_MIXED_SECONDS=0 leaves the mixed workload out.
  const mixedWorkload = async () => {
    // The mixed workload: each user walks the pages; the gate roles sign a visitor in once in every
    // eight requests, and 8 of 10 users are gate roles, so about one request in ten is a post.
    const counters = new Map<Role, number>();
    const mixed: Connection[] = Array.from({ length: MIXED_USERS }, (_, i) => {
      const role = MIXED_PATTERN[i % MIXED_PATTERN.length] as Role;
      const k = counters.get(role) ?? 0;
      counters.set(role, k + 1);
      const detail = get(`/inspections/${fx.inspectionIds[i % fx.inspectionIds.length] ?? fx.inspectionId}`);
      const walk = GATE.has(role)
        ? [get("/"), get("/visitors"), get("/inspections"), detail, get("/visitors"), get("/partners"), get("/"), visitorSignIn(fx.siteIds[i % fx.siteIds.length] as string, i)]
        : [get("/"), get("/partners"), get("/inspections"), detail, get("/visitors"), get("/partners"), get("/"), get("/inspections")];
      // Not all users on the same page at the same moment.
      const shift = i % walk.length;
      return { cookie: cookie(role, k), steps: [...walk.slice(shift), ...walk.slice(0, shift)] };
    });
    const { figures, cpu: used } = await measure(mixed, MIXED_SECONDS);
    await admin.end({ timeout: 5 });
    report(figures, `mixed (${figures.posts} posts)`);
    const mixedLine = {
      page: "mixed",
      role: "mixed",
      connections: MIXED_USERS,
      seconds: MIXED_SECONDS,
      req_s: figures.req_s,
      p50_ms: figures.p50_ms,
      p99_ms: figures.p99_ms,
      errors: figures.errors,
      ratio_to_floor: floor ? round(figures.req_s / floor, 2) : 0,
      timeouts: figures.timeouts,
      posts: figures.posts,
      post_share: figures.requests ? round(figures.posts / figures.requests, 3) : 0,
      ...used,
    };
    process.stdout.write(`${JSON.stringify(mixedLine)}\n`);
    if (mixedLine.p99_ms === null || mixedLine.p99_ms > 1000) failures.push(`mixed: p99 ${mixedLine.p99_ms} ms (aim ≤ 1000)`);
    if (mixedLine.errors) failures.push(`mixed: ${mixedLine.errors} errors`);
  };
  if (MIXED_SECONDS > 0) await mixedWorkload();
  else await admin.end({ timeout: 5 });

  alive();
  const after = memoryOf(pid);
  if (atRest.rss >= 400) failures.push(`server RSS at rest ${atRest.rss} MB (aim < 400)`);

  const summary = {
    summary: true,
    pages: lines.length,
    meets_aims: failures.length === 0,
    failures,
    floor_req_s: floor,
    rss_at_rest_mb: atRest.rss,
    rss_after_mb: after.rss,
    rss_peak_mb: after.hwm,
    seeded_s: seeded,
    // Other work on this machine skews every figure: the 1-minute load average before and after.
    loadavg_start: loadAtStart,
    loadavg_end: round(loadavg()[0] ?? 0, 2),
    scale: Number(process.env.BENCH_SCALE || "1"),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  return failures.length ? 1 : 0;
}

let exiting = false;
async function exit(code: number): Promise<never> {
  if (!exiting) {
    exiting = true;
    await stopAll();
  }
  process.exit(code);
}
process.once("SIGINT", () => void exit(130));
process.once("SIGTERM", () => void exit(143));

try {
  await exit(await main());
} catch (error) {
  log(error instanceof Error ? (error.stack ?? error.message).slice(0, 4000) : String(error));
  await exit(1);
}

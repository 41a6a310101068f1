// npm run bench:dossier-scale: one evidence dossier of a realistic year (scripts/bench/scale-data.ts:
// 50 sites, 365,000 inspections, 100,000 seal events, 50,000 visitors, 2,000 employees, 1,000
// partners, 500 inspections with large photos), requested over HTTP from the production server
// while a worker process generates it. Prints one JSON line on stdout:
//   {"records":…,"pages":…,"pdf_mb":…,"seconds":…,"worker_peak_rss_mb":…,"web_p99_ms":…, …}
// and exits non-zero when the dossier fails (or takes more than 15 minutes). Progress goes to stderr.
//
// TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is an account that may
// create databases: the year is seeded once into `tg_bench_scale` (a few minutes) and reused while it
// holds the seeded organisation and its files; BENCH_RESEED=1 seeds it again. BENCH_DIR (default
// <tmp>/tradeguard-bench-scale) keeps the file store and the generated photos. Needs `npm run build`.
// BENCH_SCALE (default 1) shrinks every count, to try the harness quickly (e.g. 0.02).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { freePort } from "../../tests/support/app-processes";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASE = "tg_bench_scale";
const benchDir = path.resolve(process.env.BENCH_DIR || path.join(tmpdir(), "tradeguard-bench-scale"));
const filesDir = path.join(benchDir, "files");
const photoDir = path.join(benchDir, "photos");
// Fixed secrets: the seeded employees' ID numbers are encrypted with this key, so every server run
// against the reused database must have the same one.
const PERSONAL_DATA_KEY = "5ca1ab1e".repeat(8);
const SESSION_SECRET = "tradeguard-bench-scale-session-secret";
const TIMEOUT_MS = 15 * 60_000;
const HEALTH_EVERY_MS = 100;
const RSS_EVERY_MS = 200;
const STATUS_EVERY_MS = 250;

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
mkdirSync(photoDir, { recursive: true });
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

const { FULL_SCALE, SCALE_ORGANIZATION_PREFIX, SCALE_PASSWORD, SCALE_TIME_ZONE, seedScaleOrganization } = await import("./scale-data");
type ScaleOptions = typeof FULL_SCALE;

function scaled(): ScaleOptions {
  const factor = Number(process.env.BENCH_SCALE || "1");
  if (!(factor > 0 && factor <= 1)) throw new Error("BENCH_SCALE must be in (0, 1]");
  const n = (value: number, min = 1) => Math.max(min, Math.round(value * factor));
  return {
    sites: n(FULL_SCALE.sites, 2),
    days: FULL_SCALE.days,
    inspections: n(FULL_SCALE.inspections, 100),
    failureEvery: FULL_SCALE.failureEvery,
    photoInspections: n(FULL_SCALE.photoInspections, 0),
    sealEvents: n(FULL_SCALE.sealEvents, 50),
    visitors: n(FULL_SCALE.visitors, 10),
    employees: n(FULL_SCALE.employees, 10),
    partners: n(FULL_SCALE.partners, 5),
    photoDir,
  };
}

// ---------------------------------------------------------------------------------------------
// The database: reused when it holds the seeded year and its files, else made and seeded

interface Seeded {
  organizationId: string;
  ownerEmail: string;
  periodFrom: string;
  periodTo: string;
}

async function findSeeded(url: string, options: ScaleOptions): Promise<Seeded | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [org] = await sql<{ id: string; email: string }[]>`
      select o.id, u.email from organizations o
      join memberships m on m.organization_id = o.id and m.role = 'owner'
      join users u on u.id = m.user_id
      where o.legal_name_en like ${`${SCALE_ORGANIZATION_PREFIX}%`}
      order by o.created_at desc limit 1`;
    if (!org) return null;
    const [counts] = await sql<{ inspections: number; seal_events: number; visitors: number; sites: number; from: string; to: string }[]>`
      select (select count(*) from inspections where organization_id = ${org.id})::int as inspections,
        (select count(*) from seal_events where organization_id = ${org.id})::int as seal_events,
        (select count(*) from visitor_entries where organization_id = ${org.id})::int as visitors,
        (select count(*) from sites where organization_id = ${org.id})::int as sites,
        (select to_char(min(occurred_at at time zone ${SCALE_TIME_ZONE}), 'YYYY-MM-DD') from inspections where organization_id = ${org.id}) as from,
        (select to_char(max(occurred_at at time zone ${SCALE_TIME_ZONE}), 'YYYY-MM-DD') from inspections where organization_id = ${org.id}) as to`;
    if (
      !counts ||
      counts.inspections !== options.inspections ||
      counts.seal_events !== options.sealEvents ||
      counts.visitors !== options.visitors ||
      counts.sites !== options.sites
    ) {
      log(`${DATABASE} holds another organisation (${JSON.stringify(counts)}): seeding again`);
      return null;
    }
    // The photos must still be in the file store the server will read.
    const files = await sql<
      { sha256: string }[]
    >`select sha256 from evidence_files where organization_id = ${org.id} order by uploaded_at desc limit 3`;
    if (files.some((f) => !existsSync(path.join(filesDir, f.sha256.slice(0, 2), f.sha256)))) {
      log(`the seeded files are not in ${filesDir}: seeding again`);
      return null;
    }
    return { organizationId: org.id, ownerEmail: org.email, periodFrom: counts.from, periodTo: counts.to };
  } catch {
    return null;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function prepareDatabase(options: ScaleOptions): Promise<Seeded> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const url = databaseUrl(DATABASE);
  try {
    const [exists] = await admin`select 1 as one from pg_database where datname = ${DATABASE}`;
    const { createDatabase } = await import("../../db/client");
    const { migrateDatabase } = await import("../../db/migrate");
    if (exists && !process.env.BENCH_RESEED) {
      // New migrations (the job engine's, say) apply to the kept database; the catalogue is idempotent.
      const handle = await createDatabase({ url });
      try {
        await migrateDatabase(handle);
      } finally {
        await handle.close();
      }
      const seeded = await findSeeded(url, options);
      if (seeded) {
        log(`reusing ${DATABASE} (set BENCH_RESEED=1 to seed again)`);
        return seeded;
      }
    }
    log(`creating ${DATABASE} and seeding the year (a few minutes)`);
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.unsafe(`create database ${DATABASE}`);
    const handle = await createDatabase({ url });
    try {
      await migrateDatabase(handle);
      const started = performance.now();
      const result = await seedScaleOrganization(handle.db, options);
      log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(result.counts)}`);
      return {
        organizationId: result.organizationId,
        ownerEmail: result.ownerEmail,
        periodFrom: result.periodFrom,
        periodTo: result.periodTo,
      };
    } finally {
      await handle.close();
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}

// ---------------------------------------------------------------------------------------------
// The app's processes

interface AppProcess {
  name: string;
  child: ChildProcess;
  output: () => string;
}

const processes: AppProcess[] = [];

/** `npx tsx <entry>` in a process group of its own, so that stopping it stops npx, tsx and node. */
function startProcess(name: string, entry: string, env: NodeJS.ProcessEnv): AppProcess {
  const child = spawn("npx", ["tsx", entry], { cwd: repoRoot, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const started = { name, child, output: () => output };
  processes.push(started);
  return started;
}

async function stopAll(): Promise<void> {
  const alive = processes.filter((p) => p.child.pid !== undefined && p.child.exitCode === null && p.child.signalCode === null);
  for (const p of alive) signalGroup(p, "SIGTERM");
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && alive.some((p) => p.child.exitCode === null && p.child.signalCode === null)) await sleep(100);
  for (const p of alive) if (p.child.exitCode === null && p.child.signalCode === null) signalGroup(p, "SIGKILL");
}

function signalGroup(p: AppProcess, signal: NodeJS.Signals): void {
  try {
    if (p.child.pid) process.kill(-p.child.pid, signal);
  } catch {
    // Already gone.
  }
}

function tail(p: AppProcess, lines = 40): string {
  return p.output().trim().split("\n").slice(-lines).join("\n");
}

/** The parent of every process, from /proc/<pid>/stat (the command may hold spaces and parentheses). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      map.set(Number(entry), ppid);
    } catch {
      // It exited meanwhile.
    }
  }
  return map;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
  } catch {
    return "";
  }
}

/**
 * The process that runs the app under `npx tsx …`: npx starts tsx, which starts node with its
 * loader; that deepest node descendant is the one whose memory counts.
 */
function appNodeProcess(root: number): number {
  const tree = parents();
  let best = root;
  let bestDepth = 0;
  const walk = (pid: number, depth: number) => {
    for (const [child, parent] of tree) {
      if (parent !== pid) continue;
      if (depth + 1 > bestDepth && /(^|\/)node(\s|$)/.test(commandOf(child).split(" ")[0] ?? "")) {
        best = child;
        bestDepth = depth + 1;
      }
      walk(child, depth + 1);
    }
  };
  walk(root, 0);
  return best;
}

/** VmRSS and VmHWM of a process, in MB (null once it is gone). */
function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

async function waitHealthy(baseUrl: string, web: AppProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (web.child.exitCode !== null) throw new Error(`${web.name} exited (${web.child.exitCode}):\n${tail(web)}`);
    const ok = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`${web.name} was not healthy within 120 s:\n${tail(web)}`);
}

// ---------------------------------------------------------------------------------------------
// HTTP as a browser without JavaScript would speak it

function cookieOf(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  const pair = header.split(";")[0] ?? "";
  if (!pair.includes("=")) throw new Error(`no session cookie in the answer (${response.status})`);
  return pair;
}

async function post(baseUrl: string, pathname: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
  return fetch(`${baseUrl}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: baseUrl,
      "Accept-Language": "zh-CN",
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  if (!existsSync(path.join(repoRoot, "build/server/index.js"))) {
    log("build/server/index.js is missing: run `npm run build` first (the benchmark starts the production server).");
    return 2;
  }
  const options = scaled();
  const seeded = await prepareDatabase(options);
  const url = databaseUrl(DATABASE);
  log(`organisation ${seeded.organizationId}, owner ${seeded.ownerEmail}, period ${seeded.periodFrom} – ${seeded.periodTo}`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url,
    PORT: String(port),
    APP_URL: baseUrl,
    SESSION_SECRET,
    PERSONAL_DATA_KEY,
    DATA_DIR: benchDir,
    FILES_DIR: filesDir,
    SEED_DEMO: "0",
    LOG_LEVEL: "warn",
    WORKERS: "off",
    TEST_DATABASE_URL: "",
  };
  delete env.SMTP_URL;
  const web = startProcess("web", "server.ts", env);
  await waitHealthy(baseUrl, web);
  const worker = existsSync(path.join(repoRoot, "worker.ts")) ? startProcess("worker", "worker.ts", env) : null;
  if (worker) {
    // The worker has no port to ask: give it the time to open the database and the job engine.
    await sleep(5_000);
    if (worker.child.exitCode !== null) throw new Error(`the worker exited (${worker.child.exitCode}):\n${tail(worker)}`);
  } else {
    log("no worker.ts: the web process generates the dossier itself (its memory is reported)");
  }
  const generatorProcess = worker ?? web;
  const generatorPid = appNodeProcess(generatorProcess.child.pid as number);
  log(`web ${baseUrl} (node pid ${appNodeProcess(web.child.pid as number)}), ${worker ? "worker" : "generator"} node pid ${generatorPid}`);

  const login = await post(baseUrl, "/login", { email: seeded.ownerEmail, password: SCALE_PASSWORD, redirectTo: "/dossiers" });
  if (login.status !== 302) throw new Error(`login answered ${login.status}: ${(await login.text()).slice(0, 500)}`);
  const cookie = cookieOf(login);

  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const latencies: number[] = [];
  let healthErrors = 0;
  let peakRss = 0;
  let done = false;
  const samplers: Promise<void>[] = [];
  try {
    const requestedAt = performance.now();
    const requested = await post(
      baseUrl,
      "/dossiers/new",
      { framework: "cn-2022-advanced", periodFrom: seeded.periodFrom, periodTo: seeded.periodTo },
      cookie,
    );
    const location = requested.headers.get("location") ?? "";
    const dossierId = /\/dossiers\/([0-9a-f-]{36})$/.exec(location)?.[1];
    if (requested.status !== 302 || !dossierId) {
      throw new Error(`POST /dossiers/new answered ${requested.status} ${location}: ${(await requested.text()).slice(0, 800)}`);
    }
    const page = await fetch(`${baseUrl}${location}`, { headers: { Cookie: cookie } });
    log(`requested dossier ${dossierId}; its page answered ${page.status}`);
    if (!page.ok) throw new Error(`GET ${location} answered ${page.status}`);

    // /healthz every 100 ms, one at a time, while the dossier is made.
    samplers.push(
      (async () => {
        while (!done) {
          const started = performance.now();
          const ok = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(10_000) })
            .then((r) => r.ok)
            .catch(() => false);
          const ms = performance.now() - started;
          latencies.push(ms);
          if (!ok) healthErrors += 1;
          await sleep(Math.max(0, HEALTH_EVERY_MS - ms));
        }
      })(),
    );
    // The generating node process's resident memory every 200 ms (its worker threads included; not
    // tsx's esbuild service beside it).
    samplers.push(
      (async () => {
        while (!done) {
          const rss = memoryOf(generatorPid)?.rss ?? 0;
          if (rss > peakRss) peakRss = rss;
          await sleep(RSS_EVERY_MS);
        }
      })(),
    );

    let status = "queued";
    let lastReport = 0;
    let readyAt = 0;
    while (performance.now() - requestedAt < TIMEOUT_MS) {
      const [row] = await sql<{ status: string; progress: number; error: string | null }[]>`
        select status, progress, error from dossiers where id = ${dossierId}`;
      status = row?.status ?? "missing";
      if (status === "ready" || status === "failed" || status === "missing") {
        readyAt = performance.now();
        break;
      }
      for (const p of processes) {
        if (p.child.exitCode !== null || p.child.signalCode !== null)
          throw new Error(`${p.name} exited while the dossier was generated:\n${tail(p)}`);
      }
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        log(
          `${((lastReport - requestedAt) / 1000).toFixed(0)} s: ${status} ${row?.progress ?? 0}%, generator RSS peak ${peakRss.toFixed(0)} MB`,
        );
      }
      await sleep(STATUS_EVERY_MS);
    }
    done = true;
    await Promise.all(samplers);
    const hwm = memoryOf(generatorPid)?.hwm ?? 0;

    const [dossier] = await sql<{ status: string; error: string | null; record_count: number; seconds: number | null }[]>`
      select status, error, record_count, extract(epoch from (completed_at - created_at))::float8 as seconds from dossiers where id = ${dossierId}`;
    const [volumes] = await sql<{ pages: number; bytes: string }[]>`
      select coalesce(sum(page_count), 0)::int as pages, coalesce(sum(size_bytes), 0)::text as bytes from dossier_volumes where dossier_id = ${dossierId}`;
    const finished = dossier?.status === "ready";
    const seconds = finished && dossier?.seconds ? dossier.seconds : ((readyAt || performance.now()) - requestedAt) / 1000;
    const result = {
      records: dossier?.record_count ?? 0,
      pages: volumes?.pages ?? 0,
      pdf_mb: Math.round((Number(volumes?.bytes ?? 0) / 2 ** 20) * 10) / 10,
      seconds: Math.round(seconds * 10) / 10,
      worker_peak_rss_mb: Math.round(peakRss),
      web_p99_ms: Math.round(percentile(latencies, 99) * 10) / 10,
      // Beyond the headline: where the memory was measured, its high-water mark, the health polls.
      generator: worker ? "worker" : "web",
      worker_hwm_mb: Math.round(hwm),
      web_p50_ms: Math.round(percentile(latencies, 50) * 10) / 10,
      web_max_ms: Math.round(Math.max(0, ...latencies)),
      healthz_polls: latencies.length,
      healthz_errors: healthErrors,
      status: dossier?.status ?? status,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!finished) {
      log(`the dossier did not become ready: ${dossier?.status ?? status}${dossier?.error ? ` (${dossier.error})` : ""}`);
      log(`generator output:\n${tail(generatorProcess)}`);
      return 1;
    }
    return 0;
  } finally {
    done = true;
    await Promise.allSettled(samplers);
    await sql.end({ timeout: 5 });
  }
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

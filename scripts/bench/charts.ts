// npm run bench:charts: how long each chart's series query takes on a year of a 50-site exporter
// (scripts/bench/scale-data.ts: 365,000 inspections and their evidence links, 1,000 partners, the
// corrective actions of one inspection in 50), on PostgreSQL. Prints one JSON line per chart:
//   {"chart":"inspections","runs":20,"median_ms":…,"p95_ms":…,"rows":…,"page_data_kb":…}
// page_data_kb is the chart's part of the page's loader data (its geometry as JSON, gzipped): what
// the HTML carries for hydration besides the SVG itself.
// A timing goal, not a test: each series is one grouped query that should stay well under the
// 50 ms a page can spend on its charts.
//
// TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is an account that may
// create databases: the year is seeded once into `tg_bench_charts` (several minutes) and reused
// while it holds the seeded organisation; BENCH_RESEED=1 seeds it again. BENCH_SCALE (default 1)
// shrinks the inspections and partners, to try the harness quickly (e.g. 0.02).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASE = "tg_bench_charts";
const RUNS = 20;

// This process seeds: the app's modules read the environment once, on first use.
const dataDir = mkdtempSync(path.join(tmpdir(), "tradeguard-bench-charts-"));
Object.assign(process.env, {
  SEED_DEMO: "0",
  DATA_DIR: dataDir,
  FILES_DIR: path.join(dataDir, "files"),
  PERSONAL_DATA_KEY: "c4a7".repeat(16),
  LOG_LEVEL: process.env.LOG_LEVEL || "warn",
});
delete process.env.SMTP_URL;

const { FULL_SCALE, SCALE_ORGANIZATION_PREFIX, SCALE_TIME_ZONE, seedScaleOrganization } = await import("./scale-data");
const { createDatabase } = await import("../../db/client");
const { migrateDatabase } = await import("../../db/migrate");
const { todayInZone } = await import("../../app/lib/i18n/format");
const { getFramework } = await import("../../app/lib/criteria/criteria.server");
const { coverageSeries } = await import("../../app/lib/charts/coverage-series.server");
const { inspectionSeries } = await import("../../app/lib/charts/inspection-series.server");
const { partnerSeries } = await import("../../app/lib/charts/partner-series.server");
const { actionAgeSeries } = await import("../../app/lib/charts/action-series.server");
const views = await import("../../app/lib/charts/chart-views.server");
const { gzipSync } = await import("node:zlib");

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

const factor = Number(process.env.BENCH_SCALE || "1");
if (!(factor > 0 && factor <= 1)) throw new Error("BENCH_SCALE must be in (0, 1]");
const options = {
  ...FULL_SCALE,
  inspections: Math.max(100, Math.round(FULL_SCALE.inspections * factor)),
  partners: Math.max(5, Math.round(FULL_SCALE.partners * factor)),
  // What the charts do not read, kept small: the seeding time is the inspections'.
  photoInspections: 0,
  sealEvents: 500,
  visitors: 500,
  employees: 50,
};

async function seededOrganization(url: string): Promise<string | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [org] = await sql<{ id: string; inspections: number }[]>`
      select o.id, (select count(*) from inspections i where i.organization_id = o.id)::int as inspections
      from organizations o where o.legal_name_en like ${`${SCALE_ORGANIZATION_PREFIX}%`} order by o.created_at desc limit 1`;
    return org && org.inspections === options.inspections ? org.id : null;
  } catch {
    return null;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
const url = databaseUrl(DATABASE);
let orgId: string | null = null;
try {
  const [exists] = await admin`select 1 as one from pg_database where datname = ${DATABASE}`;
  if (exists && !process.env.BENCH_RESEED) orgId = await seededOrganization(url);
  if (!orgId) {
    log(`creating ${DATABASE} and seeding ${options.inspections} inspections, ${options.partners} partners`);
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.unsafe(`create database ${DATABASE}`);
  } else {
    log(`reusing ${DATABASE} (BENCH_RESEED=1 seeds it again)`);
  }
} finally {
  await admin.end({ timeout: 5 });
}

const handle = await createDatabase({ url });
try {
  await migrateDatabase(handle);
  if (!orgId) {
    const started = performance.now();
    const result = await seedScaleOrganization(handle.db, { ...options, quiet: false });
    orgId = result.organizationId;
    log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const db = handle.db;
  const organizationId = orgId;
  await db.execute("analyze");
  const today = todayInZone(SCALE_TIME_ZONE);
  const framework = await getFramework(db, "cn-2022-advanced");
  if (!framework) throw new Error("the catalogue is not loaded");
  const charts: [string, () => Promise<unknown>, (r: never) => number, (r: never) => unknown][] = [
    ["coverage", () => coverageSeries(db, organizationId, framework.id, today), (r: { rows: unknown[] }) => r.rows.length, views.coverageChart],
    ["inspections", () => inspectionSeries(db, organizationId, today), (r: { sites: unknown[] }) => r.sites.length, views.inspectionCharts],
    ["partners", () => partnerSeries(db, organizationId, today), (r: { due: unknown[] }) => r.due.length, views.partnerCharts],
    ["actions", () => actionAgeSeries(db, organizationId, SCALE_TIME_ZONE, today), (r: { buckets: unknown[] }) => r.buckets.length, views.actionAgeChart],
  ];
  for (const [chart, run, size, view] of charts) {
    const result = await run(); // warm: plan cache, buffers
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
    const pageData = Math.round(gzipSync(JSON.stringify(view(result as never)), { level: 9 }).length / 100) / 10;
    process.stdout.write(`${JSON.stringify({ chart, runs: RUNS, median_ms: at(0.5), p95_ms: at(0.95), rows: size(result as never), page_data_kb: pageData })}\n`);
  }
} finally {
  await handle.close();
}

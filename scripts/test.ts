// npm test: the whole suite, in order, carrying on after a failure.
//   1. typecheck (tsc)                              one check  \
//   2. lint (eslint .)                              one check   > at the same time, output held
//   3. production build (npm run build)             one check  /
//   4. unit + integration tests on PGlite           vitest
//   5. integration tests on PostgreSQL              vitest, when TEST_DATABASE_URL answers (the
//                                                   job-engine test runs web servers on the build)
//   6. browser tests against the build              vitest e2e, needs PostgreSQL and Chromium
// The last line is always "N passed, N failed, N skipped"; the exit code is 1 if anything failed.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const adminUrl = process.env.TEST_DATABASE_URL || DEFAULT_ADMIN_URL;
const chromiumPath = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";
const resultsDir = path.resolve("test-results");

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface StageResult extends Counts {
  name: string;
  seconds: number;
  note: string;
}

const results: StageResult[] = [];
/** Every failed test by stage, file and name with its first message line, repeated just above the last line. */
const failures: string[] = [];
const write = (text: string) => process.stdout.write(text);

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

function heading(text: string) {
  write(`\n━━━ ${text} ━━━\n`);
}

/**
 * Runs a command. With `output`, its stdout and stderr are collected there instead of printed, for a
 * stage that runs alongside another and is printed when it ends.
 */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, output?: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: output ? ["ignore", "pipe", "pipe"] : "inherit", env });
    if (output) {
      const collect = (chunk: Buffer) => output.push(chunk.toString("utf8"));
      child.stdout?.on("data", collect);
      child.stderr?.on("data", collect);
    }
    child.on("error", (error) => {
      const message = `could not start ${command}: ${error.message}\n`;
      if (output) output.push(message);
      else write(message);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function record(result: StageResult) {
  results.push(result);
  const counts = `${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ""}`;
  write(`\n▶ ${result.name}: ${result.note ? `${result.note} — ` : ""}${counts} (${result.seconds.toFixed(1)} s)\n`);
}

/** A command that is one test: exit 0 passes it. */
function checkResult(name: string, code: number, started: number): StageResult {
  return {
    name,
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    skipped: 0,
    seconds: (Date.now() - started) / 1000,
    note: code === 0 ? "ok" : `exit code ${code}`,
  };
}

/**
 * Checks that run at the same time, each on a core the others leave idle (tsc and eslint are one
 * thread each; docs/stack.md, "Test run times"). Their output is held and printed stage by
 * stage, in the order given, once all have ended; each stage keeps its own duration.
 */
async function checksTogether(stages: { name: string; command: string; args: string[] }[]) {
  const started = Date.now();
  write(`\n━━━ ${stages.map((s) => s.name).join(" + ")}, at the same time ━━━\n`);
  const finished = await Promise.all(
    stages.map(async (stage) => {
      const output: string[] = [];
      const code = await run(stage.command, stage.args, process.env, output);
      return { result: checkResult(stage.name, code, started), output: output.join("") };
    }),
  );
  for (const { result, output } of finished) {
    heading(result.name);
    write(output);
    record(result);
    if (result.failed) failures.push(`${result.name}: ${result.note} (its output is above, under its heading)`);
  }
  return finished.map(({ result }) => result.failed === 0);
}

interface VitestJson {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: {
    name: string;
    status: string;
    message?: string;
    assertionResults?: { status: string; fullName?: string; failureMessages?: string[] }[];
  }[];
}

/** Runs vitest with a JSON report and counts from it. A crash or a failed file without failed tests counts as failures. */
async function vitest(name: string, projects: string[], env: NodeJS.ProcessEnv) {
  heading(name);
  const started = Date.now();
  mkdirSync(resultsDir, { recursive: true });
  const report = path.join(resultsDir, `vitest-${name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase()}.json`);
  rmSync(report, { force: true });
  const args = ["vitest", "run", ...projects.flatMap((p) => ["--project", p])];
  args.push("--passWithNoTests", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`);
  const code = await run("npx", args, env);
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  let note = code === 0 ? "ok" : `exit code ${code}`;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8")) as VitestJson;
    counts.passed = json.numPassedTests ?? 0;
    counts.failed = json.numFailedTests ?? 0;
    counts.skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    // A file whose hooks or imports failed has no failed test of its own: count the file.
    const brokenFiles = (json.testResults ?? []).filter(
      (file) => file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed"),
    );
    for (const file of json.testResults ?? []) {
      const where = path.relative(process.cwd(), file.name);
      for (const t of file.assertionResults ?? []) {
        if (t.status !== "failed") continue;
        const why = (t.failureMessages?.[0] ?? "").split("\n")[0]?.slice(0, 200) ?? "";
        failures.push(`${name}: ${where} › ${t.fullName ?? "?"}${why ? ` — ${why}` : ""}`);
      }
      if (file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed")) {
        failures.push(`${name}: ${where} — ${(file.message ?? "failed outside any test").split("\n")[0]?.slice(0, 200)}`);
      }
    }
    if (brokenFiles.length) {
      counts.failed += brokenFiles.length;
      note = `${brokenFiles.length} file(s) failed outside any test: ${brokenFiles.map((f) => path.relative(process.cwd(), f.name)).join(", ")}`;
    }
  } else {
    note = `no JSON report (exit code ${code})`;
  }
  // Vitest failed but nothing above says why (an unhandled error, a crashed worker): still a failure.
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
    if (note === `exit code ${code}`) note = `vitest exited with ${code} without a failed test (unhandled error?)`;
  }
  record({ name, ...counts, seconds: (Date.now() - started) / 1000, note });
  return code === 0;
}

/** How many tests a stage would have run, for the skipped count; 1 if they cannot be listed. */
async function countTests(projects: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const args = ["vitest", "list", "--json", ...projects.flatMap((p) => ["--project", p])];
    const child = spawn("npx", args, { stdio: ["ignore", "pipe", "ignore"], env });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.on("error", () => resolve(1));
    child.on("exit", () => {
      try {
        const start = out.indexOf("[");
        const list = JSON.parse(out.slice(start)) as unknown[];
        resolve(Math.max(list.length, 1));
      } catch {
        resolve(1);
      }
    });
  });
}

async function skip(name: string, projects: string[], reason: string, env: NodeJS.ProcessEnv) {
  heading(name);
  const skipped = await countTests(projects, env);
  write(`SKIPPED ${name}: ${reason}\n`);
  record({ name, passed: 0, failed: 0, skipped, seconds: 0, note: `SKIPPED (${reason})` });
}

/** null when PostgreSQL answers `select 1` within 3 s, else why not. */
async function probePostgres(url: string): Promise<string | null> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, idle_timeout: 1, onnotice: () => {} });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      sql`select 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("no answer within 3 s")), 3_000);
      }),
    ]);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    clearTimeout(timer);
    void sql.end({ timeout: 0 }).catch(() => {});
  }
}

const suiteStarted = Date.now();

// Unit and PGlite-integration runs must not see a PostgreSQL URL, or they would switch to it.
const pgliteEnv: NodeJS.ProcessEnv = { ...process.env };
delete pgliteEnv.TEST_DATABASE_URL;
delete pgliteEnv.DATABASE_URL;
const postgresEnv: NodeJS.ProcessEnv = { ...process.env, TEST_DATABASE_URL: adminUrl };
delete postgresEnv.DATABASE_URL;

// tsc, eslint and the build are one independent check each and mostly one thread each: together
// they keep both cores busy instead of one (docs/stack.md, "Test run times").
const [, , built] = await checksTogether([
  { name: "typecheck", command: "npx", args: ["tsc"] },
  { name: "lint", command: "npx", args: ["eslint", "."] },
  { name: "build", command: "npm", args: ["run", "build"] },
]);
await vitest("unit + integration (PGlite)", ["unit", "integration"], pgliteEnv);

const postgresProblem = await probePostgres(adminUrl);
const postgresNote = `PostgreSQL not reachable at ${redact(adminUrl)}: ${postgresProblem ?? ""}`;
if (postgresProblem) {
  await skip("integration (PostgreSQL)", ["integration"], postgresNote, pgliteEnv);
} else {
  write(`\nPostgreSQL answers at ${redact(adminUrl)}.\n`);
  await vitest("integration (PostgreSQL)", ["integration"], postgresEnv);
}

const e2eMissing = [
  postgresProblem ? postgresNote : null,
  existsSync(chromiumPath) ? null : `Chromium not found at ${chromiumPath} (apt-get install -y chromium)`,
  built ? null : "the production build failed",
].filter((reason): reason is string => reason !== null);
if (e2eMissing.length) {
  await skip("browser tests (e2e)", ["e2e"], e2eMissing.join("; "), pgliteEnv);
} else {
  await vitest("browser tests (e2e)", ["e2e"], postgresEnv);
}

const total = results.reduce<Counts>(
  (sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);

write(`\n━━━ Summary (${((Date.now() - suiteStarted) / 1000).toFixed(1)} s) ━━━\n`);
const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  const status = r.failed ? "FAILED " : r.note.startsWith("SKIPPED") ? "SKIPPED" : "ok     ";
  const counts = `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
  write(`${status} ${r.name.padEnd(width)}  ${counts.padEnd(36)} ${r.seconds.toFixed(1).padStart(6)} s${r.note && r.note !== "ok" ? `  ${r.note}` : ""}\n`);
}
if (failures.length) write(`\nFailed:\n${failures.map((f) => `  ${f}\n`).join("")}`);
write(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}\n`);
process.exitCode = total.failed > 0 ? 1 : 0;

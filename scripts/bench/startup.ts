// npm run bench:startup: how long the production server takes from launch to its first healthy
// /healthz, and its resident memory at rest. Each run launches `node --import tsx server.ts` (one
// process, as tsx's CLI would run it in a child) on the current build, polls /healthz every 20 ms,
// then waits REST_SECONDS (default 10) with no requests and reads VmRSS from /proc. Prints each run
// and the median of RUNS (default 3), with the CPU time the process had used when it was healthy
// (user + system: unlike the wall time, hardly moved by other work on the machine).
//   embedded, fresh data folder:  BENCH_MODE=fresh npm run bench:startup   (a new DATA_DIR per run: migrate + demo seed)
//   embedded, existing folder:    BENCH_MODE=existing npm run bench:startup (one DATA_DIR, made by a first unmeasured start)
//   PostgreSQL:                   DATABASE_URL=postgres://… npm run bench:startup (a migrated database)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../tests/support/app-processes";

const runs = Number(process.env.RUNS ?? 3);
const restSeconds = Number(process.env.REST_SECONDS ?? 10);
const databaseUrl = process.env.DATABASE_URL;
const mode = databaseUrl ? "postgres" : process.env.BENCH_MODE === "existing" ? "existing" : "fresh";

interface Run {
  healthyMs: number;
  cpuMs: number;
  rssMb: number;
}

/** User + system CPU time of a process so far (/proc/<pid>/stat fields 14 and 15, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function launch(dataDir: string, measure: boolean): Promise<Run> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    ...(databaseUrl
      ? {
          APP_URL: baseUrl,
          SESSION_SECRET: "tradeguard-bench-session-secret-0123456789",
          PERSONAL_DATA_KEY: "1f".repeat(32),
        }
      : {}),
  };
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      const ok = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) })
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) break;
      if (performance.now() - started > 120_000) throw new Error("not healthy within 120 s");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const healthyMs = performance.now() - started;
    const cpu = cpuMs(child.pid!);
    if (!measure) return { healthyMs, cpuMs: cpu, rssMb: 0 };
    await new Promise((resolve) => setTimeout(resolve, restSeconds * 1000));
    return { healthyMs, cpuMs: cpu, rssMb: rssMb(child.pid!) };
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const existingDir = mode === "existing" ? mkdtempSync(path.join(tmpdir(), "tradeguard-startup-")) : null;
if (existingDir) await launch(existingDir, false);
const results: Run[] = [];
for (let i = 0; i < runs; i++) {
  const dataDir = existingDir ?? mkdtempSync(path.join(tmpdir(), "tradeguard-startup-"));
  const result = await launch(dataDir, true);
  if (!existingDir) rmSync(dataDir, { recursive: true, force: true });
  results.push(result);
  process.stdout.write(
    `run ${i + 1}: healthy after ${(result.healthyMs / 1000).toFixed(2)} s (CPU ${(result.cpuMs / 1000).toFixed(2)} s), RSS at rest ${result.rssMb.toFixed(0)} MB\n`,
  );
}
if (existingDir) rmSync(existingDir, { recursive: true, force: true });
process.stdout.write(
  `${mode}: median healthy after ${(median(results.map((r) => r.healthyMs)) / 1000).toFixed(2)} s ` +
    `(CPU ${(median(results.map((r) => r.cpuMs)) / 1000).toFixed(2)} s), ` +
    `median RSS at rest ${median(results.map((r) => r.rssMb)).toFixed(0)} MB (${runs} runs)\n`,
);

// The app's own processes for a test: web servers (server.ts, on the production build) and workers
// (worker.ts), each a child process against one PostgreSQL database, with its output kept for the
// failure message. Every process is stopped by stopAll().
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface AppProcess {
  name: string;
  child: ChildProcess;
  /** http://127.0.0.1:<port> for a web server. */
  baseUrl?: string;
  output: () => string;
}

const running: AppProcess[] = [];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The environment every process of one deployment shares (one database, one file store, one key). */
export function deploymentEnv(databaseUrl: string, filesDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    FILES_DIR: filesDir,
    DATA_DIR: filesDir,
    SEED_DEMO: "0",
    LOG_LEVEL: "info",
    SESSION_SECRET: "tradeguard-test-session-secret-0123456789",
    PERSONAL_DATA_KEY: "1f".repeat(32),
    TEST_DATABASE_URL: "",
  };
}

function start(name: string, entry: string, env: NodeJS.ProcessEnv): AppProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (output.length > 1_000_000) output = output.slice(-500_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const started: AppProcess = { name, child, output: () => output };
  running.push(started);
  return started;
}

/** A web server that only sends jobs (WORKERS=off), healthy before it is returned. */
export async function startWeb(name: string, env: NodeJS.ProcessEnv): Promise<AppProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const web = start(name, "server.ts", { ...env, PORT: String(port), APP_URL: baseUrl, WORKERS: "off" });
  web.baseUrl = baseUrl;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (web.child.exitCode !== null) throw new Error(`${name} exited (${web.child.exitCode}):\n${web.output()}`);
    const ok = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return web;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} was not healthy within 60 s:\n${web.output()}`);
}

/** A worker process (`npm run worker`), started when it says so in its log. */
export async function startWorker(name: string, env: NodeJS.ProcessEnv): Promise<AppProcess> {
  const worker = start(name, "worker.ts", env);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (worker.child.exitCode !== null) throw new Error(`${name} exited (${worker.child.exitCode}):\n${worker.output()}`);
    if (worker.output().includes("Tradeguard worker started")) return worker;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not start within 60 s:\n${worker.output()}`);
}

export function kill(process_: AppProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  return new Promise((resolve) => {
    if (process_.child.exitCode !== null || process_.child.signalCode !== null) return resolve();
    process_.child.once("exit", () => resolve());
    process_.child.kill(signal);
  });
}

export async function stopAll(): Promise<void> {
  await Promise.all(running.splice(0).map((p) => kill(p, "SIGTERM")));
}

/** Logs in over HTTP and returns the session cookie ("name=value"). */
export async function logIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return cookie;
}

export const randomSuffix = () => randomBytes(3).toString("hex");

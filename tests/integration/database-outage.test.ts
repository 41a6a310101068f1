// The production server through PostgreSQL restarts and an outage of some seconds, under load:
// readers and gatehouse guards signing visitors in. The database is a throwaway cluster of its own
// on a free port (never the server on 5432 that the other test files share), dropped at the end.
// The server must stay up, answer what it cannot do with a translated 503 page that says when to
// try again (never a 500), lose no sign-in it confirmed, and serve again once the database is back.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Site } from "../../db/schema";
import { visitorSignIn } from "../../scripts/bench/load-clients";
import { deploymentEnv, freePort, logIn, startWeb, startWorker, stopAll, type AppProcess } from "../support/app-processes";
import { createSite, signUpOrganization, type SignedUp } from "../support/factories";
import { withAdmin } from "../support/postgres-admin";
import { setTestDatabase, testDatabase } from "../support/test-database";

const config = inject("integrationDatabase");
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const VERSION = "15";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The throwaway cluster: pg_createcluster's tools, run as root, on its own name and port. */
function cluster(name: string) {
  const ctl = (...args: string[]) => execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", VERSION, name, ...args], { stdio: "pipe" });
  return {
    create: (port: number) =>
      // Trust for every local connection (initdb -A trust): the cluster lives for this file only.
      execFileSync("pg_createcluster", [VERSION, name, "-p", String(port), "--", "-A", "trust", "--no-sync"], { stdio: "pipe" }),
    start: () => ctl("start"),
    stop: () => ctl("stop", "-m", "fast"),
    restart: () => ctl("restart", "-m", "fast"),
    drop: () => execFileSync("pg_dropcluster", ["--stop", VERSION, name], { stdio: "pipe" }),
  };
}

interface Answer {
  kind: "read" | "write";
  /** ms from the start of the load when the request was sent. */
  at: number;
  /** 0: the connection failed (no HTTP answer). */
  status: number;
  retryAfter: string | null;
  visitorName?: string;
  error?: string;
}

describe.runIf(config.kind === "postgres")("the production server through PostgreSQL restarts and an outage", () => {
  const name = `tg_outage_${process.pid}_${randomBytes(3).toString("hex")}`;
  const pg = cluster(name);
  const filesDir = mkdtempSync(path.join(tmpdir(), "tradeguard-outage-"));
  let created = false;
  let url: string;
  let web: AppProcess;
  let worker: AppProcess;
  let owner: SignedUp;
  let site: Site;
  let cookie: string;

  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, "build/server/index.js"))) throw new Error("No production build: run `npm run build` first.");
    const port = await freePort();
    pg.create(port);
    created = true;
    pg.start();
    url = `postgres://postgres@127.0.0.1:${port}/postgres`;

    // Migrated, with one organisation and one gate, through the app's own code on this cluster.
    const { createDatabase } = await import("../../db/client");
    const { migrateDatabase } = await import("../../db/migrate");
    const { useDatabaseForTests } = await import("~/lib/db.server");
    const previous = testDatabase();
    const handle = await createDatabase({ url });
    try {
      await migrateDatabase(handle);
      useDatabaseForTests(handle);
      setTestDatabase({ handle, db: handle.db, kind: "postgres", url });
      owner = await signUpOrganization();
      site = await createSite(owner.cookie, { nameZh: "停电门岗", nameEn: "Outage gate" });
    } finally {
      useDatabaseForTests(previous.handle);
      setTestDatabase(previous);
      await handle.close();
    }

    web = await startWeb("web", deploymentEnv(url, filesDir));
    worker = await startWorker("worker", deploymentEnv(url, filesDir));
    cookie = await logIn(web.baseUrl!, owner.email, owner.password);
  }, 120_000);

  afterAll(async () => {
    await stopAll();
    if (created) {
      try {
        pg.drop();
      } catch (error) {
        // Left behind, it would keep its port and data directory: say so loudly.
        process.stderr.write(`could not drop the test cluster ${name}: ${String(error)}\n`);
      }
    }
    rmSync(filesDir, { recursive: true, force: true });
  });

  test("stays up, answers 503 while the database is away, loses no confirmed sign-in and serves again", async () => {
    const baseUrl = web.baseUrl!;
    const answers: Answer[] = [];
    const started = Date.now();
    let running = true;
    let written = 0;
    const tag = randomBytes(3).toString("hex");

    const exited = () => web.child.exitCode !== null || web.child.signalCode !== null;

    async function send(kind: Answer["kind"], init: RequestInit & { path: string }, visitorName?: string) {
      const at = Date.now() - started;
      try {
        const response = await fetch(`${baseUrl}${init.path}`, { ...init, redirect: "manual", signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        answers.push({ kind, at, status: response.status, retryAfter: response.headers.get("retry-after"), visitorName });
      } catch (error) {
        answers.push({ kind, at, status: 0, retryAfter: null, visitorName, error: String(error) });
        await sleep(50);
      }
    }

    const reader = async () => {
      while (running) await send("read", { path: "/visitors", headers: { Cookie: cookie } });
    };
    const writer = async () => {
      while (running) {
        const step = visitorSignIn(site.id, written++);
        const fields = new URLSearchParams(step.body);
        const visitorName = `停电访客 ${tag}-${written}`;
        fields.set("visitorName", visitorName);
        await send(
          "write",
          {
            path: step.path,
            method: "POST",
            headers: { Cookie: cookie, Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
            body: fields.toString(),
          },
          visitorName,
        );
      }
    };

    /** ms until GET /visitors answers 200 again, polled every 100 ms, at most 15 s (Infinity: never). */
    async function untilServing(): Promise<number> {
      const from = Date.now();
      while (Date.now() - from < 15_000 && !exited()) {
        const ok = await fetch(`${baseUrl}/visitors`, { headers: { Cookie: cookie }, redirect: "manual", signal: AbortSignal.timeout(5_000) })
          .then((r) => r.status === 200)
          .catch(() => false);
        if (ok) return Date.now() - from;
        await sleep(100);
      }
      return Infinity;
    }

    // The pages' first renders, before the load (a cold server on a busy machine is slow to start).
    for (const page of ["/visitors", "/visitors/new"]) await fetch(`${baseUrl}${page}`, { headers: { Cookie: cookie } }).then((r) => r.arrayBuffer());

    const clients = [...Array.from({ length: 10 }, reader), ...Array.from({ length: 10 }, writer)];
    // Under way first: sign-ins being saved when the database goes (at most 20 s on a slow machine).
    const confirmedSoFar = () => answers.filter((a) => a.kind === "write" && a.status === 302).length;
    while (confirmedSoFar() < 10 && Date.now() - started < 20_000) await sleep(100);

    pg.restart();
    const afterFirst = await untilServing();
    await sleep(1_000);
    pg.restart();
    const afterSecond = await untilServing();
    await sleep(1_000);

    // Several seconds without a database; the page says so in the reader's language.
    pg.stop();
    await sleep(1_500);
    const outagePage = async (language: string) => {
      try {
        const response = await fetch(`${baseUrl}/visitors`, { headers: { Cookie: cookie, "Accept-Language": language }, redirect: "manual" });
        return { status: response.status, retryAfter: response.headers.get("retry-after"), html: await response.text() };
      } catch (error) {
        return { status: 0, retryAfter: null, html: String(error) };
      }
    };
    const english = await outagePage("en-GB,en;q=0.9");
    const chinese = await outagePage("zh-CN,zh;q=0.9");
    await sleep(4_000);
    pg.start();
    const afterStart = await untilServing();
    const servingAgain = Date.now() - started;
    await sleep(1_500);
    running = false;
    await Promise.all(clients);

    for (const process_ of [web, worker]) {
      const alive = process_.child.exitCode === null && process_.child.signalCode === null;
      expect(alive, `${process_.name} exited:\n${process_.output().slice(-4_000)}`).toBe(true);
    }

    expect(english.status).toBe(503);
    expect(english.retryAfter).toMatch(/^\d+$/);
    expect(english.html).toContain('lang="en"');
    expect(english.html).toContain("The database cannot be reached");
    expect(chinese.status).toBe(503);
    expect(chinese.html).toContain('lang="zh-CN"');
    expect(chinese.html).toContain("暂时无法连接数据库");

    const failed = answers.filter((a) => a.status !== 200 && a.status !== 302 && a.status !== 503);
    expect(failed.slice(0, 10), `${failed.length} answers neither served nor 503`).toEqual([]);
    const unavailable = answers.filter((a) => a.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.filter((a) => !a.retryAfter)).toEqual([]);

    // Every sign-in the server confirmed (302 to the list) is in the database.
    const confirmed = answers.filter((a) => a.kind === "write" && a.status === 302).map((a) => a.visitorName!);
    expect(confirmed.length).toBeGreaterThan(0);
    const stored = await withAdmin(url, (sql) => sql<{ visitor_name: string }[]>`select visitor_name from visitor_entries where visitor_name like ${`停电访客 ${tag}-%`}`);
    const storedNames = new Set(stored.map((r) => r.visitor_name));
    expect(confirmed.filter((n) => !storedNames.has(n))).toEqual([]);

    // Serving again within 10 s of the database being back, each time.
    expect(afterFirst).toBeLessThan(10_000);
    expect(afterSecond).toBeLessThan(10_000);
    expect(afterStart).toBeLessThan(10_000);
    // Once it serves again, it serves: what was sent from then on (give or take a moment) succeeded.
    const later = answers.filter((a) => a.at > servingAgain + 300);
    expect(later.length).toBeGreaterThan(0);
    expect(later.filter((a) => a.status !== 200 && a.status !== 302)).toEqual([]);
  }, 120_000);
});

// Background work on the job engine, as it runs in production. On PostgreSQL: two web processes and
// a worker process against one database; a dossier requested through web A is generated once, by
// the worker; a worker killed in the middle of it leaves it to the next worker once its heartbeats
// stop; a third web process started meanwhile changes nothing. On the embedded database (one
// process): the same, with a claim that is never completed standing for the dead worker.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, test } from "vitest";
import { dossiers, dossierVolumes, users } from "../../db/schema";
import { requestDossier } from "~/lib/dossiers/dossiers.server";
import { closeJobEngine, HEARTBEAT_SECONDS, jobEngine, openJobEngine, queues } from "~/lib/jobs/job-engine.server";
import { startWorkers } from "~/lib/jobs/job-workers.server";
import { seedScaleOrganization } from "../../scripts/bench/scale-data";
import { deploymentEnv, kill, logIn, startWeb, startWorker, stopAll } from "../support/app-processes";
import { query, testDatabase, testDb } from "../support/test-database";

const config = inject("integrationDatabase");
const filesDir = mkdtempSync(path.join(tmpdir(), "tradeguard-jobs-"));
process.env.FILES_DIR = filesDir;

afterAll(async () => {
  await stopAll();
  rmSync(filesDir, { recursive: true, force: true });
});

async function until<T>(what: string, read: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const dossierRow = async (id: string) => (await testDb().select().from(dossiers).where(eq(dossiers.id, id)))[0]!;

/** The dossier queue's jobs for one dossier, as pg-boss keeps them. */
const jobsOf = (dossierId: string) =>
  query<{ id: string; state: string; retry_count: number }>(
    sql`select id, state, retry_count from pgboss.job where name = ${queues.dossier} and data->>'dossierId' = ${dossierId}`,
  );

// On PostgreSQL, enough records that generating takes some seconds (the worker is killed half-way);
// on the embedded database nothing is killed, and a smaller year does.
const seed = () =>
  seedScaleOrganization(testDb(), {
    sites: 2,
    days: 120,
    inspections: config.kind === "postgres" ? 20_000 : 2_000,
    failureEvery: 100,
    photoInspections: 0,
    sealEvents: 0,
    visitors: config.kind === "postgres" ? 2_000 : 200,
    employees: 0,
    partners: 0,
  });

describe.runIf(config.kind === "postgres")("two web processes and a worker on one PostgreSQL", () => {
  test(
    "a dossier requested through web A is generated once by the worker; a killed worker's job is finished by the next one; a third web process changes nothing",
    async () => {
      const scale = await seed();
      const env = deploymentEnv(testDatabase().url!, filesDir);
      const [webA, webB] = await Promise.all([startWeb("web-a", env), startWeb("web-b", env)]);
      const worker1 = await startWorker("worker-1", env);

      const cookie = await logIn(webA.baseUrl!, scale.ownerEmail, scale.ownerPassword);
      const posted = await fetch(`${webA.baseUrl}/dossiers/new`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: webA.baseUrl!, Cookie: cookie },
        body: new URLSearchParams({ framework: "cn-2022-advanced", periodFrom: scale.periodFrom, periodTo: scale.periodTo }),
        redirect: "manual",
      });
      expect(posted.status, await posted.clone().text()).toBe(302);
      const dossierId = posted.headers.get("location")!.split("/").pop()!;

      // The worker claims it and renders; it is killed half-way.
      await until("the worker to be generating", async () => {
        const row = await dossierRow(dossierId);
        return row.status === "generating" && row.progress > 0;
      }, 60_000).catch((error: Error) => {
        throw new Error(`${error.message}\nworker-1:\n${worker1.output().slice(-3000)}\nweb-a:\n${webA.output().slice(-2000)}`);
      });
      await kill(worker1, "SIGKILL");
      const claimed = await dossierRow(dossierId);
      expect(claimed.status).toBe("generating");

      // A third web process starting changes no job and no dossier.
      const webC = await startWeb("web-c", env);
      const afterStart = await dossierRow(dossierId);
      expect({ status: afterStart.status, jobId: afterStart.jobId, attempts: afterStart.attempts }).toEqual({
        status: "generating",
        jobId: claimed.jobId,
        attempts: claimed.attempts,
      });
      expect((await jobsOf(dossierId)).map((j) => j.state)).toEqual(["active"]);

      // The next worker gets the job once the dead one's heartbeats have stopped, and finishes it.
      await startWorker("worker-2", env);
      const ready = await until("the dossier to be ready", async () => {
        const row = await dossierRow(dossierId);
        if (row.status === "failed") throw new Error(`dossier failed: ${row.error}`);
        return row.status === "ready" ? row : null;
      }, 120_000);
      expect(ready.attempts).toBe(2);
      expect(ready.recordCount).toBeGreaterThan(20_000);
      // pg-boss records the job's completion just after the handler has marked the dossier ready.
      const jobs = await until("the job to be completed", async () => {
        const rows = await jobsOf(dossierId);
        return rows.every((j) => j.state !== "active") ? rows : null;
      }, 30_000);
      expect(jobs.map((j) => [j.state, j.retry_count])).toEqual([["completed", 1]]);
      const volumes = await testDb().select().from(dossierVolumes).where(eq(dossierVolumes.dossierId, dossierId));
      expect(volumes).toHaveLength(1);

      // Only the workers generated: the web processes' logs say nothing of dossiers.
      for (const web of [webA, webB, webC]) expect(web.output()).not.toContain("dossier generation");
      // And pages kept answering while it ran (the web processes never render).
      const page = await fetch(`${webB.baseUrl}/dossiers/${dossierId}`, { headers: { Cookie: cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("DOS-1");
    },
    240_000,
  );
});

describe.runIf(config.kind === "pglite")("the embedded database, in one process", () => {
  test(
    "a dossier whose worker claimed it and vanished is generated once, by the worker that gets it after the lease",
    async () => {
      const scale = await seed();
      const boss = await jobEngine();
      const [owner] = await testDb().select({ id: users.id }).from(users).where(eq(users.email, scale.ownerEmail));
      const requested = await requestDossier(testDb(), { organizationId: scale.organizationId, userId: owner!.id }, "Asia/Shanghai", {
        framework: "cn-2022-advanced",
        periodFrom: scale.periodFrom,
        periodTo: scale.periodTo,
        sites: [],
        criteria: [],
      });
      if (!requested.ok) throw new Error(JSON.stringify(requested.errors));
      // A worker fetches the job and dies: no heartbeat, no completion.
      const [lost] = await boss.fetch(queues.dossier);
      expect(lost?.data).toEqual({ dossierId: requested.dossierId });
      // The process's engine as the embedded server runs it: supervising, with its workers.
      await closeJobEngine(0);
      const supervised = await openJobEngine(testDatabase().handle, { supervise: true });
      await startWorkers(supervised, testDb());
      const ready = await until("the dossier to be ready", async () => {
        const row = await dossierRow(requested.dossierId);
        if (row.status === "failed") throw new Error(`dossier failed: ${row.error}`);
        return row.status === "ready" ? row : null;
      }, (HEARTBEAT_SECONDS + 60) * 1000);
      expect(ready.attempts).toBe(2);
      // As on PostgreSQL: pg-boss records the completion just after the handler marked the dossier
      // ready (later still when the start's audit checkpoint pass shares the one connection).
      const jobs = await until("the job to be completed", async () => {
        const rows = await jobsOf(requested.dossierId);
        return rows.every((j) => j.state !== "active") ? rows : null;
      }, 30_000);
      expect(jobs.map((j) => [j.state, j.retry_count])).toEqual([["completed", 1]]);
      expect(await testDb().select().from(dossierVolumes).where(eq(dossierVolumes.dossierId, requested.dossierId))).toHaveLength(1);
    },
    180_000,
  );
});

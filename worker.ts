// `npm run worker`: the job workers as a process of their own, for deployments on PostgreSQL, where
// web processes only send jobs. Run as many as the machines allow: each job is claimed by one worker,
// and a worker that dies leaves its job to another once its heartbeats stop. Dossiers are rendered
// on a worker thread, so this process keeps sending heartbeats while one renders.
import { closeDatabase, openDatabase } from "./app/lib/db.server";
import { closeRenderPool } from "./app/lib/dossiers/dossier-render-pool.server";
import { env } from "./app/lib/env.server";
import { closeJobEngine, openJobEngine } from "./app/lib/jobs/job-engine.server";
import { startWorkers } from "./app/lib/jobs/job-workers.server";
import { logger } from "./app/lib/logger.server";
import { guardProcess } from "./app/lib/process-guards.server";
import { setPrivateUmask } from "./db/file-modes";

const config = env();
guardProcess("worker");
// What this process writes (generated dossiers into FILES_DIR) is its owner's alone (db/file-modes.ts).
setPrivateUmask();
if (!config.DATABASE_URL) {
  // The embedded database belongs to the one process that opened it: `npm start` works its jobs itself.
  logger.fatal("npm run worker needs DATABASE_URL (PostgreSQL); on the embedded database `npm start` runs the workers itself");
  process.exit(1);
}

// The worker decrypts signing certificates and seals audit checkpoints with keys derived from this
// secret: a key file of its own would make checkpoints no other process can verify.
if (config.NODE_ENV === "production" && !config.PERSONAL_DATA_KEY) {
  logger.fatal("PERSONAL_DATA_KEY is required by npm run worker in production: the same 32 bytes as the web servers'");
  process.exit(1);
}

const handle = await openDatabase();
const boss = await openJobEngine(handle, { supervise: true });
await startWorkers(boss, handle.db);
logger.info({ pid: process.pid }, "Tradeguard worker started");

function shutdown(signal: string) {
  logger.info({ signal }, "worker shutting down");
  closeJobEngine(5_000)
    .then(closeRenderPool)
    .then(closeDatabase)
    .catch((error: unknown) => logger.error({ err: error }, "worker shutdown failed"))
    .finally(() => process.exit(0));
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.once("SIGTERM", () => shutdown("SIGTERM"));
process.once("SIGINT", () => shutdown("SIGINT"));

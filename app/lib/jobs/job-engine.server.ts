// The one job engine for background work: pg-boss, with its queues in the application's own database
// (schema pgboss), on PostgreSQL and on the embedded PGlite alike. Web code only enqueues, inside
// the transaction that writes the record the job is about, so a job exists exactly when its record
// does. Workers (job-workers.server.ts) run in `npm run worker`, or inside the embedded server.
//
// pg-boss gives what a home-made loop did not: a job is claimed by one worker (SKIP LOCKED), a
// worker that stops sending heartbeats loses its job to a retry, failures are retried with
// backoff, and schedules are its cron jobs.

import { sql } from "drizzle-orm";
import { fromDrizzle, fromPglite, PgBoss, type DrizzleTransactionLike, type Queue, type SendOptions } from "pg-boss";
import type { Locale } from "../i18n/config";
import { openDatabase } from "../db.server";
import type { DatabaseHandle, Executor } from "../db-types.server";
import { logger } from "../logger.server";

/** The queues and how their jobs are retried. */
export const queues = {
  /** Generates one dossier: { dossierId }. One attempt at a time per dossier. */
  dossier: "dossier-generate",
  /** Dossier jobs the engine gave up on (every attempt's worker died): the dossier is marked failed. */
  dossierAbandoned: "dossier-abandoned",
  /** Delivers one outbox email over SMTP: { emailId }. */
  email: "email-deliver",
  /**
   * What follows a reset request or a signup with a taken address: finds the account (if any) and
   * stores its email. Sent by the web request whether or not the account exists.
   */
  accountEmail: "account-email",
  /** Checkpoints every organisation's audit chain head that moved: {} (daily, AUDIT_CHECKPOINT_CRON). */
  auditCheckpoint: "audit-checkpoint",
  /** Posts one message to a group robot (WeCom, DingTalk, Feishu): { deliveryId }. */
  channelMessage: "notification-channel",
  /** Hourly: each organisation whose local reminder hour has come gets its reminders and digest: {}. */
  reminders: "notification-reminders",
} as const;
export type QueueName = (typeof queues)[keyof typeof queues];

export interface JobData {
  [queues.dossier]: { dossierId: string };
  [queues.dossierAbandoned]: { dossierId: string };
  [queues.email]: { emailId: string };
  [queues.accountEmail]: { reason: "password-reset" | "signup-attempt"; email: string; locale: Locale; baseUrl: string };
  [queues.auditCheckpoint]: Record<string, never>;
  [queues.channelMessage]: { deliveryId: string };
  [queues.reminders]: Record<string, never>;
}

/**
 * The daily audit checkpoint: 03:17 in China, when little is written. A day the engine was down is
 * made up once when it starts again (missed: "once").
 */
export const AUDIT_CHECKPOINT_CRON = { cron: "17 3 * * *", tz: "Asia/Shanghai" } as const;

/**
 * The reminder pass runs every hour, a few minutes past: each organisation is reminded once a day, in
 * the first pass at or after its own local reminder hour (organisations sit in different time zones).
 */
export const REMINDERS_CRON = { cron: "3 * * * *", tz: "UTC" } as const;

/**
 * A dossier worker sends a heartbeat every few seconds while it renders (the rendering runs on a
 * thread, so its event loop stays free): one that dies stops, and the supervisor hands the job to
 * another worker after HEARTBEAT_SECONDS. Failures are tried again twice, 5–10 s then 10–20 s later.
 */
export const HEARTBEAT_SECONDS = 10;
// Created in this order: a dead-letter queue before the queue that names it.
const queueOptions: Record<QueueName, Omit<Queue, "name">> = {
  [queues.dossierAbandoned]: { policy: "standard", retryLimit: 5, retryDelay: 10, retryBackoff: true, deleteAfterSeconds: 7 * 24 * 60 * 60 },
  [queues.dossier]: {
    deadLetter: queues.dossierAbandoned,
    policy: "singleton",
    heartbeatSeconds: HEARTBEAT_SECONDS,
    expireInSeconds: 2 * 60 * 60,
    retryLimit: 2,
    retryDelay: 5,
    retryBackoff: true,
    retentionSeconds: 7 * 24 * 60 * 60,
    deleteAfterSeconds: 7 * 24 * 60 * 60,
  },
  [queues.email]: {
    policy: "standard",
    expireInSeconds: 5 * 60,
    retryLimit: 8,
    retryDelay: 30,
    retryBackoff: true,
    retryDelayMax: 60 * 60,
    retentionSeconds: 7 * 24 * 60 * 60,
    deleteAfterSeconds: 30 * 24 * 60 * 60,
  },
  // The job holds an address someone typed, perhaps nobody's: it is deleted a day after it ran.
  [queues.accountEmail]: {
    policy: "standard",
    expireInSeconds: 5 * 60,
    retryLimit: 3,
    retryDelay: 10,
    retryBackoff: true,
    retentionSeconds: 24 * 60 * 60,
    deleteAfterSeconds: 24 * 60 * 60,
  },
  // One run at a time; a failed run is tried again (it only adds checkpoints that are missing).
  [queues.auditCheckpoint]: {
    policy: "singleton",
    expireInSeconds: 60 * 60,
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    retentionSeconds: 7 * 24 * 60 * 60,
    deleteAfterSeconds: 30 * 24 * 60 * 60,
  },
  // A robot that is down or refuses (HTTP 5xx, errcode ≠ 0) is tried again: 20 s, 40 s, … up to an
  // hour apart, 6 times in all; every attempt is written in the delivery log.
  [queues.channelMessage]: {
    policy: "standard",
    expireInSeconds: 2 * 60,
    retryLimit: 5,
    retryDelay: 20,
    retryBackoff: true,
    retryDelayMax: 60 * 60,
    retentionSeconds: 7 * 24 * 60 * 60,
    deleteAfterSeconds: 30 * 24 * 60 * 60,
  },
  // One pass at a time; a failed pass is tried again (what it already sent is not sent twice).
  [queues.reminders]: {
    policy: "singleton",
    expireInSeconds: 30 * 60,
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    retentionSeconds: 7 * 24 * 60 * 60,
    deleteAfterSeconds: 7 * 24 * 60 * 60,
  },
};

/** The dossier queue's retry limit: the handler tells a last attempt from one that will be retried. */
export const retryLimitOf = (queue: QueueName) => queueOptions[queue].retryLimit ?? 0;

export interface JobEngineOptions {
  /**
   * Runs pg-boss's supervisor (expired heartbeats, retention) and its scheduler: a process that
   * works jobs. A web process on PostgreSQL only sends.
   */
  supervise: boolean;
}

const KEY = Symbol.for("tradeguard.jobs");
type Holder = { [KEY]?: Promise<PgBoss> };
const holder = globalThis as Holder;

function createBoss(handle: DatabaseHandle, options: JobEngineOptions): PgBoss {
  const common = {
    supervise: options.supervise,
    schedule: options.supervise,
    superviseIntervalSeconds: 5,
    monitorIntervalSeconds: 5,
  };
  if (handle.kind === "pglite") {
    if (!handle.pglite) throw new Error("job engine: the embedded database handle has no client");
    return new PgBoss({ ...common, db: fromPglite(handle.pglite) });
  }
  if (!handle.url) throw new Error("job engine: the PostgreSQL handle has no URL");
  return new PgBoss({ ...common, connectionString: handle.url, max: options.supervise ? 4 : 2, application_name: "tradeguard-jobs" });
}

async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const [name, options] of Object.entries(queueOptions)) {
    // A queue's policy is fixed when it is created; its retry and retention options follow the code.
    const { policy: _policy, ...changeable } = options;
    if (await boss.getQueue(name)) await boss.updateQueue(name, changeable);
    else await boss.createQueue(name, options);
  }
}

/**
 * Starts the engine for this process's database, once (pg-boss migrates its own schema under an
 * advisory lock, so several instances may start together). Later calls return the same engine.
 */
export function openJobEngine(handle: DatabaseHandle, options: JobEngineOptions): Promise<PgBoss> {
  const existing = holder[KEY];
  if (existing) return existing;
  const opening = (async () => {
    const boss = createBoss(handle, options);
    // pg-boss reports background failures (a lost connection, a failed poll) here; they are retried.
    boss.on("error", (error) => logger.error({ err: error }, "job engine error"));
    await boss.start();
    await ensureQueues(boss);
    // The processes that work jobs keep the schedules (an upsert: several may start together).
    // A start runs a checkpoint pass as well: the first start after migration 0010 vouches for the
    // SHA-256 events of every organisation at once, not at the next 03:17.
    if (options.supervise) {
      await boss.schedule(queues.auditCheckpoint, AUDIT_CHECKPOINT_CRON.cron, {}, { tz: AUDIT_CHECKPOINT_CRON.tz, missed: "once" });
      await boss.send(queues.auditCheckpoint, {});
      await boss.schedule(queues.reminders, REMINDERS_CRON.cron, {}, { tz: REMINDERS_CRON.tz });
    }
    logger.debug({ supervise: options.supervise, database: handle.kind }, "job engine started");
    return boss;
  })();
  holder[KEY] = opening.catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

/** The engine of this process; started on first use as a sender for the open database. */
export async function jobEngine(): Promise<PgBoss> {
  return holder[KEY] ?? openJobEngine(await openDatabase(), { supervise: false });
}

/**
 * Adds a job in the caller's transaction: it is there to be worked exactly when the transaction
 * commits, and never without the record it is about. The engine must be running already (servers
 * start it; a command calls jobEngine() before its transaction): starting it inside a transaction
 * would wait forever on the embedded database, which has one connection.
 */
export async function enqueue<Q extends QueueName>(tx: Executor, queue: Q, data: JobData[Q], options: SendOptions = {}): Promise<string | null> {
  const started = holder[KEY];
  if (!started) throw new Error("enqueue: the job engine is not started (call jobEngine() before the transaction)");
  const boss = await started;
  // Drizzle's execute answers rows on both drivers; pg-boss's adapter reads them either way.
  return boss.send(queue, data, { ...options, db: fromDrizzle(tx as unknown as DrizzleTransactionLike, sql) });
}

/**
 * Runs `work` with a sending engine opened on `handle` and closed after (the database stays open):
 * for code that adds jobs before any server has started one, as the demo seed does in the embedded
 * start and in `npm run db:seed`.
 */
export async function withJobEngine<T>(handle: DatabaseHandle, work: () => Promise<T>): Promise<T> {
  await openJobEngine(handle, { supervise: false });
  try {
    return await work();
  } finally {
    await closeJobEngine();
  }
}

/** Stops the engine: workers finish or give back their jobs within `timeoutMs`. */
export async function closeJobEngine(timeoutMs = 10_000): Promise<void> {
  const current = holder[KEY];
  if (!current) return;
  delete holder[KEY];
  const boss = await current.catch(() => null);
  await boss?.stop({ graceful: true, timeout: timeoutMs, close: true });
}

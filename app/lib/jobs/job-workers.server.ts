// The workers of every queue: what each job does. Started by `npm run worker` (worker.ts), or by the
// embedded server itself (server.ts). A handler that throws has its job retried by the engine with
// backoff; each handler makes a retry safe (a dossier is claimed per attempt, an email row is
// claimed before it is sent).

import type { Job, PgBoss, WorkOptions } from "pg-boss";
import type { Database } from "../db-types.server";
import { queues, retryLimitOf, type JobData, type QueueName } from "./job-engine.server";

const lastAttempt = (job: Job<unknown>, queue: QueueName) => job.retryCount >= retryLimitOf(queue);

// A job's code loads with the first job of its kind, not when the workers start: the dossier code
// (PDF, images, fonts, spreadsheets) would otherwise weigh on every start of the embedded server.
const dossierJobs = () => import("../dossiers/dossier-job.server");
const email = () => import("../email/email.server");
const accountEmails = () => import("../auth/account-emails.server");
const auditCheckpoints = () => import("../audit/audit-checkpoints.server");
const channels = () => import("../notifications/channels.server");
const reminders = () => import("../notifications/reminder-job.server");
const attention = () => import("../attention/attention.server");

/** What a job of each queue does. Tests run jobs through these too. */
export const handlers: { [Q in QueueName]: (db: Database, job: Job<JobData[Q]>) => Promise<void> } = {
  [queues.dossier]: async (db, job) => (await dossierJobs()).runDossierJob(db, job, retryLimitOf(queues.dossier)),
  [queues.dossierAbandoned]: async (db, job) => (await dossierJobs()).abandonDossier(db, job.data.dossierId),
  [queues.email]: async (db, job) => (await email()).deliverOutboxEmail(db, job.data.emailId, lastAttempt(job, queues.email)),
  [queues.accountEmail]: async (db, job) => (await accountEmails()).runAccountEmailJob(db, job.data),
  [queues.auditCheckpoint]: async (db) => {
    await (await auditCheckpoints()).checkpointAllOrganizations(db);
  },
  [queues.channelMessage]: async (db, job) =>
    (await channels()).deliverChannelMessage(db, job.data.deliveryId, lastAttempt(job, queues.channelMessage)),
  [queues.reminders]: async (db) => {
    await (await reminders()).runReminderPass(db, await attention());
  },
};

// One dossier at a time per process: rendering takes the one thread it is given.
const workOptions: Record<QueueName, WorkOptions> = {
  [queues.dossier]: { batchSize: 1, localConcurrency: 1, pollingIntervalSeconds: 1 },
  [queues.dossierAbandoned]: { batchSize: 1, pollingIntervalSeconds: 5 },
  [queues.email]: { batchSize: 1, localConcurrency: 2, pollingIntervalSeconds: 1 },
  [queues.accountEmail]: { batchSize: 1, localConcurrency: 2, pollingIntervalSeconds: 1 },
  [queues.auditCheckpoint]: { batchSize: 1, pollingIntervalSeconds: 30 },
  [queues.channelMessage]: { batchSize: 1, localConcurrency: 2, pollingIntervalSeconds: 2 },
  [queues.reminders]: { batchSize: 1, pollingIntervalSeconds: 30 },
};

export async function startWorkers(boss: PgBoss, db: Database): Promise<void> {
  for (const queue of Object.keys(handlers) as QueueName[]) {
    const handler = handlers[queue] as (db: Database, job: Job<unknown>) => Promise<void>;
    await boss.work<unknown>(queue, workOptions[queue], async ([job]) => {
      if (job) await handler(db, job);
    });
  }
}

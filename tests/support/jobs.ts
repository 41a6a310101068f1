// Working the job engine's queues inside a test, as a worker would: fetch a job, run the queue's
// handler, complete or fail it. Jobs are sent by the code under test (in its transactions).
import type { Job } from "pg-boss";
import { jobEngine, type JobData, type QueueName } from "~/lib/jobs/job-engine.server";
import { handlers } from "~/lib/jobs/job-workers.server";
import { testDb } from "./test-database";

/** Runs the queue's ready jobs one by one until none is left; returns how many ran (failed ones too). */
export async function workQueue<Q extends QueueName>(queue: Q, limit = 100): Promise<number> {
  const boss = await jobEngine();
  const handler = handlers[queue] as (db: ReturnType<typeof testDb>, job: Job<JobData[Q]>) => Promise<void>;
  let ran = 0;
  while (ran < limit) {
    const [job] = await boss.fetch<JobData[Q]>(queue, { batchSize: 1 });
    if (!job) break;
    ran += 1;
    try {
      await handler(testDb(), job);
      await boss.complete(queue, job.id);
    } catch (error) {
      await boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) });
    }
  }
  return ran;
}

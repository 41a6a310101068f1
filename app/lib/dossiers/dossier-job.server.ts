// Generating a dossier, as the job engine's worker does it: claim the row for this job, gather what
// each criterion shows (in the database), write the complete registers (streamed to temporary
// XLSX files), render, sign and store each volume on a worker thread, then write the volumes and
// the manifest and mark the dossier ready in one transaction. A job that dies half-way leaves the
// row "generating": its retry claims it again and starts over; files already stored are
// content-addressed, so nothing is produced twice.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { dossierManifestEntries, dossiers, dossierVolumes, type Dossier } from "../../../db/schema";
import type { Database } from "~/lib/db-types.server";
import { dossierCheckpoint } from "~/lib/audit/audit-checkpoints.server";
import { env } from "~/lib/env.server";
import { documentTimeInZone } from "~/lib/i18n/format";
import { message } from "~/lib/i18n/messages";
import { logger } from "~/lib/logger.server";
import { signingMaterialFor, SigningError } from "~/lib/signing/signing.server";
import { buildDossierInput, dossierContext } from "./dossiers.server";
import type { DossierAuditCheckpoint } from "./dossier-types";
import { planVolumes } from "./dossier-volumes";
import { writeRegisters } from "./dossier-registers.server";
import type { RenderResult } from "./dossier-render-task.server";
import { renderOnThread } from "./dossier-render-pool.server";

/** What the worker knows of the job it runs: pg-boss's job id and how many times it was tried before. */
export interface DossierJob {
  id: string;
  retryCount: number;
  data: { dossierId: string };
}

export interface GenerateOptions {
  /** Photo bytes per volume (default VOLUME_PHOTO_BYTES); tests split small dossiers with it. */
  volumePhotoBytes?: number;
}

/** Claims the dossier for this attempt: a queued row, or one a dead attempt left generating. */
async function claim(db: Database, job: DossierJob): Promise<Dossier | null> {
  const [claimed] = await db
    .update(dossiers)
    .set({ status: "generating", progress: 0, startedAt: new Date(), error: null, jobId: job.id, attempts: job.retryCount + 1 })
    .where(and(eq(dossiers.id, job.data.dossierId), inArray(dossiers.status, ["queued", "generating"])))
    .returning();
  return claimed ?? null;
}

/**
 * The audit chain checkpoint the dossier prints: made on its first generation (after the chain
 * verifies), the same on a retry. A chain that does not verify is printed as such.
 */
async function auditCheckpointFor(db: Database, dossier: Dossier, timeZone: string): Promise<DossierAuditCheckpoint> {
  const outcome = await dossierCheckpoint(db, dossier.organizationId, dossier.id);
  if (!outcome) throw new Error("dossier generation: the organisation's audit trail is empty");
  if (!outcome.ok) {
    logger.error({ dossierId: dossier.id, problem: outcome.problem }, "dossier: the audit trail does not verify; the dossier says so");
    return { ok: false, seq: outcome.problem.seq };
  }
  const c = outcome.checkpoint;
  return {
    ok: true,
    seq: c.seq,
    headHash: c.headHash,
    madeAtText: documentTimeInZone(c.createdAt, timeZone),
    signatureKind: c.signature ? "certificate" : "hmac",
    signature: c.signature ?? c.mac,
  };
}

/** Generates the claimed dossier. Throws on failure (the caller records it and lets the engine retry). */
async function generate(db: Database, dossier: Dossier, job: DossierJob, options: GenerateOptions): Promise<void> {
  // This attempt's claim: a retry of the same job (its worker presumed dead) claims it anew.
  const owned = and(eq(dossiers.id, dossier.id), eq(dossiers.jobId, job.id), eq(dossiers.attempts, job.retryCount + 1), eq(dossiers.status, "generating"));
  let last = 0;
  const progress = async (percent: number) => {
    const value = Math.min(99, Math.round(percent));
    if (value - last < 3) return;
    last = value;
    await db.update(dossiers).set({ progress: value }).where(owned);
  };
  const directory = await mkdtemp(path.join(tmpdir(), "tradeguard-dossier-"));
  try {
    const context = await dossierContext(db, dossier);
    const input = await buildDossierInput(db, dossier, context, () => progress(last + 3));
    await progress(25);
    const registers = await writeRegisters(db, context.facts, context.scope, {
      directory,
      generatedAt: dossier.generatedAt,
      criterionCodes: context.codes,
      appUrl: env().APP_URL?.replace(/\/$/, "") ?? "",
      onPage: () => progress(Math.min(50, last + 1)),
    });
    input.registers = registers;
    input.auditCheckpoint = await auditCheckpointFor(db, dossier, context.timeZone);
    await progress(50);
    // The certificate is read now; a certificate that expired or was replaced since the request
    // fails the dossier rather than contradicting its cover.
    const signing = await signingMaterialFor(db, dossier.organizationId);
    if (Boolean(signing) !== input.signed) throw new SigningError(message("signing.errors.changedDuringGeneration"));

    const plan = planVolumes(input.sections, options.volumePhotoBytes);
    const results: RenderResult[] = [];
    for (const [i, sections] of plan.entries()) {
      const volume = { number: i + 1, count: plan.length };
      const ticks: Promise<void>[] = [];
      results.push(
        await renderOnThread({ input: { ...input, sections }, volume, signing }, (fraction) => {
          ticks.push(progress(50 + (49 * (i + fraction)) / plan.length));
        }),
      );
      await Promise.all(ticks);
    }

    await db.transaction(async (tx) => {
      await tx.delete(dossierVolumes).where(eq(dossierVolumes.dossierId, dossier.id));
      await tx.delete(dossierManifestEntries).where(eq(dossierManifestEntries.dossierId, dossier.id));
      await tx.insert(dossierVolumes).values(
        results.map((r) => ({
          organizationId: dossier.organizationId,
          dossierId: dossier.id,
          volume: r.volume,
          sha256: r.sha256,
          unsignedSha256: r.unsignedSha256,
          sizeBytes: r.sizeBytes,
          pageCount: r.pageCount,
        })),
      );
      const manifest = results.flatMap((r) => r.manifest.map((m) => ({ organizationId: dossier.organizationId, dossierId: dossier.id, volume: r.volume, ...m })));
      // In slices: a large dossier lists thousands of files, past a statement's parameter limit.
      for (let i = 0; i < manifest.length; i += 500) await tx.insert(dossierManifestEntries).values(manifest.slice(i, i + 500));
      const done = await tx
        .update(dossiers)
        .set({
          status: "ready",
          progress: 100,
          completedAt: new Date(),
          signed: results.every((r) => r.signed),
          fileCount: new Set(manifest.map((m) => `${m.recordType}:${m.recordId}:${m.sha256}`)).size,
          recordCount: registers.reduce((n, r) => n + r.rows, 0),
        })
        .where(owned)
        .returning({ id: dossiers.id });
      // Another attempt took the dossier over (this one was presumed dead): its result stands, not ours.
      if (done.length === 0) throw new Error("dossier generation: the claim was lost to another attempt");
    });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * The dossier queue's handler. A dossier that is ready (or failed for good) is left alone, so a
 * duplicate job changes nothing. A failure is written to the row (with "will be retried" unless
 * this was the last attempt) and thrown, so the engine retries it with backoff. A certificate that
 * cannot sign fails at once: trying again cannot help until someone uploads another.
 */
export async function runDossierJob(db: Database, job: DossierJob, retryLimit: number, options: GenerateOptions = {}): Promise<void> {
  const dossier = await claim(db, job);
  if (!dossier) return;
  try {
    await generate(db, dossier, job, options);
  } catch (error) {
    const lastAttempt = job.retryCount >= retryLimit || error instanceof SigningError;
    const reason = error instanceof Error ? error.message : String(error);
    logger.error({ err: error, dossierId: dossier.id, attempt: job.retryCount + 1, lastAttempt }, "dossier generation failed");
    await db
      .update(dossiers)
      .set({ status: lastAttempt ? "failed" : "queued", error: reason.slice(0, 500), progress: 0 })
      .where(and(eq(dossiers.id, dossier.id), eq(dossiers.jobId, job.id), eq(dossiers.attempts, job.retryCount + 1), eq(dossiers.status, "generating")));
    if (error instanceof SigningError) return;
    throw error;
  }
}

/**
 * The dead-letter handler: a job the engine gave up on without the handler recording it (its
 * worker died on every attempt) leaves the dossier failed, with the reason, for the user to retry.
 */
export async function abandonDossier(db: Database, dossierId: string): Promise<void> {
  await db
    .update(dossiers)
    .set({ status: "failed", error: message("dossiers.errors.workerLost"), progress: 0 })
    .where(and(eq(dossiers.id, dossierId), inArray(dossiers.status, ["queued", "generating"])));
}

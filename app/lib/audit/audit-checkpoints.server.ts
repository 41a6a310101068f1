// Checkpoints of each organisation's audit chain head, made by the job engine: every day (the
// audit-checkpoint schedule) for every organisation whose head moved, and once for every dossier,
// which prints it. A checkpoint is sealed with an HMAC under the installation's checkpoint key and,
// when the organisation has an active signing certificate, signed with it as well.
//
// A checkpoint is only made over a chain that verifies (inspectOrganizationChain): a checkpoint of a
// chain already cut back would make the cut invisible. That first inspection is also where chains
// from before the keyed chain are vouched for: a checkpoint can only vouch for what the trail held
// when it was made, never for the time before.

import { createPrivateKey, sign } from "node:crypto";
import { asc, desc, eq } from "drizzle-orm";
import forge from "node-forge";
import { auditCheckpoints, organizations, type AuditCheckpoint } from "../../../db/schema";
import type { Database } from "~/lib/db-types.server";
import { logger } from "~/lib/logger.server";
import { readPkcs12 } from "~/lib/signing/pkcs12.server";
import { signingMaterialFor, SigningError } from "~/lib/signing/signing.server";
import { checkpointMac, checkpointPayload, checkpointSealProblem, type CheckpointFields } from "./audit-chain.server";
import { auditKeys } from "./audit-keys.server";
import { inspectOrganizationChain, type ChainProblem } from "./audit.server";

export type CheckpointOutcome = { ok: true; checkpoint: AuditCheckpoint; created: boolean } | { ok: false; problem: ChainProblem };

/**
 * The certificate signature over the checkpoint, when the organisation has a certificate that can
 * sign now. One that cannot (expired since its upload) leaves the checkpoint with its MAC only:
 * the trail's checkpoint must not wait for a new certificate.
 */
async function certificateSignature(db: Database, fields: CheckpointFields): Promise<{ signature: string; certificate: string } | null> {
  let material;
  try {
    material = await signingMaterialFor(db, fields.organizationId, fields.createdAt);
  } catch (error) {
    if (!(error instanceof SigningError)) throw error;
    logger.warn({ organizationId: fields.organizationId, err: error }, "audit checkpoint: the signing certificate cannot sign; sealed with the installation key only");
    return null;
  }
  if (!material) return null;
  const read = readPkcs12(Buffer.from(material.p12), material.passphrase, fields.createdAt);
  if (!read.ok) {
    logger.warn({ organizationId: fields.organizationId, error: read.error }, "audit checkpoint: the signing certificate cannot sign; sealed with the installation key only");
    return null;
  }
  const key = createPrivateKey(forge.pki.privateKeyToPem(read.identity.key));
  return {
    signature: sign("sha256", Buffer.from(checkpointPayload(fields)), key).toString("base64"),
    certificate: read.identity.certificate.toString("base64"),
  };
}

/**
 * Checkpoints the organisation's chain head as it is now, after verifying the chain. With a
 * dossier, the dossier's checkpoint: made on its first generation, the same one on every retry
 * (the dossier's bytes do not change). `onlyIfMoved`: nothing is made when the newest checkpoint
 * already names the head (the daily run).
 */
export async function makeCheckpoint(
  db: Database,
  organizationId: string,
  options: { reason: "scheduled" | "dossier"; dossierId?: string; onlyIfMoved?: boolean; at?: Date },
): Promise<CheckpointOutcome | null> {
  const existingFor = async (dossierId: string) =>
    (await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.dossierId, dossierId)))[0] ?? null;
  if (options.dossierId) {
    const existing = await existingFor(options.dossierId);
    if (existing) return { ok: true, checkpoint: existing, created: false };
  }
  // Nothing new since a checkpoint whose seal holds: no need to walk the whole trail again.
  if (options.onlyIfMoved) {
    const [org] = await db.select({ seq: organizations.auditHeadSeq, hash: organizations.auditHeadHash }).from(organizations).where(eq(organizations.id, organizationId));
    const [latest] = await db
      .select()
      .from(auditCheckpoints)
      .where(eq(auditCheckpoints.organizationId, organizationId))
      .orderBy(desc(auditCheckpoints.seq), desc(auditCheckpoints.createdAt))
      .limit(1);
    if (!org || org.seq === 0) return null;
    if (latest && latest.seq === org.seq && latest.headHash === org.hash && checkpointSealProblem(auditKeys().checkpoint, latest) === null) return null;
  }
  const report = await inspectOrganizationChain(db, organizationId);
  if (report.problem) return { ok: false, problem: report.problem };
  if (report.head.seq === 0) return null;
  if (options.onlyIfMoved && report.lastCheckpoint?.seq === report.head.seq && report.lastCheckpoint.headHash === report.head.hash) return null;
  // Milliseconds: what a JavaScript date holds, so the sealed time survives the round trip.
  const fields: CheckpointFields = {
    organizationId,
    seq: report.head.seq,
    headHash: report.head.hash,
    legacySeq: report.legacySeq,
    createdAt: new Date((options.at ?? new Date()).getTime()),
  };
  const signed = await certificateSignature(db, fields);
  const [created] = await db
    .insert(auditCheckpoints)
    .values({
      ...fields,
      reason: options.reason,
      dossierId: options.dossierId ?? null,
      mac: checkpointMac(auditKeys().checkpoint, fields),
      signature: signed?.signature ?? null,
      certificate: signed?.certificate ?? null,
    })
    // Two attempts at one dossier at once: the first checkpoint stands, the other reads it.
    .onConflictDoNothing()
    .returning();
  if (created) return { ok: true, checkpoint: created, created: true };
  const raced = options.dossierId ? await existingFor(options.dossierId) : null;
  if (!raced) throw new Error("audit checkpoint: insert returned nothing");
  return { ok: true, checkpoint: raced, created: false };
}

/**
 * The daily run: a checkpoint for every organisation whose head moved since its newest checkpoint.
 * An organisation whose chain does not verify gets none, and the failure is logged (the verifier
 * names it). Returns how many were made and which organisations failed.
 */
export async function checkpointAllOrganizations(db: Database): Promise<{ made: number; failed: { organizationId: string; problem: ChainProblem }[] }> {
  const orgs = await db.select({ id: organizations.id }).from(organizations).orderBy(asc(organizations.createdAt), asc(organizations.id));
  let made = 0;
  const failed: { organizationId: string; problem: ChainProblem }[] = [];
  for (const org of orgs) {
    const outcome = await makeCheckpoint(db, org.id, { reason: "scheduled", onlyIfMoved: true });
    if (!outcome) continue;
    if (outcome.ok) made += outcome.created ? 1 : 0;
    else {
      failed.push({ organizationId: org.id, problem: outcome.problem });
      logger.error({ organizationId: org.id, problem: outcome.problem }, "audit checkpoint refused: the organisation's audit chain does not verify (npm run audit:verify)");
    }
  }
  logger.info({ made, failed: failed.length }, "audit checkpoints made");
  return { made, failed };
}

/** The dossier's checkpoint, for the dossier job; see makeCheckpoint. */
export async function dossierCheckpoint(db: Database, organizationId: string, dossierId: string) {
  return makeCheckpoint(db, organizationId, { reason: "dossier", dossierId });
}

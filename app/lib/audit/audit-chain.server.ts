// The audit trail's hash chain and its checkpoints, as pure functions of the rows and the keys
// (audit-keys.server.ts): no database here, so the rules are tested without one.
//
// An event's hash covers its content and the previous event's hash. Plain SHA-256 can be recomputed
// by anyone who can write the database, so an edited event with every later hash recomputed would
// pass; since migration 0010 the hash is an HMAC-SHA-256 under a key held outside the database.
// Events written before that (seq up to the organisation's audit_legacy_seq) keep their SHA-256:
// they are vouched for by the first keyed event, which links to the last of them, and by checkpoints.

import { createHash, createHmac, timingSafeEqual, verify as verifySignature, X509Certificate } from "node:crypto";
import canonicalize from "canonicalize";

/** The first event of an organisation links to this instead of a previous hash. */
export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  organizationId: string;
  seq: number;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  occurredAt: Date;
  prevHash: string;
}

/**
 * The RFC 8785 canonical JSON of the event. Canonical form matters: jsonb reorders object keys, so
 * the hash must not depend on key order.
 */
export function eventPayload(fields: ChainedFields): string {
  return (
    canonicalize({
      organizationId: fields.organizationId,
      seq: fields.seq,
      actorUserId: fields.actorUserId,
      action: fields.action,
      entityType: fields.entityType,
      entityId: fields.entityId,
      before: fields.before ?? null,
      after: fields.after ?? null,
      occurredAt: fields.occurredAt.toISOString(),
      prevHash: fields.prevHash,
    }) ?? ""
  );
}

/** Plain SHA-256 of the payload: events written before the keyed chain (seq ≤ audit_legacy_seq). */
export function sha256EventHash(fields: ChainedFields): string {
  return createHash("sha256").update(eventPayload(fields)).digest("hex");
}

/** HMAC-SHA-256 of the payload under the installation's chain key: every event since. */
export function keyedEventHash(key: Buffer, fields: ChainedFields): string {
  return createHmac("sha256", key).update(eventPayload(fields)).digest("hex");
}

export interface ChainOptions {
  /** The chain key (auditKeys().chain). */
  key: Buffer;
  /** organizations.audit_legacy_seq: events up to it are plain SHA-256. */
  legacySeq: number;
}

/** The hash an event must carry: SHA-256 up to the cut-over, HMAC after it. */
export function expectedEventHash(options: ChainOptions, fields: ChainedFields): string {
  return fields.seq <= options.legacySeq ? sha256EventHash(fields) : keyedEventHash(options.key, fields);
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface ChainBreak {
  seq: number;
  eventId: string;
  reason: "hash_mismatch" | "prev_hash_mismatch" | "sequence_gap";
}

/**
 * Walks one organisation's events in sequence order and reports the first break, if any. A keyed
 * event whose hash is not the HMAC of its content is "hash_mismatch" at that event, whether the
 * content was edited or the hash replaced by a recomputed SHA-256.
 */
export function verifyChain(events: (ChainedFields & { id: string; hash: string })[], options: ChainOptions): ChainBreak | null {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const event of events) {
    if (event.seq !== expectedSeq) return { seq: event.seq, eventId: event.id, reason: "sequence_gap" };
    if (event.prevHash !== prevHash) return { seq: event.seq, eventId: event.id, reason: "prev_hash_mismatch" };
    if (!sameHex(expectedEventHash(options, event), event.hash)) return { seq: event.seq, eventId: event.id, reason: "hash_mismatch" };
    prevHash = event.hash;
    expectedSeq += 1;
  }
  return null;
}

// Checkpoints.

/** What a checkpoint states, and what its MAC and signature cover. */
export interface CheckpointFields {
  organizationId: string;
  seq: number;
  headHash: string;
  legacySeq: number;
  createdAt: Date;
}

export interface CheckpointSeal {
  mac: string;
  signature: string | null;
  certificate: string | null;
}

/**
 * The signed bytes: canonical JSON of the statement "this organisation's chain had head `headHash`
 * at event `seq` at `createdAt`". A certifier can rebuild it from a dossier's printed values and
 * check the certificate signature with openssl (README, "Audit trail").
 */
export function checkpointPayload(fields: CheckpointFields): string {
  return (
    canonicalize({
      type: "tradeguard-audit-checkpoint",
      version: 1,
      organizationId: fields.organizationId,
      seq: fields.seq,
      headHash: fields.headHash,
      legacySeq: fields.legacySeq,
      createdAt: fields.createdAt.toISOString(),
    }) ?? ""
  );
}

export function checkpointMac(key: Buffer, fields: CheckpointFields): string {
  return createHmac("sha256", key).update(checkpointPayload(fields)).digest("hex");
}

/**
 * Why a checkpoint's seal does not hold, or null when it does: the MAC under the installation's
 * checkpoint key, and the certificate signature when there is one. Only the MAC proves the
 * installation made it (whoever writes the database could put in a certificate of their own); the
 * signature is what a certifier can check without our key.
 */
export function checkpointSealProblem(key: Buffer, checkpoint: CheckpointFields & CheckpointSeal): "mac" | "signature" | null {
  if (!sameHex(checkpointMac(key, checkpoint), checkpoint.mac)) return "mac";
  if (checkpoint.signature === null && checkpoint.certificate === null) return null;
  if (!checkpoint.signature || !checkpoint.certificate) return "signature";
  try {
    const certificate = new X509Certificate(Buffer.from(checkpoint.certificate, "base64"));
    const ok = verifySignature("sha256", Buffer.from(checkpointPayload(checkpoint)), certificate.publicKey, Buffer.from(checkpoint.signature, "base64"));
    return ok ? null : "signature";
  } catch {
    return "signature";
  }
}

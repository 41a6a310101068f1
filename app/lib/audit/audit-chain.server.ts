import { createHash } from "node:crypto";
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
 * SHA-256 over the RFC 8785 canonical JSON of the event. Canonical form matters: jsonb reorders
 * object keys, so the hash must not depend on key order.
 */
export function auditEventHash(fields: ChainedFields): string {
  const payload = canonicalize({
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
  });
  return createHash("sha256").update(payload ?? "").digest("hex");
}

export interface ChainBreak {
  seq: number;
  eventId: string;
  reason: "hash_mismatch" | "prev_hash_mismatch" | "sequence_gap";
}

/** Walks one organisation's events in sequence order and reports the first break, if any. */
export function verifyChain(events: (ChainedFields & { id: string; hash: string })[]): ChainBreak | null {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const event of events) {
    if (event.seq !== expectedSeq) return { seq: event.seq, eventId: event.id, reason: "sequence_gap" };
    if (event.prevHash !== prevHash) return { seq: event.seq, eventId: event.id, reason: "prev_hash_mismatch" };
    if (auditEventHash(event) !== event.hash) return { seq: event.seq, eventId: event.id, reason: "hash_mismatch" };
    prevHash = event.hash;
    expectedSeq += 1;
  }
  return null;
}

import { and, asc, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { auditCheckpoints, auditEvents, organizations, users } from "../../../db/schema";
import type { Database, Executor } from "../db-types.server";
import { checkpointSealProblem, keyedEventHash, verifyChain, type ChainBreak } from "./audit-chain.server";
import { auditKeys } from "./audit-keys.server";
import { AUDIT_PAGE_SIZE } from "./audit-schema";

export type AuditAction = "create" | "update" | "delete";

export interface AuditInput {
  organizationId: string;
  actorUserId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

// Secrets never enter the trail, whatever record they ride on.
const SECRET_FIELDS = new Set(["passwordHash", "tokenHash", "password"]);

function snapshot(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (SECRET_FIELDS.has(key) ? undefined : v)));
}

/**
 * Appends one event to the organisation's chain, hashed with the installation's chain key. Call it
 * inside the transaction that makes the change: the organisation row is locked, so concurrent
 * writers append one after the other.
 */
export async function recordAudit(tx: Executor, input: AuditInput): Promise<void> {
  const [head] = await tx
    .select({ seq: organizations.auditHeadSeq, hash: organizations.auditHeadHash })
    .from(organizations)
    .where(eq(organizations.id, input.organizationId))
    .for("update");
  if (!head) throw new Error(`recordAudit: organization ${input.organizationId} not found`);
  const fields = {
    organizationId: input.organizationId,
    seq: head.seq + 1,
    actorUserId: input.actorUserId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: snapshot(input.before),
    after: snapshot(input.after),
    // Millisecond precision: PGlite stores no finer, and the hash must survive the round trip.
    occurredAt: new Date(),
    prevHash: head.hash,
  };
  const hash = keyedEventHash(auditKeys().chain, fields);
  await tx.insert(auditEvents).values({ ...fields, hash });
  await tx
    .update(organizations)
    .set({ auditHeadSeq: fields.seq, auditHeadHash: hash })
    .where(eq(organizations.id, input.organizationId));
}

/**
 * Appends many events in one go (an import of thousands of records): the chain is computed in
 * memory after one lock of the organisation row, inserted in chunks, and the head moved once.
 * Same events, same hashes as appending them one by one.
 */
export async function recordAuditBatch(tx: Executor, organizationId: string, inputs: readonly Omit<AuditInput, "organizationId">[]): Promise<void> {
  if (!inputs.length) return;
  const [head] = await tx
    .select({ seq: organizations.auditHeadSeq, hash: organizations.auditHeadHash })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for("update");
  if (!head) throw new Error(`recordAuditBatch: organization ${organizationId} not found`);
  let seq = head.seq;
  let prevHash = head.hash;
  const rows = [];
  for (const input of inputs) {
    seq += 1;
    const fields = {
      organizationId,
      seq,
      actorUserId: input.actorUserId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: snapshot(input.before),
      after: snapshot(input.after),
      occurredAt: new Date(),
      prevHash,
    };
    const hash = keyedEventHash(auditKeys().chain, fields);
    rows.push({ ...fields, hash });
    prevHash = hash;
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(auditEvents).values(rows.slice(i, i + 500));
  await tx.update(organizations).set({ auditHeadSeq: seq, auditHeadHash: prevHash }).where(eq(organizations.id, organizationId));
}

export interface AuditFilter {
  entityType?: string;
  action?: AuditAction;
  actorUserId?: string;
  from?: Date;
  to?: Date;
}


export async function listAuditEvents(db: Database, orgId: string, filter: AuditFilter, page = 1) {
  const conditions: SQL[] = [eq(auditEvents.organizationId, orgId)];
  if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.actorUserId) conditions.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) conditions.push(lt(auditEvents.occurredAt, filter.to));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditEvents.id,
        seq: auditEvents.seq,
        action: auditEvents.action,
        entityType: auditEvents.entityType,
        entityId: auditEvents.entityId,
        before: auditEvents.before,
        after: auditEvents.after,
        occurredAt: auditEvents.occurredAt,
        hash: auditEvents.hash,
        actorName: users.name,
        actorEmail: users.email,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(where)
      .orderBy(desc(auditEvents.seq))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ value: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

export async function listAuditEntityTypes(db: Database, orgId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ entityType: auditEvents.entityType })
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, orgId))
    .orderBy(asc(auditEvents.entityType));
  return rows.map((r) => r.entityType);
}

export type ChainProblemReason =
  | ChainBreak["reason"]
  /** The stored head does not name the last event (events after it, or the last ones missing). */
  | "head_mismatch"
  /** No events at all, though the head or a checkpoint says there were. */
  | "wiped"
  /** The chain ends before a checkpoint's event: a tail was cut off and the head moved back. */
  | "behind_checkpoint"
  /** The chain's event at a checkpoint's seq is not the one the checkpoint saw (or the cut-over moved). */
  | "checkpoint_mismatch"
  /** A checkpoint whose MAC or signature does not hold: not made by this installation, or altered. */
  | "checkpoint_invalid";

export interface ChainProblem {
  seq: number;
  eventId: string | null;
  reason: ChainProblemReason;
  /** For the checkpoint reasons: when the checkpoint that contradicts the trail was made. */
  checkpointAt?: Date;
}

export type ChainStatus = { ok: true; events: number } | { ok: false; events: number; problem: ChainProblem };

export interface CheckpointSummary {
  seq: number;
  headHash: string;
  createdAt: Date;
  reason: "scheduled" | "dossier";
  /** Signed with the organisation's certificate as well as sealed with the installation key. */
  certificateSigned: boolean;
}

/** Everything the verifier finds out about one organisation's trail. */
export interface ChainReport {
  events: number;
  /** Events from before the keyed chain (plain SHA-256). */
  legacyEvents: number;
  head: { seq: number; hash: string };
  legacySeq: number;
  /** Checkpoints whose seal holds. */
  checkpoints: number;
  /** The newest of them (highest seq, then latest). */
  lastCheckpoint: CheckpointSummary | null;
  /** When the oldest of them was made. */
  firstCheckpointAt: Date | null;
  /**
   * When the first keyed event was written: a time the HMAC vouches for, so proof that this
   * installation had its key by then (meaningful when there is no problem).
   */
  firstKeyedAt: Date | null;
  problem: ChainProblem | null;
}

/**
 * Recomputes every hash of one organisation's chain (SHA-256 up to the cut-over, HMAC after it),
 * compares the end with the stored head, checks every checkpoint's seal, and holds the chain
 * against every checkpoint. The first problem is reported; the rows are read in one snapshot, so
 * an event appended meanwhile cannot look like a broken head.
 */
export async function inspectOrganizationChain(db: Database, orgId: string): Promise<ChainReport> {
  const keys = auditKeys();
  const { org, events, checkpoints } = await db.transaction(
    async (tx) => {
      const [org] = await tx
        .select({ seq: organizations.auditHeadSeq, hash: organizations.auditHeadHash, legacySeq: organizations.auditLegacySeq })
        .from(organizations)
        .where(eq(organizations.id, orgId));
      const events = await tx.select().from(auditEvents).where(eq(auditEvents.organizationId, orgId)).orderBy(asc(auditEvents.seq));
      const checkpoints = await tx
        .select()
        .from(auditCheckpoints)
        .where(eq(auditCheckpoints.organizationId, orgId))
        .orderBy(asc(auditCheckpoints.seq), asc(auditCheckpoints.createdAt));
      return { org, events, checkpoints };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  const head = org ? { seq: org.seq, hash: org.hash } : { seq: 0, hash: "" };
  const legacySeq = org?.legacySeq ?? 0;
  const sealed = checkpoints.filter((c) => checkpointSealProblem(keys.checkpoint, c) === null);
  const newest = sealed.reduce<(typeof sealed)[number] | null>((best, c) => (!best || c.seq > best.seq || (c.seq === best.seq && c.createdAt > best.createdAt) ? c : best), null);
  const report: ChainReport = {
    events: events.length,
    legacyEvents: events.filter((e) => e.seq <= legacySeq).length,
    head,
    legacySeq,
    checkpoints: sealed.length,
    lastCheckpoint: newest && {
      seq: newest.seq,
      headHash: newest.headHash,
      createdAt: newest.createdAt,
      reason: newest.reason,
      certificateSigned: newest.signature !== null,
    },
    firstCheckpointAt: sealed.reduce<Date | null>((first, c) => (!first || c.createdAt < first ? c.createdAt : first), null),
    firstKeyedAt: events.find((e) => e.seq > legacySeq)?.occurredAt ?? null,
    problem: null,
  };
  const fail = (problem: ChainProblem): ChainReport => ({ ...report, problem });
  if (!org) return fail({ seq: 0, eventId: null, reason: "head_mismatch" });

  // A trail that is gone entirely, though the head or a checkpoint says it existed.
  const promised = Math.max(head.seq, ...sealed.map((c) => c.seq));
  if (events.length === 0 && promised > 0) return fail({ seq: promised, eventId: null, reason: "wiped" });

  const broken = verifyChain(events, { key: keys.chain, legacySeq });
  if (broken) return fail(broken);
  const last = events.at(-1);
  if ((last?.seq ?? 0) !== head.seq || (last ? last.hash !== head.hash : false)) {
    return fail({ seq: head.seq, eventId: null, reason: "head_mismatch" });
  }

  const forged = checkpoints.find((c) => !sealed.includes(c));
  if (forged) return fail({ seq: forged.seq, eventId: null, reason: "checkpoint_invalid", checkpointAt: forged.createdAt });
  if (newest && newest.seq > (last?.seq ?? 0)) return fail({ seq: newest.seq, eventId: null, reason: "behind_checkpoint", checkpointAt: newest.createdAt });
  const bySeq = new Map(events.map((e) => [e.seq, e]));
  for (const checkpoint of sealed) {
    if (checkpoint.seq === 0) continue;
    const event = bySeq.get(checkpoint.seq);
    if (checkpoint.legacySeq !== legacySeq || event?.hash !== checkpoint.headHash) {
      return fail({ seq: checkpoint.seq, eventId: event?.id ?? null, reason: "checkpoint_mismatch", checkpointAt: checkpoint.createdAt });
    }
  }
  return report;
}

/** The verdict of inspectOrganizationChain, as the audit page and the tests read it. */
export async function verifyOrganizationChain(db: Database, orgId: string): Promise<ChainStatus> {
  const report = await inspectOrganizationChain(db, orgId);
  if (!report.problem) return { ok: true, events: report.events };
  const { checkpointAt: _at, ...problem } = report.problem;
  return { ok: false, events: report.events, problem };
}

/** The event with this seq, for comparing a printed checkpoint with the trail. */
export async function auditEventAt(db: Database, orgId: string, seq: number) {
  const [row] = await db
    .select({ id: auditEvents.id, seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, orgId), eq(auditEvents.seq, seq)));
  return row ?? null;
}

export async function listOrganizationIds(db: Database) {
  return db
    .select({ id: organizations.id, nameEn: organizations.legalNameEn, nameZh: organizations.legalNameZh })
    .from(organizations)
    .orderBy(asc(organizations.createdAt));
}

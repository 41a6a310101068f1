import { and, asc, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { auditEvents, organizations, users } from "../../../db/schema";
import type { Database, Executor } from "../db.server";
import { auditEventHash, verifyChain, type ChainBreak } from "./audit-chain.server";
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
 * Appends one event to the organisation's chain. Call it inside the transaction that makes the
 * change: the organisation row is locked, so concurrent writers append one after the other.
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
  const hash = auditEventHash(fields);
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
    const hash = auditEventHash(fields);
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

export type ChainStatus =
  | { ok: true; events: number }
  | { ok: false; events: number; problem: ChainBreak | { seq: number; eventId: null; reason: "head_mismatch" } };

/** Recomputes every hash of one organisation's chain and compares the end with the stored head. */
export async function verifyOrganizationChain(db: Database, orgId: string): Promise<ChainStatus> {
  const [org] = await db
    .select({ seq: organizations.auditHeadSeq, hash: organizations.auditHeadHash })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const events = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, orgId))
    .orderBy(asc(auditEvents.seq));
  const problem = verifyChain(events);
  if (problem) return { ok: false, events: events.length, problem };
  const last = events.at(-1);
  if (!org || (last?.seq ?? 0) !== org.seq || (last ? last.hash !== org.hash : false)) {
    return { ok: false, events: events.length, problem: { seq: org?.seq ?? 0, eventId: null, reason: "head_mismatch" } };
  }
  return { ok: true, events: events.length };
}

export async function listOrganizationIds(db: Database) {
  return db
    .select({ id: organizations.id, nameEn: organizations.legalNameEn, nameZh: organizations.legalNameZh })
    .from(organizations)
    .orderBy(asc(organizations.createdAt));
}

import { and, asc, eq, inArray } from "drizzle-orm";
import { memberships, sealEvents, seals, users } from "../../../db/schema";
import { recordAuditBatch } from "../audit/audit.server";
import { can, rolesWith, type Role } from "../auth/permissions";
import type { Database, Executor } from "../db-types.server";
import { refused } from "../form.server";
import { message } from "../i18n/messages";
import { nextRunningNumber } from "../organizations/running-number.server";
import { expandSealRange } from "./seal-numbers";
import type { IssueSealsValues } from "./seal-schema";
import { addEvent, lockSealById, moveSeal, rangeError, someNumbers, stepOrError, type SealActor } from "./seal-writes.server";

// Custody: seals handed to a named member, returned to stock or voided, and who may hold them.

/** Who may hold seals: the roles that record seal events (apply, verify, return), never an auditor. */
const custodianRoles: readonly Role[] = rolesWith("seals.record");

async function activeMember(tx: Executor, orgId: string, userId: string) {
  const [row] = await tx
    .select({ id: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId), eq(memberships.status, "active")));
  return row ?? null;
}

/**
 * Hands seals (one or a range) to a named member, who then holds them until applied or returned.
 * `now` is when (the clock, or the demo seed's history).
 */
export async function issueSeals(db: Database, actor: SealActor, values: IssueSealsValues, now = new Date()) {
  const range = expandSealRange(values.fromNumber, values.toNumber);
  if (!range.ok) return refused(rangeError(range));
  return db.transaction(async (tx) => {
    const member = await activeMember(tx, actor.organizationId, values.custodianUserId);
    if (!member) return refused({ custodianUserId: message("errors.choose") });
    if (!can(member.role, "seals.record")) return refused({ custodianUserId: message("seals.errors.custodianRole", { name: member.name }) });
    const rows = await tx
      .select()
      .from(seals)
      .where(and(eq(seals.organizationId, actor.organizationId), inArray(seals.number, range.numbers)))
      .orderBy(asc(seals.number))
      .for("update");
    const found = new Set(rows.map((r) => r.number));
    const unknown = range.numbers.filter((n) => !found.has(n));
    if (unknown.length)
      return refused({ fromNumber: message("seals.errors.unknownNumbers", { count: unknown.length, numbers: someNumbers(unknown) }) });
    for (const seal of rows) {
      const step = stepOrError(seal, "issue");
      if (!step.ok) return refused({ fromNumber: step.error });
    }
    // A range is one update, one insert and one batch of audit events, as a receipt is: handing out
    // a box of 1,000 seals must not take a thousand round trips each way.
    const issued = await tx
      .update(seals)
      .set({ status: "issued", custodianUserId: member.id, updatedAt: now })
      .where(
        and(
          eq(seals.organizationId, actor.organizationId),
          inArray(
            seals.id,
            rows.map((r) => r.id),
          ),
        ),
      )
      .returning();
    const first = await nextRunningNumber(tx, actor.organizationId, sealEvents);
    const events = await tx
      .insert(sealEvents)
      .values(
        rows.map((seal, i) => ({
          organizationId: actor.organizationId,
          number: first + i,
          sealId: seal.id,
          kind: "issued" as const,
          occurredAt: now,
          siteId: seal.siteId,
          custodianUserId: member.id,
          recordedByUserId: actor.userId,
          note: values.note ?? "",
        })),
      )
      .returning();
    const before = new Map(rows.map((r) => [r.id, r]));
    await recordAuditBatch(tx, actor.organizationId, [
      ...issued.map((after) => ({
        actorUserId: actor.userId,
        action: "update" as const,
        entityType: "seal",
        entityId: after.id,
        before: before.get(after.id) ?? null,
        after,
      })),
      ...events.map((e) => ({
        actorUserId: actor.userId,
        action: "create" as const,
        entityType: "seal_event",
        entityId: e.id,
        before: null,
        after: e,
      })),
    ]);
    return { ok: true as const, count: rows.length, custodian: member.name, sealId: rows[0]?.id ?? "" };
  });
}

export async function returnSeal(db: Database, actor: SealActor, sealId: string, note: string | undefined) {
  return db.transaction(async (tx) => {
    const seal = await lockSealById(tx, actor.organizationId, sealId);
    if (!seal) return null;
    const step = stepOrError(seal, "return");
    if (!step.ok) return refused({ form: step.error });
    await moveSeal(tx, actor, seal, { status: "in_stock", custodianUserId: null });
    await addEvent(tx, actor, {
      sealId: seal.id,
      kind: "returned",
      occurredAt: new Date(),
      siteId: seal.siteId,
      custodianUserId: seal.custodianUserId,
      note: note ?? "",
    });
    return { ok: true as const };
  });
}

export async function voidSeal(db: Database, actor: SealActor, sealId: string, reason: string) {
  return db.transaction(async (tx) => {
    const seal = await lockSealById(tx, actor.organizationId, sealId);
    if (!seal) return null;
    const step = stepOrError(seal, "void");
    if (!step.ok) return refused({ form: step.error });
    await moveSeal(tx, actor, seal, { status: "voided", custodianUserId: null });
    await addEvent(tx, actor, {
      sealId: seal.id,
      kind: "voided",
      occurredAt: new Date(),
      siteId: seal.siteId,
      custodianUserId: seal.custodianUserId,
      note: reason,
    });
    return { ok: true as const };
  });
}

/** The seals a person holds, for the application form's picker. */
export async function sealsInCustodyOf(db: Database, orgId: string, userId: string) {
  return db
    .select({ id: seals.id, number: seals.number })
    .from(seals)
    .where(and(eq(seals.organizationId, orgId), eq(seals.custodianUserId, userId), eq(seals.status, "issued")))
    .orderBy(asc(seals.number))
    .limit(200);
}

export async function custodianOptions(db: Database, orgId: string) {
  return db
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.status, "active"), inArray(memberships.role, [...custodianRoles])))
    .orderBy(asc(users.name));
}

import { and, desc, eq } from "drizzle-orm";
import { sealEventPhotos, sealEvents, seals, type Seal } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Executor } from "../db-types.server";
import { evidenceRecordTypes, type EvidenceRecordTypeKey } from "../evidence/evidence-registry";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import type { FieldErrors } from "../form.server";
import { localDateTimeInZone, zonedDateTimeToUtc } from "../i18n/format";
import { message } from "../i18n/messages";
import { resolveCriterionRefs } from "../inspections/templates.server";
import { nextRunningNumber } from "../organizations/running-number.server";
import { isUuid } from "../value-checks";
import { sealStep, type SealRefusal, type SealStatus, type SealStep } from "./seal-lifecycle";
import { MAX_RANGE, type RangeOutcome } from "./seal-numbers";
import type { Actor } from "../auth/actor";

// The seal log: models, receiving, custody, application, VVTT verification, reports, voiding and
// audits. Every step locks the seal row (FOR UPDATE) and asks the state machine before it writes,
// so two people applying the same seal at once end with one application and one clear refusal.
// This module holds what every step shares (the actor, the clock check, locking, moving a seal,
// adding an event, the audit and evidence links); each kind of step has its own module:
// seal-stock (models, receiving), seal-custody, seal-application, seal-verification (VVTT and
// reports), seal-audits, and seal-queries (the log's lists, a seal's chain, the export).

export interface SealActor extends Actor {
  timeZone: string;
}

/** A clock a few minutes ahead on the phone is not an event in the future. */
export const FUTURE_SLACK_MS = 10 * 60 * 1000;

export function occurredAtOf(
  local: string | undefined,
  timeZone: string,
  now = new Date(),
): { ok: true; at: Date } | { ok: false; error: string } {
  if (!local) return { ok: true, at: now };
  const at = zonedDateTimeToUtc(local, timeZone);
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) return { ok: false, error: message("seals.errors.inFuture") };
  return { ok: true, at };
}

/**
 * A chain of custody only moves forward: an event dated before the seal's latest event (a seal
 * applied before it was issued, verified before it was applied) is refused with that event's time.
 */
export async function beforeLatestEvent(tx: Executor, actor: SealActor, sealId: string, at: Date): Promise<string | null> {
  const [latest] = await tx
    .select({ kind: sealEvents.kind, occurredAt: sealEvents.occurredAt })
    .from(sealEvents)
    .where(and(eq(sealEvents.organizationId, actor.organizationId), eq(sealEvents.sealId, sealId)))
    .orderBy(desc(sealEvents.occurredAt), desc(sealEvents.number))
    .limit(1);
  if (!latest || at.getTime() >= latest.occurredAt.getTime()) return null;
  return message("seals.errors.beforeLatest", {
    at: localDateTimeInZone(latest.occurredAt, actor.timeZone).replace("T", " "),
    kind: latest.kind,
  });
}

export function rangeError(outcome: Extract<RangeOutcome, { ok: false }>): FieldErrors {
  const field = outcome.field === "from" ? "fromNumber" : "toNumber";
  return { [field]: message(`seals.errors.range.${outcome.reason}`, { max: MAX_RANGE }) };
}

function refusalError(reason: SealRefusal, number: string): string {
  return message(`seals.refusal.${reason}`, { number });
}

/** A list of numbers for a message: the first few, then how many more. */
export function someNumbers(numbers: readonly string[]): string {
  const shown = numbers.slice(0, 5).join(", ");
  return numbers.length > 5 ? `${shown} (+${numbers.length - 5})` : shown;
}

export async function linkEvidence(tx: Executor, actor: SealActor, recordType: EvidenceRecordTypeKey, recordId: string, occurredAt: Date) {
  const resolved = await resolveCriterionRefs(tx, evidenceRecordTypes[recordType].feeds);
  await setEvidenceLinks(tx, { organizationId: actor.organizationId, userId: actor.userId, recordType, recordId, occurredAt }, [
    ...new Set(resolved.values()),
  ]);
}

export async function audit(
  tx: Executor,
  actor: SealActor,
  entityType: string,
  entityId: string,
  action: "create" | "update",
  before: unknown,
  after: unknown,
) {
  await recordAudit(tx, { organizationId: actor.organizationId, actorUserId: actor.userId, action, entityType, entityId, before, after });
}

type EventInput = Omit<typeof sealEvents.$inferInsert, "id" | "organizationId" | "number" | "recordedByUserId" | "createdAt">;

export async function addEvent(tx: Executor, actor: SealActor, input: EventInput, photos: readonly CheckedUpload[] = []) {
  const number = await nextRunningNumber(tx, actor.organizationId, sealEvents);
  const [event] = await tx
    .insert(sealEvents)
    .values({ ...input, organizationId: actor.organizationId, number, recordedByUserId: actor.userId })
    .returning();
  if (!event) throw new Error("addEvent: insert returned nothing");
  for (const photo of photos) {
    const file = await storeFile(tx, actor, photo);
    await tx
      .insert(sealEventPhotos)
      .values({ organizationId: actor.organizationId, eventId: event.id, fileId: file.id })
      .onConflictDoNothing();
  }
  await audit(tx, actor, "seal_event", event.id, "create", null, event);
  return event;
}

/** The seal with this number, locked for the rest of the transaction. */
export async function lockSealByNumber(tx: Executor, orgId: string, number: string) {
  const [seal] = await tx
    .select()
    .from(seals)
    .where(and(eq(seals.organizationId, orgId), eq(seals.number, number)))
    .for("update");
  return seal ?? null;
}

export async function lockSealById(tx: Executor, orgId: string, sealId: string) {
  if (!isUuid(sealId)) return null;
  const [seal] = await tx
    .select()
    .from(seals)
    .where(and(eq(seals.organizationId, orgId), eq(seals.id, sealId)))
    .for("update");
  return seal ?? null;
}

export async function moveSeal(tx: Executor, actor: SealActor, before: Seal, changes: Partial<typeof seals.$inferInsert>) {
  const [after] = await tx
    .update(seals)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(seals.organizationId, actor.organizationId), eq(seals.id, before.id)))
    .returning();
  if (!after) throw new Error("moveSeal: update returned nothing");
  await audit(tx, actor, "seal", before.id, "update", before, after);
  return after;
}

export function stepOrError(seal: Seal, step: SealStep): { ok: true; next: SealStatus } | { ok: false; error: string } {
  const outcome = sealStep(seal.status, step);
  return outcome.ok ? outcome : { ok: false, error: refusalError(outcome.reason, seal.number) };
}

import { subHours } from "date-fns";
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { createElement } from "react";
import {
  checklistTemplates,
  evidenceFiles,
  inspections,
  memberships,
  sealAudits,
  sealEventPhotos,
  sealEvents,
  sealModels,
  seals,
  sites,
  users,
  type OutboxEmail,
  type Seal,
  type SealAuditResult,
} from "../../../db/schema";
import { recordAudit, recordAuditBatch } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import { storeEmail } from "../email/email.server";
import { evidenceRecordTypes, type EvidenceRecordTypeKey } from "../evidence/evidence-registry";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { refused, type FieldErrors } from "../form.server";
import type { Locale } from "../i18n/config";
import { createI18n } from "../i18n/translations.server";
import { endOfDayInZone, formatDateTime, startOfDayInZone, zonedDateTimeToUtc } from "../i18n/format";
import { message } from "../i18n/messages";
import { getInspectionView } from "../inspections/inspections.server";
import { resolveCriterionRefs } from "../inspections/templates.server";
import { nextRunningNumber } from "../organizations/running-number.server";
import { isUuid } from "../value-checks";
import type { SealListFilter } from "./seal-filter";
import { sealStep, type SealStatus, type SealStep } from "./seal-lifecycle";
import { expandSealRange, MAX_RANGE, parseCountedNumbers, type RangeOutcome } from "./seal-numbers";
import { reconcileSeals } from "./seal-reconciliation";
import type {
  ApplySealValues,
  IssueSealsValues,
  ReceiveSealsValues,
  ReportSealValues,
  SealAuditValues,
  SealModelValues,
  VerifySealValues,
} from "./seal-schema";

// The seal log: models, receiving, custody, application, VVTT verification, reports, voiding and
// audits. Every step locks the seal row (FOR UPDATE) and asks the state machine before it writes,
// so two people applying the same seal at once end with one application and one clear refusal.

export interface SealActor {
  organizationId: string;
  userId: string;
  timeZone: string;
}

/** A clock a few minutes ahead on the phone is not an event in the future. */
const FUTURE_SLACK_MS = 10 * 60 * 1000;
/** A 7-point inspection this recent counts as the one before sealing. */
export const INSPECTION_LINK_HOURS = 24;

function occurredAtOf(
  local: string | undefined,
  timeZone: string,
  now = new Date(),
): { ok: true; at: Date } | { ok: false; error: string } {
  if (!local) return { ok: true, at: now };
  const at = zonedDateTimeToUtc(local, timeZone);
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) return { ok: false, error: message("seals.errors.inFuture") };
  return { ok: true, at };
}

function rangeError(outcome: Extract<RangeOutcome, { ok: false }>): FieldErrors {
  const field = outcome.field === "from" ? "fromNumber" : "toNumber";
  return { [field]: message(`seals.errors.range.${outcome.reason}`, { max: MAX_RANGE }) };
}

function refusalError(reason: string, number: string): string {
  return message(`seals.refusal.${reason}`, { number });
}

/** A list of numbers for a message: the first few, then how many more. */
function someNumbers(numbers: readonly string[]): string {
  const shown = numbers.slice(0, 5).join(", ");
  return numbers.length > 5 ? `${shown} (+${numbers.length - 5})` : shown;
}

async function linkEvidence(tx: Executor, actor: SealActor, recordType: EvidenceRecordTypeKey, recordId: string, occurredAt: Date) {
  const resolved = await resolveCriterionRefs(tx, evidenceRecordTypes[recordType].feeds);
  await setEvidenceLinks(tx, { organizationId: actor.organizationId, userId: actor.userId, recordType, recordId, occurredAt }, [
    ...new Set(resolved.values()),
  ]);
}

async function audit(
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

async function addEvent(tx: Executor, actor: SealActor, input: EventInput, photos: readonly CheckedUpload[] = []) {
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
async function lockSealByNumber(tx: Executor, orgId: string, number: string) {
  const [seal] = await tx
    .select()
    .from(seals)
    .where(and(eq(seals.organizationId, orgId), eq(seals.number, number)))
    .for("update");
  return seal ?? null;
}

async function lockSealById(tx: Executor, orgId: string, sealId: string) {
  if (!isUuid(sealId)) return null;
  const [seal] = await tx
    .select()
    .from(seals)
    .where(and(eq(seals.organizationId, orgId), eq(seals.id, sealId)))
    .for("update");
  return seal ?? null;
}

async function moveSeal(tx: Executor, actor: SealActor, before: Seal, changes: Partial<typeof seals.$inferInsert>) {
  const [after] = await tx
    .update(seals)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(seals.organizationId, actor.organizationId), eq(seals.id, before.id)))
    .returning();
  if (!after) throw new Error("moveSeal: update returned nothing");
  await audit(tx, actor, "seal", before.id, "update", before, after);
  return after;
}

function stepOrError(seal: Seal, step: SealStep): { ok: true; next: SealStatus } | { ok: false; error: string } {
  const outcome = sealStep(seal.status, step);
  return outcome.ok ? outcome : { ok: false, error: refusalError(outcome.reason, seal.number) };
}

// ---- models ----

export async function listSealModels(db: Executor, orgId: string) {
  return db
    .select({
      model: sealModels,
      certificate: { id: evidenceFiles.id, sha256: evidenceFiles.sha256, originalName: evidenceFiles.originalName },
    })
    .from(sealModels)
    .leftJoin(evidenceFiles, and(eq(evidenceFiles.organizationId, orgId), eq(evidenceFiles.id, sealModels.certificateFileId)))
    .where(eq(sealModels.organizationId, orgId))
    .orderBy(desc(sealModels.active), asc(sealModels.manufacturer), asc(sealModels.modelName));
}

export async function createSealModel(db: Database, actor: SealActor, values: SealModelValues, certificate: CheckedUpload | null) {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: sealModels.id })
      .from(sealModels)
      .where(
        and(
          eq(sealModels.organizationId, actor.organizationId),
          eq(sealModels.manufacturer, values.manufacturer),
          eq(sealModels.modelName, values.modelName),
        ),
      );
    if (existing) return refused({ modelName: message("seals.errors.modelExists") });
    const file = certificate ? await storeFile(tx, actor, certificate) : null;
    const [model] = await tx
      .insert(sealModels)
      .values({
        organizationId: actor.organizationId,
        manufacturer: values.manufacturer,
        modelName: values.modelName,
        type: values.type,
        isoClass: values.isoClass,
        certificateFileId: file?.id ?? null,
        certificateDate: values.certificateDate ?? null,
        createdByUserId: actor.userId,
      })
      .returning();
    if (!model) throw new Error("createSealModel: insert returned nothing");
    await audit(tx, actor, "seal_model", model.id, "create", null, model);
    if (file)
      await linkEvidence(
        tx,
        actor,
        "seal_model",
        model.id,
        values.certificateDate ? new Date(`${values.certificateDate}T00:00:00Z`) : new Date(),
      );
    return { ok: true as const, id: model.id };
  });
}

export async function setSealModelActive(db: Database, actor: SealActor, modelId: string, active: boolean) {
  if (!isUuid(modelId)) return false;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(sealModels)
      .where(and(eq(sealModels.organizationId, actor.organizationId), eq(sealModels.id, modelId)))
      .for("update");
    if (!before) return false;
    const [after] = await tx
      .update(sealModels)
      .set({ active, updatedAt: new Date() })
      .where(and(eq(sealModels.organizationId, actor.organizationId), eq(sealModels.id, modelId)))
      .returning();
    await audit(tx, actor, "seal_model", modelId, "update", before, after);
    return true;
  });
}

// ---- receiving and custody ----

/** Takes a range of new seals into stock: one multi-row insert, refused whole when any number exists. */
export async function receiveSeals(db: Database, actor: SealActor, values: ReceiveSealsValues) {
  const range = expandSealRange(values.fromNumber, values.toNumber);
  if (!range.ok) return refused(rangeError(range));
  const when = occurredAtOf(values.occurredAt, actor.timeZone);
  if (!when.ok) return refused({ occurredAt: when.error });
  return db.transaction(async (tx) => {
    const [model] = await tx
      .select()
      .from(sealModels)
      .where(and(eq(sealModels.organizationId, actor.organizationId), eq(sealModels.id, values.modelId)));
    if (!model || !model.active) return refused({ modelId: message("errors.choose") });
    if (values.siteId) {
      const [site] = await tx
        .select({ id: sites.id })
        .from(sites)
        .where(and(eq(sites.organizationId, actor.organizationId), eq(sites.id, values.siteId)));
      if (!site) return refused({ siteId: message("errors.choose") });
    }
    // Serialises receipts of one organisation, so two overlapping ranges cannot both pass the check.
    const first = await nextRunningNumber(tx, actor.organizationId, sealEvents);
    const taken = await tx
      .select({ number: seals.number })
      .from(seals)
      .where(and(eq(seals.organizationId, actor.organizationId), inArray(seals.number, range.numbers)))
      .orderBy(asc(seals.number));
    if (taken.length)
      return refused({
        fromNumber: message("seals.errors.numbersTaken", { count: taken.length, numbers: someNumbers(taken.map((t) => t.number)) }),
      });
    const created = await tx
      .insert(seals)
      .values(
        range.numbers.map((number) => ({
          organizationId: actor.organizationId,
          number,
          modelId: model.id,
          siteId: values.siteId ?? null,
          receivedAt: when.at,
        })),
      )
      .returning();
    const events = await tx
      .insert(sealEvents)
      .values(
        created.map((seal, i) => ({
          organizationId: actor.organizationId,
          number: first + i,
          sealId: seal.id,
          kind: "received" as const,
          occurredAt: when.at,
          recordedByUserId: actor.userId,
          siteId: seal.siteId,
          note: values.note ?? "",
        })),
      )
      .returning();
    await recordAuditBatch(tx, actor.organizationId, [
      ...created.map((s) => ({
        actorUserId: actor.userId,
        action: "create" as const,
        entityType: "seal",
        entityId: s.id,
        before: null,
        after: s,
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
    return { ok: true as const, count: created.length, first: range.numbers[0] ?? "", last: range.numbers.at(-1) ?? "" };
  });
}

async function activeMember(tx: Executor, orgId: string, userId: string) {
  const [row] = await tx
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId), eq(memberships.status, "active")));
  return row ?? null;
}

/** Hands seals (one or a range) to a named member, who then holds them until applied or returned. */
export async function issueSeals(db: Database, actor: SealActor, values: IssueSealsValues) {
  const range = expandSealRange(values.fromNumber, values.toNumber);
  if (!range.ok) return refused(rangeError(range));
  return db.transaction(async (tx) => {
    const member = await activeMember(tx, actor.organizationId, values.custodianUserId);
    if (!member) return refused({ custodianUserId: message("errors.choose") });
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
    const now = new Date();
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

// ---- application ----

/** The latest submitted 7-point (container) inspection of this container in the day before `at`. */
export async function latestContainerInspection(db: Executor, orgId: string, containerNumber: string, at: Date) {
  const [row] = await db
    .select({ id: inspections.id, number: inspections.number, occurredAt: inspections.occurredAt, result: inspections.result })
    .from(inspections)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId))
    .where(
      and(
        eq(inspections.organizationId, orgId),
        eq(inspections.status, "submitted"),
        eq(inspections.containerNumber, containerNumber),
        eq(checklistTemplates.kind, "container"),
        gte(inspections.occurredAt, subHours(at, INSPECTION_LINK_HOURS)),
        lt(inspections.occurredAt, new Date(at.getTime() + FUTURE_SLACK_MS)),
      ),
    )
    .orderBy(desc(inspections.occurredAt))
    .limit(1);
  return row ?? null;
}

export async function getInspectionForSealing(db: Executor, orgId: string, inspectionId: string) {
  if (!isUuid(inspectionId)) return null;
  const [row] = await db
    .select({
      id: inspections.id,
      number: inspections.number,
      status: inspections.status,
      containerNumber: inspections.containerNumber,
      occurredAt: inspections.occurredAt,
      result: inspections.result,
      kind: checklistTemplates.kind,
      siteId: inspections.siteId,
      header: inspections.header,
    })
    .from(inspections)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId))
    .where(and(eq(inspections.organizationId, orgId), eq(inspections.id, inspectionId)));
  return row ?? null;
}

export type ApplyOutcome = { ok: true; sealId: string; eventId: string } | { ok: false; errors: FieldErrors };

/**
 * Records a seal put on a container or trailer. Refused, with the reason on the field, for a number
 * not in the log, a seal already applied, voided or reported, a seal in someone else's custody, or
 * a non-H seal on a loaded export container (ISO 17712, CTPAT 6.2).
 */
export async function applySeal(
  db: Database,
  actor: SealActor,
  values: ApplySealValues,
  photos: readonly CheckedUpload[],
): Promise<ApplyOutcome> {
  const when = occurredAtOf(values.occurredAt, actor.timeZone);
  if (!when.ok) return refused({ occurredAt: when.error });
  if (!photos.length) return refused({ photo: message("seals.errors.photoRequired") });
  // A container whose 7-point inspection failed with actions still open is not sealed for loading.
  // Read before the transaction: PGlite has one connection, and the view is a read of its own.
  const candidate =
    values.inspectionId ??
    (values.targetKind === "container"
      ? (await latestContainerInspection(db, actor.organizationId, values.target, when.at))?.id
      : undefined);
  const view = candidate ? await getInspectionView(db, actor.organizationId, candidate) : null;
  if (view?.release.state === "blocked")
    return refused({ target: message("seals.errors.inspectionBlocked", { reference: view.reference }) });
  return db.transaction(async (tx) => {
    const seal = await lockSealByNumber(tx, actor.organizationId, values.sealNumber);
    if (!seal) return refused({ sealNumber: message("seals.errors.unknownNumber", { number: values.sealNumber }) });
    const step = stepOrError(seal, "apply");
    if (!step.ok) return refused({ sealNumber: step.error });
    if (seal.status === "issued" && seal.custodianUserId && seal.custodianUserId !== actor.userId) {
      const [holder] = await tx.select({ name: users.name }).from(users).where(eq(users.id, seal.custodianUserId));
      return refused({ sealNumber: message("seals.errors.otherCustodian", { number: seal.number, name: holder?.name ?? "" }) });
    }
    const [model] = await tx
      .select()
      .from(sealModels)
      .where(and(eq(sealModels.organizationId, actor.organizationId), eq(sealModels.id, seal.modelId)));
    if (values.loadedExport && model?.isoClass !== "H")
      return refused({ sealNumber: message("seals.errors.notHighSecurity", { number: seal.number, isoClass: model?.isoClass ?? "?" }) });

    let inspectionId: string | null = null;
    if (values.inspectionId) {
      const inspection = await getInspectionForSealing(tx, actor.organizationId, values.inspectionId);
      if (!inspection || inspection.status !== "submitted" || inspection.kind !== "container")
        return refused({ inspectionId: message("seals.errors.inspectionInvalid") });
      if (values.targetKind === "container" && inspection.containerNumber && inspection.containerNumber !== values.target)
        return refused({ target: message("seals.errors.inspectionOtherContainer", { container: inspection.containerNumber }) });
      inspectionId = inspection.id;
    } else if (values.targetKind === "container") {
      inspectionId = (await latestContainerInspection(tx, actor.organizationId, values.target, when.at))?.id ?? null;
    }

    let replaces: Seal | null = null;
    if (values.replacesSealId) {
      replaces = await lockSealById(tx, actor.organizationId, values.replacesSealId);
      if (!replaces || replaces.status !== "compromised") return refused({ replacesSealId: message("seals.errors.replacesInvalid") });
      if (replaces.target && replaces.target !== values.target)
        return refused({ target: message("seals.errors.replacesOtherTarget", { number: replaces.number, target: replaces.target }) });
    }

    const applied = {
      targetKind: values.targetKind,
      target: values.target,
      shipmentRef: values.shipmentRef ?? null,
      inspectionId,
    };
    await moveSeal(tx, actor, seal, {
      ...applied,
      status: "applied",
      appliedAt: when.at,
      appliedByUserId: actor.userId,
      custodianUserId: null,
    });
    const event = await addEvent(
      tx,
      actor,
      {
        ...applied,
        sealId: seal.id,
        kind: "applied",
        occurredAt: when.at,
        siteId: seal.siteId,
        replacesSealId: replaces?.id ?? null,
        note: values.note ?? "",
      },
      photos,
    );
    await linkEvidence(tx, actor, "seal_application", event.id, when.at);
    return { ok: true as const, sealId: seal.id, eventId: event.id };
  });
}

// ---- verification and reports ----

interface Notifier {
  organizationName: string;
  reporterName: string;
  /** The reporter's language, for the text of a report the app writes itself (a failed VVTT). */
  locale: Locale;
  /** Address of the seal's page, for the email's button. */
  sealUrl: (sealId: string) => string;
}

/** Security leads, or the owners and administrators when the organisation has none. */
async function reportRecipients(tx: Executor, orgId: string) {
  const rows = await tx
    .select({ email: users.email, name: users.name, locale: users.locale, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, orgId),
        eq(memberships.status, "active"),
        inArray(memberships.role, ["security_lead", "owner", "admin"]),
      ),
    )
    .orderBy(asc(users.email));
  const leads = rows.filter((r) => r.role === "security_lead");
  return leads.length ? leads : rows;
}

async function fileReport(
  tx: Executor,
  actor: SealActor,
  seal: Seal,
  report: { kind: (typeof sealEvents.$inferInsert)["reportKind"] & string; description: string; at: Date; relatedEventId: string | null },
  photos: readonly CheckedUpload[],
  notifier: Notifier,
) {
  // The template loads with the first email of its kind: react-email is too heavy for every start.
  const { SealReportEmail, sealReportSubject } = await import("../../../emails/seal-report");
  const recipients = await reportRecipients(tx, actor.organizationId);
  const event = await addEvent(
    tx,
    actor,
    {
      sealId: seal.id,
      kind: "reported",
      occurredAt: report.at,
      siteId: seal.siteId,
      targetKind: seal.targetKind,
      target: seal.target,
      shipmentRef: seal.shipmentRef,
      reportKind: report.kind,
      note: report.description,
      notified: recipients.map((r) => `${r.name} <${r.email}>`),
      relatedEventId: report.relatedEventId,
    },
    photos,
  );
  const emails: OutboxEmail[] = [];
  for (const recipient of recipients) {
    const locale = recipient.locale ?? "zh-CN";
    const props = {
      locale,
      organizationName: notifier.organizationName,
      sealNumber: seal.number,
      reportKind: report.kind,
      target: seal.target ?? "",
      description: report.description,
      reporterName: notifier.reporterName,
      occurredAt: formatDateTime(report.at, locale, actor.timeZone),
      url: notifier.sealUrl(seal.id),
    };
    emails.push(
      await storeEmail(tx, {
        organizationId: actor.organizationId,
        kind: "seal_report",
        to: recipient.email,
        subject: sealReportSubject(props),
        element: createElement(SealReportEmail, props),
      }),
    );
  }
  await linkEvidence(tx, actor, "seal_report", event.id, report.at);
  return { event, emails };
}

export type VerifyOutcome = { ok: true; sealId: string; passed: boolean; reported: boolean } | { ok: false; errors: FieldErrors };

/**
 * VVTT (CTPAT 6.7): view, verify the number against the documents, tug, twist. All four passed and
 * the document number equal to the seal's: the seal stays applied (departure) or arrives (arrival).
 * Anything failed: the seal is compromised and a report goes to the security lead at once.
 */
export async function verifySeal(
  db: Database,
  actor: SealActor,
  values: VerifySealValues,
  photos: readonly CheckedUpload[],
  notifier: Notifier,
): Promise<VerifyOutcome> {
  const when = occurredAtOf(values.occurredAt, actor.timeZone);
  if (!when.ok) return refused({ occurredAt: when.error });
  const result = await db.transaction(async (tx) => {
    const seal = await lockSealByNumber(tx, actor.organizationId, values.sealNumber);
    if (!seal)
      return { outcome: refused({ sealNumber: message("seals.errors.unknownNumber", { number: values.sealNumber }) }), emails: [] };
    const numberMatches = values.documentNumber === seal.number;
    const checks = {
      viewOk: values.view === "pass",
      verifyOk: values.verify === "pass" && numberMatches,
      tugOk: values.tug === "pass",
      twistOk: values.twist === "pass",
    };
    const passed = checks.viewOk && checks.verifyOk && checks.tugOk && checks.twistOk;
    const step = stepOrError(seal, passed ? (values.stage === "arrival" ? "verify_arrival" : "verify_departure") : "verify_failed");
    if (!step.ok) return { outcome: refused({ sealNumber: step.error }), emails: [] };
    await moveSeal(tx, actor, seal, { status: step.next });
    const event = await addEvent(
      tx,
      actor,
      {
        sealId: seal.id,
        kind: "verified",
        occurredAt: when.at,
        siteId: seal.siteId,
        targetKind: seal.targetKind,
        target: seal.target,
        stage: values.stage,
        ...checks,
        documentNumber: values.documentNumber,
        passed,
        note: values.note ?? "",
      },
      photos,
    );
    await linkEvidence(tx, actor, "seal_verification", event.id, when.at);
    if (passed) return { outcome: { ok: true as const, sealId: seal.id, passed, reported: false }, emails: [] };
    const failedChecks = (["view", "verify", "tug", "twist"] as const).filter((c) => !checks[`${c}Ok`]);
    const kind = !numberMatches ? "number_mismatch" : checks.tugOk && checks.twistOk && checks.viewOk ? "discrepancy" : "broken";
    const { t } = createI18n(notifier.locale);
    const description = [
      t("seals.verify.autoReport", {
        stage: t(`seals.stage.${values.stage}`),
        checks: failedChecks.map((c) => t(`seals.vvtt.${c}.short`)).join(t("common.listSeparator")),
      }),
      numberMatches ? "" : t("seals.verify.autoMismatch", { number: seal.number, document: values.documentNumber }),
      values.note ?? "",
    ]
      .filter(Boolean)
      .join(" ");
    const { emails } = await fileReport(tx, actor, seal, { kind, description, at: when.at, relatedEventId: event.id }, [], notifier);
    return { outcome: { ok: true as const, sealId: seal.id, passed, reported: true }, emails };
  });
  return result.outcome;
}

export async function reportSeal(
  db: Database,
  actor: SealActor,
  values: ReportSealValues,
  photos: readonly CheckedUpload[],
  notifier: Notifier,
) {
  const when = occurredAtOf(values.occurredAt, actor.timeZone);
  if (!when.ok) return refused({ occurredAt: when.error });
  const result = await db.transaction(async (tx) => {
    const seal = await lockSealByNumber(tx, actor.organizationId, values.sealNumber);
    if (!seal)
      return { outcome: refused({ sealNumber: message("seals.errors.unknownNumber", { number: values.sealNumber }) }), emails: [] };
    const step = stepOrError(seal, "report");
    if (!step.ok) return { outcome: refused({ sealNumber: step.error }), emails: [] };
    await moveSeal(tx, actor, seal, { status: step.next });
    const { event, emails } = await fileReport(
      tx,
      actor,
      seal,
      { kind: values.reportKind, description: values.description, at: when.at, relatedEventId: null },
      photos,
      notifier,
    );
    return { outcome: { ok: true as const, sealId: seal.id, eventId: event.id, notified: emails.length }, emails };
  });
  return result.outcome;
}

/** Closes a report with what was done (the seal stays compromised: its record is the evidence). */
export async function resolveReport(db: Database, actor: SealActor, sealId: string, reportId: string, note: string) {
  return db.transaction(async (tx) => {
    const seal = await lockSealById(tx, actor.organizationId, sealId);
    if (!seal) return null;
    const [report] = await tx
      .select()
      .from(sealEvents)
      .where(
        and(
          eq(sealEvents.organizationId, actor.organizationId),
          eq(sealEvents.id, reportId),
          eq(sealEvents.sealId, seal.id),
          eq(sealEvents.kind, "reported"),
        ),
      );
    if (!report) return refused({ form: message("seals.errors.reportNotFound") });
    const [closed] = await tx
      .select({ id: sealEvents.id })
      .from(sealEvents)
      .where(
        and(eq(sealEvents.organizationId, actor.organizationId), eq(sealEvents.kind, "resolved"), eq(sealEvents.relatedEventId, report.id)),
      );
    if (closed) return refused({ form: message("seals.errors.reportClosed") });
    await addEvent(tx, actor, {
      sealId: seal.id,
      kind: "resolved",
      occurredAt: new Date(),
      siteId: seal.siteId,
      relatedEventId: report.id,
      note,
    });
    return { ok: true as const };
  });
}

// ---- reading ----

export const SEALS_PAGE_SIZE = 50;

function listConditions(orgId: string, filter: SealListFilter, timeZone: string): SQL[] {
  const conditions: SQL[] = [eq(seals.organizationId, orgId)];
  if (filter.site) conditions.push(eq(seals.siteId, filter.site));
  if (filter.status) conditions.push(eq(seals.status, filter.status));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(seals.number, pattern), ilike(seals.target, pattern), ilike(seals.shipmentRef, pattern)) as SQL);
  }
  if (filter.from || filter.to) {
    // A seal belongs to a date range when anything happened to it then.
    const range: SQL[] = [eq(sealEvents.organizationId, orgId), eq(sealEvents.sealId, seals.id)];
    if (filter.from) range.push(gte(sealEvents.occurredAt, startOfDayInZone(filter.from, timeZone)));
    if (filter.to) range.push(lt(sealEvents.occurredAt, endOfDayInZone(filter.to, timeZone)));
    conditions.push(sql`exists (select 1 from ${sealEvents} where ${and(...range)})`);
  }
  return conditions;
}

export async function listSeals(
  db: Database,
  orgId: string,
  filter: SealListFilter,
  timeZone: string,
  page: { limit: number | null; offset: number },
) {
  const where = and(...listConditions(orgId, filter, timeZone));
  const custodian = alias(users, "custodian");
  const applier = alias(users, "applier");
  const query = db
    .select({
      seal: seals,
      modelName: sealModels.modelName,
      manufacturer: sealModels.manufacturer,
      isoClass: sealModels.isoClass,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
      custodianName: custodian.name,
      appliedByName: applier.name,
      inspectionNumber: inspections.number,
    })
    .from(seals)
    .innerJoin(sealModels, eq(sealModels.id, seals.modelId))
    .leftJoin(sites, eq(sites.id, seals.siteId))
    .leftJoin(custodian, eq(custodian.id, seals.custodianUserId))
    .leftJoin(applier, eq(applier.id, seals.appliedByUserId))
    .leftJoin(inspections, eq(inspections.id, seals.inspectionId))
    .where(where)
    .orderBy(desc(seals.updatedAt), asc(seals.number))
    .$dynamic();
  const rows = page.limit === null ? await query : await query.limit(page.limit).offset(page.offset);
  const [total] = await db.select({ n: count() }).from(seals).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findSealIdByNumber(db: Database, orgId: string, number: string) {
  const [row] = await db
    .select({ id: seals.id })
    .from(seals)
    .where(and(eq(seals.organizationId, orgId), eq(seals.number, number)));
  return row?.id ?? null;
}

/** The whole chain of custody of one seal: every event with who, when, where and its photos. */
export async function getSealChain(db: Database, orgId: string, sealId: string) {
  if (!isUuid(sealId)) return null;
  const custodian = alias(users, "custodian");
  const [head] = await db
    .select({
      seal: seals,
      model: sealModels,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
      custodianName: custodian.name,
      inspectionNumber: inspections.number,
    })
    .from(seals)
    .innerJoin(sealModels, eq(sealModels.id, seals.modelId))
    .leftJoin(sites, eq(sites.id, seals.siteId))
    .leftJoin(custodian, eq(custodian.id, seals.custodianUserId))
    .leftJoin(inspections, eq(inspections.id, seals.inspectionId))
    .where(and(eq(seals.organizationId, orgId), eq(seals.id, sealId)));
  if (!head) return null;
  const recorder = alias(users, "recorder");
  const holder = alias(users, "holder");
  const replaced = alias(seals, "replaced");
  const events = await db
    .select({
      event: sealEvents,
      recordedByName: recorder.name,
      custodianName: holder.name,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
      inspectionNumber: inspections.number,
      replacesNumber: replaced.number,
    })
    .from(sealEvents)
    .innerJoin(recorder, eq(recorder.id, sealEvents.recordedByUserId))
    .leftJoin(holder, eq(holder.id, sealEvents.custodianUserId))
    .leftJoin(sites, eq(sites.id, sealEvents.siteId))
    .leftJoin(inspections, eq(inspections.id, sealEvents.inspectionId))
    .leftJoin(replaced, eq(replaced.id, sealEvents.replacesSealId))
    .where(and(eq(sealEvents.organizationId, orgId), eq(sealEvents.sealId, sealId)))
    .orderBy(asc(sealEvents.occurredAt), asc(sealEvents.number));
  const eventIds = events.map((e) => e.event.id);
  const photos = eventIds.length
    ? await db
        .select({
          eventId: sealEventPhotos.eventId,
          fileId: evidenceFiles.id,
          sha256: evidenceFiles.sha256,
          originalName: evidenceFiles.originalName,
        })
        .from(sealEventPhotos)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, sealEventPhotos.fileId))
        .where(and(eq(sealEventPhotos.organizationId, orgId), inArray(sealEventPhotos.eventId, eventIds)))
        .orderBy(asc(sealEventPhotos.createdAt))
    : [];
  // A seal that later replaced this one on the same container (after a broken-seal report).
  const replacedBy = await db
    .select({ id: seals.id, number: seals.number })
    .from(sealEvents)
    .innerJoin(seals, eq(seals.id, sealEvents.sealId))
    .where(and(eq(sealEvents.organizationId, orgId), eq(sealEvents.replacesSealId, sealId)));
  const resolvedIds = new Set(events.filter((e) => e.event.kind === "resolved").map((e) => e.event.relatedEventId));
  return {
    ...head,
    events: events.map((e) => ({
      ...e,
      photos: photos.filter((p) => p.eventId === e.event.id),
      open: e.event.kind === "reported" && !resolvedIds.has(e.event.id),
    })),
    replacedBy,
  };
}

/** Seals applied on the strength of an inspection, for the inspection's page. */
export async function sealsForInspection(db: Database, orgId: string, inspectionId: string) {
  if (!isUuid(inspectionId)) return [];
  return db
    .select({ id: seals.id, number: seals.number, status: seals.status, appliedAt: seals.appliedAt })
    .from(seals)
    .where(and(eq(seals.organizationId, orgId), eq(seals.inspectionId, inspectionId)))
    .orderBy(asc(seals.appliedAt));
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
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.status, "active")))
    .orderBy(asc(users.name));
}

/** Reports without a closing note, newest first: the dashboard's card and the log's banner. */
export async function openSealReports(db: Database, orgId: string, limit = 5) {
  const resolved = alias(sealEvents, "resolved");
  const where = and(eq(sealEvents.organizationId, orgId), eq(sealEvents.kind, "reported"), isNull(resolved.id));
  const rows = await db
    .select({
      id: sealEvents.id,
      sealId: seals.id,
      sealNumber: seals.number,
      reportKind: sealEvents.reportKind,
      target: sealEvents.target,
      occurredAt: sealEvents.occurredAt,
    })
    .from(sealEvents)
    .innerJoin(seals, eq(seals.id, sealEvents.sealId))
    .leftJoin(resolved, and(eq(resolved.organizationId, orgId), eq(resolved.kind, "resolved"), eq(resolved.relatedEventId, sealEvents.id)))
    .where(where)
    .orderBy(desc(sealEvents.occurredAt))
    .limit(limit);
  const [total] = await db
    .select({ n: count() })
    .from(sealEvents)
    .leftJoin(resolved, and(eq(resolved.organizationId, orgId), eq(resolved.kind, "resolved"), eq(resolved.relatedEventId, sealEvents.id)))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

// ---- audits ----

export async function runSealAudit(db: Database, actor: SealActor, values: SealAuditValues) {
  const parsed = parseCountedNumbers(values.counted);
  if (parsed.invalid.length) return refused({ counted: message("seals.errors.countedInvalid", { numbers: someNumbers(parsed.invalid) }) });
  return db.transaction(async (tx) => {
    if (values.siteId) {
      const [site] = await tx
        .select({ id: sites.id })
        .from(sites)
        .where(and(eq(sites.organizationId, actor.organizationId), eq(sites.id, values.siteId)));
      if (!site) return refused({ siteId: message("errors.choose") });
    }
    const atSite = and(eq(seals.organizationId, actor.organizationId), values.siteId ? eq(seals.siteId, values.siteId) : undefined);
    const registered = await tx
      .select({ number: seals.number, status: seals.status, custodian: users.name })
      .from(seals)
      .leftJoin(users, eq(users.id, seals.custodianUserId))
      .where(atSite);
    const [received] = await tx
      .select({ n: count() })
      .from(sealEvents)
      .innerJoin(seals, eq(seals.id, sealEvents.sealId))
      .where(and(atSite, eq(sealEvents.kind, "received")));
    // A counted number the site's log does not hold may still be a seal of another site.
    const result: SealAuditResult = reconcileSeals(registered, received?.n ?? 0, parsed.numbers);
    const number = await nextRunningNumber(tx, actor.organizationId, sealAudits);
    const [row] = await tx
      .insert(sealAudits)
      .values({
        organizationId: actor.organizationId,
        number,
        siteId: values.siteId ?? null,
        performedByUserId: actor.userId,
        performedAt: new Date(),
        countedNumbers: parsed.numbers,
        result,
        balanced: result.balanced,
        note: values.note ?? "",
      })
      .returning();
    if (!row) throw new Error("runSealAudit: insert returned nothing");
    await audit(tx, actor, "seal_audit", row.id, "create", null, row);
    await linkEvidence(tx, actor, "seal_audit", row.id, row.performedAt);
    return { ok: true as const, id: row.id };
  });
}

/** Seal audits, newest first, of a site and a date range (days in the organisation's zone); limit null: all. */
export async function listSealAudits(
  db: Database,
  orgId: string,
  filter: Pick<SealListFilter, "site" | "from" | "to">,
  timeZone: string,
  limit: number | null = 200,
) {
  const conditions: SQL[] = [eq(sealAudits.organizationId, orgId)];
  if (filter.site) conditions.push(eq(sealAudits.siteId, filter.site));
  if (filter.from) conditions.push(gte(sealAudits.performedAt, startOfDayInZone(filter.from, timeZone)));
  if (filter.to) conditions.push(lt(sealAudits.performedAt, endOfDayInZone(filter.to, timeZone)));
  const query = db
    .select({ audit: sealAudits, siteNameZh: sites.nameZh, siteNameEn: sites.nameEn, performedByName: users.name })
    .from(sealAudits)
    .innerJoin(users, eq(users.id, sealAudits.performedByUserId))
    .leftJoin(sites, eq(sites.id, sealAudits.siteId))
    .where(and(...conditions))
    .orderBy(desc(sealAudits.performedAt), desc(sealAudits.number));
  return limit === null ? query : query.limit(limit);
}

export async function getSealAudit(db: Database, orgId: string, auditId: string) {
  if (!isUuid(auditId)) return null;
  const [row] = await db
    .select({ audit: sealAudits, siteNameZh: sites.nameZh, siteNameEn: sites.nameEn, performedByName: users.name })
    .from(sealAudits)
    .innerJoin(users, eq(users.id, sealAudits.performedByUserId))
    .leftJoin(sites, eq(sites.id, sealAudits.siteId))
    .where(and(eq(sealAudits.organizationId, orgId), eq(sealAudits.id, auditId)));
  return row ?? null;
}

/**
 * Every step of the filtered seals' chains, oldest first, with who, where and the photos' SHA-256:
 * the seal log as a certifier reads it (CTPAT 6.1 A: receipt, issuance, affixing, seal ↔ shipment).
 * The date range applies to the steps themselves.
 */
export async function listSealEventsForExport(db: Database, orgId: string, filter: SealListFilter, timeZone: string) {
  const conditions: SQL[] = [eq(sealEvents.organizationId, orgId)];
  if (filter.site) conditions.push(eq(seals.siteId, filter.site));
  if (filter.status) conditions.push(eq(seals.status, filter.status));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(seals.number, pattern), ilike(seals.target, pattern), ilike(seals.shipmentRef, pattern)) as SQL);
  }
  if (filter.from) conditions.push(gte(sealEvents.occurredAt, startOfDayInZone(filter.from, timeZone)));
  if (filter.to) conditions.push(lt(sealEvents.occurredAt, endOfDayInZone(filter.to, timeZone)));
  const recorder = alias(users, "recorder");
  const holder = alias(users, "holder");
  const rows = await db
    .select({
      event: sealEvents,
      sealNumber: seals.number,
      recordedByName: recorder.name,
      custodianName: holder.name,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
      inspectionNumber: inspections.number,
      photos: sql<string>`(select string_agg(${evidenceFiles.sha256}, ' ' order by ${sealEventPhotos.createdAt}) from ${sealEventPhotos} join ${evidenceFiles} on ${evidenceFiles.id} = ${sealEventPhotos.fileId} where ${sealEventPhotos.eventId} = ${sealEvents.id})`,
    })
    .from(sealEvents)
    .innerJoin(seals, eq(seals.id, sealEvents.sealId))
    .innerJoin(recorder, eq(recorder.id, sealEvents.recordedByUserId))
    .leftJoin(holder, eq(holder.id, sealEvents.custodianUserId))
    .leftJoin(sites, eq(sites.id, sealEvents.siteId))
    .leftJoin(inspections, eq(inspections.id, sealEvents.inspectionId))
    .where(and(...conditions))
    .orderBy(asc(sealEvents.occurredAt), asc(sealEvents.number));
  return rows;
}

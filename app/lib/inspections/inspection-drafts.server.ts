import { and, asc, desc, eq, sql } from "drizzle-orm";
import {
  checklistTemplates,
  evidenceFiles,
  inspectionPhotos,
  inspections,
  type ChecklistTemplate,
  type Inspection,
} from "../../../db/schema";
import type { Database, Executor } from "../db-types.server";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { refused } from "../form.server";
import { localDateTimeInZone } from "../i18n/format";
import { message } from "../i18n/messages";
import type { Actor } from "../auth/actor";
import { answerField, noteField, SENSITIVE_FIELDS } from "./inspection-schema";
import type { Refusal } from "./inspection-records.server";
import { allItems, headerFieldKeys, type TemplateDefinition } from "./template-definition";
import { getTemplateVersion } from "./templates.server";

// Inspections from the first saved draft to the released record. A draft is the organisation's
// working copy of one person's form (typed values as typed, photos already stored); submitting
// checks it against its template version and turns it, in one transaction, into the record: the
// answers, a corrective action per failed point, the evidence links of every criterion its points
// feed, and the audit event. Drafts are not audited: the submitted record carries their content.
// This module holds the drafts; inspection-submission makes the record, inspection-release signs
// off and releases it, inspection-queries reads them, and inspection-records holds what they share.

export const MAX_PHOTOS_PER_POINT = 10;
export const MAX_PHOTOS_PER_INSPECTION = 80;
const DRAFT_VALUE_MAX = 2000;

export interface DraftPhoto {
  id: string;
  itemKey: string;
  fileId: string;
  sha256: string;
  sizeBytes: number;
  name: string;
}

export interface DraftInput {
  draftKey: string;
  templateId: string;
  values: Record<string, string | string[]>;
  photos: { itemKey: string; file: CheckedUpload }[];
}

/** Only the fields the template's form has, as strings, capped; never the sensitive ones. */
export function draftValuesOf(definition: TemplateDefinition, values: Record<string, string | string[]>): Record<string, string> {
  const allowed = new Set<string>(["siteId", "occurredAt", ...headerFieldKeys]);
  for (const item of allItems(definition)) {
    allowed.add(answerField(item.key));
    allowed.add(noteField(item.key));
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!allowed.has(key) || SENSITIVE_FIELDS.includes(key)) continue;
    const text = Array.isArray(value) ? value.join(" ") : value;
    if (text) out[key] = text.slice(0, DRAFT_VALUE_MAX);
  }
  return out;
}

export async function findInspectionByDraftKey(db: Executor, orgId: string, draftKey: string): Promise<Inspection | null> {
  const [row] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.organizationId, orgId), eq(inspections.draftKey, draftKey)));
  return row ?? null;
}

export async function listDraftPhotos(db: Executor, orgId: string, inspectionId: string): Promise<DraftPhoto[]> {
  return db
    .select({
      id: inspectionPhotos.id,
      itemKey: inspectionPhotos.itemKey,
      fileId: inspectionPhotos.fileId,
      sha256: evidenceFiles.sha256,
      sizeBytes: evidenceFiles.sizeBytes,
      name: evidenceFiles.originalName,
    })
    .from(inspectionPhotos)
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, inspectionPhotos.fileId))
    .where(and(eq(inspectionPhotos.organizationId, orgId), eq(inspectionPhotos.inspectionId, inspectionId)))
    .orderBy(asc(inspectionPhotos.createdAt), asc(inspectionPhotos.id));
}

export function photoCountsOf(photos: readonly { itemKey: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of photos) counts[p.itemKey] = (counts[p.itemKey] ?? 0) + 1;
  return counts;
}

type DraftOutcome =
  | { ok: true; inspection: Inspection; template: ChecklistTemplate; photos: DraftPhoto[] }
  | { ok: true; submittedId: string }
  | Refusal
  | null;

/**
 * Creates or updates the draft named by draftKey, inside the caller's transaction: values replace
 * the typed values (when given), photos are stored and attached. A key already submitted answers
 * with that inspection's id (a retry). Null when the template is not the organisation's to use.
 */
async function writeDraft(tx: Executor, actor: Actor, input: DraftInput & { replaceValues: boolean }): Promise<DraftOutcome> {
  const template = await getTemplateVersion(tx, actor.organizationId, input.templateId);
  if (!template) return null;
  await tx
    .insert(inspections)
    .values({
      organizationId: actor.organizationId,
      draftKey: input.draftKey,
      templateId: template.id,
      inspectorUserId: actor.userId,
    })
    .onConflictDoNothing();
  const [inspection] = await tx
    .select()
    .from(inspections)
    .where(and(eq(inspections.organizationId, actor.organizationId), eq(inspections.draftKey, input.draftKey)))
    .for("update");
  if (!inspection) throw new Error("writeDraft: draft vanished");
  if (inspection.status === "submitted") return { ok: true, submittedId: inspection.id };
  if (inspection.inspectorUserId !== actor.userId) return refused({ form: message("inspections.draftNotYours") });
  if (inspection.templateId !== template.id) return refused({ form: message("inspections.draftOtherTemplate") });

  const itemKeys = new Set(allItems(template.definition).map((i) => i.key));
  const existing = await listDraftPhotos(tx, actor.organizationId, inspection.id);
  const counts = photoCountsOf(existing);
  for (const photo of input.photos) {
    if (!itemKeys.has(photo.itemKey)) return refused({ form: message("errors.invalid") });
    counts[photo.itemKey] = (counts[photo.itemKey] ?? 0) + 1;
    if ((counts[photo.itemKey] ?? 0) > MAX_PHOTOS_PER_POINT) {
      return refused({ [`photo_${photo.itemKey}`]: message("inspections.tooManyPhotos", { max: MAX_PHOTOS_PER_POINT }) });
    }
  }
  if (existing.length + input.photos.length > MAX_PHOTOS_PER_INSPECTION) {
    return refused({ form: message("inspections.tooManyPhotosTotal", { max: MAX_PHOTOS_PER_INSPECTION }) });
  }
  for (const photo of input.photos) {
    const stored = await storeFile(tx, actor, photo.file);
    await tx
      .insert(inspectionPhotos)
      .values({
        organizationId: actor.organizationId,
        inspectionId: inspection.id,
        itemKey: photo.itemKey,
        fileId: stored.id,
        uploadedByUserId: actor.userId,
      })
      .onConflictDoNothing();
  }
  let current = inspection;
  if (input.replaceValues) {
    const [updated] = await tx
      .update(inspections)
      .set({ draftValues: draftValuesOf(template.definition, input.values), updatedAt: new Date() })
      .where(eq(inspections.id, inspection.id))
      .returning();
    if (updated) current = updated;
  }
  return { ok: true, inspection: current, template, photos: await listDraftPhotos(tx, actor.organizationId, inspection.id) };
}

/** Saves what was typed and photographed, unchecked: a draft keeps everything, right or wrong. */
export async function saveDraft(db: Database, actor: Actor, input: DraftInput): Promise<DraftOutcome> {
  return db.transaction((tx) => writeDraft(tx, actor, { ...input, replaceValues: true }));
}

/** Adds photos to a draft (the phone uploads each as soon as it is taken), keeping its values. */
export async function addDraftPhotos(db: Database, actor: Actor, input: Omit<DraftInput, "values">): Promise<DraftOutcome> {
  return db.transaction((tx) => writeDraft(tx, actor, { ...input, values: {}, replaceValues: false }));
}

export async function removeDraftPhoto(db: Database, actor: Actor, draftKey: string, photoId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const draft = await findInspectionByDraftKey(tx, actor.organizationId, draftKey);
    if (!draft || draft.status !== "draft" || draft.inspectorUserId !== actor.userId) return false;
    const removed = await tx
      .delete(inspectionPhotos)
      .where(
        and(
          eq(inspectionPhotos.organizationId, actor.organizationId),
          eq(inspectionPhotos.inspectionId, draft.id),
          eq(inspectionPhotos.id, photoId),
        ),
      )
      .returning({ id: inspectionPhotos.id });
    return removed.length > 0;
  });
}

/** Throws a draft away (its photos stay in the file store, unreferenced). Only its inspector may. */
export async function discardDraft(db: Database, actor: Actor, draftKey: string): Promise<boolean> {
  const removed = await db
    .delete(inspections)
    .where(
      and(
        eq(inspections.organizationId, actor.organizationId),
        eq(inspections.draftKey, draftKey),
        eq(inspections.status, "draft"),
        eq(inspections.inspectorUserId, actor.userId),
      ),
    )
    .returning({ id: inspections.id });
  return removed.length > 0;
}

/** A draft's form state for the page: typed values (with the time as the organisation's wall clock). */
export function draftFormValues(inspection: Inspection, timeZone: string): Record<string, string> {
  const values = { ...inspection.draftValues };
  if (!values.occurredAt && inspection.occurredAt) values.occurredAt = localDateTimeInZone(inspection.occurredAt, timeZone);
  return values;
}

export async function listOwnDrafts(db: Database, orgId: string, userId: string) {
  return db
    .select({
      id: inspections.id,
      draftKey: inspections.draftKey,
      updatedAt: inspections.updatedAt,
      templateCode: checklistTemplates.code,
      titleZh: checklistTemplates.titleZh,
      titleEn: checklistTemplates.titleEn,
      photos: sql<number>`(select count(*) from ${inspectionPhotos} where ${inspectionPhotos.inspectionId} = ${inspections.id})`.mapWith(
        Number,
      ),
    })
    .from(inspections)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId))
    .where(and(eq(inspections.organizationId, orgId), eq(inspections.status, "draft"), eq(inspections.inspectorUserId, userId)))
    .orderBy(desc(inspections.updatedAt));
}

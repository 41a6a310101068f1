import { addDays, format, parseISO } from "date-fns";
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import {
  checklistTemplates,
  correctiveActions,
  criteria,
  evidenceFiles,
  evidenceLinks,
  frameworks,
  inspectionAnswers,
  inspectionPhotos,
  inspections,
  sites,
  users,
  type ChecklistTemplate,
  type Inspection,
} from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Role } from "../auth/permissions";
import { LIST_COUNT_LIMIT, listTotal, type ListTotal } from "../db.server";
import type { Database, Executor } from "../db-types.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { refused, type FieldErrors } from "../form.server";
import { endOfDayInZone, localDateTimeInZone, startOfDayInZone, todayInZone, zonedDateTimeToUtc } from "../i18n/format";
import { message } from "../i18n/messages";
import { nextRunningNumber } from "../organizations/running-number.server";
import type { Actor } from "../organizations/organizations.server";
import {
  answerField,
  checkInspection,
  noteField,
  SENSITIVE_FIELDS,
  type CheckedInspection,
  type InspectionHeader,
} from "./inspection-schema";
import {
  canOverrideRelease,
  canRelease,
  canSignOff,
  inspectionReference,
  OVERRIDE_REASON_MIN,
  releaseState,
  type ReleaseState,
} from "./inspection-rules";
import type { InspectionListFilter } from "./inspection-filter";
import { allItems, headerFieldKeys, visibleItems, type TemplateDefinition } from "./template-definition";
import { getTemplateVersion, resolveCriterionRefs } from "./templates.server";

// Inspections from the first saved draft to the released record. A draft is the organisation's
// working copy of one person's form (typed values as typed, photos already stored); submitting
// checks it against its template version and turns it, in one transaction, into the record: the
// answers, a corrective action per failed point, the evidence links of every criterion its points
// feed, and the audit event. Drafts are not audited: the submitted record carries their content.

export const MAX_PHOTOS_PER_POINT = 10;
export const MAX_PHOTOS_PER_INSPECTION = 80;
/** A clock a few minutes ahead on the phone is not an inspection in the future. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;
const DRAFT_VALUE_MAX = 2000;

type Refusal = { ok: false; errors: FieldErrors };

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

export type SubmitOutcome = { ok: true; id: string; alreadySubmitted: boolean } | Refusal | null;

/**
 * Saves the draft (values and new photos), checks it against its template, and if it passes makes
 * it the record. A refused submit leaves the draft as saved and writes no record. Submitting a key
 * that is already submitted answers with that inspection, so a retry never makes a second one.
 */
export async function submitInspection(
  db: Database,
  actor: Actor & { timeZone: string },
  input: DraftInput,
  now = new Date(),
): Promise<SubmitOutcome> {
  const saved = await saveDraft(db, actor, input);
  if (!saved || !saved.ok) return saved;
  if ("submittedId" in saved) return { ok: true, id: saved.submittedId, alreadySubmitted: true };
  const { template, photos } = saved;
  const checked = checkInspection(template.definition, input.values, photoCountsOf(photos));
  if (!checked.ok) return checked;
  const errors: FieldErrors = {};
  const [site] = await db
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.organizationId, actor.organizationId), eq(sites.id, checked.data.siteId)));
  if (!site) errors.siteId = message("errors.choose");
  const occurredAt = zonedDateTimeToUtc(checked.data.occurredAt, actor.timeZone);
  if (occurredAt.getTime() > now.getTime() + FUTURE_SLACK_MS) errors.occurredAt = message("inspections.inFuture");
  if (Object.keys(errors).length) return refused(errors);
  return db.transaction(async (tx) => {
    const [draft] = await tx.select().from(inspections).where(eq(inspections.id, saved.inspection.id)).for("update");
    if (!draft) return null;
    // A concurrent submit of the same key got here first.
    if (draft.status === "submitted") return { ok: true as const, id: draft.id, alreadySubmitted: true };
    return {
      ok: true as const,
      id: await recordInspection(tx, actor, draft, template, checked.data, occurredAt, photos),
      alreadySubmitted: false,
    };
  });
}

async function recordInspection(
  tx: Executor,
  actor: Actor & { timeZone: string },
  draft: Inspection,
  template: ChecklistTemplate,
  data: CheckedInspection,
  occurredAt: Date,
  photos: DraftPhoto[],
): Promise<string> {
  const number = await nextRunningNumber(tx, actor.organizationId, inspections);
  const [record] = await tx
    .update(inspections)
    .set({
      status: "submitted",
      number,
      siteId: data.siteId,
      occurredAt,
      area: data.header.area ?? null,
      containerNumber: data.header.containerNumber ?? null,
      header: data.header as Record<string, unknown>,
      draftValues: {},
      result: data.failedPoints > 0 ? "fail" : "pass",
      failedPoints: data.failedPoints,
      releaseGate: template.definition.releaseGate,
      signoffRequired: template.definition.supervisorSignoff === "required",
      submittedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(inspections.id, draft.id))
    .returning();
  if (!record) throw new Error("recordInspection: update returned nothing");
  if (data.answers.length) {
    await tx.insert(inspectionAnswers).values(
      data.answers.map((a) => ({
        organizationId: actor.organizationId,
        inspectionId: record.id,
        itemKey: a.itemKey,
        value: a.value,
        failed: a.failed,
        note: a.note,
      })),
    );
  }
  // Photos of points the inspection did not end up showing (the reefer point of a dry container) go;
  // a photo of a point shown but left unanswered stays with the record.
  const shown = new Set(visibleItems(template.definition, data.header).map((i) => i.key));
  const stray = photos.filter((p) => !shown.has(p.itemKey));
  if (stray.length) {
    await tx.delete(inspectionPhotos).where(
      and(
        eq(inspectionPhotos.organizationId, actor.organizationId),
        inArray(
          inspectionPhotos.id,
          stray.map((p) => p.id),
        ),
      ),
    );
  }
  const kept = photos.filter((p) => !stray.includes(p));

  const items = new Map(allItems(template.definition).map((i) => [i.key, i]));
  const answeredItems = data.answers
    .filter((a) => a.value !== "na")
    .map((a) => items.get(a.itemKey))
    .filter((i) => i !== undefined);
  const resolved = await resolveCriterionRefs(
    tx,
    answeredItems.flatMap((i) => i.criteria),
  );
  await setEvidenceLinks(tx, { ...actor, recordType: "inspection", recordId: record.id, occurredAt }, [...new Set(resolved.values())]);

  const dueOn = format(addDays(parseISO(todayInZone(actor.timeZone, occurredAt)), template.definition.actionDueDays), "yyyy-MM-dd");
  const actionIds: string[] = [];
  for (const answer of data.answers.filter((a) => a.failed)) {
    const item = items.get(answer.itemKey);
    if (!item) continue;
    // The action belongs to the current Chinese standard's criterion where the point names one.
    const ref = item.criteria.find((c) => c.framework === "cn-2022-advanced") ?? item.criteria[0];
    const criterionId = ref ? (resolved.get(`${ref.framework}/${ref.key}`) ?? null) : null;
    const actionNumber = await nextRunningNumber(tx, actor.organizationId, correctiveActions);
    const [action] = await tx
      .insert(correctiveActions)
      .values({
        organizationId: actor.organizationId,
        number: actionNumber,
        sourceType: "inspection",
        sourceId: record.id,
        sourceItemKey: item.key,
        criterionId,
        title: `${item.number}. ${item.promptZh} / ${item.promptEn}`,
        description: answer.note ?? "",
        ownerUserId: actor.userId,
        dueOn,
        createdByUserId: actor.userId,
      })
      .returning();
    if (!action) throw new Error("recordInspection: action insert returned nothing");
    actionIds.push(action.id);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "corrective_action",
      entityId: action.id,
      after: action,
    });
  }
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "create",
    entityType: "inspection",
    entityId: record.id,
    after: {
      ...record,
      reference: inspectionReference(number),
      template: { code: template.code, version: template.version, titleZh: template.titleZh, titleEn: template.titleEn },
      answers: data.answers,
      photos: kept.map((p) => ({ itemKey: p.itemKey, sha256: p.sha256, name: p.name, sizeBytes: p.sizeBytes })),
      correctiveActionIds: actionIds,
    },
  });
  return record.id;
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

export const INSPECTIONS_PAGE_SIZE = 50;

function filterConditions(orgId: string, filter: InspectionListFilter, timeZone: string): SQL[] {
  const conditions: SQL[] = [eq(inspections.organizationId, orgId), eq(inspections.status, "submitted")];
  if (filter.site) conditions.push(eq(inspections.siteId, filter.site));
  if (filter.template) conditions.push(eq(checklistTemplates.code, filter.template));
  if (filter.result) conditions.push(eq(inspections.result, filter.result));
  if (filter.from) conditions.push(gte(inspections.occurredAt, startOfDayInZone(filter.from, timeZone)));
  if (filter.to) conditions.push(lt(inspections.occurredAt, endOfDayInZone(filter.to, timeZone)));
  if (filter.container) {
    const pattern = `%${filter.container
      .toUpperCase()
      .replace(/[\s\-/]/g, "")
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`${inspections.containerNumber} ilike ${pattern}`);
  }
  return conditions;
}

const openActionsOf =
  sql<number>`(select count(*) from ${correctiveActions} where ${correctiveActions.organizationId} = ${inspections.organizationId} and ${correctiveActions.sourceType} = 'inspection' and ${correctiveActions.sourceId} = ${inspections.id} and ${correctiveActions.status} in ('open', 'in_progress'))`.mapWith(
    Number,
  );

/** Submitted inspections, newest first, filtered; `limit` null for all (the CSV export). */
export async function listInspections(
  db: Database,
  orgId: string,
  filter: InspectionListFilter,
  timeZone: string,
  page: { limit: number | null; offset: number } = { limit: INSPECTIONS_PAGE_SIZE, offset: 0 },
) {
  const where = and(...filterConditions(orgId, filter, timeZone));
  const query = db
    .select({
      inspection: inspections,
      templateCode: checklistTemplates.code,
      templateVersion: checklistTemplates.version,
      templateTitleZh: checklistTemplates.titleZh,
      templateTitleEn: checklistTemplates.titleEn,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
      inspectorName: users.name,
      openActions: openActionsOf,
    })
    .from(inspections)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId))
    .leftJoin(sites, eq(sites.id, inspections.siteId))
    .innerJoin(users, eq(users.id, inspections.inspectorUserId))
    .where(where)
    .orderBy(desc(inspections.occurredAt), desc(inspections.number));
  const rows = page.limit === null ? await query : await query.limit(page.limit).offset(page.offset);
  // The export's count is its length. A page's is counted up to LIST_COUNT_LIMIT past it: at
  // 100,000 inspections 1 ms instead of a 48 ms parallel scan of all of them.
  let total: ListTotal = { total: rows.length, more: false };
  if (page.limit !== null) {
    const matching = db
      .select({ one: sql`1` })
      .from(inspections)
      .innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId))
      .where(where)
      .limit(page.offset + LIST_COUNT_LIMIT + 1)
      .as("matching");
    const [counted] = await db.select({ n: count() }).from(matching);
    total = listTotal(counted?.n, page.offset);
  }
  return { ...total, rows: rows.map((r) => ({ ...r, release: releaseOf(r.inspection, r.openActions) })) };
}

/** From the gate and sign-off the inspection copied from its template version on submit. */
function releaseOf(inspection: Inspection, openActions: number): ReleaseState {
  return releaseState({
    releaseGate: inspection.releaseGate,
    supervisorSignoff: inspection.signoffRequired ? "required" : "optional",
    signedOff: inspection.signedOffAt !== null,
    failedPoints: inspection.failedPoints,
    openActions,
    released: inspection.releasedAt !== null,
    overridden: inspection.releaseOverrideReason !== null,
  });
}

/** Everything the inspection's page shows. Null for a draft, another organisation's id or none. */
export async function getInspectionView(db: Database, orgId: string, inspectionId: string) {
  const [row] = await db
    .select({ inspection: inspections, template: checklistTemplates, siteNameZh: sites.nameZh, siteNameEn: sites.nameEn })
    .from(inspections)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId))
    .leftJoin(sites, eq(sites.id, inspections.siteId))
    .where(and(eq(inspections.organizationId, orgId), eq(inspections.id, inspectionId), eq(inspections.status, "submitted")));
  if (!row) return null;
  const { inspection } = row;
  const [answers, photos, actions, evidence] = await Promise.all([
    db
      .select()
      .from(inspectionAnswers)
      .where(and(eq(inspectionAnswers.organizationId, orgId), eq(inspectionAnswers.inspectionId, inspection.id))),
    listDraftPhotos(db, orgId, inspection.id),
    db
      .select({ action: correctiveActions, ownerName: users.name })
      .from(correctiveActions)
      .innerJoin(users, eq(users.id, correctiveActions.ownerUserId))
      .where(
        and(
          eq(correctiveActions.organizationId, orgId),
          eq(correctiveActions.sourceType, "inspection"),
          eq(correctiveActions.sourceId, inspection.id),
        ),
      )
      .orderBy(asc(correctiveActions.number)),
    db
      .select({
        frameworkCode: frameworks.code,
        key: criteria.key,
        code: criteria.code,
        level: criteria.level,
        part: criteria.part,
        titleZh: criteria.titleZh,
        titleEn: criteria.titleEn,
        position: criteria.position,
      })
      .from(evidenceLinks)
      .innerJoin(criteria, eq(criteria.id, evidenceLinks.criterionId))
      .innerJoin(frameworks, eq(frameworks.id, criteria.frameworkId))
      .where(
        and(eq(evidenceLinks.organizationId, orgId), eq(evidenceLinks.recordType, "inspection"), eq(evidenceLinks.recordId, inspection.id)),
      )
      .orderBy(asc(frameworks.code), asc(criteria.position)),
  ]);
  const peopleIds = [inspection.inspectorUserId, inspection.signedOffByUserId, inspection.releasedByUserId].filter((x): x is string => !!x);
  const people = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, peopleIds));
  const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? null) : null);
  const openActions = actions.filter((a) => a.action.status === "open" || a.action.status === "in_progress").length;
  return {
    inspection,
    reference: inspectionReference(inspection.number ?? 0),
    template: row.template,
    site: row.siteNameZh ? { nameZh: row.siteNameZh, nameEn: row.siteNameEn ?? "" } : null,
    header: inspection.header as InspectionHeader,
    answers,
    photos,
    actions,
    evidence,
    inspectorName: nameOf(inspection.inspectorUserId),
    signedOffByName: nameOf(inspection.signedOffByUserId),
    releasedByName: nameOf(inspection.releasedByUserId),
    release: releaseOf(inspection, openActions),
  };
}

export type InspectionView = NonNullable<Awaited<ReturnType<typeof getInspectionView>>>;

type ActorWithRole = Actor & { role: Role };

async function lockSubmitted(tx: Executor, orgId: string, inspectionId: string) {
  const [row] = await tx
    .select({ inspection: inspections, definition: checklistTemplates.definition })
    .from(inspections)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId))
    .where(and(eq(inspections.organizationId, orgId), eq(inspections.id, inspectionId), eq(inspections.status, "submitted")))
    .for("update", { of: inspections });
  return row ?? null;
}

async function openActionCount(tx: Executor, orgId: string, inspectionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(correctiveActions)
    .where(
      and(
        eq(correctiveActions.organizationId, orgId),
        eq(correctiveActions.sourceType, "inspection"),
        eq(correctiveActions.sourceId, inspectionId),
        inArray(correctiveActions.status, ["open", "in_progress"]),
      ),
    );
  return row?.n ?? 0;
}

/** Sign-off and release are the only changes a submitted inspection takes; each is audited. */
async function updateSubmitted(tx: Executor, actor: Actor, before: Inspection, changes: Partial<Inspection>) {
  const [after] = await tx
    .update(inspections)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(inspections.id, before.id))
    .returning();
  const reference = inspectionReference(before.number ?? 0);
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "update",
    entityType: "inspection",
    entityId: before.id,
    before: { ...before, reference },
    after: { ...after, reference },
  });
}

/** The supervisor's signature under an inspection: a supervisor other than the inspector, once. */
export async function signOffInspection(db: Database, actor: ActorWithRole, inspectionId: string, note: string | undefined) {
  return db.transaction(async (tx): Promise<{ ok: true } | Refusal | null> => {
    const row = await lockSubmitted(tx, actor.organizationId, inspectionId);
    if (!row) return null;
    const before = row.inspection;
    const facts = {
      inspectorUserId: before.inspectorUserId,
      signedOff: before.signedOffAt !== null,
      supervisorSignoff: row.definition.supervisorSignoff,
    };
    if (!canSignOff(actor.role, actor.userId, facts)) {
      return refused({ form: message(actor.userId === before.inspectorUserId ? "inspections.signOwn" : "inspections.signNotAllowed") });
    }
    await updateSubmitted(tx, actor, before, { signedOffByUserId: actor.userId, signedOffAt: new Date(), signoffNote: note ?? null });
    return { ok: true };
  });
}

/**
 * Marks a container or truck released for loading. With `overrideReason`, a supervisor releases
 * one that open corrective actions still block; the reason is stored and audited.
 */
export async function releaseInspection(db: Database, actor: ActorWithRole, inspectionId: string, overrideReason?: string) {
  return db.transaction(async (tx): Promise<{ ok: true } | Refusal | null> => {
    const row = await lockSubmitted(tx, actor.organizationId, inspectionId);
    if (!row) return null;
    const before = row.inspection;
    const state = releaseOf(before, await openActionCount(tx, actor.organizationId, inspectionId));
    if (overrideReason === undefined) {
      if (!canRelease(actor.role, state)) return refused({ form: message(`inspections.releaseRefused.${state.state}`) });
    } else {
      if (overrideReason.trim().length < OVERRIDE_REASON_MIN)
        return refused({ reason: message("inspections.overrideReasonShort", { min: OVERRIDE_REASON_MIN }) });
      if (!canOverrideRelease(actor.role, actor.userId, before.inspectorUserId, state)) {
        return refused({
          form: message(
            state.state !== "blocked"
              ? `inspections.releaseRefused.${state.state}`
              : actor.userId === before.inspectorUserId
                ? "inspections.overrideOwn"
                : "inspections.overrideNotAllowed",
          ),
        });
      }
    }
    await updateSubmitted(tx, actor, before, {
      releasedAt: new Date(),
      releasedByUserId: actor.userId,
      releaseOverrideReason: overrideReason?.trim() ?? null,
    });
    return { ok: true };
  });
}

/**
 * Submitted inspections the dashboard points at: waiting for a signature, or blocked from release.
 * The partial index inspections_needing_attention holds only gated containers not yet released and
 * inspections waiting for a required signature (at 100,000 inspections: about 190 rows, 1 ms),
 * so the work does not grow with the organisation's history.
 */
export async function inspectionsNeedingAttention(db: Database, orgId: string) {
  const rows = await db
    .select({
      id: inspections.id,
      number: inspections.number,
      occurredAt: inspections.occurredAt,
      containerNumber: inspections.containerNumber,
      header: inspections.header,
      failedPoints: inspections.failedPoints,
      signedOffAt: inspections.signedOffAt,
      releasedAt: inspections.releasedAt,
      releaseOverrideReason: inspections.releaseOverrideReason,
      releaseGate: inspections.releaseGate,
      signoffRequired: inspections.signoffRequired,
      titleZh: checklistTemplates.titleZh,
      titleEn: checklistTemplates.titleEn,
      openActions: openActionsOf,
    })
    .from(inspections)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId))
    .where(
      and(
        eq(inspections.organizationId, orgId),
        // The index's predicate, word for word, so the planner uses it.
        sql`(status = 'submitted' and ((release_gate and released_at is null) or (signoff_required and signed_off_at is null)))`,
        sql`((${inspections.signoffRequired} and ${inspections.signedOffAt} is null) or (${inspections.failedPoints} > 0 and ${openActionsOf} > 0))`,
      ),
    )
    .orderBy(desc(inspections.occurredAt))
    .limit(200);
  return rows.map((r) => ({
    ...r,
    reference: inspectionReference(r.number ?? 0),
    release: releaseState({
      releaseGate: r.releaseGate,
      supervisorSignoff: r.signoffRequired ? "required" : "optional",
      signedOff: r.signedOffAt !== null,
      failedPoints: r.failedPoints,
      openActions: r.openActions,
      released: r.releasedAt !== null,
      overridden: r.releaseOverrideReason !== null,
    }),
    awaitingSignoff: r.signoffRequired && r.signedOffAt === null,
  }));
}

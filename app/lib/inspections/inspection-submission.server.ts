import { addDays, format, parseISO } from "date-fns";
import { and, eq, inArray } from "drizzle-orm";
import { inspectionAnswers, inspectionPhotos, inspections, sites, type ChecklistTemplate, type Inspection } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { evidenceRecordTypes } from "../evidence/evidence-registry";
import { refused, type FieldErrors } from "../form.server";
import { todayInZone, zonedDateTimeToUtc } from "../i18n/format";
import { message } from "../i18n/messages";
import { nextRunningNumber } from "../organizations/running-number.server";
import type { Actor } from "../auth/actor";
import { photoCountsOf, saveDraft, type DraftInput, type DraftPhoto } from "./inspection-drafts.server";
import type { Refusal } from "./inspection-records.server";
import { checkInspection, type CheckedInspection } from "./inspection-schema";
import { inspectionReference } from "./inspection-rules";
import { inspectionActionTitles } from "../actions/action-titles";
import { raiseCorrectiveAction } from "../actions/raise-action.server";
import { allItems, visibleItems, type CriterionRef, type TemplateDefinition } from "./template-definition";
import { resolveCriterionRefs } from "./templates.server";

// Submitting a draft: checking it against its template and turning it into the record.

/** A clock a few minutes ahead on the phone is not an inspection in the future. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

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
      id: await recordInspection(tx, actor, draft, template, checked.data, occurredAt, photos, now),
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
  now: Date,
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
      submittedAt: now,
      updatedAt: now,
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
  const resolved = await resolveCriterionRefs(tx, [
    ...answeredItems.flatMap((i) => i.criteria),
    ...inspectionRecordRefs(template.definition, data.header.area ?? null),
  ]);
  await setEvidenceLinks(tx, { ...actor, recordType: "inspection", recordId: record.id, occurredAt }, [...new Set(resolved.values())]);

  const dueOn = format(addDays(parseISO(todayInZone(actor.timeZone, occurredAt)), template.definition.actionDueDays), "yyyy-MM-dd");
  const actionIds: string[] = [];
  for (const answer of data.answers.filter((a) => a.failed)) {
    const item = items.get(answer.itemKey);
    if (!item) continue;
    // The action belongs to the current Chinese standard's criterion where the point names one.
    const ref = item.criteria.find((c) => c.framework === "cn-2022-advanced") ?? item.criteria[0];
    const criterionId = ref ? (resolved.get(`${ref.framework}/${ref.key}`) ?? null) : null;
    // The inspector owns the finding (no assignment notice to themself).
    const action = await raiseCorrectiveAction(
      tx,
      actor,
      {
        sourceType: "inspection",
        sourceId: record.id,
        sourceItemKey: item.key,
        criterionId,
        // The title carries its context (the container or truck, the inspection, the finding), so it
        // reads on its own in a list of every action, a reminder or an export.
        title: inspectionActionTitles(
          {
            reference: inspectionReference(record.number ?? 0),
            target: record.containerNumber ?? data.header.truckPlate ?? null,
            // Both languages in the one stored title, as before.
            point: { number: item.number, promptZh: `${item.promptZh} / ${item.promptEn}`, promptEn: "" },
          },
          answer.note ?? "",
        ).zh,
        description: answer.note ?? "",
        ownerUserId: actor.userId,
        dueOn,
      },
      { now },
    );
    actionIds.push(action.id);
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

/**
 * What the inspection record itself evidences beside its points (the registry's inspection
 * mayFeed): a container or conveyance inspection on a checklist with an agricultural (pest) point
 * follows written security and agricultural inspection procedures (CTPAT 5.2); one that names the
 * area it was done in shows it took place in a controlled area (5.6).
 */
export function inspectionRecordRefs(definition: TemplateDefinition, area: string | null): CriterionRef[] {
  if (definition.kind !== "container" && definition.kind !== "conveyance") return [];
  const [procedures, controlledArea] = evidenceRecordTypes.inspection.mayFeed;
  const agricultural = allItems(definition).some((item) => item.criteria.some((c) => c.framework === "ctpat-msc" && c.key === "8.1"));
  return [...(agricultural ? [procedures] : []), ...(area?.trim() ? [controlledArea] : [])];
}

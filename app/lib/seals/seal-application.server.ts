import { subHours } from "date-fns";
import { and, desc, eq, gte, lt } from "drizzle-orm";
import { checklistTemplates, inspections, sealModels, users, type Seal } from "../../../db/schema";
import type { Database, Executor } from "../db-types.server";
import type { CheckedUpload } from "../evidence/file-store.server";
import { refused, type FieldErrors } from "../form.server";
import { message } from "../i18n/messages";
import { getInspectionView } from "../inspections/inspection-queries.server";
import { isUuid } from "../value-checks";
import type { ApplySealValues } from "./seal-schema";
import {
  addEvent,
  FUTURE_SLACK_MS,
  linkEvidence,
  lockSealById,
  lockSealByNumber,
  moveSeal,
  occurredAtOf,
  beforeLatestEvent,
  stepOrError,
  type SealActor,
} from "./seal-writes.server";

// Application: a seal put on a container or trailer, tied to the 7-point inspection before it.

/** A 7-point inspection this recent counts as the one before sealing. */
export const INSPECTION_LINK_HOURS = 24;

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
 * a seal that is not ISO 17712 class H on a container or trailer recorded as loaded (CN-2022 (44),
 * CTPAT 6.2: the rule follows the state the applier records, whatever the shipment's direction; an
 * empty one may take a lower class), or a seal of an H-class model whose ISO 17712 certificate is
 * not on file (CTPAT 6.5: the class is claimed, not proven, until it is uploaded on /seals/models).
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
    const early = await beforeLatestEvent(tx, actor, seal.id, when.at);
    if (early) return refused({ occurredAt: early });
    if (seal.status === "issued" && seal.custodianUserId && seal.custodianUserId !== actor.userId) {
      const [holder] = await tx.select({ name: users.name }).from(users).where(eq(users.id, seal.custodianUserId));
      return refused({ sealNumber: message("seals.errors.otherCustodian", { number: seal.number, name: holder?.name ?? "" }) });
    }
    const [model] = await tx
      .select()
      .from(sealModels)
      .where(and(eq(sealModels.organizationId, actor.organizationId), eq(sealModels.id, seal.modelId)));
    if (model?.isoClass === "H" && !model.certificateFileId)
      return refused({
        modelCertificate: message("seals.errors.modelUncertified", {
          number: seal.number,
          model: `${model.manufacturer} ${model.modelName}`,
        }),
      });
    if (values.loadState === "loaded" && model?.isoClass !== "H")
      return refused({
        loadState: message("seals.errors.notHighSecurity", { number: seal.number, isoClass: model?.isoClass ?? "?" }),
      });

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
        loadState: values.loadState,
        note: values.note ?? "",
      },
      photos,
    );
    await linkEvidence(tx, actor, "seal_application", event.id, when.at);
    return { ok: true as const, sealId: seal.id, eventId: event.id };
  });
}

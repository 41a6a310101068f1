import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { evidenceFiles, sealEvents, sealModels, seals, sites } from "../../../db/schema";
import { recordAuditBatch } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { refused } from "../form.server";
import { message } from "../i18n/messages";
import { nextRunningNumber } from "../organizations/running-number.server";
import { isUuid } from "../value-checks";
import { expandSealRange } from "./seal-numbers";
import type { ReceiveSealsValues, SealModelValues } from "./seal-schema";
import { audit, linkEvidence, occurredAtOf, rangeError, someNumbers, type SealActor } from "./seal-writes.server";

// Seal stock: the models (with their ISO 17712 certificates) and the ranges of new seals received.

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

/**
 * Files the ISO 17712 certificate or test report of a model registered without one (CTPAT 6.5): until
 * then seals of an H-class model are not applied. A model that has one keeps it (refused).
 */
export async function uploadSealModelCertificate(
  db: Database,
  actor: SealActor,
  modelId: string,
  certificateDate: string | undefined,
  certificate: CheckedUpload,
) {
  if (!isUuid(modelId)) return refused({ form: message("errors.invalid") });
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(sealModels)
      .where(and(eq(sealModels.organizationId, actor.organizationId), eq(sealModels.id, modelId)))
      .for("update");
    if (!before) return refused({ form: message("errors.invalid") });
    if (before.certificateFileId) return refused({ certificate: message("seals.errors.certificateOnFile") });
    const file = await storeFile(tx, actor, certificate);
    const [after] = await tx
      .update(sealModels)
      .set({ certificateFileId: file.id, certificateDate: certificateDate ?? null, updatedAt: new Date() })
      .where(and(eq(sealModels.organizationId, actor.organizationId), eq(sealModels.id, modelId)))
      .returning();
    await audit(tx, actor, "seal_model", modelId, "update", before, after);
    await linkEvidence(tx, actor, "seal_model", modelId, certificateDate ? new Date(`${certificateDate}T00:00:00Z`) : new Date());
    return { ok: true as const, id: modelId };
  });
}

// ---- receiving ----

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

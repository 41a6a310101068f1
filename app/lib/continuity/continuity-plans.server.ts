import { and, eq } from "drizzle-orm";
import { continuityPlans } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Actor } from "../auth/actor";
import { canApproveDraft } from "../auth/four-eyes";
import type { Database } from "../db-types.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { evidenceRecordTypes } from "../evidence/evidence-registry";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { refused, type FieldErrors } from "../form.server";
import { message } from "../i18n/messages";
import { resolveCriterionRefs } from "../inspections/templates.server";
import { nextRunningNumber } from "../organizations/running-number.server";
import type { ContinuityPlanValues } from "./continuity-schema";

// Writing business continuity plans (CTPAT 2.4, WCO SAFE L, CN-2014 28): a draft with its document
// in one transaction, then approved by a manager who is not its author (four eyes); the approval
// makes it evidence, a standing document dated by its revision.

export async function createContinuityPlan(
  db: Database,
  actor: Actor,
  values: ContinuityPlanValues,
  file: CheckedUpload | null,
  /** When it is recorded: the clock, or the demo seed's history. */
  now = new Date(),
): Promise<{ ok: true; id: string }> {
  return db.transaction(async (tx) => {
    const stored = file ? await storeFile(tx, actor, file) : null;
    const number = await nextRunningNumber(tx, actor.organizationId, continuityPlans);
    const [plan] = await tx
      .insert(continuityPlans)
      .values({
        organizationId: actor.organizationId,
        number,
        title: values.title,
        scope: values.scope,
        disruptions: values.disruptions,
        recoveryHours: values.recoveryHours,
        contacts: values.contacts,
        securityMeasures: values.securityMeasures,
        version: values.version,
        revisedOn: values.revisedOn,
        nextReviewOn: values.nextReviewOn,
        nextTestOn: values.nextTestOn,
        fileId: stored?.id ?? null,
        createdByUserId: actor.userId,
        createdAt: now,
      })
      .returning();
    if (!plan) throw new Error("createContinuityPlan: nothing written");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "continuity_plan",
      entityId: plan.id,
      after: plan,
    });
    return { ok: true as const, id: plan.id };
  });
}

/** Approves a draft: never by its author. Null when the plan is not the organisation's. */
export async function approveContinuityPlan(
  db: Database,
  actor: Actor,
  id: string,
  note: string | undefined,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; errors: FieldErrors } | null> {
  return db.transaction(async (tx) => {
    const where = and(eq(continuityPlans.organizationId, actor.organizationId), eq(continuityPlans.id, id));
    const [before] = await tx.select().from(continuityPlans).where(where).for("update");
    if (!before) return null;
    if (before.status !== "draft") return refused({ form: message("continuity.errors.alreadyApproved") });
    if (!canApproveDraft(before, actor.userId)) return refused({ form: message("continuity.errors.ownApproval") });
    const [after] = await tx
      .update(continuityPlans)
      .set({ status: "approved", approvedByUserId: actor.userId, approvedAt: now, approvalNote: note ?? null })
      .where(where)
      .returning();
    const resolved = await resolveCriterionRefs(tx, evidenceRecordTypes.continuity_plan.feeds);
    await setEvidenceLinks(
      tx,
      { organizationId: actor.organizationId, userId: actor.userId, recordType: "continuity_plan", recordId: id, occurredAt: new Date(`${before.revisedOn}T12:00:00Z`) },
      [...new Set(resolved.values())],
    );
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "continuity_plan",
      entityId: id,
      before,
      after,
    });
    return { ok: true as const };
  });
}

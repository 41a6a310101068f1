import { and, count, eq, inArray } from "drizzle-orm";
import { checklistTemplates, correctiveActions, inspections, type Inspection } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Role } from "../auth/permissions";
import type { Database, Executor } from "../db-types.server";
import { refused } from "../form.server";
import { message } from "../i18n/messages";
import type { Actor } from "../auth/actor";
import { unfinishedStatuses } from "../actions/action-statuses";
import { releaseOf, type Refusal } from "./inspection-records.server";
import { canOverrideRelease, canRelease, canSignOff, inspectionReference, OVERRIDE_REASON_MIN } from "./inspection-rules";

// Signing off and releasing a submitted inspection (with a supervisor's override), each audited.

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
        // A closure still waiting for a supervisor's verification holds the release too.
        inArray(correctiveActions.status, [...unfinishedStatuses]),
      ),
    );
  return row?.n ?? 0;
}

/** Sign-off and release are the only changes a submitted inspection takes; each is audited. */
async function updateSubmitted(tx: Executor, actor: Actor, before: Inspection, changes: Partial<Inspection>, now: Date) {
  const [after] = await tx
    .update(inspections)
    .set({ ...changes, updatedAt: now })
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

/**
 * The supervisor's signature under an inspection: a supervisor other than the inspector, once.
 * `now` is when it was signed (the demo seed's history passes its own; a request takes the clock).
 */
export async function signOffInspection(
  db: Database,
  actor: ActorWithRole,
  inspectionId: string,
  note: string | undefined,
  now = new Date(),
) {
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
    await updateSubmitted(tx, actor, before, { signedOffByUserId: actor.userId, signedOffAt: now, signoffNote: note ?? null }, now);
    return { ok: true };
  });
}

/**
 * Marks a container or truck released for loading. With `overrideReason`, a supervisor releases
 * one that open corrective actions still block; the reason is stored and audited.
 */
export async function releaseInspection(
  db: Database,
  actor: ActorWithRole,
  inspectionId: string,
  overrideReason?: string,
  now = new Date(),
) {
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
    await updateSubmitted(
      tx,
      actor,
      before,
      { releasedAt: now, releasedByUserId: actor.userId, releaseOverrideReason: overrideReason?.trim() ?? null },
      now,
    );
    return { ok: true };
  });
}

// Verifying the closure of a finding that holds a container's release: the guard who inspected may
// close his own corrective action, but the container stays held until a supervisor who neither
// inspected nor closed it has looked, and accepted the closure or sent it back.
import { and, eq } from "drizzle-orm";
import { correctiveActions, inspections } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Actor } from "../auth/actor";
import { can, type Role } from "../auth/permissions";
import type { Database, Executor } from "../db-types.server";
import { refused, type FieldErrors } from "../form.server";
import { message, type MessageKey } from "../i18n/messages";
import type { VerifyActionValues } from "./action-schema";

/** The inspection whose release the action holds, or null when its closure needs no verification. */
export async function releaseGateOf(
  tx: Executor,
  orgId: string,
  action: { sourceType: string; sourceId: string },
): Promise<{ inspectorUserId: string } | null> {
  if (action.sourceType !== "inspection") return null;
  const [row] = await tx
    .select({ inspectorUserId: inspections.inspectorUserId, releaseGate: inspections.releaseGate })
    .from(inspections)
    .where(and(eq(inspections.organizationId, orgId), eq(inspections.id, action.sourceId)));
  return row?.releaseGate ? { inspectorUserId: row.inspectorUserId } : null;
}

/** Why this member may not verify this closure, or null when they may. */
export function verificationRefusal(
  role: Role,
  userId: string,
  action: { status: string; closedByUserId: string | null },
  inspectorUserId: string | null,
): MessageKey | null {
  if (action.status !== "awaiting_verification") return "actions.notAwaitingVerification";
  if (!can(role, "inspections.supervise")) return "actions.verifySupervisorsOnly";
  if (userId === inspectorUserId) return "actions.verifyOwnInspection";
  if (userId === action.closedByUserId) return "actions.verifyOwnClosure";
  return null;
}

/**
 * Accepts the closure (done) or sends it back (in progress, closure cleared), with the note; audited.
 * `now`: when (the demo seed's history passes its own).
 */
export async function verifyAction(
  db: Database,
  actor: Actor & { role: Role },
  actionId: string,
  values: VerifyActionValues,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; errors: FieldErrors } | null> {
  return db.transaction(async (tx) => {
    const where = and(eq(correctiveActions.organizationId, actor.organizationId), eq(correctiveActions.id, actionId));
    const [before] = await tx.select().from(correctiveActions).where(where).for("update");
    if (!before) return null;
    const gate = await releaseGateOf(tx, actor.organizationId, before);
    const refusal = verificationRefusal(actor.role, actor.userId, before, gate?.inspectorUserId ?? null);
    if (refusal) return refused({ form: message(refusal) });
    const accepted = values.decision === "accept";
    const [after] = await tx
      .update(correctiveActions)
      .set({
        status: accepted ? "done" : "in_progress",
        closedAt: accepted ? before.closedAt : null,
        closedByUserId: accepted ? before.closedByUserId : null,
        verifiedAt: now,
        verifiedByUserId: actor.userId,
        verificationNote: values.verificationNote ?? null,
        updatedAt: now,
      })
      .where(where)
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "corrective_action",
      entityId: actionId,
      before,
      after: { ...after, verification: values.decision },
    });
    return { ok: true as const };
  });
}

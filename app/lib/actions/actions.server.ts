// Changing corrective actions: raising one from an assessment's shortfall, and updating one (status,
// owner, due date, closing note and file) by its owner or a manager, audited.
import { and, asc, eq } from "drizzle-orm";
import {
  assessmentResults,
  assessments,
  correctiveActions,
  frameworks,
  memberships,
  users,
} from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can, type Role } from "../auth/permissions";
import { listCriteria } from "../criteria/criteria.server";
import type { Database, Executor } from "../db-types.server";
import { addEvidenceLink } from "../evidence/evidence.server";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { message } from "../i18n/messages";
import type { Actor } from "../auth/actor";
import { improvementWindow } from "../assessments/improvement";
import { dueDateError, type NewActionValues, type UpdateActionValues } from "./action-schema";
import { releaseGateOf } from "./action-verification.server";
import { refused, type FieldErrors } from "../form.server";
import { notifyAssignment } from "../notifications/notices.server";
import { formatReference } from "../references";
import { raiseCorrectiveAction } from "./raise-action.server";

/** Active members who can be given an action. */
export async function assignableMembers(db: Executor, orgId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.status, "active")))
    .orderBy(asc(users.name));
}

/**
 * A corrective action for a partly-met or failed, improvable criterion of a draft or final
 * assessment, due within the framework's improvement period (from the customs-notified date, or the
 * assessment date until one is entered); a framework whose text sets no period sets no deadline.
 */
export async function createActionFromAssessment(
  db: Database,
  actor: Actor,
  assessmentId: string,
  values: NewActionValues,
  /** When it is raised: the clock, or the demo seed's history. */
  now = new Date(),
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors } | null> {
  const [row] = await db
    .select({ assessment: assessments, framework: frameworks })
    .from(assessments)
    .innerJoin(frameworks, eq(frameworks.id, assessments.frameworkId))
    .where(and(eq(assessments.organizationId, actor.organizationId), eq(assessments.id, assessmentId)));
  if (!row) return null;
  const criterion = (await listCriteria(db, row.framework.id)).find((c) => c.key === values.criterion && c.options.length > 0);
  if (!criterion) return refused({ criterion: message("errors.choose") });
  if (!criterion.improvable) return refused({ form: message("actions.notImprovable") });
  const [result] = await db
    .select({ result: assessmentResults.result })
    .from(assessmentResults)
    .where(
      and(
        eq(assessmentResults.organizationId, actor.organizationId),
        eq(assessmentResults.assessmentId, assessmentId),
        eq(assessmentResults.criterionId, criterion.id),
      ),
    );
  // Improvement is for what fell short: a met or not-applicable criterion has nothing to correct.
  if (result?.result !== "partly_meets" && result?.result !== "fails") {
    return refused({ criterion: message("actions.criterionNotFailed") });
  }
  const window = improvementWindow(row.framework.improvementDays, row.assessment.assessedOn, row.assessment.improvementNotifiedOn);
  const dueError = dueDateError(values.dueOn, row.assessment.assessedOn, window);
  if (dueError) return refused({ dueOn: dueError });
  const members = await assignableMembers(db, actor.organizationId);
  if (!members.some((m) => m.userId === values.ownerUserId)) return refused({ ownerUserId: message("errors.choose") });
  const action = await db.transaction((tx) =>
    raiseCorrectiveAction(
      tx,
      actor,
      {
        sourceType: "assessment",
        sourceId: assessmentId,
        criterionId: criterion.id,
        title: values.title,
        description: values.description ?? "",
        ownerUserId: values.ownerUserId,
        dueOn: values.dueOn,
      },
      { now },
    ),
  );
  return { ok: true, id: action.id };
}

/**
 * The action's owner may progress and close it; compliance managers may do anything to any action.
 * A cancelled action was a manager's decision, so only a manager may reopen it.
 */
export function canUpdateAction(role: Role, userId: string, action: { ownerUserId: string; status?: string }): boolean {
  if (can(role, "actions.manage")) return true;
  return action.ownerUserId === userId && action.status !== "cancelled";
}

/**
 * A new due date: an assessment's action stays within its improvement period; any action's date
 * must not be before the day it was raised.
 */
async function dueOnError(tx: Executor, orgId: string, action: { sourceType: string; sourceId: string; createdAt: Date }, dueOn: string) {
  if (action.sourceType === "assessment") {
    const [row] = await tx
      .select({ assessedOn: assessments.assessedOn, notifiedOn: assessments.improvementNotifiedOn, days: frameworks.improvementDays })
      .from(assessments)
      .innerJoin(frameworks, eq(frameworks.id, assessments.frameworkId))
      .where(and(eq(assessments.organizationId, orgId), eq(assessments.id, action.sourceId)));
    if (row) return dueDateError(dueOn, row.assessedOn, improvementWindow(row.days, row.assessedOn, row.notifiedOn));
  }
  const raised = action.createdAt.toISOString().slice(0, 10);
  return dueOn < raised ? message("actions.dueBeforeRaised", { date: raised }) : null;
}

export async function updateAction(
  db: Database,
  actor: Actor & { role: Role },
  actionId: string,
  values: UpdateActionValues,
  file: CheckedUpload | null,
  /** When the change is made (a closure's date): the clock, or the demo seed's history. */
  now = new Date(),
): Promise<{ ok: true } | { ok: false; errors: FieldErrors } | null> {
  return db.transaction(async (tx) => {
    const where = and(eq(correctiveActions.organizationId, actor.organizationId), eq(correctiveActions.id, actionId));
    const [before] = await tx.select().from(correctiveActions).where(where).for("update");
    if (!before) return null;
    if (!canUpdateAction(actor.role, actor.userId, before)) return refused({ form: message("actions.notYours") });
    const manager = can(actor.role, "actions.manage");
    if (values.status === "cancelled" && !manager) {
      return refused({ status: message("actions.cancelManagersOnly") });
    }
    const ownerUserId = values.ownerUserId ?? before.ownerUserId;
    const dueOn = values.dueOn ?? before.dueOn;
    if ((ownerUserId !== before.ownerUserId || dueOn !== before.dueOn) && !manager) {
      return refused({ form: message("actions.reassignManagersOnly") });
    }
    if (ownerUserId !== before.ownerUserId && !(await assignableMembers(tx, actor.organizationId)).some((m) => m.userId === ownerUserId)) {
      return refused({ ownerUserId: message("errors.choose") });
    }
    if (dueOn !== before.dueOn) {
      const dueError = await dueOnError(tx, actor.organizationId, before, dueOn);
      if (dueError) return refused({ dueOn: dueError });
    }
    // A finding that holds a container's release is not done on its owner's word: closing it waits
    // for a supervisor's verification (verifyAction). Re-saving a verified action keeps it done.
    const gate = values.status === "done" && before.status !== "done" ? await releaseGateOf(tx, actor.organizationId, before) : null;
    const status = gate ? "awaiting_verification" : values.status;
    const closing = status === "done" || status === "cancelled" || status === "awaiting_verification";
    const sameClosure = before.status === status || (before.status === "awaiting_verification" && status === "done");
    let closingFileId = before.closingFileId;
    if (file) {
      const stored = await storeFile(tx, actor, file);
      closingFileId = stored.id;
      if (before.criterionId) {
        await addEvidenceLink(tx, { ...actor, recordType: "file", recordId: stored.id, occurredAt: stored.uploadedAt }, before.criterionId);
      }
    }
    const [after] = await tx
      .update(correctiveActions)
      .set({
        status,
        ownerUserId,
        dueOn,
        closingNote: values.closingNote ?? null,
        closingFileId,
        // Re-saving a closed action keeps when and by whom it was closed; a new closing status is a new closure.
        closedAt: !closing ? null : sameClosure ? (before.closedAt ?? now) : now,
        closedByUserId: !closing ? null : sameClosure ? (before.closedByUserId ?? actor.userId) : actor.userId,
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
      after,
    });
    if (after && ownerUserId !== before.ownerUserId) {
      await notifyAssignment(tx, {
        organizationId: actor.organizationId,
        actionId,
        reference: formatReference("correctiveAction", after.number),
        title: after.title,
        dueOn: after.dueOn,
        ownerUserId,
        assignedByUserId: actor.userId,
      });
    }
    return { ok: true as const };
  });
}

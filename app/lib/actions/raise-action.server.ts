// Raising a corrective action (CA-), the one way every register does it: the next running number,
// the row, its audit event and the owner's assignment notice (none when owners raise it for
// themselves), all inside the caller's transaction. The caller has checked the owner and the due date.
import { correctiveActions } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Actor } from "../auth/actor";
import type { Executor } from "../db-types.server";
import { notifyAssignment } from "../notifications/notices.server";
import { nextRunningNumber } from "../organizations/running-number.server";
import { formatReference } from "../references";

export type CorrectiveAction = typeof correctiveActions.$inferSelect;

export interface RaisedAction {
  sourceType: CorrectiveAction["sourceType"];
  sourceId: string;
  /** The point or row of the source it answers (an inspection point, an audit finding). */
  sourceItemKey?: string | null;
  criterionId?: string | null;
  title: string;
  description: string;
  ownerUserId: string;
  dueOn: string;
}

export interface RaiseOptions {
  /** When it is raised: the clock, or the demo seed's history. */
  now?: Date;
  /** Added to the audit event's `after` (the source's reference, for instance). */
  audited?: Record<string, unknown>;
  /** The assignment notice's title when it is not the action's own. */
  noticeTitle?: string;
}

/** The first line of a note, as an action's title (at most 200 characters). */
export function actionTitleOf(text: string): string {
  return text.trim().split(/\r?\n/)[0]!.slice(0, 200);
}

export async function raiseCorrectiveAction(
  tx: Executor,
  actor: Pick<Actor, "organizationId" | "userId">,
  values: RaisedAction,
  options: RaiseOptions = {},
): Promise<CorrectiveAction> {
  const now = options.now ?? new Date();
  const number = await nextRunningNumber(tx, actor.organizationId, correctiveActions);
  const [action] = await tx
    .insert(correctiveActions)
    .values({
      organizationId: actor.organizationId,
      number,
      sourceType: values.sourceType,
      sourceId: values.sourceId,
      sourceItemKey: values.sourceItemKey ?? null,
      criterionId: values.criterionId ?? null,
      title: values.title,
      description: values.description,
      ownerUserId: values.ownerUserId,
      dueOn: values.dueOn,
      createdByUserId: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!action) throw new Error(`raiseCorrectiveAction (${values.sourceType}): nothing written`);
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "create",
    entityType: "corrective_action",
    entityId: action.id,
    after: options.audited ? { ...action, ...options.audited } : action,
  });
  await notifyAssignment(tx, {
    organizationId: actor.organizationId,
    actionId: action.id,
    reference: formatReference("correctiveAction", action.number),
    title: options.noticeTitle ?? action.title,
    dueOn: action.dueOn,
    ownerUserId: action.ownerUserId,
    assignedByUserId: actor.userId,
  });
  return action;
}

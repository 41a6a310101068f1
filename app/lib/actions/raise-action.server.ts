import { correctiveActions, type CorrectiveAction } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Actor } from "../auth/actor";
import type { Executor } from "../db-types.server";
import { notifyAssignment } from "../notifications/notices.server";
import { nextRunningNumber } from "../organizations/running-number.server";
import { formatReference } from "../references";

// Raising a corrective action (CA-) from a register's finding, inside the register's transaction:
// the action's number, its row, its audit event and the notice to its owner, written the same way
// whichever register raised it (internal audits, continuity tests).

export interface RaisedAction {
  sourceType: CorrectiveAction["sourceType"];
  sourceId: string;
  /** Which finding of the source (finding-1, …). */
  sourceItemKey: string | null;
  description: string;
  ownerUserId: string;
  dueOn: string;
  /** What the owner's notice calls it: the source's reference before the title. */
  sourceReference: string;
}

/** The action's title: the finding's first line, cut to 200 characters. */
export const findingTitle = (description: string) => description.split(/\r?\n/)[0]!.slice(0, 200);

export async function raiseFindingAction(tx: Executor, actor: Actor, input: RaisedAction, now: Date): Promise<CorrectiveAction> {
  const number = await nextRunningNumber(tx, actor.organizationId, correctiveActions);
  const [action] = await tx
    .insert(correctiveActions)
    .values({
      organizationId: actor.organizationId,
      number,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      sourceItemKey: input.sourceItemKey,
      title: findingTitle(input.description),
      description: input.description,
      ownerUserId: input.ownerUserId,
      dueOn: input.dueOn,
      createdByUserId: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!action) throw new Error("raiseFindingAction: nothing written");
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "create",
    entityType: "corrective_action",
    entityId: action.id,
    after: action,
  });
  await notifyAssignment(tx, {
    organizationId: actor.organizationId,
    actionId: action.id,
    reference: formatReference("correctiveAction", number),
    title: `${input.sourceReference} · ${action.title}`,
    dueOn: input.dueOn,
    ownerUserId: input.ownerUserId,
    assignedByUserId: actor.userId,
  });
  return action;
}

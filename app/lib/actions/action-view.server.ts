import { can, type Role } from "../auth/permissions";
import { actionReference } from "../assessments/result-labels";
import type { ActionStatus } from "./action-schema";
import { criterionDisplayCode, daysOverdue, type getAction } from "./action-queries.server";
import { canUpdateAction, type assignableMembers } from "./actions.server";
import { verificationRefusal } from "./action-verification.server";

// The corrective action's page data (app/routes/_app.actions.$actionId): the rows its loader read,
// mapped for the page, with what the viewer may do decided here rather than in the route.

export type ActionRows = NonNullable<Awaited<ReturnType<typeof getAction>>>;
type Member = Awaited<ReturnType<typeof assignableMembers>>[number];

/** Enough of the criterion's text to recognise it; the criterion page has the rest. */
export const EXCERPT_CHARS = 280;
function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS).trimEnd()}…` : text;
}

/** Whether the viewer may reassign and cancel actions: the loader reads the members only then. */
export function canManageActions(role: Role): boolean {
  return can(role, "actions.manage");
}

export interface ActionViewer {
  userId: string;
  role: Role;
  /** The organisation's calendar day, for how many days the action is overdue. */
  today: string;
}

export function actionView(
  found: ActionRows,
  viewer: ActionViewer,
  members: Pick<Member, "userId" | "name">[],
  /** The inspection whose release the action holds (its closure is verified by a supervisor). */
  gate: { inspectorUserId: string } | null = null,
) {
  const { action, criterion, parent, source, closingFile } = found;
  const manages = canManageActions(viewer.role);
  const verifyRefusal = verificationRefusal(viewer.role, viewer.userId, action, gate?.inspectorUserId ?? null);
  return {
    action: {
      id: action.id,
      reference: actionReference(action.number),
      title: action.title,
      titles: found.titles,
      description: action.description,
      status: action.status as ActionStatus,
      dueOn: action.dueOn,
      daysOverdue: daysOverdue(action, viewer.today),
      ownerName: found.ownerName,
      createdByName: found.createdByName,
      createdAt: action.createdAt,
      closedByName: found.closedByName,
      closedAt: action.closedAt,
      closingNote: action.closingNote,
      updatedAt: action.updatedAt,
      verifiedByName: found.verifiedByName,
      verifiedAt: action.verifiedAt,
      verificationNote: action.verificationNote,
    },
    /** Closing it waits for a supervisor's verification (the action holds a container's release). */
    needsVerification: gate !== null,
    canVerify: verifyRefusal === null,
    /** Why the viewer, a supervisor, may not verify this closure (their own inspection or closure). */
    verifyBlockedBy:
      action.status === "awaiting_verification" && verifyRefusal !== "actions.verifySupervisorsOnly" ? verifyRefusal : null,
    criterion:
      criterion && found.frameworkCode
        ? {
            frameworkCode: found.frameworkCode,
            frameworkVersion: found.frameworkVersion,
            key: criterion.key,
            code: criterionDisplayCode(criterion, parent?.code && parent.level ? { code: parent.code, part: parent.part, level: parent.level } : null),
            titleZh: criterion.titleZh,
            titleEn: criterion.titleEn,
            textZh: excerpt(criterion.textZh),
            textEn: excerpt(criterion.textEn),
          }
        : null,
    source: source ? { type: source.type, href: source.href, reference: source.reference } : null,
    closingFile: closingFile ? { id: closingFile.id, name: closingFile.originalName, sha256: closingFile.sha256, sizeBytes: closingFile.sizeBytes } : null,
    isOwner: action.ownerUserId === viewer.userId,
    ownerUserId: action.ownerUserId,
    canUpdate: canUpdateAction(viewer.role, viewer.userId, action),
    canCancel: manages,
    // Only a manager reassigns, so only a manager's page carries the member list.
    members: manages ? members.map((m) => ({ userId: m.userId, name: m.name })) : [],
  };
}

export type ActionView = ReturnType<typeof actionView>;

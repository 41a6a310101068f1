import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { assessments, correctiveActions, criteria, evidenceFiles, frameworks, memberships, users } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can, type Role } from "../auth/permissions";
import { listCriteria } from "../criteria/criteria.server";
import type { Database } from "../db.server";
import { addEvidenceLink } from "../evidence/evidence.server";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { message } from "../i18n/messages";
import { nextRunningNumber } from "../organizations/running-number.server";
import type { Actor } from "../organizations/organizations.server";
import { assessmentReference } from "../assessments/result-labels";
import { dueDateError, type NewActionValues, type UpdateActionValues } from "./action-schema";

export type FieldErrors = Record<string, string>;
const fail = (errors: FieldErrors) => ({ ok: false as const, errors });

/** Active members who can be given an action. */
export async function assignableMembers(db: Database, orgId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.status, "active")))
    .orderBy(asc(users.name));
}

/**
 * A corrective action for a partly-met or failed, improvable criterion of a draft or final
 * assessment, due within the improvement period after the assessment date.
 */
export async function createActionFromAssessment(
  db: Database,
  actor: Actor,
  assessmentId: string,
  values: NewActionValues,
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors } | null> {
  const [row] = await db
    .select({ assessment: assessments, framework: frameworks })
    .from(assessments)
    .innerJoin(frameworks, eq(frameworks.id, assessments.frameworkId))
    .where(and(eq(assessments.organizationId, actor.organizationId), eq(assessments.id, assessmentId)));
  if (!row) return null;
  const criterion = (await listCriteria(db, row.framework.id)).find((c) => c.key === values.criterion && c.options.length > 0);
  if (!criterion) return fail({ criterion: message("errors.choose") });
  if (!criterion.improvable) return fail({ form: message("actions.notImprovable") });
  const days = row.framework.improvementDays ?? 90;
  const dueError = dueDateError(values.dueOn, row.assessment.assessedOn, days);
  if (dueError) return fail({ dueOn: dueError });
  const members = await assignableMembers(db, actor.organizationId);
  if (!members.some((m) => m.userId === values.ownerUserId)) return fail({ ownerUserId: message("errors.choose") });
  const id = await db.transaction(async (tx) => {
    const number = await nextRunningNumber(tx, actor.organizationId, correctiveActions);
    const [action] = await tx
      .insert(correctiveActions)
      .values({
        organizationId: actor.organizationId,
        number,
        sourceType: "assessment",
        sourceId: assessmentId,
        criterionId: criterion.id,
        title: values.title,
        description: values.description ?? "",
        ownerUserId: values.ownerUserId,
        dueOn: values.dueOn,
        createdByUserId: actor.userId,
      })
      .returning();
    if (!action) throw new Error("createAction: insert returned nothing");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "corrective_action",
      entityId: action.id,
      after: action,
    });
    return action.id;
  });
  return { ok: true, id };
}

export type ActionFilter = { status?: "open" | "closed" | "all"; mine?: boolean };

/** All corrective actions, overdue first, then by due date. */
export async function listActions(db: Database, orgId: string, userId: string, filter: ActionFilter, today: string) {
  const status = filter.status ?? "open";
  const rows = await db
    .select({
      action: correctiveActions,
      ownerName: users.name,
      criterionCode: criteria.code,
      criterionKey: criteria.key,
      criterionTitleZh: criteria.titleZh,
      criterionTitleEn: criteria.titleEn,
      criterionPart: criteria.part,
      criterionLevel: criteria.level,
      frameworkCode: frameworks.code,
    })
    .from(correctiveActions)
    .innerJoin(users, eq(users.id, correctiveActions.ownerUserId))
    .leftJoin(criteria, eq(criteria.id, correctiveActions.criterionId))
    .leftJoin(frameworks, eq(frameworks.id, criteria.frameworkId))
    .where(
      and(
        eq(correctiveActions.organizationId, orgId),
        status === "open" ? inArray(correctiveActions.status, ["open", "in_progress"]) : undefined,
        status === "closed" ? inArray(correctiveActions.status, ["done", "cancelled"]) : undefined,
        filter.mine ? eq(correctiveActions.ownerUserId, userId) : undefined,
      ),
    )
    .orderBy(
      sql`case when ${correctiveActions.status} in ('open','in_progress') and ${correctiveActions.dueOn} < ${today} then 0 else 1 end`,
      asc(correctiveActions.dueOn),
      asc(correctiveActions.number),
    );
  const sourceIds = [...new Set(rows.map((r) => r.action.sourceId))];
  const sources = sourceIds.length
    ? await db
        .select({ id: assessments.id, assessedOn: assessments.assessedOn, number: assessments.number })
        .from(assessments)
        .where(and(eq(assessments.organizationId, orgId), inArray(assessments.id, sourceIds)))
    : [];
  return rows.map((r) => {
    const source = sources.find((s) => s.id === r.action.sourceId);
    return {
      ...r,
      overdue: isOverdue(r.action, today),
      sourceReference: source ? assessmentReference(source.assessedOn, source.number) : null,
    };
  });
}

export function isOverdue(action: { status: string; dueOn: string }, today: string): boolean {
  return (action.status === "open" || action.status === "in_progress") && action.dueOn < today;
}

export async function countOpenActions(db: Database, orgId: string, today: string) {
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${correctiveActions.status} in ('open','in_progress'))`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${correctiveActions.status} in ('open','in_progress') and ${correctiveActions.dueOn} < ${today})`.mapWith(Number),
    })
    .from(correctiveActions)
    .where(eq(correctiveActions.organizationId, orgId));
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}

export async function getAction(db: Database, orgId: string, actionId: string) {
  const [row] = await db
    .select({
      action: correctiveActions,
      ownerName: users.name,
      criterion: criteria,
      frameworkCode: frameworks.code,
      frameworkVersion: frameworks.version,
    })
    .from(correctiveActions)
    .innerJoin(users, eq(users.id, correctiveActions.ownerUserId))
    .leftJoin(criteria, eq(criteria.id, correctiveActions.criterionId))
    .leftJoin(frameworks, eq(frameworks.id, criteria.frameworkId))
    .where(and(eq(correctiveActions.organizationId, orgId), eq(correctiveActions.id, actionId)));
  if (!row) return null;
  const [source] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.organizationId, orgId), eq(assessments.id, row.action.sourceId)));
  const [closingFile] = row.action.closingFileId
    ? await db
        .select()
        .from(evidenceFiles)
        .where(and(eq(evidenceFiles.organizationId, orgId), eq(evidenceFiles.id, row.action.closingFileId)))
    : [];
  return {
    ...row,
    source: source ? { id: source.id, reference: assessmentReference(source.assessedOn, source.number), assessedOn: source.assessedOn } : null,
    closingFile: closingFile ?? null,
  };
}

/** The action's owner may progress and close it; compliance managers may do anything to any action. */
export function canUpdateAction(role: Role, userId: string, action: { ownerUserId: string }): boolean {
  return can(role, "actions.manage") || action.ownerUserId === userId;
}

export async function updateAction(
  db: Database,
  actor: Actor & { role: Role },
  actionId: string,
  values: UpdateActionValues,
  file: CheckedUpload | null,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors } | null> {
  return db.transaction(async (tx) => {
    const where = and(eq(correctiveActions.organizationId, actor.organizationId), eq(correctiveActions.id, actionId));
    const [before] = await tx.select().from(correctiveActions).where(where).for("update");
    if (!before) return null;
    if (!canUpdateAction(actor.role, actor.userId, before)) return fail({ form: message("actions.notYours") });
    if (values.status === "cancelled" && !can(actor.role, "actions.manage")) {
      return fail({ status: message("actions.cancelManagersOnly") });
    }
    const closing = values.status === "done" || values.status === "cancelled";
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
        status: values.status,
        closingNote: values.closingNote ?? null,
        closingFileId,
        closedAt: closing ? (before.closedAt ?? new Date()) : null,
        closedByUserId: closing ? (before.closedByUserId ?? actor.userId) : null,
        updatedAt: new Date(),
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
    return { ok: true as const };
  });
}

// The corrective actions a self-assessment raised, grouped by the criterion they correct. The
// report PDF prints them under each partly-met or failed item; the evidence dossier prints the
// same list, so this knows nothing about either layout.

import { and, asc, eq, isNotNull } from "drizzle-orm";
import { correctiveActions, organizations, users, type CorrectiveAction } from "../../../db/schema";
import type { Executor } from "../db-types.server";
import { todayInZone } from "../i18n/format";
import { actionReference } from "./result-labels";

export interface AssessmentActionSummary {
  /** As the app shows it: "CA-0012". */
  reference: string;
  title: string;
  ownerName: string;
  /** YYYY-MM-DD */
  dueOn: string;
  status: CorrectiveAction["status"];
  /** The organisation's calendar day (its time zone) the action was done or cancelled; null while open or in progress. */
  closedOn: string | null;
  /**
   * Done on or before the due date. null while the action is open or in progress, and for a
   * cancelled action: it was not carried out, so it was neither in time nor late.
   */
  closedInTime: boolean | null;
}

/** One action as summarised, from its row and the organisation's time zone. */
export function summarizeAssessmentAction(
  action: Pick<CorrectiveAction, "number" | "title" | "dueOn" | "status" | "closedAt"> & { ownerName: string },
  timeZone: string,
): AssessmentActionSummary {
  const closed = action.status === "done" || action.status === "cancelled";
  const closedOn = closed && action.closedAt ? todayInZone(timeZone, action.closedAt) : null;
  return {
    reference: actionReference(action.number),
    title: action.title,
    ownerName: action.ownerName,
    dueOn: action.dueOn,
    status: action.status,
    closedOn,
    closedInTime: action.status === "done" && closedOn ? closedOn <= action.dueOn : null,
  };
}

/**
 * The actions of one assessment of one organisation, by criterion id, each list in number order.
 * One query; an assessment of another organisation gives an empty map.
 */
export async function assessmentActionsByCriterion(
  db: Executor,
  orgId: string,
  assessmentId: string,
): Promise<Map<string, AssessmentActionSummary[]>> {
  const rows = await db
    .select({
      criterionId: correctiveActions.criterionId,
      number: correctiveActions.number,
      title: correctiveActions.title,
      dueOn: correctiveActions.dueOn,
      status: correctiveActions.status,
      closedAt: correctiveActions.closedAt,
      ownerName: users.name,
      timeZone: organizations.timeZone,
    })
    .from(correctiveActions)
    .innerJoin(organizations, eq(organizations.id, correctiveActions.organizationId))
    .innerJoin(users, eq(users.id, correctiveActions.ownerUserId))
    .where(
      and(
        eq(correctiveActions.organizationId, orgId),
        eq(correctiveActions.sourceType, "assessment"),
        eq(correctiveActions.sourceId, assessmentId),
        isNotNull(correctiveActions.criterionId),
      ),
    )
    .orderBy(asc(correctiveActions.number));
  const byCriterion = new Map<string, AssessmentActionSummary[]>();
  for (const row of rows) {
    if (!row.criterionId) continue;
    const list = byCriterion.get(row.criterionId) ?? [];
    list.push(summarizeAssessmentAction(row, row.timeZone));
    byCriterion.set(row.criterionId, list);
  }
  return byCriterion;
}

import { addMonths, format, parseISO } from "date-fns";
import { and, asc, desc, eq, inArray, max, min, sql } from "drizzle-orm";
import { cargoReconciliations, correctiveActions, internalAudits, riskAssessments } from "../../../db/schema";
import { unfinishedStatuses } from "../actions/action-statuses";
import type { Database } from "../db-types.server";
import { todayInZone } from "../i18n/format";
import { formatReference } from "../references";
import { KIND_LIMIT } from "./attention-office.server";
import { attentionRoles, dayAfter, managerRoles, stateOfDue } from "./attention-rules";
import { bilingual, label } from "./attention-titles.server";
import type { AttentionItem, AttentionScope } from "./attention-types";

// The Step-12 registers' items (decision 0052): a cargo discrepancy whose corrective action is not
// done, a risk assessment waiting for its four-eyes approval or due for its periodic review, and the
// annual internal audit coming due. (Incidents are the gate's: attention-gate.server.ts.)

/** The annual internal audit and a risk assessment's review show from this many days before they are due. */
export const REVIEW_NOTICE_DAYS = 30;
/** CN-2022 (11): an internal audit every year. */
export const INTERNAL_AUDIT_MONTHS = 12;

/**
 * Reconciliations with a discrepancy whose corrective action is still open (or awaiting its
 * verification): the security lead and compliance follow it until the action is done. A discrepancy
 * recorded without an action was explained by its note at the dock and needs nothing more.
 * Overdue when an open action is past its date; otherwise waiting, with the earliest date.
 */
export async function cargoItems(db: Database, scope: AttentionScope): Promise<AttentionItem[]> {
  const rows = await db
    .select({
      id: cargoReconciliations.id,
      number: cargoReconciliations.number,
      siteId: cargoReconciliations.siteId,
      containerNumber: cargoReconciliations.containerNumber,
      billOfLading: cargoReconciliations.billOfLading,
      direction: cargoReconciliations.direction,
      dueOn: min(correctiveActions.dueOn),
    })
    .from(cargoReconciliations)
    .innerJoin(
      correctiveActions,
      and(
        eq(correctiveActions.organizationId, cargoReconciliations.organizationId),
        eq(correctiveActions.sourceType, "cargo_reconciliation"),
        eq(correctiveActions.sourceId, cargoReconciliations.id),
      ),
    )
    .where(
      and(
        eq(cargoReconciliations.organizationId, scope.organizationId),
        eq(cargoReconciliations.discrepancy, true),
        inArray(correctiveActions.status, [...unfinishedStatuses]),
      ),
    )
    .groupBy(cargoReconciliations.id)
    .orderBy(asc(min(correctiveActions.dueOn)), asc(cargoReconciliations.number))
    .limit(KIND_LIMIT);
  return rows.map((r) => {
    const reference = formatReference("cargoReconciliation", r.number);
    const dueOn = r.dueOn ?? null;
    return {
      kind: "cargo_discrepancy",
      key: `cargo_discrepancy:${r.id}`,
      recordId: r.id,
      reference,
      title: bilingual("cargoDiscrepancy", {
        reference,
        direction: label(`attention.cargoDirection.${r.direction}`),
        consignment: r.containerNumber || r.billOfLading || reference,
      }),
      state: dueOn && dueOn < scope.today ? "overdue" : "waiting",
      dueOn,
      href: `/cargo/${r.id}`,
      siteId: r.siteId,
      ownerUserId: null,
      roles: [...attentionRoles.supervision, ...attentionRoles.compliance],
    };
  });
}

/**
 * Drafts waiting for a manager's approval (never their author's: four eyes), and the periodic review
 * of what the organisation currently holds: the latest assessment of each subject, approved, whose
 * next review is within REVIEW_NOTICE_DAYS or past. A newer assessment of the same subject is the
 * review: once written it replaces the old one here (as a draft to approve, then not at all).
 */
export async function riskItems(db: Database, scope: AttentionScope): Promise<AttentionItem[]> {
  const latest = db
    .selectDistinctOn([riskAssessments.subjectKind, riskAssessments.subject], {
      id: riskAssessments.id,
      number: riskAssessments.number,
      subject: riskAssessments.subject,
      status: riskAssessments.status,
      nextReviewOn: riskAssessments.nextReviewOn,
    })
    .from(riskAssessments)
    .where(eq(riskAssessments.organizationId, scope.organizationId))
    .orderBy(riskAssessments.subjectKind, riskAssessments.subject, desc(riskAssessments.assessedOn), desc(riskAssessments.number))
    .as("latest");
  const [drafts, reviews] = await Promise.all([
    db
      .select({ id: riskAssessments.id, number: riskAssessments.number, subject: riskAssessments.subject })
      .from(riskAssessments)
      .where(and(eq(riskAssessments.organizationId, scope.organizationId), eq(riskAssessments.status, "draft")))
      .orderBy(asc(riskAssessments.number))
      .limit(KIND_LIMIT),
    db
      .select()
      .from(latest)
      .where(and(eq(latest.status, "approved"), sql`${latest.nextReviewOn} <= ${dayAfter(scope.today, REVIEW_NOTICE_DAYS)}`))
      .orderBy(asc(latest.nextReviewOn))
      .limit(KIND_LIMIT),
  ]);
  const base = { siteId: null, ownerUserId: null } as const;
  return [
    ...drafts.map((r): AttentionItem => {
      const reference = formatReference("riskAssessment", r.number);
      return {
        ...base,
        kind: "risk_approval",
        key: `risk_approval:${r.id}`,
        recordId: r.id,
        reference,
        title: bilingual("riskApproval", { reference, subject: r.subject }),
        state: "waiting",
        dueOn: null,
        href: `/risk-assessments/${r.id}`,
        // risk.approve: the managers.
        roles: managerRoles,
      };
    }),
    ...reviews.map((r): AttentionItem => {
      const reference = formatReference("riskAssessment", r.number);
      return {
        ...base,
        kind: "risk_review_due",
        key: `risk_review_due:${r.id}`,
        recordId: r.id,
        reference,
        title: bilingual("riskReviewDue", { reference, subject: r.subject, date: r.nextReviewOn }),
        state: stateOfDue(r.nextReviewOn, scope.today),
        dueOn: r.nextReviewOn,
        href: `/risk-assessments/${r.id}`,
        roles: attentionRoles.compliance,
      };
    }),
  ];
}

/**
 * The annual internal audit (CN-2022 (11)): due INTERNAL_AUDIT_MONTHS after the latest one, shown
 * from REVIEW_NOTICE_DAYS before. With none recorded, counted from the day the organisation started
 * with Tradeguard: audits before it are on paper, and asking on the first day would be noise.
 */
export async function internalAuditItems(db: Database, scope: AttentionScope, organization: { createdAt: Date | null }): Promise<AttentionItem[]> {
  const [row] = await db
    .select({ latest: max(internalAudits.auditedOn) })
    .from(internalAudits)
    .where(eq(internalAudits.organizationId, scope.organizationId));
  const latest = row?.latest ?? null;
  const from = latest ?? (organization.createdAt ? todayInZone(scope.timeZone, organization.createdAt) : null);
  if (!from) return [];
  const dueOn = format(addMonths(parseISO(from), INTERNAL_AUDIT_MONTHS), "yyyy-MM-dd");
  if (dueOn > dayAfter(scope.today, REVIEW_NOTICE_DAYS)) return [];
  return [
    {
      kind: "internal_audit_due",
      // One item a year: the key names the due date, so next year's reminder is a new one.
      key: `internal_audit_due:${scope.organizationId}:${dueOn}`,
      recordId: scope.organizationId,
      reference: null,
      title: latest ? bilingual("internalAuditDue", { date: dueOn, last: latest }) : bilingual("internalAuditNever", { date: dueOn }),
      state: stateOfDue(dueOn, scope.today),
      dueOn,
      href: "/internal-audits/new",
      siteId: null,
      ownerUserId: null,
      roles: attentionRoles.compliance,
    },
  ];
}

import { addDays, format, parseISO } from "date-fns";
import type { Role } from "../auth/permissions";
import { attentionKinds, type AttentionItem, type AttentionKind, type AttentionState, type AttentionViewer } from "./attention-types";

// The pure half of the attention model (attention.server.ts reads the records): whose an item is,
// how pressing, and in what order. Safe in the browser; the reminders and the digest use the same.

/**
 * Who does each kind of work. Owner and admin are named only where the work is theirs by the
 * permissions (a decision on a partner, the self-assessment, the organisation's own certificate);
 * the gate's, procurement's and HR's items are not added to a manager's list, which would drown in
 * them. An item whose roles no active member of the organisation holds falls to owner and admin
 * (withManagerFallback), so in a small company where the owner does everything nothing is lost.
 */
export const attentionRoles = {
  gate: ["security"],
  supervision: ["security_lead"],
  purchasing: ["procurement"],
  people: ["hr"],
  compliance: ["compliance", "owner", "admin"],
} as const satisfies Record<string, readonly Role[]>;

/** The roles that hand work down to others and so receive what nobody else would. */
export const managerRoles: readonly Role[] = ["owner", "admin"];

/**
 * The pure split: the items that are the viewer's. An item is a person's when they own it; an item
 * with no owner is everyone's whose role is in its roles. A viewer with sites (a guard posted at a
 * gate) does not get the items of other sites; an item without a site is for every site.
 */
export function itemsFor(items: readonly AttentionItem[], viewer: AttentionViewer): AttentionItem[] {
  const sites = viewer.siteIds?.length ? new Set(viewer.siteIds) : null;
  return items.filter((item) => {
    if (item.ownerUserId) return item.ownerUserId === viewer.userId;
    if (!item.roles.includes(viewer.role)) return false;
    return !sites || !item.siteId || sites.has(item.siteId);
  });
}

/**
 * Gives owner and admin the unowned items whose roles nobody in the organisation holds: a company
 * without a procurement member still sees its partners' re-evaluations come due.
 */
export function withManagerFallback(items: readonly AttentionItem[], activeRoles: ReadonlySet<Role>): AttentionItem[] {
  return items.map((item) => {
    if (item.ownerUserId || item.roles.some((r) => activeRoles.has(r))) return item;
    return { ...item, roles: [...new Set([...item.roles, ...managerRoles])] };
  });
}

/** The state of something due on `dueOn`: past is overdue, today is today, later is soon. */
export function stateOfDue(dueOn: string, today: string): AttentionState {
  if (dueOn < today) return "overdue";
  if (dueOn === today) return "due_today";
  return "due_soon";
}

/** A calendar date `days` after `day` (both yyyy-mm-dd). */
export function dayAfter(day: string, days: number): string {
  return format(addDays(parseISO(day), days), "yyyy-MM-dd");
}

const stateOrder: Record<AttentionState, number> = { overdue: 0, due_today: 1, due_soon: 2, waiting: 3 };

/** Most pressing first: overdue, today, soon, waiting; then by due date, then reference. */
export function compareItems(a: AttentionItem, b: AttentionItem): number {
  return (
    stateOrder[a.state] - stateOrder[b.state] ||
    (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999") ||
    (a.reference ?? "").localeCompare(b.reference ?? "") ||
    a.key.localeCompare(b.key)
  );
}

export interface KindCount {
  kind: AttentionKind;
  total: number;
  overdue: number;
}

/** How many items of each kind (in the order of attentionKinds), without the empty ones. */
export function countByKind(items: readonly AttentionItem[]): KindCount[] {
  const counts = new Map<AttentionKind, KindCount>();
  for (const item of items) {
    const count = counts.get(item.kind) ?? { kind: item.kind, total: 0, overdue: 0 };
    count.total += 1;
    if (item.state === "overdue") count.overdue += 1;
    counts.set(item.kind, count);
  }
  return attentionKinds.flatMap((kind) => {
    const count = counts.get(kind);
    return count ? [count] : [];
  });
}

/** Whose desk a kind of work lands on: how a manager's and an auditor's overview groups the counts. */
export const attentionAreas = ["gate", "supervision", "actions", "purchasing", "people", "compliance"] as const;
export type AttentionArea = (typeof attentionAreas)[number];

export const kindArea: Record<AttentionKind, AttentionArea> = {
  inspection_due: "gate",
  visitor_on_site: "gate",
  seal_issued: "gate",
  release_waiting: "supervision",
  inspection_signoff: "supervision",
  action_verification: "supervision",
  seal_report: "supervision",
  incident_open: "supervision",
  cargo_discrepancy: "supervision",
  action_due: "actions",
  evaluation_due: "purchasing",
  supervision_due: "purchasing",
  questionnaire_answered: "purchasing",
  contract_clauses_missing: "purchasing",
  partner_certificate_expiring: "purchasing",
  personnel_check_due: "people",
  exit_overdue: "people",
  training_gap: "people",
  evaluation_decision: "compliance",
  certificate_expiring: "compliance",
  assessment_open: "compliance",
  dossier_ready: "compliance",
  risk_approval: "compliance",
  risk_review_due: "compliance",
  internal_audit_due: "compliance",
  continuity_review_due: "compliance",
  continuity_test_due: "compliance",
};

/** The list where every item of a kind can be seen (an item's own href is where one is done). */
export const kindListHref: Record<AttentionKind, string> = {
  inspection_due: "/schedules",
  visitor_on_site: "/visitors",
  seal_issued: "/seals?status=issued",
  release_waiting: "/inspections",
  inspection_signoff: "/inspections",
  action_verification: "/actions",
  seal_report: "/seals?status=compromised",
  incident_open: "/incidents",
  action_due: "/actions",
  evaluation_due: "/partners?due=1",
  supervision_due: "/partners?supervision=overdue",
  questionnaire_answered: "/partners",
  contract_clauses_missing: "/partners",
  partner_certificate_expiring: "/partners",
  personnel_check_due: "/personnel?check=due",
  exit_overdue: "/personnel?exit=overdue",
  training_gap: "/training/requirements",
  evaluation_decision: "/partners",
  certificate_expiring: "/settings/organization",
  assessment_open: "/assessments",
  dossier_ready: "/dossiers",
  cargo_discrepancy: "/cargo?discrepancy=yes",
  risk_approval: "/risk-assessments",
  risk_review_due: "/risk-assessments",
  internal_audit_due: "/internal-audits",
  continuity_review_due: "/continuity?due=1",
  continuity_test_due: "/continuity?due=1",
};

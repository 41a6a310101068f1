import type { Role } from "../auth/permissions";

// The one "attention" model: what is due or overdue in an organisation, item by item. The per-role
// dashboards, the in-app notifications, the email reminders, the weekly digest and the group-chat
// channels all read these items (attention.server.ts), so they never disagree about what is due.

/** Every kind of thing that can need someone's attention. */
export const attentionKinds = [
  // The gate
  "inspection_due", // a scheduled inspection due today (or overdue) at a site
  "release_waiting", // a container/truck held back by a failed inspection, waiting for a supervisor
  "inspection_signoff", // an inspection waiting for a supervisor's sign-off
  "seal_report", // an open broken/wrong-seal report
  "incident_open", // an incident or anomaly not yet closed (overdue when customs must hear of it and has not)
  "seal_issued", // seals issued to a custodian and not yet applied or returned
  "visitor_on_site", // a visitor signed in and not out
  // Corrective actions
  "action_due", // an open action due soon or overdue, for its owner
  "action_verification", // a finding closed by its owner, waiting for a supervisor's verification
  // Partners
  "evaluation_due", // a partner's re-evaluation due soon or overdue
  "supervision_due", // a partner's periodic supervision check due soon or overdue (its tier's interval)
  "questionnaire_answered", // an answered questionnaire to review
  "evaluation_decision", // a prepared evaluation waiting for a four-eyes decision
  "contract_clauses_missing", // a contract missing a required security clause
  "partner_certificate_expiring", // a partner's AEO/CTPAT certificate expiring or expired
  // People
  "personnel_check_due", // a background (re-)check due or overdue
  "exit_overdue", // an exit whose offboarding items are overdue
  "training_gap", // a person missing a required training
  // Compliance
  "certificate_expiring", // the organisation's own AEO re-certification, or a seal model's certificate
  "assessment_open", // a self-assessment in progress
  "dossier_ready", // a dossier generated and ready
  "cargo_discrepancy", // a cargo reconciliation's discrepancy whose corrective action is not done
  "risk_approval", // a risk assessment waiting for a manager's four-eyes approval
  "risk_review_due", // the current risk assessment of a subject due for its periodic review
  "internal_audit_due", // the annual internal audit due (none in the last 12 months)
  "continuity_review_due", // a business continuity plan due for its review
  "continuity_test_due", // a business continuity plan due to be tested
] as const;
export type AttentionKind = (typeof attentionKinds)[number];

/** How pressing an item is today. */
export type AttentionState = "overdue" | "due_today" | "due_soon" | "waiting";

export interface AttentionItem {
  kind: AttentionKind;
  /**
   * The item's identity, the same on every day it stays due: `${kind}:${recordId}` (plus a suffix
   * when one record yields several items). A reminder is sent once per key, person and day.
   */
  key: string;
  recordId: string;
  /** The record's reference number when it has one (CA-0001, EV-00001, SL-000001, …). */
  reference: string | null;
  /** What it is about, in both languages, ready to show in a page, an email or a group message. */
  title: { zh: string; en: string };
  state: AttentionState;
  /** ISO date (yyyy-mm-dd) it is or was due, when it has one. */
  dueOn: string | null;
  /** Where in the app it is done (a path, e.g. /actions/…). */
  href: string;
  siteId: string | null;
  /** The one person whose work it is, when there is one (action owner, seal custodian, …). */
  ownerUserId: string | null;
  /** Otherwise (and also) the roles whose work it is. */
  roles: readonly Role[];
}

/** Whose attention: a member of the organisation, by person and role. */
export interface AttentionViewer {
  userId: string;
  role: Role;
  /**
   * The sites the person works at (a guard posted at one gate), when the organisation says so: items
   * of other sites are not theirs. Absent or empty: every site (attention.server.ts viewerSites).
   */
  siteIds?: readonly string[];
}

/** Where and when: the organisation, its time zone and today's date there. */
export interface AttentionScope {
  organizationId: string;
  timeZone: string;
  today: string;
}

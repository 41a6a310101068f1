// Who may do what. The one place that decides; loaders and actions ask it through
// requirePermission (auth.server.ts), and pages ask `can` to hide what a role cannot use.

// security_lead (安保主管) supervises the guards: signs off inspections and decides on releases.
export const roles = ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"] as const;
export type Role = (typeof roles)[number];

const everyone: readonly Role[] = roles;
const managers: readonly Role[] = ["owner", "admin"];
const compliance: readonly Role[] = ["owner", "admin", "compliance"];
const supervisors: readonly Role[] = ["owner", "admin", "security_lead"];
const securityDesk: readonly Role[] = ["owner", "admin", "compliance", "security_lead"];
const purchasing: readonly Role[] = ["owner", "admin", "compliance", "procurement"];
const gate: readonly Role[] = ["owner", "admin", "compliance", "security_lead", "security"];
const people: readonly Role[] = ["owner", "admin", "hr"];

const rules = {
  "dashboard.read": everyone,
  "organization.read": everyone,
  "organization.update": managers,
  "sites.read": everyone,
  "sites.manage": managers,
  "members.read": everyone,
  "members.manage": managers,
  "audit.read": ["owner", "admin", "compliance", "auditor"],
  "outbox.read": managers,
  "criteria.read": everyone,
  "policies.read": everyone,
  "policies.manage": compliance,
  "assessments.read": everyone,
  "assessments.manage": compliance,
  "actions.read": everyone,
  /** Create, reassign and cancel any action. The owner of an action may also progress and close it. */
  "actions.manage": compliance,
  "inspections.read": everyone,
  /** Run inspections, upload their photos, release a container or truck that nothing holds back. */
  "inspections.record": ["owner", "admin", "compliance", "security_lead", "security"],
  /** Sign off inspections and override a blocked release with a written reason (never one's own). */
  "inspections.supervise": supervisors,
  "templates.manage": securityDesk,
  "schedules.manage": securityDesk,
  "partners.read": everyone,
  /** Register and edit partners, prepare evaluations, send questionnaire links, record supervision and contracts. */
  "partners.manage": purchasing,
  /** Approve or reject a prepared evaluation: never the person who prepared it (four eyes). */
  "partners.decide": compliance,
  /** Tier thresholds, re-evaluation intervals, the required clauses. */
  "partners.policy": compliance,
  "clauses.manage": purchasing,
  "seals.read": everyone,
  /** Take seals into custody, apply them, verify them (VVTT) and report broken or wrong seals. */
  "seals.record": gate,
  /** Seal models and their certificates, receiving ranges, voiding, seal audits. */
  "seals.manage": securityDesk,
  "visitors.read": everyone,
  "visitors.record": gate,
  "cargo.read": everyone,
  /** Record receiving and shipping reconciliations (documents against the count) and raise the action of a discrepancy. */
  "cargo.record": gate,
  "incidents.read": everyone,
  /** Report an incident or anomaly: whoever is at the gate or on the floor when it is found. */
  "incidents.report": gate,
  /** Investigate, notify customs, raise corrective actions, close; keep the customs-contact log. */
  "incidents.manage": securityDesk,
  "badges.read": everyone,
  /** Issue, take back, report lost and revoke badges, access cards and keys. */
  "badges.manage": gate,
  /** The employee list with identity numbers masked: not the guards' or buyers' business. */
  "personnel.read": ["owner", "admin", "compliance", "security_lead", "hr", "auditor"],
  "personnel.manage": people,
  /** Full identity numbers and dates of birth (personal data). */
  "personnel.identity": people,
  /** Tick off exit items: HR, and the security lead who collects badges and keys and bars access. */
  "personnel.offboard": ["owner", "admin", "security_lead", "hr"],
  "training.read": everyone,
  "training.manage": ["owner", "admin", "compliance", "hr"],
  "internalAudits.read": everyone,
  /** Record the annual internal audit, its findings and the actions they raise. */
  "internalAudits.manage": compliance,
  "risk.read": everyone,
  /** Write supply-chain risk assessments (drafts). */
  "risk.manage": compliance,
  /** Approve a risk assessment: a manager, never its author (four eyes). */
  "risk.approve": managers,
  /** Business continuity plans and their tests: every member may read what to do when operations are disrupted. */
  "continuity.read": everyone,
  /** Write continuity plans (drafts) and record their tests, whose findings raise corrective actions. */
  "continuity.manage": compliance,
  /** Approve a continuity plan: a manager, never its author (four eyes), as for risk assessments. */
  "continuity.approve": managers,
  /** Evidence dossiers hold records of every register (personal data masked): compliance and the auditor. */
  "dossiers.read": ["owner", "admin", "compliance", "auditor"],
  "dossiers.create": compliance,
  /** Share links for certifiers: create and revoke. The list and its access log need only dossiers.read (the auditor sees who opened what). */
  "dossiers.share": compliance,
  /** Upload or remove the organisation's signing certificate. */
  "signing.manage": managers,
  /** The organisation's reminder hour and its group-chat channels (WeCom, DingTalk, Feishu). */
  "notifications.manage": managers,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof rules;
export const permissions = Object.keys(rules) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return (rules[permission] as readonly Role[]).includes(role);
}

/** The roles that hold a permission, for the message that explains a refusal. */
export function rolesWith(permission: Permission): readonly Role[] {
  return rules[permission];
}

/**
 * Role changes have rules of their own: only an owner may grant or take away the owner role,
 * and an organisation always keeps at least one active owner (checked where the count is known).
 */
export function canAssignRole(actor: Role, from: Role | null, to: Role): boolean {
  if (!can(actor, "members.manage")) return false;
  if (to === "owner" || from === "owner") return actor === "owner";
  return true;
}

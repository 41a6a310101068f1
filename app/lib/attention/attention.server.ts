import { and, eq } from "drizzle-orm";
import { memberships, organizations } from "../../../db/schema";
import { listOrganizationStatuses } from "../organizations/organization-statuses.server";
import type { Role } from "../auth/permissions";
import type { Database } from "../db-types.server";
import { sitesOfMember } from "../personnel/personnel-queries.server";
import { heldInspectionItems, incidentItems, scheduleItems, sealItems, verificationItems, visitorItems } from "./attention-gate.server";
import { actionItems, complianceItems, evaluationItems, partnerItems, peopleItems } from "./attention-office.server";
import { cargoItems, internalAuditItems, riskItems } from "./attention-registers.server";
import { continuityItems } from "./attention-continuity.server";
import { attentionRoles, compareItems, itemsFor, managerRoles, withManagerFallback } from "./attention-rules";
import type { AttentionItem, AttentionScope, AttentionViewer } from "./attention-types";

// The one attention model: every due or overdue item of an organisation, computed from the records
// by the queries the domain pages use (attention-gate, attention-office), and split per person by
// the pure itemsFor (attention-rules.ts). The dashboards, the reminders and the digest all read it,
// so what a page shows, what an email says and what a digest counts never disagree.
//
// Owner and admin: they receive what the permissions make theirs (decisions on partners, the
// self-assessment, the organisation's certificate, with compliance) and whatever nobody else in
// the organisation could do (no active member holds the item's roles: withManagerFallback). Items
// they own (their actions, dossiers they asked for) are theirs like anyone's. The rest of the
// organisation's items they see as counts on their dashboard, not as their own work.

export { itemsFor } from "./attention-rules";

interface Source {
  /** `viewerId`: only this person's own items are wanted of a source that has nothing else for them. */
  run: (db: Database, scope: AttentionScope, org: OrgFacts, viewerId?: string) => Promise<AttentionItem[]>;
  /** The roles its unowned items go to. */
  roles: readonly Role[];
  /** It yields items owned by one person (actions, seals in custody, dossiers). */
  owned: boolean;
}

interface OrgFacts {
  /** When it started with Tradeguard: the first internal audit is counted from it. */
  createdAt: Date | null;
  /** The levels the organisation holds (organization_statuses), for its own certificates' dates. */
  statuses: readonly { programme: string; level: string; validUntil: string | null }[];
}

const sources: readonly Source[] = [
  { run: scheduleItems, roles: attentionRoles.gate, owned: false },
  { run: visitorItems, roles: attentionRoles.gate, owned: false },
  { run: heldInspectionItems, roles: attentionRoles.supervision, owned: false },
  { run: verificationItems, roles: attentionRoles.supervision, owned: false },
  { run: sealItems, roles: [...attentionRoles.supervision, ...attentionRoles.gate], owned: true },
  { run: incidentItems, roles: [...attentionRoles.supervision, ...attentionRoles.compliance], owned: false },
  { run: (db, scope, _org, viewerId) => actionItems(db, scope, viewerId), roles: [], owned: true },
  { run: partnerItems, roles: attentionRoles.purchasing, owned: false },
  { run: evaluationItems, roles: [...attentionRoles.purchasing, ...attentionRoles.compliance], owned: false },
  { run: peopleItems, roles: attentionRoles.people, owned: false },
  { run: (db, scope, org) => complianceItems(db, scope, org), roles: attentionRoles.compliance, owned: true },
  { run: cargoItems, roles: [...attentionRoles.supervision, ...attentionRoles.compliance], owned: false },
  { run: riskItems, roles: attentionRoles.compliance, owned: false },
  { run: (db, scope, org) => internalAuditItems(db, scope, org), roles: attentionRoles.compliance, owned: false },
  { run: continuityItems, roles: attentionRoles.compliance, owned: false },
];

async function organizationFacts(db: Database, orgId: string) {
  const [[org], statuses, members] = await Promise.all([
    db.select({ createdAt: organizations.createdAt }).from(organizations).where(eq(organizations.id, orgId)),
    listOrganizationStatuses(db, orgId),
    db
      .selectDistinct({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organizationId, orgId), eq(memberships.status, "active"))),
  ]);
  return { org: { createdAt: org?.createdAt ?? null, statuses }, activeRoles: new Set<Role>(members.map((m) => m.role)) };
}

async function run(db: Database, scope: AttentionScope, chosen: readonly Source[], viewer?: AttentionViewer): Promise<AttentionItem[]> {
  const { org, activeRoles } = await organizationFacts(db, scope.organizationId);
  // A source none of whose unowned items can be the viewer's is read for their own items only.
  const lists = await Promise.all(chosen.map((s) => s.run(db, scope, org, viewer && !s.roles.includes(viewer.role) ? viewer.userId : undefined)));
  return withManagerFallback(lists.flat(), activeRoles).sort(compareItems);
}

/** Every item of the organisation, most pressing first: for the reminder job, computed once and split per person. */
export function organizationAttention(db: Database, scope: AttentionScope): Promise<AttentionItem[]> {
  return run(db, scope, sources);
}

/**
 * The viewer's items, most pressing first. Only the sources that can hold one of theirs are read
 * (a guard's dashboard does not read the partner register); owner and admin read all, as anything
 * may fall to them.
 */
export async function attentionFor(db: Database, scope: AttentionScope, viewer: AttentionViewer): Promise<AttentionItem[]> {
  const manager = managerRoles.includes(viewer.role);
  const chosen = manager ? sources : sources.filter((s) => s.owned || s.roles.includes(viewer.role));
  return itemsFor(await run(db, scope, chosen, manager ? undefined : viewer), viewer);
}

/**
 * The sites a member works at, from the employee records linked to their account: a guard posted
 * at the bonded warehouse sees that gate's items. None linked: every site (an empty list).
 */
export function viewerSites(db: Database, scope: AttentionScope, userId: string): Promise<string[]> {
  return sitesOfMember(db, scope.organizationId, userId, scope.today);
}

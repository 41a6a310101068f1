import type { Organization, OrganizationStatus } from "../../../db/schema";
import { levelOf, programmeOf } from "./status-levels";
import type { listAuditEvents } from "~/lib/audit/audit.server";
import { auditEntityLabel } from "~/lib/audit/audit-label";
import { attentionAreas, countByKind, kindArea, kindListHref, type AttentionArea } from "~/lib/attention/attention-rules";
import type { AttentionItem, AttentionKind, AttentionState } from "~/lib/attention/attention-types";
import type { listAssessments } from "~/lib/assessments/assessment-queries.server";
import type { Role } from "~/lib/auth/permissions";
import type { coverageByFramework } from "~/lib/criteria/criteria.server";
import { dossierReference } from "~/lib/dossiers/dossier-schema";
import type { listDossiers } from "~/lib/dossiers/dossiers.server";
import type { countActiveMembers, listSites } from "~/lib/organizations/organizations.server";
import type { requirementAttention } from "~/lib/training/training-requirements.server";

// The dashboard's data (app/routes/_app._index): one page per role, each built from the attention
// model (app/lib/attention) so that it shows exactly what the reminders and the digest count. The
// loader decides what a role reads; this maps it for the page's cards.

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/** Which dashboard a role opens. Owner and admin share the manager's; compliance has its own. */
export type DashboardKind = "guard" | "lead" | "procurement" | "hr" | "compliance" | "manager" | "auditor";

export function dashboardKind(role: Role): DashboardKind {
  switch (role) {
    case "security":
      return "guard";
    case "security_lead":
      return "lead";
    case "owner":
    case "admin":
      return "manager";
    default:
      return role;
  }
}

/** The dashboards that show the compliance cards (coverage, assessments, dossiers, certification). */
export function showsCompliance(kind: DashboardKind): boolean {
  return kind === "compliance" || kind === "manager" || kind === "auditor";
}

/** How many lines of one kind a group lists; the rest is a count and a link to the full list. */
export const GROUP_LISTED = 8;

export interface DashboardRows {
  /** The viewer's own items (empty for the auditor, who does none). */
  mine: readonly AttentionItem[];
  /** Every item of the organisation, for the overview (manager, auditor, security lead), else null. */
  organization: readonly AttentionItem[] | null;
  coverage: Rows<typeof coverageByFramework> | null;
  assessments: Rows<typeof listAssessments> | null;
  dossiers: Rows<typeof listDossiers> | null;
  sites: Rows<typeof listSites> | null;
  /** The yearly training requirement per framework (HR and managers), else null. */
  training: Rows<typeof requirementAttention> | null;
  members: Rows<typeof countActiveMembers> | null;
  /** The certification levels the organisation holds (compliance dashboards), else null. */
  statuses?: readonly OrganizationStatus[] | null;
  /** The audit trail's first page, or null when the viewer may not read it. */
  activity: Rows<typeof listAuditEvents> | null;
}

export interface DashboardContext {
  organization: Pick<
    Organization,
    "customsCode" | "unifiedSocialCreditCode" | "aeoStatus" | "aeoCertificateNumber" | "aeoNextRecertificationOn" | "enterpriseTypes"
  >;
  role: Role;
  today: string;
  /** The reader's language: the activity's one-line labels are in it. */
  locale: string;
}

export interface ItemLine {
  key: string;
  reference: string | null;
  title: { zh: string; en: string };
  state: AttentionState;
  dueOn: string | null;
  href: string;
}

export interface AttentionGroup {
  kind: AttentionKind;
  total: number;
  overdue: number;
  lines: ItemLine[];
  /** The full list, when the group lists fewer lines than it counts. */
  moreHref: string | null;
}

function line(item: AttentionItem): ItemLine {
  return { key: item.key, reference: item.reference, title: item.title, state: item.state, dueOn: item.dueOn, href: item.href };
}

/** The viewer's items by kind, the kinds with something overdue first, each kind's most pressing first. */
export function attentionGroups(items: readonly AttentionItem[]): AttentionGroup[] {
  const groups = countByKind(items).map(({ kind, total, overdue }) => {
    const ofKind = items.filter((i) => i.kind === kind);
    const listHref = kind === "action_due" ? "/actions?mine=1" : kindListHref[kind];
    return { kind, total, overdue, lines: ofKind.slice(0, GROUP_LISTED).map(line), moreHref: total > GROUP_LISTED ? listHref : null };
  });
  // Stable: within "has overdue" and "has none", the model's order of kinds stays.
  return [...groups.filter((g) => g.overdue > 0), ...groups.filter((g) => g.overdue === 0)];
}

export interface AreaOverview {
  area: AttentionArea;
  kinds: { kind: AttentionKind; total: number; overdue: number; href: string }[];
}

/**
 * The desks a dashboard shows the counts of: every desk for those who oversee (manager) or inspect
 * (auditor) the organisation; the gate's for the security lead who supervises it; none for the rest.
 */
export function overviewAreas(kind: DashboardKind): readonly AttentionArea[] {
  if (kind === "manager" || kind === "auditor") return attentionAreas;
  if (kind === "lead") return ["gate", "supervision", "actions"];
  return [];
}

/** The organisation's counts by desk (those of `areas`), each opening its list. */
export function areaOverview(items: readonly AttentionItem[], areas: readonly AttentionArea[] = attentionAreas): AreaOverview[] {
  const counts = countByKind(items);
  return areas
    .map((area) => ({
      area,
      kinds: counts.filter((c) => kindArea[c.kind] === area).map((c) => ({ ...c, href: kindListHref[c.kind] })),
    }))
    .filter((a) => a.kinds.length > 0);
}

/** The newest assessment of each framework, with its live score. */
function latestAssessments(rows: Rows<typeof listAssessments>) {
  const seen = new Set<string>();
  const out = [];
  for (const { assessment, framework, outcome, reference } of rows) {
    if (seen.has(framework.code)) continue;
    seen.add(framework.code);
    out.push({
      id: assessment.id,
      reference,
      title: assessment.title,
      status: assessment.status,
      assessedOn: assessment.assessedOn,
      frameworkCode: framework.code,
      outcome,
    });
  }
  return out;
}

export function dashboardView(rows: DashboardRows, context: DashboardContext) {
  const { organization: o, role, today, locale } = context;
  const kind = dashboardKind(role);
  return {
    kind,
    today,
    groups: attentionGroups(rows.mine),
    overview: rows.organization ? areaOverview(rows.organization, overviewAreas(kind)) : null,
    organization: {
      customsCode: o.customsCode,
      unifiedSocialCreditCode: o.unifiedSocialCreditCode,
      aeoStatus: o.aeoStatus,
      aeoCertificateNumber: o.aeoCertificateNumber,
      aeoNextRecertificationOn: o.aeoNextRecertificationOn,
      enterpriseTypes: o.enterpriseTypes,
      // Each programme's level held, with the names of both from status-levels.ts.
      statuses: (rows.statuses ?? []).map((x) => {
        const programme = programmeOf(x.programme);
        const level = levelOf(x.programme, x.level);
        return {
          programme: x.programme,
          programmeNameZh: programme?.nameZh ?? x.programme,
          programmeNameEn: programme?.nameEn ?? x.programme,
          levelNameZh: level?.nameZh ?? x.level,
          levelNameEn: level?.nameEn ?? x.level,
          certificateNumber: x.certificateNumber,
          validUntil: x.validUntil,
        };
      }),
    },
    coverage: rows.coverage ?? [],
    assessments: rows.assessments ? latestAssessments(rows.assessments) : null,
    dossiers:
      rows.dossiers?.slice(0, 5).map(({ dossier, framework }) => ({
        id: dossier.id,
        reference: dossierReference(dossier.number),
        status: dossier.status,
        frameworkCode: framework.code,
        periodFrom: dossier.periodFrom,
        periodTo: dossier.periodTo,
      })) ?? null,
    sites: rows.sites?.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn, kind: s.kind })) ?? null,
    members: rows.members,
    training: rows.training,
    // Only what the one-line summary shows; the full before/after stays on the audit page.
    activity:
      rows.activity?.rows.slice(0, 10).map((e) => ({
        id: e.id,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        actorName: e.actorName,
        actorEmail: e.actorEmail,
        occurredAt: e.occurredAt,
        label: auditEntityLabel(e.before, e.after, locale),
      })) ?? null,
  };
}

export type DashboardView = ReturnType<typeof dashboardView>;

import type { Organization } from "../../../db/schema";
import type { listAuditEvents } from "~/lib/audit/audit.server";
import { auditEntityLabel } from "~/lib/audit/audit-label";
import { can, type Role } from "~/lib/auth/permissions";
import type { coverageByFramework } from "~/lib/criteria/criteria.server";
import type { inspectionsNeedingAttention } from "~/lib/inspections/inspection-queries.server";
import type { countSchedules, dueInspections } from "~/lib/inspections/schedules.server";
import type { countActiveMembers, listSites } from "~/lib/organizations/organizations.server";
import type { evaluationsAwaitingDecision } from "~/lib/partners/evaluation-queries.server";
import { evaluationReference, partnerReference } from "~/lib/partners/partner-references";
import type { partnerAttention } from "~/lib/partners/partner-policy.server";
import type { overdueOffboardings } from "~/lib/personnel/personnel-offboarding.server";
import type { openSealReports } from "~/lib/seals/seal-queries.server";
import type { requirementAttention } from "~/lib/training/training-requirements.server";
import type { visitorsOnSiteSummary } from "~/lib/visitors/visitors.server";

// The dashboard's data (app/routes/_app._index): what its loader read across the domains, mapped
// for the page's cards. Which of the reads a role may see is decided in the loader (a role that may
// not read the audit trail or personnel gets null for those, not an empty list).

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export interface DashboardRows {
  sites: Rows<typeof listSites>;
  members: Rows<typeof countActiveMembers>;
  /** The audit trail's first page, or null when the viewer may not read it. */
  activity: Rows<typeof listAuditEvents> | null;
  coverage: Rows<typeof coverageByFramework>;
  due: Rows<typeof dueInspections>;
  attention: Rows<typeof inspectionsNeedingAttention>;
  scheduleCount: Rows<typeof countSchedules>;
  partnerWatch: Rows<typeof partnerAttention>;
  awaitingDecision: Rows<typeof evaluationsAwaitingDecision>;
  training: Rows<typeof requirementAttention>;
  /** Exits past their deadline, or null when the viewer may not read personnel. */
  overdueExits: Rows<typeof overdueOffboardings> | null;
  visitorsOnSite: Rows<typeof visitorsOnSiteSummary>;
  sealReports: Rows<typeof openSealReports>;
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

type PartnerRow = { id: string; number: number; legalNameZh: string; legalNameEn: string; status: "pending" | "approved" | "conditional" | "rejected" };

function partnerLine(p: PartnerRow) {
  return { id: p.id, reference: partnerReference(p.number), legalNameZh: p.legalNameZh, legalNameEn: p.legalNameEn, status: p.status };
}

function scheduleLine(s: DashboardRows["due"]["due"][number]) {
  return {
    id: s.schedule.id,
    templateCode: s.schedule.templateCode,
    siteId: s.schedule.siteId,
    templateTitleZh: s.templateTitleZh,
    templateTitleEn: s.templateTitleEn,
    siteNameZh: s.siteNameZh,
    siteNameEn: s.siteNameEn,
    frequency: s.schedule.frequency,
    dueBy: s.status.state === "due" ? s.status.period.end : null,
    missedSince: s.status.state === "overdue" ? s.status.missed.end : null,
  };
}

export function dashboardView(rows: DashboardRows, context: DashboardContext) {
  const { sites, members, activity, coverage, due, attention, scheduleCount, partnerWatch, awaitingDecision, training, overdueExits } = rows;
  const { organization: o, role, today, locale } = context;
  return {
    visitorsOnSite: rows.visitorsOnSite,
    sealReports: rows.sealReports,
    organization: {
      customsCode: o.customsCode,
      unifiedSocialCreditCode: o.unifiedSocialCreditCode,
      aeoStatus: o.aeoStatus,
      aeoCertificateNumber: o.aeoCertificateNumber,
      aeoNextRecertificationOn: o.aeoNextRecertificationOn,
      enterpriseTypes: o.enterpriseTypes,
    },
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn, kind: s.kind })),
    members,
    coverage,
    partners: {
      today,
      awaitingDecisionCount: awaitingDecision.total,
      awaitingDecision: awaitingDecision.rows.map(({ evaluation, partner }) => ({
        id: evaluation.id,
        reference: evaluationReference(evaluation.number),
        status: evaluation.status,
        partner: partnerLine(partner),
      })),
      due: partnerWatch.due.map((p) => ({ ...partnerLine(p), nextEvaluationOn: p.nextEvaluationOn, evaluationStatus: p.evaluationStatus })),
      dueCount: partnerWatch.dueCount.total,
      dueMore: partnerWatch.dueCount.more,
      expiring: partnerWatch.expiring.map((p) => ({ ...partnerLine(p), aeoValidUntil: p.aeoValidUntil, aeoProgramme: p.aeoProgramme })),
      unbound: partnerWatch.unbound.map(partnerLine),
      unboundCount: partnerWatch.unboundCount.total,
      unboundMore: partnerWatch.unboundCount.more,
      hasActive: partnerWatch.hasActive,
    },
    inspections: {
      canRecord: can(role, "inspections.record"),
      scheduleCount,
      due: due.due.map(scheduleLine),
      overdue: due.overdue.map(scheduleLine),
      awaitingSignoff: attention.filter((i) => i.awaitingSignoff).map((i) => ({ id: i.id, reference: i.reference, titleZh: i.titleZh, titleEn: i.titleEn })),
      blocked: attention
        .filter((i) => i.release.state === "blocked")
        .map((i) => ({ id: i.id, reference: i.reference, titleZh: i.titleZh, titleEn: i.titleEn, containerNumber: i.containerNumber })),
    },
    overdueExits,
    training,
    // Only what the one-line summary shows; the full before/after stays on the audit page.
    activity:
      activity?.rows.slice(0, 10).map((e) => ({
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

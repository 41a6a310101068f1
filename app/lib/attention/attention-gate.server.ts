import { actionReference } from "../assessments/result-labels";
import { actionSources } from "../actions/action-queries.server";
import { actionTitles } from "../actions/action-titles";
import type { Database } from "../db-types.server";
import { zonedDateTimeToUtc } from "../i18n/format";
import { inspectionsAwaitingVerification, inspectionsNeedingAttention } from "../inspections/inspection-queries.server";
import { dueInspections } from "../inspections/schedules.server";
import { issuedSealsByCustodian, openSealReports, sealModelsWithoutCertificate } from "../seals/seal-queries.server";
import { visitorsOnSiteSummary } from "../visitors/visitors.server";
import { unclosedIncidents } from "../incidents/incidents.server";
import { customsNotificationRequired, incidentReference } from "../incidents/incident-rules";
import { attentionRoles, stateOfDue } from "./attention-rules";
import { bilingual, label, pair } from "./attention-titles.server";
import type { AttentionItem, AttentionScope } from "./attention-types";

// The gate's items: inspections due by schedule, containers held, sign-offs and fixed findings
// waiting for the supervisor, open seal reports, seals in a guard's custody, visitors on site.
// Each reads the query its page already uses (schedules, inspections, seals, visitors).

/** Today's noon in the organisation's zone: the instant the schedules are judged at for `today`. */
function noonOf(scope: AttentionScope): Date {
  return zonedDateTimeToUtc(`${scope.today}T12:00`, scope.timeZone);
}

export async function scheduleItems(db: Database, scope: AttentionScope): Promise<AttentionItem[]> {
  const { due, overdue } = await dueInspections(db, scope.organizationId, scope.timeZone, noonOf(scope));
  return [...overdue, ...due].map((s) => {
    const dueOn = s.status.state === "overdue" ? s.status.missed.end : s.status.state === "due" ? s.status.period.end : scope.today;
    return {
      kind: "inspection_due",
      key: `inspection_due:${s.schedule.id}`,
      recordId: s.schedule.id,
      reference: null,
      title: bilingual("inspectionDue", { template: pair(s.templateTitleZh, s.templateTitleEn), site: pair(s.siteNameZh, s.siteNameEn) }),
      state: s.status.state === "overdue" ? "overdue" : stateOfDue(dueOn, scope.today),
      dueOn,
      href: `/inspections/new?template=${encodeURIComponent(s.schedule.templateCode)}&site=${s.schedule.siteId}`,
      siteId: s.schedule.siteId,
      ownerUserId: null,
      roles: attentionRoles.gate,
    };
  });
}

/** Containers held by open actions (the supervisor may override) and inspections waiting for a signature. */
export async function heldInspectionItems(db: Database, scope: AttentionScope): Promise<AttentionItem[]> {
  const rows = await inspectionsNeedingAttention(db, scope.organizationId);
  const items: AttentionItem[] = [];
  for (const r of rows) {
    const template = pair(r.titleZh, r.titleEn);
    const base = { recordId: r.id, reference: r.reference, href: `/inspections/${r.id}`, siteId: r.siteId, ownerUserId: null, roles: attentionRoles.supervision };
    if (r.awaitingSignoff)
      items.push({
        ...base,
        kind: "inspection_signoff",
        key: `inspection_signoff:${r.id}`,
        title: bilingual("inspectionSignoff", { reference: r.reference, template }),
        state: "waiting",
        dueOn: null,
      });
    // Held only by findings closed and waiting for verification: that is the action_verification item.
    const toFix = r.openActions - r.unverifiedActions;
    if (r.release.state === "blocked" && toFix > 0)
      items.push({
        ...base,
        kind: "release_waiting",
        key: `release_waiting:${r.id}`,
        title: r.containerNumber
          ? bilingual("releaseWaiting", { reference: r.reference, template, container: r.containerNumber, count: toFix })
          : bilingual("releaseWaitingNoContainer", { reference: r.reference, template, count: toFix }),
        state: "waiting",
        dueOn: null,
      });
  }
  return items;
}

/**
 * A finding closed by its owner on a container that is still held, waiting for a supervisor's
 * verification (status awaiting_verification): it is done on the action's page.
 */
export async function verificationItems(db: Database, scope: AttentionScope): Promise<AttentionItem[]> {
  const rows = await inspectionsAwaitingVerification(db, scope.organizationId);
  const sources = await actionSources(
    db,
    scope.organizationId,
    rows.map((r) => r.action),
  );
  return rows.map((r) => {
    const reference = actionReference(r.action.number);
    const titles = actionTitles(r.action, sources.get(r.action.id) ?? null);
    return {
      kind: "action_verification",
      key: `action_verification:${r.action.id}`,
      recordId: r.action.id,
      reference,
      title: bilingual("actionVerification", { action: reference, title: titles }),
      state: "waiting",
      dueOn: null,
      href: `/actions/${r.action.id}`,
      siteId: r.siteId,
      ownerUserId: null,
      roles: attentionRoles.supervision,
    };
  });
}

export const SEAL_REPORTS_LISTED = 200;

export async function sealItems(db: Database, scope: AttentionScope): Promise<AttentionItem[]> {
  const [reports, issued, models] = await Promise.all([
    openSealReports(db, scope.organizationId, SEAL_REPORTS_LISTED),
    issuedSealsByCustodian(db, scope.organizationId),
    sealModelsWithoutCertificate(db, scope.organizationId),
  ]);
  const items: AttentionItem[] = reports.rows.map((r) => {
    const kind = label(`seals.reportKind.${r.reportKind ?? "discrepancy"}`);
    return {
      kind: "seal_report",
      key: `seal_report:${r.id}`,
      recordId: r.id,
      reference: r.sealNumber,
      title: r.target ? bilingual("sealReportOn", { number: r.sealNumber, kind, target: r.target }) : bilingual("sealReport", { number: r.sealNumber, kind }),
      state: "waiting",
      dueOn: null,
      href: `/seals/${r.sealId}`,
      siteId: null,
      ownerUserId: null,
      roles: attentionRoles.supervision,
    };
  });
  for (const s of issued) {
    if (!s.custodianUserId) continue;
    const site = s.siteId ?? "none";
    items.push({
      kind: "seal_issued",
      key: `seal_issued:${s.custodianUserId}:${site}`,
      recordId: s.custodianUserId,
      reference: null,
      title: bilingual("sealIssued", { count: s.count, range: s.first === s.last ? s.first : `${s.first}–${s.last}` }),
      state: "waiting",
      dueOn: null,
      href: "/seals/apply",
      siteId: s.siteId,
      ownerUserId: s.custodianUserId,
      roles: attentionRoles.gate,
    });
  }
  for (const m of models)
    items.push({
      kind: "certificate_expiring",
      key: `certificate_expiring:seal_model:${m.id}`,
      recordId: m.id,
      reference: null,
      title: bilingual("sealModelCertificate", { model: `${m.manufacturer} ${m.modelName}` }),
      state: "waiting",
      dueOn: null,
      href: "/seals/models",
      siteId: null,
      ownerUserId: null,
      roles: attentionRoles.supervision,
    });
  return items;
}

export async function visitorItems(db: Database, scope: AttentionScope): Promise<AttentionItem[]> {
  const rows = await visitorsOnSiteSummary(db, scope.organizationId, scope.timeZone, noonOf(scope));
  return rows.map((r) => {
    const site = pair(r.siteNameZh, r.siteNameEn);
    return {
      kind: "visitor_on_site",
      key: `visitor_on_site:${r.siteId}`,
      recordId: r.siteId,
      reference: null,
      title: r.notSignedOut
        ? bilingual("visitorOnSiteOvernight", { site, count: r.onSite, overnight: r.notSignedOut })
        : bilingual("visitorOnSite", { site, count: r.onSite }),
      // Someone signed in on an earlier day and never out is a gap in the log, not just a visit.
      state: r.notSignedOut ? "overdue" : "waiting",
      dueOn: null,
      href: `/visitors?site=${r.siteId}`,
      siteId: r.siteId,
      ownerUserId: null,
      roles: attentionRoles.gate,
    };
  });
}

/**
 * Incidents not yet closed, for the security lead and compliance: overdue when customs must hear of
 * the kind and has not been told (CN-2022 (1): promptly), otherwise waiting for the investigation.
 */
export async function incidentItems(db: Database, scope: AttentionScope): Promise<AttentionItem[]> {
  const rows = await unclosedIncidents(db, scope.organizationId);
  return rows.map((r) => {
    const reference = incidentReference(r.number);
    const kind = label(`incidents.kinds.${r.kind}`);
    const customsPending = customsNotificationRequired(r.kind) && !r.customsNotifiedAt;
    return {
      kind: "incident_open",
      key: `incident_open:${r.id}`,
      recordId: r.id,
      reference,
      title: customsPending
        ? bilingual("incidentCustoms", { reference, kind })
        : bilingual("incidentOpen", { reference, kind, status: label(`incidents.statuses.${r.status}`) }),
      state: customsPending ? "overdue" : "waiting",
      dueOn: null,
      href: `/incidents/${r.id}`,
      siteId: r.siteId,
      ownerUserId: null,
      roles: [...attentionRoles.supervision, ...attentionRoles.compliance],
    };
  });
}

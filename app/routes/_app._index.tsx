import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { AuditEventSummary } from "~/components/audit/audit-event-summary";
import { Badge } from "~/components/ui/badge";
import { Card, PageHeader } from "~/components/ui/card";
import { listAuditEvents } from "~/lib/audit/audit.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useCan, useShell } from "~/lib/auth/use-session-user";
import { formatCalendarDate, formatDateTime, todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { titleFor } from "~/lib/i18n/meta";
import { auditEntityLabel } from "~/lib/audit/audit-label";
import { useLocale } from "~/lib/i18n/use-locale";
import { countActiveMembers, listSites } from "~/lib/organizations/organizations.server";
import { coverageByFramework } from "~/lib/criteria/criteria.server";
import { COVERAGE_MONTHS } from "~/lib/evidence/evidence-registry";
import { CodeBadge, criterionCode, frameworkShort } from "~/components/criteria/criterion-parts";
import { inspectionsNeedingAttention } from "~/lib/inspections/inspection-queries.server";
import { partnerName } from "~/components/partners/partner-fields";
import { evaluationsAwaitingDecision } from "~/lib/partners/evaluation-queries.server";
import { evaluationReference, partnerReference } from "~/lib/partners/partner-references";
import { ATTENTION_LISTED, partnerAttention } from "~/lib/partners/partner-policy.server";
import { countSchedules, dueInspections } from "~/lib/inspections/schedules.server";
import { VisitorsDashboardCard } from "~/components/visitors/visitors-dashboard-card";
import { visitorsOnSiteSummary } from "~/lib/visitors/visitors.server";
import { OverdueExitsCard } from "~/components/personnel/overdue-exits-card";
import { overdueOffboardings } from "~/lib/personnel/personnel-offboarding.server";
import { TrainingRequirementCard } from "~/components/training/training-requirement-card";
import { requirementAttention } from "~/lib/training/training-requirements.server";
import { OpenSealReports } from "~/components/seals/open-seal-reports";
import { openSealReports } from "~/lib/seals/seal-queries.server";

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("nav.dashboard"));

/** The current Chinese regime and the 2014 standard: the ones a Chinese AEO enterprise is judged by. */
const COVERAGE_FRAMEWORKS = ["cn-2022-advanced", "cn-2014-general"];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "dashboard.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const orgId = auth.organization.id;
  const showActivity = can(auth.membership.role, "audit.read");
  const today = todayInZone(auth.organization.timeZone);
  const [
    sites,
    members,
    activity,
    coverage,
    due,
    attention,
    scheduleCount,
    partnerWatch,
    awaitingDecision,
    training,
    overdueExits,
    visitorsOnSite,
    sealReports,
  ] = await Promise.all([
    listSites(auth.db, orgId),
    countActiveMembers(auth.db, orgId),
    showActivity ? listAuditEvents(auth.db, orgId, {}, 1) : Promise.resolve(null),
    coverageByFramework(auth.db, orgId, COVERAGE_FRAMEWORKS, 8),
    dueInspections(auth.db, orgId, auth.organization.timeZone),
    inspectionsNeedingAttention(auth.db, orgId),
    countSchedules(auth.db, orgId),
    partnerAttention(auth.db, orgId, today),
    evaluationsAwaitingDecision(auth.db, orgId, ATTENTION_LISTED),
    requirementAttention(auth.db, orgId, today),
    can(auth.membership.role, "personnel.read") ? overdueOffboardings(auth.db, orgId, today) : Promise.resolve(null),
    visitorsOnSiteSummary(auth.db, orgId, auth.organization.timeZone),
    openSealReports(auth.db, orgId),
  ]);
  const partnerLine = (p: { id: string; number: number; legalNameZh: string; legalNameEn: string; status: "pending" | "approved" | "conditional" | "rejected" }) => ({ id: p.id, reference: partnerReference(p.number), legalNameZh: p.legalNameZh, legalNameEn: p.legalNameEn, status: p.status });
  const scheduleLine = (s: (typeof due.due)[number]) => ({
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
  });
  const o = auth.organization;
  return {
    visitorsOnSite,
    sealReports,
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
      canRecord: can(auth.membership.role, "inspections.record"),
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

export default function Dashboard() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const data = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  const org = data.organization;
  const canManageSites = useCan("sites.manage");
  const canManageMembers = useCan("members.manage");
  return (
    <>
      <PageHeader
        title={en ? shell.organization.legalNameEn : shell.organization.legalNameZh}
        description={en ? shell.organization.legalNameZh : shell.organization.legalNameEn}
      />
      {/* What the gate must do today comes first: it is the page a guard opens at the start of a shift. */}
      <InspectionsCard inspections={data.inspections} />
      <div className="mt-4">
        <VisitorsDashboardCard lines={data.visitorsOnSite} />
      </div>
      <OverdueExitsCard exits={data.overdueExits} />
      {data.sealReports.total ? (
        <div className="mt-4">
          <OpenSealReports reports={data.sealReports} timeZone={shell.organization.timeZone} />
        </div>
      ) : null}
      <div className="mt-4 grid gap-4 md:grid-cols-3">
        <Card title={t("dashboard.certification")}>
          {org.aeoStatus === "advanced" ? (
            <div className="space-y-1">
              <Badge tone="good">{t("aeoStatus.advanced")}</Badge>
              <p className="text-sm text-slate-600">{org.aeoCertificateNumber}</p>
              {org.aeoNextRecertificationOn ? (
                <p className="text-sm">
                  {t("dashboard.nextRecertification", { date: formatCalendarDate(org.aeoNextRecertificationOn, locale) })}
                </p>
              ) : null}
            </div>
          ) : (
            <Badge>{t("aeoStatus.none")}</Badge>
          )}
          <dl className="mt-3 space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">{t("fields.customsCode")}</dt>
              <dd className={org.customsCode ? "font-mono" : "text-slate-500"}>{org.customsCode ?? t("common.notSet")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("fields.uscc")}</dt>
              <dd className={org.unifiedSocialCreditCode ? "break-all font-mono" : "text-slate-500"}>
                {org.unifiedSocialCreditCode ?? t("common.notSet")}
              </dd>
            </div>
          </dl>
        </Card>
        <Card title={t("dashboard.sites", { count: data.sites.length })} actions={<Link className="text-sm text-brand-700 underline" to="/settings/sites">{t(canManageSites ? "common.manage" : "common.view")}</Link>}>
          {data.sites.length === 0 ? (
            <p className="text-slate-600">{t("sites.empty")}</p>
          ) : (
            <ul className="space-y-1">
              {data.sites.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>{en ? s.nameEn : s.nameZh}</span>
                  <Badge tone="brand">{t(`siteKind.${s.kind}`)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("dashboard.members")} actions={<Link className="text-sm text-brand-700 underline" to="/settings/members">{t(canManageMembers ? "common.manage" : "common.view")}</Link>}>
          <p className="text-3xl font-bold">{data.members}</p>
          <p className="text-sm text-slate-600">{t("dashboard.activeMembers")}</p>
        </Card>
      </div>
      <PartnersCard partners={data.partners} />
      <TrainingRequirementCard attention={data.training} />
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        {data.coverage.map((f) => (
          <CoverageCard key={f.code} coverage={f} />
        ))}
      </div>
      {data.activity ? (
        <Card className="mt-4" title={t("dashboard.recentActivity")} actions={<Link className="text-sm text-brand-700 underline" to="/settings/audit">{t("dashboard.fullTrail")}</Link>}>
          {data.activity.length === 0 ? (
            <p className="text-slate-600">{t("audit.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {data.activity.map((e) => (
                <li key={e.id} className="py-2">
                  <AuditEventSummary event={e} />
                  <p className="text-xs text-slate-500">{formatDateTime(e.occurredAt, locale, shell.organization.timeZone)}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </>
  );
}

type Coverage = ReturnType<typeof useLoaderData<typeof loader>>["coverage"][number];
type DashboardInspections = ReturnType<typeof useLoaderData<typeof loader>>["inspections"];
type DashboardPartners = ReturnType<typeof useLoaderData<typeof loader>>["partners"];

/** Procurement's list: decisions waiting, re-evaluations due, certificates expiring, clauses missing. */
function PartnersCard(props: { partners: DashboardPartners }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const en = i18n.language === "en";
  const d = props.partners;
  const name = (p: { reference: string; legalNameZh: string; legalNameEn: string }) => `${p.reference} ${partnerName(p, en)}`;
  const nothing = !d.awaitingDecision.length && !d.dueCount && !d.expiring.length && !d.unboundCount;
  return (
    <Card
      className="mt-4"
      title={t("dashboard.partnersTitle")}
      actions={
        <Link className="text-sm text-brand-700 underline" to="/partners">
          {t("common.view")}
        </Link>
      }
    >
      {!d.hasActive ? (
        <p className="text-slate-600">{t("dashboard.partnersNone")}</p>
      ) : nothing ? (
        <p className="text-green-800">{t("dashboard.partnersNothing")}</p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {d.awaitingDecision.length ? (
          <Watch title={t("dashboard.partnersAwaiting", { count: d.awaitingDecisionCount })} tone="amber">
            {d.awaitingDecision.map((e) => (
              <li key={e.id}>
                <Link to={`/evaluations/${e.id}`} className="flex min-h-11 flex-wrap items-center gap-2 py-1 text-brand-700 underline">
                  <span className="font-mono text-sm">{e.reference}</span> {name(e.partner)}
                  {/* inline-block: an underline does not reach into it */}
                  <span className="inline-block text-sm text-slate-600">{t(`partners.evaluationStatus.${e.status}`)}</span>
                </Link>
              </li>
            ))}
          </Watch>
        ) : null}
        {d.dueCount ? (
          <Watch title={t(d.dueMore ? "dashboard.partnersDueMore" : "dashboard.partnersDue", { count: d.dueCount })} tone="red" more={d.dueCount > d.due.length ? <Link to="/partners?due=1" className="text-sm text-brand-700 underline">{t(d.dueMore ? "dashboard.partnersAllDueMore" : "dashboard.partnersAllDue", { count: d.dueCount })}</Link> : null}>
            {d.due.map((p) => (
              <li key={p.id}>
                <Link to={`/partners/${p.id}`} className="flex min-h-11 flex-wrap items-center gap-2 py-1 text-brand-700 underline">
                  {name(p)}
                  <span className={`inline-block text-sm ${p.nextEvaluationOn && p.nextEvaluationOn < d.today ? "font-semibold text-red-700" : "text-slate-600"}`}>
                    {p.nextEvaluationOn ? formatCalendarDate(p.nextEvaluationOn, locale) : t("partners.neverEvaluated")}
                    {p.evaluationStatus ? ` · ${t(`partners.evaluationStatus.${p.evaluationStatus}`)}` : ""}
                  </span>
                </Link>
              </li>
            ))}
          </Watch>
        ) : null}
        {d.expiring.length ? (
          <Watch title={t("dashboard.partnersExpiring", { count: d.expiring.length })} tone="amber">
            {d.expiring.map((p) => (
              <li key={p.id}>
                <Link to={`/partners/${p.id}#aeo`} className="flex min-h-11 flex-wrap items-center gap-2 py-1 text-brand-700 underline">
                  {name(p)}
                  <span className="inline-block text-sm text-slate-600">
                    {t(`partners.aeo.${p.aeoProgramme}`)} · {p.aeoValidUntil ? formatCalendarDate(p.aeoValidUntil, locale) : ""}
                  </span>
                </Link>
              </li>
            ))}
          </Watch>
        ) : null}
        {d.unboundCount ? (
          <Watch title={t(d.unboundMore ? "dashboard.partnersUnboundMore" : "dashboard.partnersUnbound", { count: d.unboundCount })} tone="amber">
            {d.unbound.map((p) => (
              <li key={p.id}>
                <Link to={`/partners/${p.id}#contracts`} className="flex min-h-11 items-center py-1 text-brand-700 underline">
                  {name(p)}
                </Link>
              </li>
            ))}
          </Watch>
        ) : null}
      </div>
    </Card>
  );
}

function Watch(props: { title: string; tone: "red" | "amber"; more?: ReactNode; children: ReactNode }) {
  return (
    <div>
      <h3 className={`text-sm font-semibold ${props.tone === "red" ? "text-red-700" : "text-amber-800"}`}>{props.title}</h3>
      <ul className="divide-y divide-slate-100">{props.children}</ul>
      {props.more}
    </div>
  );
}

/** What the gate has to do today: scheduled inspections due or missed, signatures and blocked releases. */
function InspectionsCard(props: { inspections: DashboardInspections }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const en = i18n.language === "en";
  const d = props.inspections;
  const line = (s: DashboardInspections["due"][number], overdue: boolean) => (
    <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span className="min-w-0">
        <span className="font-medium text-slate-900">{en ? s.templateTitleEn : s.templateTitleZh}</span>
        <span className="block text-sm text-slate-600">
          {en ? s.siteNameEn : s.siteNameZh} ·{" "}
          {overdue && s.missedSince
            ? t("schedules.overdue", { date: formatCalendarDate(s.missedSince, locale) })
            : s.dueBy
              ? t("schedules.dueBy", { date: formatCalendarDate(s.dueBy, locale) })
              : null}
        </span>
      </span>
      {d.canRecord ? (
        <Link
          to={`/inspections/new?template=${encodeURIComponent(s.templateCode)}&site=${s.siteId}`}
          className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-3 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {t("schedules.startNow")}
        </Link>
      ) : null}
    </li>
  );
  const nothing = !d.due.length && !d.overdue.length && !d.awaitingSignoff.length && !d.blocked.length;
  return (
    <Card
      title={t("dashboard.inspectionsTitle")}
      actions={
        <Link className="text-sm text-brand-700 underline" to="/schedules">
          {t("dashboard.inspectionsSchedules")}
        </Link>
      }
    >
      {d.scheduleCount === 0 ? <p className="mb-3 text-sm text-slate-600">{t("dashboard.inspectionsNoSchedule")}</p> : null}
      {nothing && d.scheduleCount > 0 ? <p className="text-green-800">{t("dashboard.inspectionsNothingDue")}</p> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {d.overdue.length ? (
          <div>
            <h3 className="text-sm font-semibold text-red-700">{t("dashboard.inspectionsOverdue", { count: d.overdue.length })}</h3>
            <ul className="divide-y divide-slate-100">{d.overdue.map((s) => line(s, true))}</ul>
          </div>
        ) : null}
        {d.due.length ? (
          <div>
            <h3 className="text-sm font-semibold text-amber-800">{t("dashboard.inspectionsDue", { count: d.due.length })}</h3>
            <ul className="divide-y divide-slate-100">{d.due.map((s) => line(s, false))}</ul>
          </div>
        ) : null}
        {d.blocked.length ? (
          <div>
            <h3 className="text-sm font-semibold text-red-700">{t("dashboard.inspectionsBlocked", { count: d.blocked.length })}</h3>
            <ul className="divide-y divide-slate-100">
              {d.blocked.map((i) => (
                <li key={i.id}>
                  <Link to={`/inspections/${i.id}`} className="flex min-h-11 items-center gap-2 py-1 text-brand-700 underline">
                    <span className="font-mono text-sm">{i.reference}</span> {en ? i.titleEn : i.titleZh}
                    {i.containerNumber ? <span className="font-mono text-sm text-slate-600">{i.containerNumber}</span> : null}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {d.awaitingSignoff.length ? (
          <div>
            <h3 className="text-sm font-semibold text-amber-800">{t("dashboard.inspectionsSignoff", { count: d.awaitingSignoff.length })}</h3>
            <ul className="divide-y divide-slate-100">
              {d.awaitingSignoff.map((i) => (
                <li key={i.id}>
                  <Link to={`/inspections/${i.id}`} className="flex min-h-11 items-center gap-2 py-1 text-brand-700 underline">
                    <span className="font-mono text-sm">{i.reference}</span> {en ? i.titleEn : i.titleZh}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Card>
  );
}

function Meter(props: { label: string; count: number; total: number }) {
  const { t } = useTranslation();
  const share = props.total ? Math.round((props.count / props.total) * 100) : 0;
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="text-slate-700">{props.label}</span>
        <span className="font-semibold text-slate-900">{t("dashboard.coverageOf", { count: props.count, total: props.total })}</span>
      </div>
      <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

function CoverageCard(props: { coverage: Coverage }) {
  const { t, i18n } = useTranslation();
  const f = props.coverage;
  const en = i18n.language === "en";
  return (
    <Card
      title={t("dashboard.coverageTitle", { framework: frameworkShort(t, f.code) })}
      actions={
        <Link className="text-sm text-brand-700 underline" to={`/criteria/${f.code}`}>
          {t("common.view")}
        </Link>
      }
    >
      <p className="-mt-3 mb-3 text-sm text-slate-600">{en ? f.nameEn : f.nameZh}</p>
      <div className="space-y-3">
        <Meter label={t("dashboard.coverageRecords", { months: COVERAGE_MONTHS })} count={f.withRecords} total={f.total} />
        <Meter label={t("dashboard.coveragePolicies")} count={f.withPolicy} total={f.total} />
      </div>
      <p className="mt-2 text-xs text-slate-500">{t("dashboard.coverageHint", { months: COVERAGE_MONTHS })}</p>
      <div className="mt-4 border-t border-slate-100 pt-3">
        {f.gapCount === 0 ? (
          <p className="text-sm text-green-800">{t("dashboard.coverageNoGaps")}</p>
        ) : (
          <>
            <h3 className="text-sm font-semibold text-red-700">{t("dashboard.coverageGaps", { count: f.gapCount })}</h3>
            <ul className="mt-1 divide-y divide-slate-100">
              {f.gaps.map((g) => (
                <li key={g.key}>
                  <Link to={`/criteria/${f.code}/${encodeURIComponent(g.key)}`} className="flex min-h-11 items-center gap-3 py-1 hover:bg-slate-50">
                    <span className="flex w-14 shrink-0">
                      <CodeBadge>{criterionCode(t, { ...g, level: "item" })}</CodeBadge>
                    </span>
                    <span className="text-sm text-brand-800 underline decoration-brand-100 underline-offset-2">{en ? g.titleEn : g.titleZh}</span>
                  </Link>
                </li>
              ))}
            </ul>
            <Link to={`/criteria/${f.code}?gaps=1`} className="mt-2 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
              {t("dashboard.coverageAllGaps", { count: f.gapCount })} →
            </Link>
          </>
        )}
      </div>
    </Card>
  );
}

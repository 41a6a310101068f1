import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/ui/card";
import { listAuditEvents } from "~/lib/audit/audit.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { titleFor } from "~/lib/i18n/meta";
import { useTranslation } from "~/lib/i18n/use-translation";
import { dashboardView } from "~/lib/organizations/dashboard-view.server";
import { countActiveMembers, listSites } from "~/lib/organizations/organizations.server";
import { coverageByFramework } from "~/lib/criteria/criteria.server";
import { inspectionsNeedingAttention } from "~/lib/inspections/inspection-queries.server";
import { evaluationsAwaitingDecision } from "~/lib/partners/evaluation-queries.server";
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
import { ActivityCard } from "./activity-card";
import { CertificationCard } from "./certification-card";
import { CoverageCard } from "./coverage-card";
import { InspectionsCard } from "./inspections-card";
import { MembersCard } from "./members-card";
import { PartnersCard } from "./partners-card";
import { SitesCard } from "./sites-card";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";
import { coverageFrameworks } from "~/lib/criteria/framework-codes";

export const handle = { i18n: ["dashboard", "organizations", "audit", "criteria", "inspections", "partners", "seals", "visitors", "badges", "personnel", "training"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("nav.dashboard"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "dashboard.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const orgId = auth.organization.id;
  const role = auth.membership.role;
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
    can(role, "audit.read") ? listAuditEvents(auth.db, orgId, {}, 1) : Promise.resolve(null),
    coverageByFramework(auth.db, orgId, coverageFrameworks, 8),
    dueInspections(auth.db, orgId, auth.organization.timeZone),
    inspectionsNeedingAttention(auth.db, orgId),
    countSchedules(auth.db, orgId),
    partnerAttention(auth.db, orgId, today),
    evaluationsAwaitingDecision(auth.db, orgId, ATTENTION_LISTED),
    requirementAttention(auth.db, orgId, today),
    can(role, "personnel.read") ? overdueOffboardings(auth.db, orgId, today) : Promise.resolve(null),
    visitorsOnSiteSummary(auth.db, orgId, auth.organization.timeZone),
    openSealReports(auth.db, orgId),
  ]);
  return dashboardView(
    {
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
    },
    { organization: auth.organization, role, today, locale },
  );
}

export default function Dashboard() {
  const { i18n } = useTranslation();
  const shell = useShell();
  const data = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  return (
    <>
      <PageHeader
        title={localized(shell.organization, "legalName", i18n.language)}
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
        <CertificationCard org={data.organization} />
        <SitesCard sites={data.sites} />
        <MembersCard members={data.members} />
      </div>
      <PartnersCard partners={data.partners} />
      <TrainingRequirementCard attention={data.training} />
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        {data.coverage.map((f) => (
          <CoverageCard key={f.code} coverage={f} />
        ))}
      </div>
      {data.activity ? <ActivityCard activity={data.activity} /> : null}
    </>
  );
}

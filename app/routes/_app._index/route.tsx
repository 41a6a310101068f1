import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/ui/card";
import { attentionFor, itemsFor, organizationAttention, viewerSites } from "~/lib/attention/attention.server";
import type { AttentionScope, AttentionViewer } from "~/lib/attention/attention-types";
import { listAssessments } from "~/lib/assessments/assessment-queries.server";
import { listAuditEvents } from "~/lib/audit/audit.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { coverageByFramework } from "~/lib/criteria/criteria.server";
import { coverageFrameworks } from "~/lib/criteria/framework-codes.server";
import { listDossiers } from "~/lib/dossiers/dossiers.server";
import { todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { localized } from "~/lib/i18n/localized";
import { titleFor } from "~/lib/i18n/meta";
import { useTranslation } from "~/lib/i18n/use-translation";
import { dashboardKind, dashboardView, overviewAreas, showsCompliance } from "~/lib/organizations/dashboard-view.server";
import { countActiveMembers, listSites } from "~/lib/organizations/organizations.server";
import { listOrganizationStatuses } from "~/lib/organizations/organization-statuses.server";
import { requirementAttention } from "~/lib/training/training-requirements.server";
import { TrainingRequirementCard } from "~/components/training/training-requirement-card";
import type { PageHandle } from "~/root";
import { ActivityCard } from "./activity-card";
import { AttentionCard } from "./attention-card";
import { CertificationCard } from "./certification-card";
import { AssessmentsCard, DossiersCard } from "./compliance-cards";
import { CoverageCard } from "./coverage-card";
import { MembersCard } from "./members-card";
import { OverviewCard } from "./overview-card";
import { QuickActions } from "./quick-actions";
import { SitesCard } from "./sites-card";

export const handle = { i18n: ["dashboard", "organizations", "audit", "criteria", "policies", "assessments", "inspections", "partners", "seals", "visitors", "incidents", "badges", "personnel", "training", "dossiers", "attention"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("nav.dashboard"));

// One dashboard per role, all from the attention model: a guard's shift, the security lead's
// supervision, procurement's partners, HR's people, compliance's picture; owner and admin get the
// compliance picture and every desk's counts; the auditor the counts and the picture, read-only.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "dashboard.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const orgId = auth.organization.id;
  const role = auth.membership.role;
  const kind = dashboardKind(role);
  const scope: AttentionScope = { organizationId: orgId, timeZone: auth.organization.timeZone, today: todayInZone(auth.organization.timeZone) };
  // A guard linked to an employee record at a site sees that site's rounds; the others, every site.
  const siteIds = kind === "guard" ? await viewerSites(auth.db, scope, auth.actor.userId) : undefined;
  const viewer: AttentionViewer = { userId: auth.actor.userId, role, siteIds };
  // Who sees other desks' counts reads the whole organisation once and takes their own from it.
  const overseer = overviewAreas(kind).length > 0;
  const compliance = showsCompliance(kind);
  const [all, own, coverage, assessments, dossiers, sites, members, training, activity, statuses] = await Promise.all([
    overseer ? organizationAttention(auth.db, scope) : null,
    overseer ? null : attentionFor(auth.db, scope, viewer),
    compliance ? coverageByFramework(auth.db, orgId, coverageFrameworks, 8) : null,
    compliance ? listAssessments(auth.db, orgId) : null,
    compliance && can(role, "dossiers.read") ? listDossiers(auth.db, orgId) : null,
    kind === "manager" ? listSites(auth.db, orgId) : null,
    kind === "manager" ? countActiveMembers(auth.db, orgId) : null,
    kind === "manager" || kind === "hr" ? requirementAttention(auth.db, orgId, scope.today) : null,
    can(role, "audit.read") ? listAuditEvents(auth.db, orgId, {}, 1) : null,
    compliance ? listOrganizationStatuses(auth.db, orgId) : null,
  ]);
  const mine = kind === "auditor" ? [] : (own ?? itemsFor(all ?? [], viewer));
  return dashboardView(
    { mine, organization: all, coverage, assessments, dossiers, sites, members, training, activity, statuses },
    { organization: auth.organization, role, today: scope.today, locale },
  );
}

export default function Dashboard() {
  const { t, i18n } = useTranslation();
  const shell = useShell();
  const data = useLoaderData<typeof loader>();
  const compliance = data.kind === "compliance" || data.kind === "manager" || data.kind === "auditor";
  return (
    <>
      <PageHeader title={localized(shell.organization, "legalName", i18n.language)} description={t(`attention.view.${data.kind}`)} />
      <QuickActions kind={data.kind} />
      {/* The auditor does none of the work: no list of "yours", only the overview. */}
      {data.kind === "auditor" ? null : <AttentionCard groups={data.groups} />}
      {data.overview ? <OverviewCard areas={data.overview} /> : null}
      {data.training ? <TrainingRequirementCard attention={data.training} /> : null}
      {compliance ? (
        <>
          <div className="mt-4 grid gap-4 lg:grid-cols-2">
            {data.assessments ? <AssessmentsCard assessments={data.assessments} /> : null}
            {data.dossiers ? <DossiersCard dossiers={data.dossiers} /> : null}
          </div>
          <div className="mt-4 grid gap-4 lg:grid-cols-2">
            {data.coverage.map((f) => (
              <CoverageCard key={f.code} coverage={f} />
            ))}
          </div>
        </>
      ) : null}
      <div className="mt-4 grid gap-4 md:grid-cols-3">
        {compliance ? <CertificationCard org={data.organization} /> : null}
        {data.sites ? <SitesCard sites={data.sites} /> : null}
        {data.members !== null ? <MembersCard members={data.members} /> : null}
      </div>
      {data.activity ? <ActivityCard activity={data.activity} /> : null}
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChoiceFilterField, DateFilterField, SiteFilterField } from "~/components/form/filter-field";
import { IncidentStatusBadge } from "~/components/incidents/incident-parts";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/card";
import { FilterPanel } from "~/components/ui/filter-bar";
import { RegisterList, RowDetails, RowLink } from "~/components/ui/register-list";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { formatDateTime } from "~/lib/i18n/format";
import { localized } from "~/lib/i18n/localized";
import { titleFor } from "~/lib/i18n/meta";
import { listPage, listPaging } from "~/lib/list-filter";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { filterSearch } from "~/lib/list-filter";
import { parseIncidentFilter } from "~/lib/incidents/incident-filter";
import { customsNotificationRequired, incidentKinds, incidentReference, incidentStatuses } from "~/lib/incidents/incident-rules";
import { INCIDENTS_PAGE_SIZE, listIncidents } from "~/lib/incidents/incidents.server";
import { listSites } from "~/lib/organizations/organizations.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "inspections", "incidents"] } satisfies PageHandle;

// /incidents: every incident and anomaly, newest found first, filtered by site, kind, status and
// dates, with the CSV export and the button a guard taps to report one.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("incidents.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "incidents.read");
  const orgId = auth.organization.id;
  const url = new URL(request.url);
  const filter = parseIncidentFilter(url.searchParams);
  const { page, limit, offset } = listPage(url.searchParams, INCIDENTS_PAGE_SIZE);
  const [sites, list] = await Promise.all([
    listSites(auth.db, orgId),
    listIncidents(auth.db, orgId, filter, auth.organization.timeZone, { limit, offset }),
  ]);
  return {
    filter,
    ...listPaging(page, INCIDENTS_PAGE_SIZE, list),
    canReport: can(auth.membership.role, "incidents.report"),
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    rows: list.rows.map((r) => ({
      id: r.incident.id,
      reference: incidentReference(r.incident.number),
      kind: r.incident.kind,
      status: r.incident.status,
      siteNameZh: r.siteNameZh,
      siteNameEn: r.siteNameEn,
      location: r.incident.location,
      description: r.incident.description,
      discoveredAt: r.incident.discoveredAt,
      customsPending: customsNotificationRequired(r.incident.kind) && !r.incident.customsNotifiedAt,
    })),
  };
}

export default function IncidentsPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const d = useLoaderData<typeof loader>();
  const zone = shell.organization.timeZone;
  const search = filterSearch(d.filter);
  return (
    <>
      <PageHeader
        title={t("incidents.title")}
        description={t("incidents.description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link to="/customs-contacts" className={buttonClass("secondary")}>
              {t("incidents.list.customsContacts")}
            </Link>
            {d.canReport ? (
              <Link to="/incidents/new" className={buttonClass("primary", "min-h-14 px-6 text-lg")}>
                {t("incidents.report.start")}
              </Link>
            ) : null}
          </div>
        }
      />
      <RegisterList
        title={t(d.more ? "incidents.list.titleMore" : "incidents.list.title", { count: d.total })}
        exportLink={{ href: `/incidents/export.csv${search}`, label: t("incidents.list.exportCsv") }}
        filter={
          <FilterPanel
            label={t("incidents.list.filter")}
            apply={t("incidents.list.apply")}
            clear={t("incidents.list.clear")}
            clearTo="/incidents"
            search={search}
            className="sm:grid-cols-2 lg:grid-cols-5"
            buttonsClassName="sm:col-span-2 lg:col-span-5"
          >
            <SiteFilterField label={t("incidents.site")} sites={d.sites} value={d.filter.site} />
            <ChoiceFilterField
              label={t("incidents.kind")}
              name="kind"
              all={t("incidents.list.allKinds")}
              options={incidentKinds.map((k) => ({ value: k, label: t(`incidents.kinds.${k}`) }))}
              value={d.filter.kind}
            />
            <ChoiceFilterField
              label={t("incidents.status")}
              name="status"
              all={t("incidents.list.allStatuses")}
              options={incidentStatuses.map((s) => ({ value: s, label: t(`incidents.statuses.${s}`) }))}
              value={d.filter.status}
            />
            <DateFilterField label={t("incidents.list.from")} name="from" value={d.filter.from} />
            <DateFilterField label={t("incidents.list.to")} name="to" value={d.filter.to} />
          </FilterPanel>
        }
        rows={d.rows}
        empty={search ? t("incidents.list.emptyFilter") : t("incidents.list.empty")}
        pager={{ page: d.page, pages: d.pages, more: d.more, label: t("incidents.list.pages"), path: "/incidents", search }}
        row={(r) => (
          <>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="min-w-0">
                <RowLink to={`/incidents/${r.id}`} reference={r.reference}>
                  {t(`incidents.kinds.${r.kind}`)}
                </RowLink>
              </p>
              <div className="flex flex-wrap items-center gap-2">
                <IncidentStatusBadge status={r.status} />
                {r.customsPending ? <Badge tone="warn">{t("incidents.customsNotYet")}</Badge> : null}
              </div>
            </div>
            <RowDetails parts={[localized(r, "siteName", i18n.language), r.location, formatDateTime(r.discoveredAt, locale, zone)]} />
            <p className="mt-1 line-clamp-2 text-sm text-slate-800">{r.description}</p>
          </>
        )}
      />
    </>
  );
}

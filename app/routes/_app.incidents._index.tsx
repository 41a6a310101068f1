import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FilterField, SiteFilterField } from "~/components/form/filter-field";
import { IncidentStatusBadge } from "~/components/incidents/incident-parts";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { ExportLink } from "~/components/ui/export-link";
import { FilterButtons, FilterForm } from "~/components/ui/filter-bar";
import { Input, Select } from "~/components/ui/input";
import { pageAddress, Pager } from "~/components/ui/pager";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { formatDateTime } from "~/lib/i18n/format";
import { localized } from "~/lib/i18n/localized";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { filterSearch } from "~/lib/filter-search";
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
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1));
  const [sites, list] = await Promise.all([
    listSites(auth.db, orgId),
    listIncidents(auth.db, orgId, filter, auth.organization.timeZone, { limit: INCIDENTS_PAGE_SIZE, offset: (page - 1) * INCIDENTS_PAGE_SIZE }),
  ]);
  return {
    filter,
    page,
    pages: Math.max(1, Math.ceil(list.total / INCIDENTS_PAGE_SIZE)),
    total: list.total,
    more: list.more,
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
  const filtered = Object.keys(d.filter).length > 0;
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
      <Card
        title={t(d.more ? "incidents.list.titleMore" : "incidents.list.title", { count: d.total })}
        actions={<ExportLink href={`/incidents/export.csv${filterSearch(d.filter)}`}>{t("incidents.list.exportCsv")}</ExportLink>}
      >
        <details open={filtered || undefined} className="mb-4">
          <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("incidents.list.filter")}</summary>
          <FilterForm key={filterSearch(d.filter)} className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-5" label={t("incidents.list.filter")}>
            <SiteFilterField label={t("incidents.site")} sites={d.sites} value={d.filter.site} />
            <FilterField label={t("incidents.kind")} htmlFor="f-kind">
              <Select id="f-kind" name="kind" defaultValue={d.filter.kind ?? ""}>
                <option value="">{t("incidents.list.allKinds")}</option>
                {incidentKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`incidents.kinds.${k}`)}
                  </option>
                ))}
              </Select>
            </FilterField>
            <FilterField label={t("incidents.status")} htmlFor="f-status">
              <Select id="f-status" name="status" defaultValue={d.filter.status ?? ""}>
                <option value="">{t("incidents.list.allStatuses")}</option>
                {incidentStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`incidents.statuses.${s}`)}
                  </option>
                ))}
              </Select>
            </FilterField>
            <FilterField label={t("incidents.list.from")} htmlFor="f-from">
              <Input id="f-from" type="date" name="from" defaultValue={d.filter.from ?? ""} />
            </FilterField>
            <FilterField label={t("incidents.list.to")} htmlFor="f-to">
              <Input id="f-to" type="date" name="to" defaultValue={d.filter.to ?? ""} />
            </FilterField>
            <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-5">
              <FilterButtons apply={t("incidents.list.apply")} clear={t("incidents.list.clear")} clearTo="/incidents" filtered={filtered} />
            </div>
          </FilterForm>
        </details>
        {d.rows.length === 0 ? (
          <p className="text-slate-600">{filtered ? t("incidents.list.emptyFilter") : t("incidents.list.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {d.rows.map((r) => (
              <li key={r.id} className="py-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="min-w-0">
                    <Link to={`/incidents/${r.id}`} className="font-medium text-brand-700 underline">
                      <span className="mr-2 font-mono text-sm">{r.reference}</span>
                      {t(`incidents.kinds.${r.kind}`)}
                    </Link>
                  </p>
                  <div className="flex flex-wrap items-center gap-2">
                    <IncidentStatusBadge status={r.status} />
                    {r.customsPending ? <Badge tone="warn">{t("incidents.customsNotYet")}</Badge> : null}
                  </div>
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {[localized(r, "siteName", i18n.language), r.location, formatDateTime(r.discoveredAt, locale, zone)].filter(Boolean).join(" · ")}
                </p>
                <p className="mt-1 line-clamp-2 text-sm text-slate-800">{r.description}</p>
              </li>
            ))}
          </ul>
        )}
        <Pager page={d.page} pages={d.pages} more={d.more} label={t("incidents.list.pages")} href={(p) => pageAddress("/incidents", filterSearch(d.filter), p)} />
      </Card>
    </>
  );
}

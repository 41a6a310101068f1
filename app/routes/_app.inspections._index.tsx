import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { dropEmptyFields } from "~/components/form/filter-form";
import { ReleaseBadge, ResultBadge } from "~/components/inspections/inspection-badges";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { pageAddress, Pager } from "~/components/ui/pager";
import { Input, Select } from "~/components/ui/input";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { filterSearch } from "~/lib/list-filter";
import { parseInspectionFilter } from "~/lib/inspections/inspection-filter";
import { inspectionReference } from "~/lib/inspections/inspection-rules";
import { listOwnDrafts } from "~/lib/inspections/inspection-drafts.server";
import { INSPECTIONS_PAGE_SIZE, listInspections } from "~/lib/inspections/inspection-queries.server";
import { listTemplates } from "~/lib/inspections/templates.server";
import { listSites } from "~/lib/organizations/organizations.server";
import { inspectionSeries } from "~/lib/charts/inspection-series.server";
import { inspectionCharts } from "~/lib/charts/chart-views.server";
import { formatDateTime, todayInZone } from "~/lib/i18n/format";
import { InspectionCharts } from "~/components/charts/inspection-charts";
import { FilterField, SiteFilterField } from "~/components/form/filter-field";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["charts", "criteria", "inspections"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("inspections.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "inspections.read");
  const orgId = auth.organization.id;
  const url = new URL(request.url);
  const filter = parseInspectionFilter(url.searchParams);
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1));
  const canRecord = can(auth.membership.role, "inspections.record");
  const timeZone = auth.organization.timeZone;
  const [list, templates, sites, drafts, series] = await Promise.all([
    listInspections(auth.db, orgId, filter, timeZone, { limit: INSPECTIONS_PAGE_SIZE, offset: (page - 1) * INSPECTIONS_PAGE_SIZE }),
    listTemplates(auth.db, orgId),
    listSites(auth.db, orgId),
    canRecord ? listOwnDrafts(auth.db, orgId, auth.user.id) : Promise.resolve([]),
    inspectionSeries(auth.db, orgId, todayInZone(timeZone)),
  ]);
  return {
    filter,
    page,
    pages: Math.max(1, Math.ceil(list.total / INSPECTIONS_PAGE_SIZE)),
    total: list.total,
    more: list.more,
    canRecord,
    charts: inspectionCharts(series),
    templates: templates.map((t) => ({ code: t.code, titleZh: t.titleZh, titleEn: t.titleEn, builtIn: t.builtIn, points: t.points })),
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    drafts: drafts.map((d) => ({
      draftKey: d.draftKey,
      templateCode: d.templateCode,
      titleZh: d.titleZh,
      titleEn: d.titleEn,
      updatedAt: d.updatedAt,
      photos: d.photos,
    })),
    rows: list.rows.map((r) => {
      const header = r.inspection.header as { truckPlate?: string; trailerNumber?: string };
      return {
        id: r.inspection.id,
        reference: inspectionReference(r.inspection.number ?? 0),
        occurredAt: r.inspection.occurredAt,
        templateTitleZh: r.templateTitleZh,
        templateTitleEn: r.templateTitleEn,
        siteNameZh: r.siteNameZh,
        siteNameEn: r.siteNameEn,
        inspectorName: r.inspectorName,
        containerNumber: r.inspection.containerNumber,
        vehicle: [header.truckPlate, header.trailerNumber].filter(Boolean).join(" / "),
        result: r.inspection.result,
        failedPoints: r.inspection.failedPoints,
        release: r.release,
      };
    }),
  };
}

export default function InspectionsPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const d = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const filtered = Object.keys(d.filter).length > 0;
  return (
    <>
      <PageHeader title={t("inspections.title")} description={t("inspections.description")} />
      <div className="space-y-4">
        {search.get("discarded") === "1" ? <Alert tone="info">{t("inspections.discarded")}</Alert> : null}
        {d.canRecord ? (
          <Card title={t("inspections.start")}>
            <ul className="grid gap-2 sm:grid-cols-2">
              {d.templates.map((tpl) => (
                <li key={tpl.code}>
                  <Link
                    to={`/inspections/new?template=${encodeURIComponent(tpl.code)}`}
                    className="flex min-h-14 items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-2 font-semibold text-brand-800 hover:border-brand-600 hover:bg-brand-50"
                  >
                    <span>{localized(tpl, "title", i18n.language)}</span>
                    <span className="shrink-0 text-sm font-normal text-slate-500">
                      {t("inspections.form.points", { count: tpl.points })}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            <p className="mt-3 text-sm text-slate-600">
              <Link to="/templates" className="text-brand-700 underline">
                {t("inspections.manageTemplates")}
              </Link>{" "}
              ·{" "}
              <Link to="/schedules" className="text-brand-700 underline">
                {t("inspections.toSchedules")}
              </Link>
            </p>
          </Card>
        ) : null}
        {d.drafts.length ? (
          <Card title={t("inspections.drafts", { count: d.drafts.length })}>
            <ul className="divide-y divide-slate-100">
              {d.drafts.map((draft) => (
                <li key={draft.draftKey} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link
                    to={`/inspections/new?template=${encodeURIComponent(draft.templateCode)}&draft=${draft.draftKey}`}
                    className="font-medium text-brand-700 underline"
                  >
                    {localized(draft, "title", i18n.language)}
                  </Link>
                  <span className="text-sm text-slate-600">
                    {t("inspections.draftLine", {
                      at: formatDateTime(draft.updatedAt, locale, shell.organization.timeZone),
                      count: draft.photos,
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card>
          <InspectionCharts charts={d.charts} />
        </Card>
        <Card
          title={t(d.more ? "inspections.recordsMore" : "inspections.records", { count: d.total })}
          actions={
            <a
              href={`/inspections/export.csv${filterSearch(d.filter)}`}
              className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline"
              download
            >
              {t("inspections.exportCsv")}
            </a>
          }
        >
          {/* Folded on phones unless a filter is on: the records come first. */}
          <details open={filtered || undefined} className="group mb-4 sm:open:mb-4">
            <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">
              {t("inspections.filterLabel")}
            </summary>
            {/* Keyed by the filter: after "clear" the fields show what the list shows, not what was typed. */}
            <Form
              key={filterSearch(d.filter)}
              method="get"
              onSubmit={dropEmptyFields}
              className="mt-2 grid gap-3 sm:grid-cols-3 lg:grid-cols-6"
              aria-label={t("inspections.filterLabel")}
            >
              <SiteFilterField label={t("inspections.site")} sites={d.sites} value={d.filter.site} />
              <FilterField label={t("inspections.template")} htmlFor="f-template">
                <Select id="f-template" name="template" defaultValue={d.filter.template ?? ""}>
                  <option value="">{t("common.all")}</option>
                  {d.templates.map((tpl) => (
                    <option key={tpl.code} value={tpl.code}>
                      {localized(tpl, "title", i18n.language)}
                    </option>
                  ))}
                </Select>
              </FilterField>
              <FilterField label={t("inspections.resultLabel")} htmlFor="f-result">
                <Select id="f-result" name="result" defaultValue={d.filter.result ?? ""}>
                  <option value="">{t("common.all")}</option>
                  <option value="pass">{t("inspections.result.pass")}</option>
                  <option value="fail">{t("inspections.result.fail")}</option>
                </Select>
              </FilterField>
              <FilterField label={t("inspections.from")} htmlFor="f-from">
                <Input id="f-from" type="date" name="from" defaultValue={d.filter.from ?? ""} />
              </FilterField>
              <FilterField label={t("inspections.to")} htmlFor="f-to">
                <Input id="f-to" type="date" name="to" defaultValue={d.filter.to ?? ""} />
              </FilterField>
              <FilterField label={t("inspections.header.containerNumber")} htmlFor="f-container">
                <Input
                  id="f-container"
                  name="container"
                  defaultValue={d.filter.container ?? ""}
                  className="uppercase"
                  autoCapitalize="characters"
                />
              </FilterField>
              <div className="flex flex-wrap items-end gap-2 sm:col-span-3 lg:col-span-6">
                <button type="submit" className={buttonClass("primary")}>
                  {t("inspections.applyFilter")}
                </button>
                {filtered ? (
                  <Link to="/inspections" className={buttonClass("secondary")}>
                    {t("inspections.clearFilter")}
                  </Link>
                ) : null}
              </div>
            </Form>
          </details>
          {d.rows.length === 0 ? (
            <p className="text-slate-600">{filtered ? t("inspections.emptyFilter") : t("inspections.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.rows.map((r) => (
                <li key={r.id} className="py-3">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <p className="min-w-0">
                      <Link to={`/inspections/${r.id}`} className="font-medium text-brand-700 underline">
                        <span className="mr-2 font-mono text-sm">{r.reference}</span>
                        {localized(r, "templateTitle", i18n.language)}
                      </Link>
                    </p>
                    <div className="flex flex-wrap gap-2">
                      <ResultBadge result={r.result} failedPoints={r.failedPoints} />
                      <ReleaseBadge release={r.release} />
                    </div>
                  </div>
                  <p className="mt-1 text-sm text-slate-600">
                    {[
                      r.occurredAt ? formatDateTime(r.occurredAt, locale, shell.organization.timeZone) : null,
                      localized(r, "siteName", i18n.language),
                      r.containerNumber,
                      r.vehicle || null,
                      r.inspectorName,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Pager page={d.page} pages={d.pages} more={d.more} label={t("inspections.pages")} href={(page) => pageAddress("/inspections", filterSearch(d.filter), page)} />
        </Card>
      </div>
    </>
  );
}


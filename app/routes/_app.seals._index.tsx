import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { OpenSealReports } from "~/components/seals/open-seal-reports";
import { SealStatusBadge } from "~/components/seals/seal-parts";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { ExportLink } from "~/components/ui/export-link";
import { Input, Select } from "~/components/ui/input";
import { pageAddress, Pager } from "~/components/ui/pager";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { formatDateTime } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { listSites } from "~/lib/organizations/organizations.server";
import { parseSealFilter, sealFilterSearch } from "~/lib/seals/seal-filter";
import { sealStatuses } from "~/lib/seals/seal-lifecycle";
import { isSealNumber, normalizeSealNumber } from "~/lib/seals/seal-numbers";
import { findSealIdByNumber, listSeals, openSealReports, SEALS_PAGE_SIZE } from "~/lib/seals/seal-queries.server";
import { FilterField, SiteFilterField } from "~/components/form/filter-field";
import { FilterButtons, FilterForm } from "~/components/ui/filter-bar";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["seals"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("seals.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "seals.read");
  const orgId = auth.organization.id;
  const url = new URL(request.url);
  const filter = parseSealFilter(url.searchParams);
  // A search that is exactly a seal's number goes straight to its chain of custody.
  if (filter.q && !url.searchParams.has("page")) {
    const number = normalizeSealNumber(filter.q);
    const id = isSealNumber(number) ? await findSealIdByNumber(auth.db, orgId, number) : null;
    if (id) throw redirect(`/seals/${id}`);
  }
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1));
  const timeZone = auth.organization.timeZone;
  const [{ rows, total }, sites, reports] = await Promise.all([
    listSeals(auth.db, orgId, filter, timeZone, { limit: SEALS_PAGE_SIZE, offset: (page - 1) * SEALS_PAGE_SIZE }),
    listSites(auth.db, orgId),
    openSealReports(auth.db, orgId),
  ]);
  return {
    filter,
    page,
    pages: Math.max(1, Math.ceil(total / SEALS_PAGE_SIZE)),
    total,
    timeZone,
    reports,
    canRecord: can(auth.membership.role, "seals.record"),
    canManage: can(auth.membership.role, "seals.manage"),
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    seals: rows.map((r) => ({
      id: r.seal.id,
      number: r.seal.number,
      status: r.seal.status,
      target: r.seal.target,
      targetKind: r.seal.targetKind,
      shipmentRef: r.seal.shipmentRef,
      appliedAt: r.seal.appliedAt,
      receivedAt: r.seal.receivedAt,
      model: `${r.manufacturer} ${r.modelName}`,
      isoClass: r.isoClass,
      siteNameZh: r.siteNameZh,
      siteNameEn: r.siteNameEn,
      custodianName: r.custodianName,
      appliedByName: r.appliedByName,
    })),
  };
}

export default function SealLogPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const search = sealFilterSearch(d.filter);
  const filtered = Object.keys(d.filter).length > 0;
  const received = Number(params.get("received"));
  const issued = Number(params.get("issued"));
  return (
    <>
      <PageHeader title={t("seals.title")} description={t("seals.description")} />
      <div className="mb-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        {d.canRecord ? (
          <>
            <Link to="/seals/apply" className={buttonClass("primary", "min-h-14 text-lg")}>
              {t("seals.actions.apply")}
            </Link>
            <Link to="/seals/verify" className={buttonClass("primary", "min-h-14 text-lg")}>
              {t("seals.actions.verify")}
            </Link>
            <Link to="/seals/report" className={buttonClass("danger", "min-h-14 text-lg")}>
              {t("seals.actions.report")}
            </Link>
            <Link to="/seals/issue" className={buttonClass("secondary", "min-h-14")}>
              {t("seals.actions.issue")}
            </Link>
          </>
        ) : null}
        {d.canManage ? (
          <>
            <Link to="/seals/receive" className={buttonClass("secondary", "min-h-14")}>
              {t("seals.actions.receive")}
            </Link>
            <Link to="/seals/audits" className={buttonClass("secondary", "min-h-14")}>
              {t("seals.actions.audit")}
            </Link>
          </>
        ) : null}
        <Link to="/seals/models" className={buttonClass("secondary", "min-h-14")}>
          {t("seals.models.title")}
        </Link>
      </div>
      {received > 0 ? (
        <div className="mb-4">
          <Alert tone="success">
            {t("seals.receive.done", { count: received, first: params.get("first") ?? "", last: params.get("last") ?? "" })}
          </Alert>
        </div>
      ) : null}
      {issued > 0 ? (
        <div className="mb-4">
          <Alert tone="success">{t("seals.issue.done", { count: issued, name: params.get("to") ?? "" })}</Alert>
        </div>
      ) : null}
      {d.reports.total > 0 ? (
        <div className="mb-4">
          <OpenSealReports reports={d.reports} timeZone={d.timeZone} />
        </div>
      ) : null}
      <Card
        title={t("seals.list", { count: d.total })}
        actions={
          <span className="flex flex-wrap gap-3">
            <ExportLink href={`/seals/export.csv${search}`}>{t("seals.exportCsv")}</ExportLink>
            <ExportLink href={`/seals/export.csv${search ? `${search}&` : "?"}rows=events`}>{t("seals.exportEventsCsv")}</ExportLink>
          </span>
        }
      >
        <FilterForm key={search} className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6" label={t("seals.filterLabel")}>
          <FilterField label={t("seals.search")} htmlFor="f-q" className="sm:col-span-3 lg:col-span-2">
            <Input id="f-q" name="q" type="search" defaultValue={d.filter.q ?? ""} placeholder={t("seals.searchPlaceholder")} />
          </FilterField>
          <FilterField label={t("seals.fields.status")} htmlFor="f-status">
            <Select id="f-status" name="status" defaultValue={d.filter.status ?? ""}>
              <option value="">{t("common.all")}</option>
              {sealStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`seals.status.${s}`)}
                </option>
              ))}
            </Select>
          </FilterField>
          <SiteFilterField label={t("seals.fields.site")} sites={d.sites} value={d.filter.site} />
          <FilterField label={t("seals.filterFrom")} htmlFor="f-from">
            <Input id="f-from" name="from" type="date" defaultValue={d.filter.from ?? ""} />
          </FilterField>
          <FilterField label={t("seals.filterTo")} htmlFor="f-to">
            <Input id="f-to" name="to" type="date" defaultValue={d.filter.to ?? ""} />
          </FilterField>
          <div className="flex flex-wrap items-center gap-2 sm:col-span-3 lg:col-span-6">
            <FilterButtons apply={t("seals.applyFilter")} clear={t("seals.clearFilter")} clearTo="/seals" filtered={filtered} />
          </div>
        </FilterForm>
        {d.seals.length === 0 ? (
          <p className="text-slate-600">{filtered ? t("seals.emptyFilter") : d.canManage ? t("seals.emptyManager") : t("seals.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {d.seals.map((s) => (
              <li key={s.id} className="py-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link
                    to={`/seals/${s.id}`}
                    className="inline-flex min-h-11 items-center font-mono text-lg font-medium text-brand-700 underline"
                  >
                    {s.number}
                  </Link>
                  <SealStatusBadge status={s.status} />
                </div>
                <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600">
                  <span>
                    {s.model} ({s.isoClass})
                  </span>
                  {s.siteNameZh ? <span>{localized(s, "siteName", i18n.language)}</span> : null}
                  {s.custodianName && s.status === "issued" ? <span>{t("seals.chain.to", { name: s.custodianName })}</span> : null}
                  {s.target ? (
                    <span>
                      <span className="font-mono">{s.target}</span>
                      {s.shipmentRef ? ` · ${s.shipmentRef}` : ""}
                    </span>
                  ) : null}
                  {s.appliedAt ? (
                    <span>
                      {t("seals.appliedOn", { time: formatDateTime(s.appliedAt, locale, d.timeZone), name: s.appliedByName ?? "" })}
                    </span>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pager page={d.page} pages={d.pages} label={t("seals.pages")} href={(page) => pageAddress("/seals", search, page)} />
      </Card>
    </>
  );
}

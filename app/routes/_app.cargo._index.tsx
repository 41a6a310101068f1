import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/card";
import { ChoiceFilterField, DateFilterField, SearchFilterField, SiteFilterField } from "~/components/form/filter-field";
import { FilterPanel } from "~/components/ui/filter-bar";
import { RegisterList, RowDetails, RowLink } from "~/components/ui/register-list";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { cargoFilterSearch, parseCargoFilter } from "~/lib/cargo/cargo-filter";
import { CARGO_PAGE_SIZE, getReconciliation, listReconciliations } from "~/lib/cargo/cargo-reconciliations.server";
import { cargoDirections, cargoReference } from "~/lib/cargo/cargo-rules";
import { formatCalendarDate } from "~/lib/i18n/format";
import { localized } from "~/lib/i18n/localized";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { listSites } from "~/lib/organizations/organizations.server";
import { formatReference } from "~/lib/references";
import { listPage, listPaging } from "~/lib/list-filter";
import { isUuid } from "~/lib/value-checks";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["organizations", "criteria", "actions", "inspections", "cargo"] } satisfies PageHandle;

// /cargo: the receiving and shipping reconciliation register, newest first, with its filters (an
// address per filtered view, so it works without JavaScript) and the CSV export.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("cargo.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "cargo.read");
  const orgId = auth.organization.id;
  const url = new URL(request.url);
  const filter = parseCargoFilter(url.searchParams);
  const { page, limit, offset } = listPage(url.searchParams, CARGO_PAGE_SIZE);
  const recorded = url.searchParams.get("recorded");
  const [sites, list, just] = await Promise.all([
    listSites(auth.db, orgId),
    listReconciliations(auth.db, orgId, filter, { limit, offset }),
    isUuid(recorded) ? getReconciliation(auth.db, orgId, recorded) : Promise.resolve(null),
  ]);
  return {
    filter,
    ...listPaging(page, CARGO_PAGE_SIZE, list),
    canRecord: can(auth.membership.role, "cargo.record"),
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    rows: list.rows.map((r) => ({
      id: r.reconciliation.id,
      reference: cargoReference(r.reconciliation.number),
      direction: r.reconciliation.direction,
      reconciledOn: r.reconciliation.reconciledOn,
      siteNameZh: r.siteNameZh,
      siteNameEn: r.siteNameEn,
      billOfLading: r.reconciliation.billOfLading,
      packingList: r.reconciliation.packingList,
      containerNumber: r.reconciliation.containerNumber,
      sealNumber: r.reconciliation.sealNumber,
      expectedPackages: r.reconciliation.expectedPackages,
      countedPackages: r.reconciliation.countedPackages,
      discrepancy: r.reconciliation.discrepancy,
    })),
    just: just
      ? {
          reference: cargoReference(just.reconciliation.number),
          action: just.actions[0] ? formatReference("correctiveAction", just.actions[0].number) : null,
        }
      : null,
  };
}

export default function CargoPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const search = cargoFilterSearch(d.filter);
  return (
    <>
      <PageHeader
        title={t("cargo.title")}
        description={t("cargo.description")}
        actions={
          d.canRecord ? (
            <Link to="/cargo/new" className={buttonClass("primary", "min-h-12 px-5")}>
              {t("cargo.list.new")}
            </Link>
          ) : null
        }
      />
      <div className="space-y-4">
        {d.just ? (
          <Alert tone="success">
            {d.just.action
              ? t("cargo.recordedWithAction", { reference: d.just.reference, action: d.just.action })
              : t("cargo.recorded", { reference: d.just.reference })}
          </Alert>
        ) : null}
        <RegisterList
          title={t(d.more ? "cargo.list.titleMore" : "cargo.list.title", { count: d.total })}
          exportLink={{ href: `/cargo/export.csv${search}`, label: t("cargo.list.exportCsv") }}
          filter={
            <FilterPanel
              label={t("cargo.list.filter")}
              apply={t("cargo.list.apply")}
              clear={t("cargo.list.clear")}
              clearTo="/cargo"
              search={search}
              className="sm:grid-cols-2 lg:grid-cols-4"
              buttonsClassName="sm:col-span-2 lg:col-span-4"
            >
              <SiteFilterField label={t("cargo.site")} sites={d.sites} value={d.filter.site} />
              <ChoiceFilterField
                label={t("cargo.direction")}
                name="direction"
                all={t("cargo.list.allDirections")}
                options={cargoDirections.map((dir) => ({ value: dir, label: t(`cargo.directions.${dir}`) }))}
                value={d.filter.direction}
              />
              <DateFilterField label={t("cargo.list.from")} name="from" value={d.filter.from} />
              <DateFilterField label={t("cargo.list.to")} name="to" value={d.filter.to} />
              <SearchFilterField label={t("cargo.list.search")} value={d.filter.q} className="sm:col-span-2" />
              <label className="flex min-h-11 items-center gap-2 self-end text-sm">
                <input type="checkbox" name="discrepancy" value="yes" defaultChecked={d.filter.discrepancy === "yes"} className="h-5 w-5" />
                {t("cargo.list.onlyDiscrepancies")}
              </label>
            </FilterPanel>
          }
          rows={d.rows}
          empty={search ? t("cargo.list.emptyFilter") : t("cargo.list.empty")}
          pager={{ page: d.page, pages: d.pages, more: d.more, label: t("cargo.list.pages"), path: "/cargo", search }}
          row={(r) => (
            <>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <p className="min-w-0">
                  <RowLink to={`/cargo/${r.id}`} reference={r.reference}>
                    {t(`cargo.directions.${r.direction}`)}
                  </RowLink>
                  {r.containerNumber ? <span className="ml-2 font-mono text-slate-700">{r.containerNumber}</span> : null}
                </p>
                {r.discrepancy ? <Badge tone="bad">{t("cargo.discrepancy")}</Badge> : <Badge tone="good">{t("cargo.matched")}</Badge>}
              </div>
              <RowDetails
                parts={[
                  formatCalendarDate(r.reconciledOn, locale),
                  localized(r, "siteName", i18n.language),
                  r.billOfLading ? `${t("cargo.billOfLading")} ${r.billOfLading}` : null,
                  r.packingList ? `${t("cargo.packingList")} ${r.packingList}` : null,
                  r.sealNumber ? `${t("cargo.sealNumber")} ${r.sealNumber}` : null,
                  `${t("cargo.packages")} ${r.countedPackages}/${r.expectedPackages}`,
                ]}
              />
            </>
          )}
        />
      </div>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { ExportLink } from "~/components/ui/export-link";
import { Input, Select } from "~/components/ui/input";
import { pageAddress, Pager } from "~/components/ui/pager";
import { FilterField, SiteFilterField } from "~/components/form/filter-field";
import { FilterButtons, FilterForm } from "~/components/ui/filter-bar";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { cargoFilterSearch, parseCargoFilter } from "~/lib/cargo/cargo-filter";
import {
  CARGO_PAGE_SIZE,
  getReconciliation,
  listReconciliations,
} from "~/lib/cargo/cargo-reconciliations.server";
import { cargoDirections, cargoReference } from "~/lib/cargo/cargo-rules";
import { formatCalendarDate } from "~/lib/i18n/format";
import { localized } from "~/lib/i18n/localized";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { listSites } from "~/lib/organizations/organizations.server";
import { formatReference } from "~/lib/references";
import { isUuid } from "~/lib/value-checks";
import type { PageHandle } from "~/root";

export const handle = {
  i18n: ["organizations", "criteria", "actions", "inspections", "cargo"],
} satisfies PageHandle;

// /cargo: the receiving and shipping reconciliation register, newest first, with its filters (an
// address per filtered view, so it works without JavaScript) and the CSV export.

export const meta: MetaFunction = ({ matches }) =>
  titleFor(matches, (t) => t("cargo.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "cargo.read");
  const orgId = auth.organization.id;
  const url = new URL(request.url);
  const filter = parseCargoFilter(url.searchParams);
  const page = Math.max(
    1,
    Math.min(10_000, Number(url.searchParams.get("page")) || 1),
  );
  const recorded = url.searchParams.get("recorded");
  const [sites, list, just] = await Promise.all([
    listSites(auth.db, orgId),
    listReconciliations(auth.db, orgId, filter, {
      limit: CARGO_PAGE_SIZE,
      offset: (page - 1) * CARGO_PAGE_SIZE,
    }),
    isUuid(recorded)
      ? getReconciliation(auth.db, orgId, recorded)
      : Promise.resolve(null),
  ]);
  return {
    filter,
    page,
    pages: Math.max(1, Math.ceil(list.total / CARGO_PAGE_SIZE)),
    total: list.total,
    more: list.more,
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
          action: just.actions[0]
            ? formatReference("correctiveAction", just.actions[0].number)
            : null,
        }
      : null,
  };
}

export default function CargoPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const filtered = Object.keys(d.filter).length > 0;
  return (
    <>
      <PageHeader
        title={t("cargo.title")}
        description={t("cargo.description")}
        actions={
          d.canRecord ? (
            <Link
              to="/cargo/new"
              className={buttonClass("primary", "min-h-12 px-5")}
            >
              {t("cargo.list.new")}
            </Link>
          ) : null
        }
      />
      <div className="space-y-4">
        {d.just ? (
          <Alert tone="success">
            {d.just.action
              ? t("cargo.recordedWithAction", {
                  reference: d.just.reference,
                  action: d.just.action,
                })
              : t("cargo.recorded", { reference: d.just.reference })}
          </Alert>
        ) : null}
        <Card
          title={t(d.more ? "cargo.list.titleMore" : "cargo.list.title", {
            count: d.total,
          })}
          actions={
            <ExportLink
              href={`/cargo/export.csv${cargoFilterSearch(d.filter)}`}
            >
              {t("cargo.list.exportCsv")}
            </ExportLink>
          }
        >
          <details open={filtered || undefined} className="mb-4">
            <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">
              {t("cargo.list.filter")}
            </summary>
            <FilterForm
              key={cargoFilterSearch(d.filter)}
              className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
              label={t("cargo.list.filter")}
            >
              <SiteFilterField
                label={t("cargo.site")}
                sites={d.sites}
                value={d.filter.site}
              />
              <FilterField label={t("cargo.direction")} htmlFor="f-direction">
                <Select
                  id="f-direction"
                  name="direction"
                  defaultValue={d.filter.direction ?? ""}
                >
                  <option value="">{t("cargo.list.allDirections")}</option>
                  {cargoDirections.map((dir) => (
                    <option key={dir} value={dir}>
                      {t(`cargo.directions.${dir}`)}
                    </option>
                  ))}
                </Select>
              </FilterField>
              <FilterField label={t("cargo.list.from")} htmlFor="f-from">
                <Input
                  id="f-from"
                  type="date"
                  name="from"
                  defaultValue={d.filter.from ?? ""}
                />
              </FilterField>
              <FilterField label={t("cargo.list.to")} htmlFor="f-to">
                <Input
                  id="f-to"
                  type="date"
                  name="to"
                  defaultValue={d.filter.to ?? ""}
                />
              </FilterField>
              <FilterField
                label={t("cargo.list.search")}
                htmlFor="f-q"
                className="sm:col-span-2"
              >
                <Input id="f-q" name="q" defaultValue={d.filter.q ?? ""} />
              </FilterField>
              <label className="flex min-h-11 items-center gap-2 self-end text-sm">
                <input
                  type="checkbox"
                  name="discrepancy"
                  value="yes"
                  defaultChecked={d.filter.discrepancy === "yes"}
                  className="h-5 w-5"
                />
                {t("cargo.list.onlyDiscrepancies")}
              </label>
              <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-4">
                <FilterButtons
                  apply={t("cargo.list.apply")}
                  clear={t("cargo.list.clear")}
                  clearTo="/cargo"
                  filtered={filtered}
                />
              </div>
            </FilterForm>
          </details>
          {d.rows.length === 0 ? (
            <p className="text-slate-600">
              {filtered ? t("cargo.list.emptyFilter") : t("cargo.list.empty")}
            </p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.rows.map((r) => (
                <li key={r.id} className="py-3">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <p className="min-w-0">
                      <Link
                        to={`/cargo/${r.id}`}
                        className="font-medium text-brand-700 underline"
                      >
                        <span className="mr-2 font-mono text-sm">
                          {r.reference}
                        </span>
                        {t(`cargo.directions.${r.direction}`)}
                      </Link>
                      {r.containerNumber ? (
                        <span className="ml-2 font-mono text-slate-700">
                          {r.containerNumber}
                        </span>
                      ) : null}
                    </p>
                    {r.discrepancy ? (
                      <Badge tone="bad">{t("cargo.discrepancy")}</Badge>
                    ) : (
                      <Badge tone="good">{t("cargo.matched")}</Badge>
                    )}
                  </div>
                  <p className="mt-1 text-sm text-slate-600">
                    {[
                      formatCalendarDate(r.reconciledOn, locale),
                      localized(r, "siteName", i18n.language),
                      r.billOfLading ? `${t("cargo.billOfLading")} ${r.billOfLading}` : null,
                      r.packingList ? `${t("cargo.packingList")} ${r.packingList}` : null,
                      r.sealNumber
                        ? `${t("cargo.sealNumber")} ${r.sealNumber}`
                        : null,
                      `${t("cargo.packages")} ${r.countedPackages}/${r.expectedPackages}`,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Pager
            page={d.page}
            pages={d.pages}
            more={d.more}
            label={t("cargo.list.pages")}
            href={(p) => pageAddress("/cargo", cargoFilterSearch(d.filter), p)}
          />
        </Card>
      </div>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { partnerName, PartnerStatusBadges } from "~/components/partners/partner-badges";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { ExportLink } from "~/components/ui/export-link";
import { pageAddress, Pager } from "~/components/ui/pager";
import { Input, Select } from "~/components/ui/input";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { formatCalendarDate, todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { countryName, countryOptions } from "~/lib/partners/countries";
import { parsePartnerFilter, partnerQueryFilter, partnerFilterSearch, partnerStatuses, partnerTiers } from "~/lib/partners/partner-filter";
import { partnerRoles } from "~/lib/partners/partner-values";
import { partnerReference } from "~/lib/partners/partner-references";
import { getPartnerPolicy, missingClauses } from "~/lib/partners/partner-policy.server";
import { listPartners, PARTNERS_PAGE_SIZE } from "~/lib/partners/partners.server";
import { partnerSeries } from "~/lib/charts/partner-series.server";
import { partnerCharts } from "~/lib/charts/chart-views.server";
import { PartnerCharts } from "~/components/charts/partner-charts";
import { FilterField } from "~/components/form/filter-field";
import { FilterButtons, FilterForm } from "~/components/ui/filter-bar";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["charts", "partners"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("partners.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "partners.read");
  const orgId = auth.organization.id;
  const url = new URL(request.url);
  const filter = parsePartnerFilter(url.searchParams);
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1));
  const today = todayInZone(auth.organization.timeZone);
  const [{ rows, total }, policy, series] = await Promise.all([
    listPartners(
      auth.db,
      orgId,
      partnerQueryFilter(filter, today),
      { limit: PARTNERS_PAGE_SIZE, offset: (page - 1) * PARTNERS_PAGE_SIZE },
    ),
    getPartnerPolicy(auth.db, orgId),
    partnerSeries(auth.db, orgId, today),
  ]);
  const missing = await missingClauses(
    auth.db,
    orgId,
    rows.map((r) => r.id),
    policy.requiredClauseCodes,
    today,
  );
  return {
    filter,
    page,
    pages: Math.max(1, Math.ceil(total / PARTNERS_PAGE_SIZE)),
    total,
    today,
    charts: partnerCharts(series),
    canManage: can(auth.membership.role, "partners.manage"),
    partners: rows.map((p) => ({
      id: p.id,
      reference: partnerReference(p.number),
      legalNameZh: p.legalNameZh,
      legalNameEn: p.legalNameEn,
      countryCode: p.countryCode,
      roles: p.roles,
      status: p.status,
      riskTier: p.riskTier,
      exempt: p.exempt,
      aeoProgramme: p.aeoProgramme,
      aeoValidUntil: p.aeoValidUntil,
      nextEvaluationOn: p.nextEvaluationOn,
      nextSupervisionOn: p.nextSupervisionOn,
      missingClauses: missing.get(p.id)?.length ?? 0,
    })),
  };
}

export default function PartnersPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  const [params] = useSearchParams();
  const imported = Number(params.get("imported"));
  const filtered = Object.keys(d.filter).length > 0;
  const search = partnerFilterSearch(d.filter);
  return (
    <>
      <PageHeader
        title={t("partners.title")}
        description={t("partners.description")}
        actions={
          d.canManage ? (
            <div className="flex flex-wrap gap-2">
              <Link to="/partners/new" className={buttonClass("primary")}>
                {t("partners.new")}
              </Link>
              <Link to="/partners/import" className={buttonClass("secondary")}>
                {t("partners.import.title")}
              </Link>
            </div>
          ) : null
        }
      />
      {imported > 0 ? (
        <div className="mb-4">
          <Alert tone="success">{t("partners.import.done", { count: imported })}</Alert>
        </div>
      ) : null}
      <Card className="mb-4">
        <PartnerCharts charts={d.charts} />
      </Card>
      <Card
        title={t("partners.list", { count: d.total })}
        actions={
          <span className="flex flex-wrap gap-3 text-sm">
            <ExportLink href={`/partners/export.csv${search}`}>{t("partners.exportCsv")}</ExportLink>
            <ExportLink href={`/partners/export.xlsx${search}`}>{t("partners.exportXlsx")}</ExportLink>
          </span>
        }
      >
        <FilterForm key={search} className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6" label={t("partners.filterLabel")}>
          <FilterField label={t("partners.search")} htmlFor="f-q" className="sm:col-span-3 lg:col-span-2">
            <Input id="f-q" name="q" type="search" defaultValue={d.filter.q ?? ""} placeholder={t("partners.searchPlaceholder")} />
          </FilterField>
          <FilterField label={t("partners.roles")} htmlFor="f-role">
            <Select id="f-role" name="role" defaultValue={d.filter.role ?? ""}>
              <option value="">{t("common.all")}</option>
              {partnerRoles.map((r) => (
                <option key={r} value={r}>
                  {t(`partners.role.${r}`)}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField label={t("partners.tierLabel")} htmlFor="f-tier">
            <Select id="f-tier" name="tier" defaultValue={d.filter.tier ?? ""}>
              <option value="">{t("common.all")}</option>
              {partnerTiers.map((tier) => (
                <option key={tier} value={tier}>
                  {t(`partners.tier.${tier}`)}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField label={t("partners.statusLabel")} htmlFor="f-status">
            <Select id="f-status" name="status" defaultValue={d.filter.status ?? ""}>
              <option value="">{t("common.all")}</option>
              {partnerStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`partners.status.${s}`)}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField label={t("partners.country")} htmlFor="f-country">
            <Select id="f-country" name="country" defaultValue={d.filter.country ?? ""}>
              <option value="">{t("common.all")}</option>
              {countryOptions(locale).map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </Select>
          </FilterField>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 sm:col-span-3 lg:col-span-6">
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" name="due" value="1" defaultChecked={d.filter.due === "1"} className="size-5 accent-brand-700" />
              {t("partners.dueFilter")}
            </label>
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="supervision"
                value="overdue"
                defaultChecked={d.filter.supervision === "overdue"}
                className="size-5 accent-brand-700"
              />
              {t("partners.supervisionFilter")}
            </label>
            <FilterButtons apply={t("partners.applyFilter")} clear={t("partners.clearFilter")} clearTo="/partners" filtered={filtered} />
          </div>
        </FilterForm>
        {d.partners.length === 0 ? (
          <p className="text-slate-600">
            {filtered ? t("partners.emptyFilter") : d.canManage ? t("partners.emptyManager") : t("partners.empty")}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {d.partners.map((p) => {
              const overdue = p.nextEvaluationOn !== null && p.nextEvaluationOn < d.today;
              return (
                <li
                  key={p.id}
                  className={`py-3 ${p.status === "rejected" ? "-mx-2 border-l-4 border-red-600 bg-red-50 pl-1 pr-2 sm:-mx-3 sm:pl-2 sm:pr-3" : ""}`}
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <p className="min-w-0">
                      <span className="mr-2 font-mono text-sm text-slate-600">{p.reference}</span>
                      <Link to={`/partners/${p.id}`} className="font-medium text-brand-700 underline">
                        {partnerName(p, en)}
                      </Link>
                    </p>
                    <PartnerStatusBadges status={p.status} tier={p.riskTier} exempt={p.exempt} />
                  </div>
                  <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600">
                    <span>{countryName(p.countryCode, locale)}</span>
                    <span>{p.roles.map((r) => t(`partners.role.${r}`)).join(t("common.listSeparator"))}</span>
                    {p.aeoProgramme !== "none" ? (
                      <span>
                        {t(`partners.aeo.${p.aeoProgramme}`)}
                        {p.aeoValidUntil ? ` · ${t("partners.validUntil", { date: formatCalendarDate(p.aeoValidUntil, locale) })}` : ""}
                      </span>
                    ) : null}
                    {p.nextEvaluationOn ? (
                      <span className={overdue ? "font-semibold text-red-700" : undefined}>
                        {t(overdue ? "partners.reevaluationOverdue" : "partners.nextEvaluation", {
                          date: formatCalendarDate(p.nextEvaluationOn, locale),
                        })}
                      </span>
                    ) : p.status !== "rejected" ? (
                      <span className="text-amber-800">{t("partners.neverEvaluated")}</span>
                    ) : null}
                    {p.nextSupervisionOn ? (
                      <span className={p.nextSupervisionOn < d.today ? "font-semibold text-red-700" : undefined}>
                        {t(p.nextSupervisionOn < d.today ? "partners.supervisionOverdue" : "partners.nextSupervision", {
                          date: formatCalendarDate(p.nextSupervisionOn, locale),
                        })}
                      </span>
                    ) : null}
                    {p.missingClauses > 0 && p.status !== "rejected" ? (
                      <Badge tone="warn">{t("partners.clausesMissing", { count: p.missingClauses })}</Badge>
                    ) : null}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
        <Pager page={d.page} pages={d.pages} label={t("partners.pages")} href={(page) => pageAddress("/partners", search, page)} />
      </Card>
    </>
  );
}


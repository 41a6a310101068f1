import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { KeyRoleBadges } from "~/components/personnel/key-role-badges";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { ExportLink } from "~/components/ui/export-link";
import { Input, Select } from "~/components/ui/input";
import { pageAddress, Pager } from "~/components/ui/pager";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { formatCalendarDate, todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { listSites } from "~/lib/organizations/organizations.server";
import {
  checkFilters,
  employmentStatuses,
  exitFilters,
  parsePersonnelFilter,
  personnelFilterSearch,
} from "~/lib/personnel/personnel-filter";
import { employeeReference } from "~/lib/personnel/personnel-references";
import { isOffboardingOverdue, recheckState, RECHECK_MONTHS } from "~/lib/personnel/personnel-rules";
import { EMPLOYEES_PAGE_SIZE, listDepartments, listEmployees } from "~/lib/personnel/personnel-queries.server";
import { FilterField, SiteFilterField } from "~/components/form/filter-field";
import { FilterButtons, FilterForm } from "~/components/ui/filter-bar";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["personnel"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("personnel.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "personnel.read");
  const orgId = auth.organization.id;
  const url = new URL(request.url);
  const filter = parsePersonnelFilter(url.searchParams);
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1));
  const today = todayInZone(auth.organization.timeZone);
  const [{ rows, total }, sites, departments] = await Promise.all([
    listEmployees(auth.db, orgId, filter, today, { limit: EMPLOYEES_PAGE_SIZE, offset: (page - 1) * EMPLOYEES_PAGE_SIZE }),
    listSites(auth.db, orgId),
    listDepartments(auth.db, orgId),
  ]);
  return {
    filter,
    page,
    pages: Math.max(1, Math.ceil(total / EMPLOYEES_PAGE_SIZE)),
    total,
    today,
    canManage: can(auth.membership.role, "personnel.manage"),
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    departments,
    // Only what a reader of the list may see: the masked number, never the date of birth.
    employees: rows.map(({ employee: e, siteNameZh, siteNameEn, offboardingStatus, offboardingDeadline }) => ({
      id: e.id,
      reference: employeeReference(e.number),
      name: e.name,
      position: e.position,
      department: e.department,
      siteNameZh,
      siteNameEn,
      idNumberMasked: e.idNumberMasked,
      securitySensitive: e.securitySensitive,
      keyRoles: e.keyRoles,
      hireDate: e.hireDate,
      leaveDate: e.leaveDate,
      recheck: recheckState(e.nextBackgroundCheckOn, today, e.leaveDate !== null && e.leaveDate < today),
      nextBackgroundCheckOn: e.nextBackgroundCheckOn,
      exit: offboardingStatus
        ? {
            status: offboardingStatus,
            deadline: offboardingDeadline!,
            overdue: isOffboardingOverdue(offboardingDeadline!, today, offboardingStatus),
          }
        : null,
    })),
  };
}

export default function PersonnelPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const filtered = Object.keys(d.filter).length > 0;
  const search = personnelFilterSearch(d.filter);
  const moreFilters = Object.keys(d.filter).some((key) => key !== "q" && key !== "sensitive");
  return (
    <>
      <PageHeader
        title={t("personnel.title")}
        description={t("personnel.description")}
        actions={
          d.canManage ? (
            <Link to="/personnel/new" className={buttonClass("primary", "min-h-14")}>
              {t("personnel.new")}
            </Link>
          ) : null
        }
      />
      <Card
        title={t("personnel.list", { count: d.total })}
        actions={
          <ExportLink href={`/personnel/export.csv${search}`}>{t("personnel.exportCsv")}</ExportLink>
        }
      >
        <p className="mb-3 text-sm text-slate-600">
          {t("personnel.privacyNote")}{" "}
          {t("personnel.recheckRule", { sensitive: RECHECK_MONTHS.sensitive, standard: RECHECK_MONTHS.standard })}
        </p>
        <FilterForm key={search} className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6" label={t("personnel.filterLabel")}>
          <FilterField label={t("personnel.search")} htmlFor="f-q" className="sm:col-span-3 lg:col-span-2">
            <Input id="f-q" name="q" type="search" defaultValue={d.filter.q ?? ""} placeholder={t("personnel.searchPlaceholder")} />
          </FilterField>
          {/* Closed unless one of them is set: on a phone eight filters would push the list off the screen. */}
          <details className="sm:col-span-3 lg:col-span-6" open={moreFilters}>
            <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">
              {t("personnel.moreFilters")}
            </summary>
            <div className="mt-2 grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
              <SiteFilterField label={t("personnel.fields.site")} sites={d.sites} value={d.filter.site} />
              <FilterField label={t("personnel.fields.department")} htmlFor="f-department">
                <Select id="f-department" name="department" defaultValue={d.filter.department ?? ""}>
                  <option value="">{t("common.all")}</option>
                  {d.departments.map((dep) => (
                    <option key={dep} value={dep}>
                      {dep}
                    </option>
                  ))}
                </Select>
              </FilterField>
              <FilterField label={t("personnel.statusLabel")} htmlFor="f-status">
                <Select id="f-status" name="status" defaultValue={d.filter.status ?? ""}>
                  <option value="">{t("common.all")}</option>
                  {employmentStatuses.map((s) => (
                    <option key={s} value={s}>
                      {t(`personnel.status.${s}`)}
                    </option>
                  ))}
                </Select>
              </FilterField>
              <FilterField label={t("personnel.checkLabel")} htmlFor="f-check">
                <Select id="f-check" name="check" defaultValue={d.filter.check ?? ""}>
                  <option value="">{t("common.all")}</option>
                  {checkFilters.map((s) => (
                    <option key={s} value={s}>
                      {t(`personnel.checkFilter.${s}`)}
                    </option>
                  ))}
                </Select>
              </FilterField>
              <FilterField label={t("personnel.exitLabel")} htmlFor="f-exit">
                <Select id="f-exit" name="exit" defaultValue={d.filter.exit ?? ""}>
                  <option value="">{t("common.all")}</option>
                  {exitFilters.map((s) => (
                    <option key={s} value={s}>
                      {t(`personnel.exitFilter.${s}`)}
                    </option>
                  ))}
                </Select>
              </FilterField>
              <FilterField label={t("personnel.hiredFrom")} htmlFor="f-from">
                <Input id="f-from" name="hiredFrom" type="date" defaultValue={d.filter.hiredFrom ?? ""} />
              </FilterField>
              <FilterField label={t("personnel.hiredTo")} htmlFor="f-to">
                <Input id="f-to" name="hiredTo" type="date" defaultValue={d.filter.hiredTo ?? ""} />
              </FilterField>
            </div>
          </details>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 sm:col-span-3 lg:col-span-6">
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="sensitive"
                value="1"
                defaultChecked={d.filter.sensitive === "1"}
                className="size-5 accent-brand-700"
              />
              {t("personnel.sensitiveFilter")}
            </label>
            <FilterButtons apply={t("personnel.applyFilter")} clear={t("personnel.clearFilter")} clearTo="/personnel" filtered={filtered} />
          </div>
        </FilterForm>
        {d.employees.length === 0 ? (
          <p className="text-slate-600">
            {filtered ? t("personnel.emptyFilter") : d.canManage ? t("personnel.emptyManager") : t("personnel.empty")}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {d.employees.map((e) => (
              <li
                key={e.id}
                className={`py-3 ${e.exit?.overdue ? "-mx-2 border-l-4 border-red-600 bg-red-50 pl-1 pr-2 sm:-mx-3 sm:pl-2 sm:pr-3" : ""}`}
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="min-w-0">
                    <span className="mr-2 font-mono text-sm text-slate-600">{e.reference}</span>
                    <Link to={`/personnel/${e.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                      {e.name}
                    </Link>
                  </p>
                  <span className="flex flex-wrap gap-1">
                    <KeyRoleBadges roles={e.keyRoles} />
                    {e.securitySensitive ? <Badge tone="brand">{t("personnel.sensitiveBadge")}</Badge> : null}
                    {e.leaveDate && e.leaveDate < d.today ? <Badge>{t("personnel.status.left")}</Badge> : null}
                    {e.exit ? (
                      <Badge tone={e.exit.status === "done" ? "good" : e.exit.overdue ? "bad" : "warn"}>
                        {e.exit.overdue ? t("personnel.offboarding.overdueBadge") : t(`personnel.offboarding.status.${e.exit.status}`)}
                      </Badge>
                    ) : null}
                    {e.recheck && e.recheck !== "current" ? (
                      <Badge tone={e.recheck === "due" ? "warn" : "bad"}>{t(`personnel.recheck.${e.recheck}`)}</Badge>
                    ) : null}
                  </span>
                </div>
                <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600">
                  <span>
                    {e.position}
                    {e.department ? ` · ${e.department}` : ""}
                  </span>
                  {e.siteNameZh ? <span>{localized(e, "siteName", i18n.language)}</span> : null}
                  {e.idNumberMasked ? <span className="font-mono">{e.idNumberMasked}</span> : null}
                  <span>{t("personnel.hiredOn", { date: formatCalendarDate(e.hireDate, locale) })}</span>
                  {e.leaveDate ? <span>{t("personnel.leavesOn", { date: formatCalendarDate(e.leaveDate, locale) })}</span> : null}
                  {e.nextBackgroundCheckOn && e.recheck ? (
                    <span className={e.recheck === "overdue" ? "font-semibold text-red-700" : undefined}>
                      {t("personnel.nextCheck", { date: formatCalendarDate(e.nextBackgroundCheckOn, locale) })}
                    </span>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pager page={d.page} pages={d.pages} label={t("personnel.pages")} href={(page) => pageAddress("/personnel", search, page)} />
      </Card>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FilterField } from "~/components/form/filter-field";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { ExportLink } from "~/components/ui/export-link";
import { FilterButtons, FilterForm } from "~/components/ui/filter-bar";
import { Select } from "~/components/ui/input";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { parseContinuityFilter } from "~/lib/continuity/continuity-filter";
import { listContinuityPlans } from "~/lib/continuity/continuity-queries.server";
import { continuityDisruptions, continuityPlanStatuses } from "~/lib/continuity/continuity-rules";
import { filterSearch } from "~/lib/list-filter";
import { formatCalendarDate, todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["continuity"] } satisfies PageHandle;

// /continuity: the business continuity plans (CTPAT 2.4, WCO SAFE L), next review first, filtered by
// status, disruption covered and whether a review or test is due, with the CSV export.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("continuity.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "continuity.read");
  const filter = parseContinuityFilter(new URL(request.url).searchParams);
  return {
    filter,
    plans: await listContinuityPlans(auth.db, auth.organization.id, filter, todayInZone(auth.organization.timeZone)),
    canManage: can(auth.membership.role, "continuity.manage"),
  };
}

const resultTone = { passed: "good", passed_with_findings: "warn", failed: "bad" } as const;

export default function ContinuityPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const filtered = Object.keys(d.filter).length > 0;
  return (
    <>
      <PageHeader
        title={t("continuity.title")}
        description={t("continuity.description")}
        actions={
          d.canManage ? (
            <Link to="/continuity/new" className={buttonClass("primary")}>
              {t("continuity.new")}
            </Link>
          ) : null
        }
      />
      <Card
        title={t("continuity.list.title", { count: d.plans.length })}
        actions={<ExportLink href={`/continuity/export.csv${filterSearch(d.filter)}`}>{t("continuity.list.export")}</ExportLink>}
      >
        <details open={filtered || undefined} className="mb-4">
          <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("continuity.list.filter")}</summary>
          <FilterForm key={filterSearch(d.filter)} className="mt-2 grid gap-3 sm:grid-cols-3" label={t("continuity.list.filter")}>
            <FilterField label={t("continuity.list.status")} htmlFor="f-status">
              <Select id="f-status" name="status" defaultValue={d.filter.status ?? ""}>
                <option value="">{t("continuity.list.allStatuses")}</option>
                {continuityPlanStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`continuity.statuses.${s}`)}
                  </option>
                ))}
              </Select>
            </FilterField>
            <FilterField label={t("continuity.list.disruption")} htmlFor="f-disruption">
              <Select id="f-disruption" name="disruption" defaultValue={d.filter.disruption ?? ""}>
                <option value="">{t("continuity.list.allDisruptions")}</option>
                {continuityDisruptions.map((k) => (
                  <option key={k} value={k}>
                    {t(`continuity.disruptions.${k}`)}
                  </option>
                ))}
              </Select>
            </FilterField>
            <FilterField label={t("continuity.list.due")} htmlFor="f-due">
              <Select id="f-due" name="due" defaultValue={d.filter.due ?? ""}>
                <option value="">{t("continuity.list.anyDue")}</option>
                <option value="1">{t("continuity.list.dueOnly")}</option>
              </Select>
            </FilterField>
            <div className="flex flex-wrap items-end gap-2 sm:col-span-3">
              <FilterButtons apply={t("continuity.list.apply")} clear={t("continuity.list.clear")} clearTo="/continuity" filtered={filtered} />
            </div>
          </FilterForm>
        </details>
        {d.plans.length === 0 ? (
          <p className="text-slate-600">{filtered ? t("continuity.list.emptyFilter") : t("continuity.list.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {d.plans.map((p) => (
              <li key={p.id} className="grid gap-2 py-3 md:grid-cols-[minmax(0,1fr)_auto] md:items-start md:gap-6">
                <div className="min-w-0">
                  <p className="text-sm text-slate-600">
                    <span className="font-mono">{p.reference}</span> · {t("continuity.versionOf", { version: p.version, date: formatCalendarDate(p.revisedOn, locale) })}
                  </p>
                  <Link to={`/continuity/${p.id}`} className="text-lg font-medium text-brand-700 underline">
                    {p.title}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {p.disruptions.map((k) => t(`continuity.disruptions.${k}` as "continuity.disruptions.it_outage")).join(" · ")}
                  </p>
                  <p className="text-sm text-slate-500">
                    {[
                      t("continuity.list.recovery", { hours: p.recoveryHours }),
                      t("continuity.list.nextReview", { date: formatCalendarDate(p.nextReviewOn, locale) }),
                      t("continuity.list.nextTest", { date: formatCalendarDate(p.nextTestOn, locale) }),
                    ].join(" · ")}
                  </p>
                </div>
                <div className="flex flex-wrap gap-1 text-sm md:justify-end">
                  <Badge tone={p.status === "approved" ? "good" : "neutral"}>{t(`continuity.statuses.${p.status}`)}</Badge>
                  {p.lastResult ? <Badge tone={resultTone[p.lastResult]}>{t(`continuity.results.${p.lastResult}`)}</Badge> : null}
                  {p.reviewDue ? <Badge tone="warn">{t("continuity.list.reviewDue")}</Badge> : null}
                  {p.testDue ? <Badge tone="warn">{t("continuity.list.testDue")}</Badge> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

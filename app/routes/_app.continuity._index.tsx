import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChoiceFilterField } from "~/components/form/filter-field";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/card";
import { FilterPanel } from "~/components/ui/filter-bar";
import { RegisterList, RowDetails, SPLIT_ROW } from "~/components/ui/register-list";
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
  const search = filterSearch(d.filter);
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
      <RegisterList
        title={t("continuity.list.title", { count: d.plans.length })}
        exportLink={{ href: `/continuity/export.csv${search}`, label: t("continuity.list.export") }}
        filter={
          <FilterPanel
            label={t("continuity.list.filter")}
            apply={t("continuity.list.apply")}
            clear={t("continuity.list.clear")}
            clearTo="/continuity"
            search={search}
            className="sm:grid-cols-3"
            buttonsClassName="sm:col-span-3"
          >
            <ChoiceFilterField
              label={t("continuity.list.status")}
              name="status"
              all={t("continuity.list.allStatuses")}
              options={continuityPlanStatuses.map((s) => ({ value: s, label: t(`continuity.statuses.${s}`) }))}
              value={d.filter.status}
            />
            <ChoiceFilterField
              label={t("continuity.list.disruption")}
              name="disruption"
              all={t("continuity.list.allDisruptions")}
              options={continuityDisruptions.map((k) => ({ value: k, label: t(`continuity.disruptions.${k}`) }))}
              value={d.filter.disruption}
            />
            <ChoiceFilterField
              label={t("continuity.list.due")}
              name="due"
              all={t("continuity.list.anyDue")}
              options={[{ value: "1", label: t("continuity.list.dueOnly") }]}
              value={d.filter.due}
            />
          </FilterPanel>
        }
        rows={d.plans}
        empty={search ? t("continuity.list.emptyFilter") : t("continuity.list.empty")}
        rowClassName={SPLIT_ROW}
        row={(p) => (
          <>
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
              <RowDetails
                parts={[
                  t("continuity.list.recovery", { hours: p.recoveryHours }),
                  t("continuity.list.nextReview", { date: formatCalendarDate(p.nextReviewOn, locale) }),
                  t("continuity.list.nextTest", { date: formatCalendarDate(p.nextTestOn, locale) }),
                ]}
              />
            </div>
            <div className="flex flex-wrap gap-1 text-sm md:justify-end">
              <Badge tone={p.status === "approved" ? "good" : "neutral"}>{t(`continuity.statuses.${p.status}`)}</Badge>
              {p.lastResult ? <Badge tone={resultTone[p.lastResult]}>{t(`continuity.results.${p.lastResult}`)}</Badge> : null}
              {p.reviewDue ? <Badge tone="warn">{t("continuity.list.reviewDue")}</Badge> : null}
              {p.testDue ? <Badge tone="warn">{t("continuity.list.testDue")}</Badge> : null}
            </div>
          </>
        )}
      />
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SourceLink } from "~/components/actions/action-source-link";
import { frameworkShort } from "~/components/criteria/criterion-parts";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import type { ActionStatus } from "~/lib/actions/action-schema";
import { countActions, criterionDisplayCode, listActions, type ActionFilter } from "~/lib/actions/action-queries.server";
import { actionReference } from "~/lib/assessments/result-labels";
import { requirePermission } from "~/lib/auth/auth.server";
import { actionAgeSeries } from "~/lib/charts/action-series.server";
import { actionAgeChart } from "~/lib/charts/chart-views.server";
import { ActionAgeChart } from "~/components/charts/action-age-chart";
import { formatCalendarDate, todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["charts", "criteria", "actions", "inspections"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("actions.title"));

const statusFilters = ["open", "closed", "all"] as const;
type StatusFilter = (typeof statusFilters)[number];

/** The list's filters from the query string; anything unknown falls back to the default view. */
function filterOf(url: URL): { status: StatusFilter; mine: boolean } {
  const status = url.searchParams.get("status");
  return {
    status: (statusFilters as readonly string[]).includes(status ?? "") ? (status as StatusFilter) : "open",
    mine: url.searchParams.get("mine") === "1",
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "actions.read");
  const orgId = auth.organization.id;
  const filter = filterOf(new URL(request.url));
  const today = todayInZone(auth.organization.timeZone);
  const listFilter: ActionFilter = { status: filter.status, mine: filter.mine };
  const [rows, counts, ages] = await Promise.all([
    listActions(auth.db, orgId, auth.user.id, listFilter, today),
    countActions(auth.db, orgId, auth.user.id, filter.mine),
    actionAgeSeries(auth.db, orgId, auth.organization.timeZone, today),
  ]);
  // The "where do actions come from" text is for an organisation without any action, not for an empty filter.
  const hasAny = filter.mine ? (await countActions(auth.db, orgId, auth.user.id, false)).all > 0 : counts.all > 0;
  return {
    filter,
    counts,
    hasAny,
    ageChart: actionAgeChart(ages),
    actions: rows.map((r) => ({
      id: r.action.id,
      reference: actionReference(r.action.number),
      status: r.action.status as ActionStatus,
      dueOn: r.action.dueOn,
      overdue: r.overdue,
      daysOverdue: r.daysOverdue,
      ownerName: r.ownerName,
      mine: r.action.ownerUserId === auth.user.id,
      criterion:
        r.criterionKey && r.criterionCode && r.criterionLevel && r.frameworkCode
          ? {
              frameworkCode: r.frameworkCode,
              key: r.criterionKey,
              code: criterionDisplayCode(
                { code: r.criterionCode, part: r.criterionPart, level: r.criterionLevel },
                r.parentCode && r.parentLevel ? { code: r.parentCode, part: r.parentPart, level: r.parentLevel } : null,
              ),
              titleZh: r.criterionTitleZh ?? "",
              titleEn: r.criterionTitleEn ?? "",
            }
          : null,
      source: r.source ? { type: r.source.type, href: r.source.href, reference: r.source.reference } : null,
      titles: r.titles,
    })),
  };
}

const statusTone = { open: "neutral", in_progress: "warn", awaiting_verification: "warn", done: "good", cancelled: "neutral" } as const;

export default function ActionsPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const { actions, filter, counts, hasAny, ageChart } = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  const hrefOf = (next: Partial<{ status: StatusFilter; mine: boolean }>) => {
    const merged = { ...filter, ...next };
    const params = new URLSearchParams();
    if (merged.status !== "open") params.set("status", merged.status);
    if (merged.mine) params.set("mine", "1");
    const query = params.toString();
    return query ? `/actions?${query}` : "/actions";
  };
  const tab = (active: boolean) =>
    `flex min-h-11 items-center rounded-md px-3 text-sm font-medium ${
      active ? "bg-brand-700 text-white" : "bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
    }`;
  return (
    <>
      <PageHeader title={t("actions.title")} description={t("actions.description")} />
      <div className="space-y-4">
        {/* Plain links, so the filters work without JavaScript and each view has its own address. */}
        <nav aria-label={t("actions.filterLabel")} className="flex flex-wrap items-center gap-2">
          {statusFilters.map((s) => (
            <Link key={s} to={hrefOf({ status: s })} className={tab(filter.status === s)} aria-current={filter.status === s ? "page" : undefined}>
              {t(`actions.filter.${s}`, { count: counts[s] })}
            </Link>
          ))}
          <span className="mx-1 hidden h-6 w-px bg-slate-300 sm:block" aria-hidden="true" />
          <Link to={hrefOf({ mine: false })} className={tab(!filter.mine)} aria-current={!filter.mine ? "page" : undefined}>
            {t("actions.everyone")}
          </Link>
          <Link to={hrefOf({ mine: true })} className={tab(filter.mine)} aria-current={filter.mine ? "page" : undefined}>
            {t("actions.mine")}
          </Link>
        </nav>
        <Card>
          <ActionAgeChart chart={ageChart} />
        </Card>
        <Card title={t("actions.list", { count: actions.length })}>
          {!hasAny ? (
            <div className="space-y-3">
              <p className="font-medium text-slate-800">{t("actions.empty")}</p>
              <p className="text-slate-600">{t("actions.emptyHow")}</p>
              <Link to="/assessments" className={buttonClass("secondary")}>
                {t("actions.toAssessments")}
              </Link>
            </div>
          ) : actions.length === 0 ? (
            <div className="space-y-3">
              <p className="text-slate-600">{t("actions.emptyFilter")}</p>
              <Link to="/actions?status=all" className="text-brand-700 underline">
                {t("actions.showAll")}
              </Link>
            </div>
          ) : (
            <ul className="divide-y divide-slate-100">
              {actions.map((a) => (
                // The red bar sits in the card's padding, so an overdue row's text lines up with the others.
                <li
                  key={a.id}
                  className={`py-3 ${a.overdue ? "-mx-2 border-l-4 border-red-600 bg-red-50 pl-1 pr-2 sm:-mx-3 sm:pl-2 sm:pr-3" : ""}`}
                >
                  <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
                    <p className="min-w-0">
                      <span className="mr-2 font-mono text-sm text-slate-600">{a.reference}</span>
                      <Link to={`/actions/${a.id}`} className="font-medium text-brand-700 underline">
                        {en ? a.titles.en : a.titles.zh}
                      </Link>
                    </p>
                    <div className="flex flex-wrap items-center gap-2">
                      {a.overdue ? <Badge tone="bad">{t("actions.overdueDays", { count: a.daysOverdue })}</Badge> : null}
                      <Badge tone={statusTone[a.status]}>{t(`actions.status.${a.status}`)}</Badge>
                    </div>
                  </div>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-600 lg:grid-cols-[auto_1fr_auto_1fr] lg:gap-x-4">
                    {a.criterion ? (
                      <>
                        <dt className="text-slate-500">{t("actions.criterion")}</dt>
                        <dd className="min-w-0">
                          <Link to={`/criteria/${a.criterion.frameworkCode}/${a.criterion.key}`} className="text-brand-700 underline">
                            {frameworkShort(t, a.criterion.frameworkCode)}{" "}
                            {en ? a.criterion.code.en : a.criterion.code.zh} {localized(a.criterion, "title", i18n.language)}
                          </Link>
                        </dd>
                      </>
                    ) : null}
                    {a.source ? (
                      <>
                        <dt className="text-slate-500">{t("actions.source")}</dt>
                        <dd>
                          <SourceLink source={a.source} />
                        </dd>
                      </>
                    ) : null}
                    <dt className="text-slate-500">{t("actions.owner")}</dt>
                    <dd>
                      {a.ownerName}
                      {a.mine ? <span className="ml-1 text-slate-500">{t("actions.you")}</span> : null}
                    </dd>
                    <dt className="text-slate-500">{t("actions.dueOn")}</dt>
                    <dd className={a.overdue ? "font-semibold text-red-700" : undefined}>{formatCalendarDate(a.dueOn, locale)}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}


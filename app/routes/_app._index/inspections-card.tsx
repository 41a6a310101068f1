import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/card";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { DashboardView } from "~/lib/organizations/dashboard-view.server";
import { Watch } from "./watch-list";
import { localized } from "~/lib/i18n/localized";

type DashboardInspections = DashboardView["inspections"];

/** What the gate has to do today: scheduled inspections due or missed, signatures and blocked releases. */
export function InspectionsCard(props: { inspections: DashboardInspections }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = props.inspections;
  const line = (s: DashboardInspections["due"][number], overdue: boolean) => (
    <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span className="min-w-0">
        <span className="font-medium text-slate-900">{localized(s, "templateTitle", i18n.language)}</span>
        <span className="block text-sm text-slate-600">
          {localized(s, "siteName", i18n.language)} ·{" "}
          {overdue && s.missedSince
            ? t("schedules.overdue", { date: formatCalendarDate(s.missedSince, locale) })
            : s.dueBy
              ? t("schedules.dueBy", { date: formatCalendarDate(s.dueBy, locale) })
              : null}
        </span>
      </span>
      {d.canRecord ? (
        <Link
          to={`/inspections/new?template=${encodeURIComponent(s.templateCode)}&site=${s.siteId}`}
          className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-3 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {t("schedules.startNow")}
        </Link>
      ) : null}
    </li>
  );
  const nothing = !d.due.length && !d.overdue.length && !d.awaitingSignoff.length && !d.blocked.length;
  return (
    <Card
      title={t("dashboard.inspectionsTitle")}
      actions={
        <Link className="text-sm text-brand-700 underline" to="/schedules">
          {t("dashboard.inspectionsSchedules")}
        </Link>
      }
    >
      {d.scheduleCount === 0 ? <p className="mb-3 text-sm text-slate-600">{t("dashboard.inspectionsNoSchedule")}</p> : null}
      {nothing && d.scheduleCount > 0 ? <p className="text-green-800">{t("dashboard.inspectionsNothingDue")}</p> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {d.overdue.length ? (
          <Watch title={t("dashboard.inspectionsOverdue", { count: d.overdue.length })} tone="red">
            {d.overdue.map((s) => line(s, true))}
          </Watch>
        ) : null}
        {d.due.length ? (
          <Watch title={t("dashboard.inspectionsDue", { count: d.due.length })} tone="amber">
            {d.due.map((s) => line(s, false))}
          </Watch>
        ) : null}
        {d.blocked.length ? (
          <Watch title={t("dashboard.inspectionsBlocked", { count: d.blocked.length })} tone="red">
            {d.blocked.map((i) => (
              <li key={i.id}>
                <Link to={`/inspections/${i.id}`} className="flex min-h-11 items-center gap-2 py-1 text-brand-700 underline">
                  <span className="font-mono text-sm">{i.reference}</span> {localized(i, "title", i18n.language)}
                  {i.containerNumber ? <span className="font-mono text-sm text-slate-600">{i.containerNumber}</span> : null}
                </Link>
              </li>
            ))}
          </Watch>
        ) : null}
        {d.awaitingSignoff.length ? (
          <Watch title={t("dashboard.inspectionsSignoff", { count: d.awaitingSignoff.length })} tone="amber">
            {d.awaitingSignoff.map((i) => (
              <li key={i.id}>
                <Link to={`/inspections/${i.id}`} className="flex min-h-11 items-center gap-2 py-1 text-brand-700 underline">
                  <span className="font-mono text-sm">{i.reference}</span> {localized(i, "title", i18n.language)}
                </Link>
              </li>
            ))}
          </Watch>
        ) : null}
      </div>
    </Card>
  );
}

import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/card";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { AreaOverview } from "~/lib/organizations/dashboard-view.server";

/** What is open at each desk of the organisation: counts that open the lists (no "do it" buttons). */
export function OverviewCard(props: { areas: readonly AreaOverview[] }) {
  const { t } = useTranslation();
  return (
    <Card className="mt-4" title={t("attention.overview.title")}>
      <p className="mb-4 text-sm text-slate-600">{t("attention.overview.hint")}</p>
      {props.areas.length === 0 ? <p className="text-green-800">{t("attention.overview.nothing")}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {props.areas.map((area) => (
          <section key={area.area} aria-labelledby={`area-${area.area}`} className="rounded-md border border-slate-200 p-3" data-area={area.area}>
            <h3 id={`area-${area.area}`} className="mb-2 font-semibold text-slate-900">
              {t(`attention.overview.area.${area.area}`)}
            </h3>
            <ul className="space-y-1">
              {area.kinds.map((k) => (
                <li key={k.kind}>
                  <Link to={k.href} className="flex min-h-11 items-center justify-between gap-3 text-brand-700 hover:bg-slate-50">
                    <span className="underline">{t(`attention.kind.${k.kind}`)}</span>
                    <span className="shrink-0 text-right">
                      <span className="text-lg font-semibold text-slate-900">{k.total}</span>
                      {k.overdue ? <span className="block text-xs font-semibold text-red-700">{t("attention.groupOverdue", { count: k.overdue })}</span> : null}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Card>
  );
}

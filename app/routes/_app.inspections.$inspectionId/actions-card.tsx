import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { InspectionPageView } from "~/lib/inspections/inspection-view.server";
import { localized } from "~/lib/i18n/localized";

/** The corrective actions the failed points opened, each named by the point it came from. */
export function ActionsCard({ d }: { d: InspectionPageView }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t("inspections.actionsTitle", { count: d.actions.length })}>
      {d.actions.length === 0 ? (
        <p className="text-slate-600">{t("inspections.noActions")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {d.actions.map((a) => {
            const point = d.points.find((p) => p.key === a.itemKey);
            return (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link to={`/actions/${a.id}`} className="text-brand-700 underline">
                  <span className="mr-2 font-mono text-sm">{a.reference}</span>
                  {point ? `${point.number}. ${localized(point, "prompt", i18n.language)}` : ""}
                </Link>
                <span className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                  {a.ownerName} · {formatCalendarDate(a.dueOn, locale)}
                  <Badge tone={a.status === "done" ? "good" : a.status === "cancelled" ? "neutral" : "warn"}>
                    {t(`actions.status.${a.status}`)}
                  </Badge>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

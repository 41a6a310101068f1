import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { actionReference } from "~/lib/assessments/result-labels";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import type { PartnerView } from "~/lib/partners/partner-view.server";

export function ActionsCard({ d }: { d: PartnerView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t("partners.actionsTitle", { count: d.actions.length })}>
      {d.actions.length ? (
        <ul className="divide-y divide-slate-100">
          {d.actions.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link to={`/actions/${a.id}`} className="text-brand-700 underline">
                <span className="mr-2 font-mono text-sm">{actionReference(a.number)}</span>
                {a.title}
              </Link>
              <span className="flex items-center gap-2 text-sm text-slate-600">
                {formatCalendarDate(a.dueOn, locale)}
                <Badge tone={a.overdue ? "bad" : a.status === "done" ? "good" : "neutral"}>{t(`actions.status.${a.status}`)}</Badge>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-600">{t("partners.noActions")}</p>
      )}
    </Card>
  );
}

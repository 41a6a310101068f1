import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { localized } from "~/lib/i18n/localized";

export interface VisitorsOnSiteLine {
  siteId: string;
  siteNameZh: string;
  siteNameEn: string;
  onSite: number;
  notSignedOut: number;
}

/** The dashboard's view of the gate: who is inside per site, and who was never signed out. */
export function VisitorsDashboardCard(props: { lines: VisitorsOnSiteLine[] }) {
  const { t, i18n } = useTranslation();
  const notSignedOut = props.lines.reduce((sum, l) => sum + l.notSignedOut, 0);
  return (
    <Card
      title={t("visitors.dashboard.title")}
      actions={
        <Link to="/visitors" className="text-sm font-medium text-brand-700 underline">
          {t("visitors.dashboard.open")}
        </Link>
      }
    >
      {notSignedOut ? (
        <p className="mb-2">
          <Badge tone="bad">{t("visitors.dashboard.notSignedOut", { count: notSignedOut })}</Badge>
        </p>
      ) : null}
      {props.lines.length === 0 ? (
        <p className="text-slate-600">{t("visitors.dashboard.nobody")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {props.lines.map((l) => (
            <li key={l.siteId} className="flex items-center justify-between gap-2 py-2">
              <Link to={`/visitors?site=${l.siteId}`} className="text-brand-700 underline">
                {localized(l, "siteName", i18n.language)}
              </Link>
              <span className="text-sm text-slate-700">
                {t("visitors.dashboard.onSite", { count: l.onSite })}
                {l.notSignedOut ? (
                  <span className="ml-2 font-medium text-red-700">
                    {t("visitors.dashboard.siteNotSignedOut", { count: l.notSignedOut })}
                  </span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

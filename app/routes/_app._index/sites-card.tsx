import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { useCan } from "~/lib/auth/use-session-user";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { DashboardView } from "~/lib/organizations/dashboard-view.server";
import { localized } from "~/lib/i18n/localized";

/** The organisation's sites and their kind, with the way to manage them for those who may. */
export function SitesCard({ sites }: { sites: NonNullable<DashboardView["sites"]> }) {
  const { t, i18n } = useTranslation();
  const canManageSites = useCan("sites.manage");
  return (
    <Card title={t("dashboard.sites", { count: sites.length })} actions={<Link className="text-sm text-brand-700 underline" to="/settings/sites">{t(canManageSites ? "common.manage" : "common.view")}</Link>}>
      {sites.length === 0 ? (
        <p className="text-slate-600">{t("sites.empty")}</p>
      ) : (
        <ul className="space-y-1">
          {sites.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2">
              <span>{localized(s, "name", i18n.language)}</span>
              <Badge tone="brand">{t(`siteKind.${s.kind}`)}</Badge>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

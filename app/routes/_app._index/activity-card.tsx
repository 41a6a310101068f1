import { Link } from "@remix-run/react";
import { AuditEventSummary } from "~/components/audit/audit-event-summary";
import { Card } from "~/components/ui/card";
import { useShell } from "~/lib/auth/use-session-user";
import { formatDateTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { DashboardView } from "~/lib/organizations/dashboard-view.server";

/** The last few entries of the audit trail, one line each, for those who may read it. */
export function ActivityCard({ activity }: { activity: NonNullable<DashboardView["activity"]> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  return (
    <Card className="mt-4" title={t("dashboard.recentActivity")} actions={<Link className="text-sm text-brand-700 underline" to="/settings/audit">{t("dashboard.fullTrail")}</Link>}>
      {activity.length === 0 ? (
        <p className="text-slate-600">{t("audit.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {activity.map((e) => (
            <li key={e.id} className="py-2">
              <AuditEventSummary event={e} />
              <p className="text-xs text-slate-500">{formatDateTime(e.occurredAt, locale, shell.organization.timeZone)}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

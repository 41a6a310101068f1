import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { formatCalendarDate } from "~/lib/i18n/format";
import { localized } from "~/lib/i18n/localized";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { DashboardView } from "~/lib/organizations/dashboard-view.server";

/** The levels the organisation holds under each programme and its customs identity: what an auditor asks first. */
export function CertificationCard({ org }: { org: DashboardView["organization"] }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t("dashboard.certification")}>
      {org.statuses.length ? (
        <ul className="space-y-3">
          {org.statuses.map((s) => (
            <li key={s.programme} className="space-y-1">
              <p className="text-sm text-slate-500">{localized(s, "programmeName", i18n.language)}</p>
              <Badge tone="good">{localized(s, "levelName", i18n.language)}</Badge>
              {s.certificateNumber ? <p className="break-all font-mono text-sm text-slate-600">{s.certificateNumber}</p> : null}
              {s.validUntil ? (
                <p className="text-sm">
                  {t(s.programme === "cn-customs" ? "dashboard.nextRecertification" : "dashboard.validUntil", {
                    date: formatCalendarDate(s.validUntil, locale),
                  })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <Badge>{t("aeoStatus.none")}</Badge>
      )}
      <dl className="mt-3 space-y-2 text-sm">
        <div>
          <dt className="text-slate-500">{t("fields.customsCode")}</dt>
          <dd className={org.customsCode ? "font-mono" : "text-slate-500"}>{org.customsCode ?? t("common.notSet")}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("fields.uscc")}</dt>
          <dd className={org.unifiedSocialCreditCode ? "break-all font-mono" : "text-slate-500"}>
            {org.unifiedSocialCreditCode ?? t("common.notSet")}
          </dd>
        </div>
      </dl>
    </Card>
  );
}

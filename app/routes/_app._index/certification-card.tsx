import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { DashboardView } from "~/lib/organizations/dashboard-view.server";

/** The organisation's AEO status and its customs identity: what an auditor asks first. */
export function CertificationCard({ org }: { org: DashboardView["organization"] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t("dashboard.certification")}>
      {org.aeoStatus !== "none" ? (
        <div className="space-y-1">
          <Badge tone="good">{t(`aeoStatus.${org.aeoStatus}`)}</Badge>
          <p className="text-sm text-slate-600">{org.aeoCertificateNumber}</p>
          {org.aeoNextRecertificationOn ? (
            <p className="text-sm">
              {t("dashboard.nextRecertification", { date: formatCalendarDate(org.aeoNextRecertificationOn, locale) })}
            </p>
          ) : null}
        </div>
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

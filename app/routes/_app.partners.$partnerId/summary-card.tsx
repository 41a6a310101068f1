import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { PartnerStatusBadges } from "~/components/partners/partner-badges";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { countryName } from "~/lib/partners/countries";
import type { PartnerView } from "~/lib/partners/partner-view.server";

export function SummaryCard({ d }: { d: PartnerView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const p = d.partner;
  const overdue = p.nextEvaluationOn !== null && p.nextEvaluationOn < d.today;
  const supervisionOverdue = p.nextSupervisionOn !== null && p.nextSupervisionOn < d.today;
  return (
    <Card>
      <div className="flex flex-wrap items-center gap-2">
        <PartnerStatusBadges status={p.status} tier={p.riskTier} exempt={p.exempt} />
        {d.missingClauses.length && p.status !== "rejected" ? (
          <Badge tone="warn">{t("partners.clausesMissing", { count: d.missingClauses.length })}</Badge>
        ) : null}
      </div>
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <Row label={t("partners.country")} value={countryName(p.countryCode, locale)} />
        <Row
          label={p.uscc ? t("partners.uscc") : t("partners.foreignRegistration")}
          value={<span className="font-mono">{p.uscc ?? p.foreignRegistrationNumber ?? "—"}</span>}
        />
        <Row label={t("partners.roles")} value={p.roles.map((r) => t(`partners.role.${r}`)).join(t("common.listSeparator"))} />
        {p.countryCode === "CN" ? <Row label={t("partners.customsCredit")} value={t(`partners.credit.${p.customsCredit}`)} /> : null}
        <Row
          label={t("partners.nextEvaluationLabel")}
          value={
            p.nextEvaluationOn ? (
              <span className={overdue ? "font-semibold text-red-700" : undefined}>
                {formatCalendarDate(p.nextEvaluationOn, locale)}
                {overdue ? ` · ${t("partners.overdue")}` : ""}
              </span>
            ) : (
              t("partners.neverEvaluated")
            )
          }
        />
        <Row
          label={t("partners.nextSupervisionLabel")}
          value={
            p.nextSupervisionOn ? (
              <a href="#supervision" className={supervisionOverdue ? "font-semibold text-red-700 underline" : "underline"}>
                {formatCalendarDate(p.nextSupervisionOn, locale)}
                {supervisionOverdue ? ` · ${t("partners.overdue")}` : ""}
              </a>
            ) : (
              t("partners.noSupervisionDue")
            )
          }
        />
        <Row label={t("partners.lastEvaluated")} value={p.lastEvaluatedOn ? formatCalendarDate(p.lastEvaluatedOn, locale) : "—"} />
        {p.annualVolumeCny !== null ? (
          <Row label={t("partners.annualVolume")} value={new Intl.NumberFormat(locale).format(p.annualVolumeCny)} />
        ) : null}
      </dl>
      {p.notes ? <p className="mt-3 whitespace-pre-line text-sm text-slate-700">{p.notes}</p> : null}
    </Card>
  );
}

export function Row(props: { label: string; value: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500">{props.label}</dt>
      <dd className="break-words text-slate-900">{props.value}</dd>
    </div>
  );
}

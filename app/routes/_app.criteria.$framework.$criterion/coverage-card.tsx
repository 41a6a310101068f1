import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/card";
import type { CriterionPageData } from "~/lib/criteria/criterion-view.server";
import { COVERAGE_MONTHS } from "~/lib/evidence/evidence-registry";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { localized } from "~/lib/i18n/localized";

export function CoverageCard({
  evidence,
  expectedDocument,
}: {
  evidence: NonNullable<CriterionPageData["evidence"]>;
  expectedDocument: { textZh: string; textEn: string } | null;
}) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t("criteria.coverage.title")}>
      <div className="space-y-3 text-sm">
        {evidence.recent > 0 ? (
          <p className="font-semibold text-green-800">{t("criteria.coverage.records", { count: evidence.recent, months: COVERAGE_MONTHS })}</p>
        ) : (
          <p className="font-medium text-red-700">⚠ {t("criteria.coverage.noRecords", { months: COVERAGE_MONTHS })}</p>
        )}
        {evidence.newestDay ? (
          <p className="text-slate-700">{t("criteria.coverage.newestRecord", { date: formatCalendarDate(evidence.newestDay, locale) })}</p>
        ) : null}
        <div>
          <p className="font-medium text-slate-800">{t("criteria.coverage.policies")}</p>
          {evidence.policies.length ? (
            <ul className="mt-1 space-y-2">
              {evidence.policies.map((p) => (
                <li key={p.id}>
                  <Link to={`/policies/${p.id}`} className="text-brand-700 underline">
                    <span className="font-mono">{p.documentNumber}</span> {localized(p, "title", i18n.language)}
                  </Link>
                  <p className="text-slate-600">
                    {p.version && p.effectiveOn
                      ? t("criteria.coverage.currentVersion", { version: p.version, date: formatCalendarDate(p.effectiveOn, locale) })
                      : t("criteria.coverage.noVersion")}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 font-medium text-red-700">⚠ {t("criteria.coverage.noPolicy")}</p>
          )}
        </div>
        <p className="text-slate-600">
          {t("common.labelValue", {
            label: t("criteria.feeders"),
            value: evidence.recordTypes.length
              ? evidence.recordTypes.map((k) => t(`evidence.types.${k}` as "evidence.types.policy")).join(t("common.listSeparator"))
              : t("criteria.noFeeders"),
          })}
        </p>
        {expectedDocument ? (
          <div className="rounded-md border border-amber-200 bg-amber-50 p-3">
            <p className="font-medium text-amber-900">{t("criteria.expectedDocument")}</p>
            <p className="mt-1 text-amber-900">{localized(expectedDocument, "text", i18n.language)}</p>
          </div>
        ) : null}
      </div>
    </Card>
  );
}

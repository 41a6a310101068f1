import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Card } from "~/components/ui/card";
import { resultLabel } from "~/lib/assessments/result-labels";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import type { AssessmentPageView } from "~/lib/assessments/assessment-view.server";
import { labelIn } from "./shared";
import { localized } from "~/lib/i18n/localized";

export function ComparisonCard(props: { d: AssessmentPageView }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const en = i18n.language === "en";
  const cmp = props.d.comparison!;
  const rule = props.d.framework.scoringRule;
  const prev = cmp.previous.outcome;
  return (
    <Card title={t("assessments.comparison", { reference: cmp.previous.reference })}>
      <p className="text-sm text-slate-600">
        <Link to={`/assessments/${cmp.previous.id}`} className="text-brand-700 underline">
          {cmp.previous.reference}
        </Link>{" "}
        · {formatCalendarDate(cmp.previous.assessedOn, locale)} ·{" "}
        {t("assessments.frameworkVersion", {
          version: cmp.previous.frameworkVersion,
        })}
        {prev.score !== null ? ` · ${t("assessments.scoreValue", { score: prev.score })}` : ""}
        {prev.passed !== null ? ` · ${t(prev.passed ? "assessments.passes" : "assessments.fails")}` : ""}
      </p>
      {cmp.changes.length === 0 ? (
        <p className="mt-2 text-sm">{t("assessments.noChanges")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {cmp.changes.map((ch) => (
            <li key={ch.key} className="flex flex-wrap justify-between gap-2 py-1">
              <span>
                <span className="font-mono">{ch.code}</span> {localized(ch, "title", i18n.language)}
              </span>
              <span>
                {labelIn(en, resultLabel(rule, ch.before))} → <strong>{labelIn(en, resultLabel(rule, ch.after))}</strong>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

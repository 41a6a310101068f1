import { resultWithPoints } from "~/lib/assessments/result-labels";
import type { AssessmentResultValue } from "~/lib/assessments/scoring";
import { useTranslation } from "~/lib/i18n/use-translation";

/** Indents of the criteria list by depth in the tree (deeper ones take the last). */
export const indent = ["", "ml-2 sm:ml-5", "ml-4 sm:ml-10", "ml-6 sm:ml-14"];

/** The result options a criterion (or everything under a heading) is assessed with, with their points. */
export function OptionsLine(props: { options: readonly string[]; rule: string }) {
  const { t, i18n } = useTranslation();
  if (!props.options.length) return null;
  const labels = props.options.map((o) => {
    const label = resultWithPoints(props.rule as "qualitative", o as AssessmentResultValue);
    return i18n.language === "en" ? label.en : label.zh;
  });
  return (
    <p className="text-sm text-slate-600">
      {t("common.labelValue", { label: t("criteria.options"), value: labels.join(" · ") })}
    </p>
  );
}

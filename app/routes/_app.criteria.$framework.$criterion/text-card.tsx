import { BilingualText, ProvenanceNote } from "~/components/criteria/criterion-parts";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { resultWithPoints } from "~/lib/assessments/result-labels";
import type { AssessmentResultValue } from "~/lib/assessments/scoring";
import type { CriterionPageData } from "~/lib/criteria/criterion-view.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { localized } from "~/lib/i18n/localized";

export function TextCard({ data, roleParagraph }: { data: CriterionPageData; roleParagraph?: { zh: string; en: string } | null }) {
  const { t, i18n } = useTranslation();
  const { framework, criterion: c } = data;
  const en = i18n.language === "en";
  const optionLabels = c.options.map((o) => {
    const l = resultWithPoints(framework.scoringRule, o as AssessmentResultValue);
    return en ? l.en : l.zh;
  });
  return (
    <Card title={t("criteria.text")} className="lg:col-span-2">
      <div className="space-y-3">
        <div className="flex flex-wrap gap-2">
          <Badge tone="brand">{localized(framework, "name", i18n.language)}</Badge>
          {c.part ? <Badge>{t(`criteria.part.${c.part}`)}</Badge> : null}
          {c.requirement ? <Badge tone={c.requirement === "must" ? "brand" : "neutral"}>{t(`criteria.requirement.${c.requirement}`)}</Badge> : null}
        </div>
        <ProvenanceNote provenance={c.provenance} noteZh={c.noteZh} noteEn={c.noteEn} />
        {roleParagraph ? (
          <div className="rounded-md border border-brand-100 bg-brand-50 p-3">
            <p className="text-sm font-medium text-slate-800">{t("criteria.yourRoleParagraph")}</p>
            <BilingualText zh={roleParagraph.zh} en={roleParagraph.en} className="space-y-1" />
          </div>
        ) : null}
        {c.textZh || c.textEn ? (
          <BilingualText zh={c.textZh} en={c.textEn} className="space-y-2 leading-relaxed" />
        ) : (
          <p className="text-slate-600">{t("criteria.heading")}</p>
        )}
        {optionLabels.length ? (
          <p className="text-sm text-slate-700">{t("common.labelValue", { label: t("criteria.options"), value: optionLabels.join(" · ") })}</p>
        ) : null}
        {framework.improvementDays !== null && c.options.includes("fails") ? (
          c.improvable ? (
            <Badge tone="good">{t("criteria.improvable", { days: framework.improvementDays })}</Badge>
          ) : (
            <Badge tone="warn">{t("criteria.notImprovable")}</Badge>
          )
        ) : null}
      </div>
    </Card>
  );
}

import { CriterionRefLink } from "~/components/criteria/criterion-parts";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { TemplatePageView } from "~/lib/inspections/template-view.server";
import { localized } from "~/lib/i18n/localized";

type Section = TemplatePageView["template"]["definition"]["sections"][number];

/** One section's points: prompt, guidance, the rules of its answer, and the criteria it is evidence for. */
export function SectionCard({ section, labels }: { section: Section; labels: TemplatePageView["labels"] }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={localized(section, "title", i18n.language)}>
      <ol className="divide-y divide-slate-100">
        {section.items.map((item) => (
          <li key={item.key} className="py-3">
            <p className="font-medium text-slate-900">
              <span className="mr-2 font-mono text-sm text-slate-600">{item.number}</span>
              {localized(item, "prompt", i18n.language)}
            </p>
            <p className="mt-1 text-sm text-slate-600">{localized(item, "guidance", i18n.language)}</p>
            <p className="mt-1 flex flex-wrap gap-1 text-xs">
              <Badge>{t(`templates.answerType.${item.answer}`)}</Badge>
              {item.required ? <Badge>{t("templates.required")}</Badge> : null}
              {item.failRequiresPhoto ? <Badge tone="warn">{t("templates.failPhoto")}</Badge> : null}
              {item.failRequiresNote ? <Badge tone="warn">{t("templates.failNote")}</Badge> : null}
              {item.onlyWhen === "reefer" ? <Badge tone="brand">{t("templates.reeferOnly")}</Badge> : null}
            </p>
            {item.criteria.length ? (
              <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {item.criteria.map((ref) => {
                  const label = labels[`${ref.framework}/${ref.key}`];
                  return (
                    <li key={`${ref.framework}/${ref.key}`}>
                      <CriterionRefLink refKey={ref} label={label} />
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}

import { Link } from "@remix-run/react";
import { CodeBadge, criterionCode, frameworkShort } from "~/components/criteria/criterion-parts";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { TemplatePageView } from "~/lib/inspections/template-view.server";

type Section = TemplatePageView["template"]["definition"]["sections"][number];

/** One section's points: prompt, guidance, the rules of its answer, and the criteria it is evidence for. */
export function SectionCard({ section, labels }: { section: Section; labels: TemplatePageView["labels"] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <Card title={en ? section.titleEn : section.titleZh}>
      <ol className="divide-y divide-slate-100">
        {section.items.map((item) => (
          <li key={item.key} className="py-3">
            <p className="font-medium text-slate-900">
              <span className="mr-2 font-mono text-sm text-slate-600">{item.number}</span>
              {en ? item.promptEn : item.promptZh}
            </p>
            <p className="mt-1 text-sm text-slate-600">{en ? item.guidanceEn : item.guidanceZh}</p>
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
                      <Link
                        to={`/criteria/${ref.framework}/${encodeURIComponent(ref.key)}`}
                        className="inline-flex min-h-9 items-center gap-1 text-brand-700 underline"
                        title={label ? (en ? label.titleEn : label.titleZh) : undefined}
                      >
                        <span className="text-slate-500">{frameworkShort(t, ref.framework)}</span>
                        <CodeBadge>{label ? criterionCode(t, label) : ref.key}</CodeBadge>
                      </Link>
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

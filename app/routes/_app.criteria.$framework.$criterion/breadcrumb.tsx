import { Link } from "@remix-run/react";
import { criterionCode, criterionLabel, frameworkShort } from "~/components/criteria/criterion-parts";
import type { CriterionBrief, CriterionPageData } from "~/lib/criteria/criterion-view.server";
import { useTranslation } from "~/lib/i18n/use-translation";

/** Where a criterion of a framework is found: its page's address. */
export function criterionHref(frameworkCode: string, b: Pick<CriterionBrief, "key">): string {
  return `/criteria/${frameworkCode}/${encodeURIComponent(b.key)}`;
}

/** A criterion's code and title in the reader's language. */
export function useCriterionLabel() {
  const { t, i18n } = useTranslation();
  return (b: CriterionBrief) => criterionLabel(t, b, i18n.language === "en" ? b.titleEn : b.titleZh);
}

export function Breadcrumb({ data }: { data: CriterionPageData }) {
  const { t } = useTranslation();
  const label = useCriterionLabel();
  const { framework, criterion: c } = data;
  return (
    <nav aria-label={t("criteria.breadcrumb")} className="mb-3 text-sm text-slate-600">
      <ol className="flex flex-wrap items-center gap-x-1 gap-y-1">
        <li>
          <Link to="/criteria" className="text-brand-700 underline">
            {t("criteria.title")}
          </Link>
        </li>
        <li aria-hidden="true">›</li>
        <li>
          <Link to={`/criteria/${framework.code}`} className="text-brand-700 underline">
            {frameworkShort(t, framework.code)}
          </Link>
        </li>
        {data.ancestors.map((a) => (
          <li key={a.key} className="contents">
            <span aria-hidden="true">›</span>
            <Link to={criterionHref(framework.code, a)} className="text-brand-700 underline">
              {label(a)}
            </Link>
          </li>
        ))}
        <li aria-hidden="true">›</li>
        <li aria-current="page" className="font-medium text-slate-800">
          {criterionCode(t, c)}
        </li>
      </ol>
    </nav>
  );
}

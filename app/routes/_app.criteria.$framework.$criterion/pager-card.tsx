import { Link } from "@remix-run/react";
import { criterionCode } from "~/components/criteria/criterion-parts";
import { Card } from "~/components/ui/card";
import type { CriterionPageData } from "~/lib/criteria/criterion-view.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { criterionHref, useCriterionLabel } from "./breadcrumb";

/** The way on from a criterion: up to its parent, back to the framework, and to its neighbours. */
export function PagerCard({ data }: { data: CriterionPageData }) {
  const { t } = useTranslation();
  const label = useCriterionLabel();
  const code = data.framework.code;
  const parent = data.ancestors.at(-1);
  return (
    <Card>
      <nav aria-label={t("criteria.pager")} className="space-y-2 text-sm">
        {parent ? (
          <p>
            <span className="text-slate-500">{t("criteria.parent")}</span>{" "}
            <Link to={criterionHref(code, parent)} className="text-brand-700 underline">
              {label(parent)}
            </Link>
          </p>
        ) : null}
        <p>
          <Link to={`/criteria/${code}#c-${encodeURIComponent(data.criterion.key)}`} className="text-brand-700 underline">
            {t("criteria.backToFramework")}
          </Link>
        </p>
        <div className="flex flex-wrap justify-between gap-2 border-t border-slate-100 pt-2">
          {data.previous ? (
            <Link to={criterionHref(code, data.previous)} className="flex min-h-11 items-center text-brand-700 underline" rel="prev">
              ← {t("criteria.previousCriterion")} {criterionCode(t, data.previous)}
            </Link>
          ) : (
            <span />
          )}
          {data.next ? (
            <Link to={criterionHref(code, data.next)} className="flex min-h-11 items-center text-brand-700 underline" rel="next">
              {t("criteria.nextCriterion")} {criterionCode(t, data.next)} →
            </Link>
          ) : null}
        </div>
      </nav>
    </Card>
  );
}

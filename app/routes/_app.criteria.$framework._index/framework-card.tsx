import { Form, Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Input } from "~/components/ui/input";
import type { FrameworkCriteriaData } from "~/lib/criteria/framework-criteria-view.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { OptionsLine } from "./options-line";
import { localized } from "~/lib/i18n/localized";

/** The framework's facts, the search form and how many criteria it shows and lack evidence. */
export function FrameworkCard({ data }: { data: FrameworkCriteriaData }) {
  const { t, i18n } = useTranslation();
  const { framework, filter, totals } = data;
  const filtered = filter.q !== "" || filter.gapsOnly;
  return (
    <Card>
      <div className="space-y-2 text-sm text-slate-700">
        <div className="flex flex-wrap gap-2">
          <Badge tone="brand">
            <span className="font-mono">{framework.code}</span>
          </Badge>
          <Badge>{t("criteria.version", { version: framework.version })}</Badge>
        </div>
        <p>{t("common.labelValue", { label: t("criteria.source"), value: localized(framework, "source", i18n.language) })}</p>
        <OptionsLine options={framework.options ?? []} rule={framework.scoringRule} />
        {framework.improvementDays !== null ? <p>{t("criteria.improvableRule", { days: framework.improvementDays })}</p> : null}
        {framework.improvementSourceZh ? (
          <p className="text-slate-600" data-testid="improvement-source">
            {t("criteria.improvementSource", { source: i18n.language === "en" ? framework.improvementSourceEn : framework.improvementSourceZh })}
          </p>
        ) : null}
        {framework.improvementNoteZh ? (
          <p className="text-slate-600" data-testid="improvement-note">
            {t("criteria.improvementNone", { note: i18n.language === "en" ? framework.improvementNoteEn : framework.improvementNoteZh })}
          </p>
        ) : null}
      </div>
      <Form method="get" role="search" className="mt-4 space-y-3 border-t border-slate-100 pt-4">
        <label className="block">
          <span className="mb-1 block font-medium text-slate-800">{t("criteria.filterLabel")}</span>
          <Input type="search" name="q" defaultValue={filter.q} placeholder={t("criteria.filterPlaceholder")} maxLength={100} />
        </label>
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" name="gaps" value="1" defaultChecked={filter.gapsOnly} className="h-5 w-5 rounded border-slate-300" />
          <span>{t("criteria.onlyGaps")}</span>
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <button type="submit" className={buttonClass("primary")}>
            {t("criteria.apply")}
          </button>
          {filtered ? (
            <Link to={`/criteria/${framework.code}`} className={buttonClass("secondary")}>
              {t("criteria.showAll")}
            </Link>
          ) : null}
        </div>
      </Form>
      <p className="mt-3 text-sm text-slate-600">
        {t("criteria.shown", { shown: totals.shown, total: totals.assessable })}
        {" · "}
        <span className={totals.gaps > 0 ? "font-medium text-red-700" : "text-green-800"}>
          {t("criteria.gapCount", { count: totals.gaps, total: totals.assessable })}
        </span>
      </p>
    </Card>
  );
}

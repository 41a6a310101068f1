import { Link } from "@remix-run/react";
import { CodeBadge, CollapsibleText, criterionCode, MappingBadges, ProvenanceNote } from "~/components/criteria/criterion-parts";
import { Badge } from "~/components/ui/badge";
import type { CoverageView } from "~/lib/criteria/criteria.server";
import type { FrameworkCriteriaNode } from "~/lib/criteria/framework-criteria-view.server";
import { COVERAGE_MONTHS } from "~/lib/evidence/evidence-registry";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { indent, OptionsLine } from "./options-line";
import { localized } from "~/lib/i18n/localized";

function Evidence(props: { coverage: CoverageView }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const c = props.coverage;
  return (
    <div className="space-y-1 rounded-md bg-slate-50 px-3 py-2 text-sm">
      {c.recent > 0 ? (
        <p className="text-green-800">
          {t("criteria.coverage.records", { count: c.recent, months: COVERAGE_MONTHS })}
          {c.newestDay ? ` · ${t("criteria.coverage.newest", { date: formatCalendarDate(c.newestDay, locale) })}` : null}
        </p>
      ) : (
        <p className="font-medium text-red-700">
          ⚠ {t("criteria.coverage.noRecords", { months: COVERAGE_MONTHS })}
          {c.newestDay ? (
            <span className="font-normal text-slate-600"> · {t("criteria.coverage.newest", { date: formatCalendarDate(c.newestDay, locale) })}</span>
          ) : null}
        </p>
      )}
      {c.policies.length > 0 ? (
        <ul className="flex flex-wrap gap-x-3 gap-y-1">
          {c.policies.map((p) => (
            <li key={p.id}>
              <Link to={`/policies/${p.id}`} className="text-brand-700 underline">
                <span className="font-mono">{p.documentNumber}</span> {localized(p, "title", i18n.language)}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="font-medium text-red-700">⚠ {t("criteria.coverage.noPolicy")}</p>
      )}
      <p className="text-slate-600">
        {t("common.labelValue", {
          label: t("criteria.feeders"),
          value: c.recordTypes.length
            ? c.recordTypes.map((k) => t(`evidence.types.${k}` as "evidence.types.policy")).join(t("common.listSeparator"))
            : t("criteria.noFeeders"),
        })}
      </p>
    </div>
  );
}

/** An assessable criterion: its text, options, cross-walk and the organisation's evidence. */
export function CriterionRow(props: { node: FrameworkCriteriaNode; frameworkCode: string; rule: string }) {
  const { t, i18n } = useTranslation();
  const n = props.node;
  const en = i18n.language === "en";
  const href = `/criteria/${props.frameworkCode}/${encodeURIComponent(n.key)}`;
  return (
    <li id={`c-${n.key}`} className={`scroll-mt-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4 ${indent[n.depth] ?? indent[3]}`}>
      <div className="flex items-start gap-2">
        <CodeBadge className="mt-0.5">{criterionCode(t, n)}</CodeBadge>
        <div className="min-w-0 flex-1">
          <Link to={href} className="font-semibold text-brand-800 underline decoration-brand-100 underline-offset-2 hover:decoration-brand-700">
            {localized(n, "title", i18n.language)}
          </Link>
          <p className="text-sm text-slate-500" lang={en ? "zh-CN" : "en"}>
            {en ? n.titleZh : n.titleEn}
          </p>
        </div>
        {n.notOurBusiness ? <Badge tone="neutral">{t("criteria.notOurBusiness")}</Badge> : null}
        {n.requirement ? <Badge tone={n.requirement === "must" ? "brand" : "neutral"}>{t(`criteria.requirement.${n.requirement}`)}</Badge> : null}
      </div>
      <div className="mt-2 space-y-2">
        <CollapsibleText zh={n.textZh} en={n.textEn} />
        <ProvenanceNote provenance={n.provenance} noteZh={n.noteZh} noteEn={n.noteEn} />
        <OptionsLine options={n.options} rule={props.rule} />
        {n.notImprovable ? <Badge tone="warn">{t("criteria.notImprovable")}</Badge> : null}
        {n.mappings.length ? (
          <div>
            <p className="text-sm font-medium text-slate-700">{t("criteria.mapsTo")}</p>
            <MappingBadges mappings={n.mappings} />
          </div>
        ) : null}
        {n.coverage && !n.notOurBusiness ? <Evidence coverage={n.coverage} /> : null}
      </div>
    </li>
  );
}

import { Link } from "@remix-run/react";
import { CodeBadge, criterionCode, frameworkShort } from "~/components/criteria/criterion-parts";
import { Card } from "~/components/ui/card";
import { COVERAGE_MONTHS } from "~/lib/evidence/evidence-registry";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { DashboardView } from "~/lib/organizations/dashboard-view.server";
import { localized } from "~/lib/i18n/localized";

type Coverage = DashboardView["coverage"][number];

/** How much of a framework the organisation's records and policies cover, and the first gaps. */
export function CoverageCard(props: { coverage: Coverage }) {
  const { t, i18n } = useTranslation();
  const f = props.coverage;
  return (
    <Card
      title={t("dashboard.coverageTitle", { framework: frameworkShort(t, f.code) })}
      actions={
        <Link className="text-sm text-brand-700 underline" to={`/criteria/${f.code}`}>
          {t("common.view")}
        </Link>
      }
    >
      <p className="-mt-3 mb-3 text-sm text-slate-600">{localized(f, "name", i18n.language)}</p>
      <div className="space-y-3">
        <Meter label={t("dashboard.coverageRecords", { months: COVERAGE_MONTHS })} count={f.withRecords} total={f.total} />
        <Meter label={t("dashboard.coveragePolicies")} count={f.withPolicy} total={f.total} />
      </div>
      <p className="mt-2 text-xs text-slate-500">{t("dashboard.coverageHint", { months: COVERAGE_MONTHS })}</p>
      <div className="mt-4 border-t border-slate-100 pt-3">
        {f.gapCount === 0 ? (
          <p className="text-sm text-green-800">{t("dashboard.coverageNoGaps")}</p>
        ) : (
          <>
            <h3 className="text-sm font-semibold text-red-700">{t("dashboard.coverageGaps", { count: f.gapCount })}</h3>
            <ul className="mt-1 divide-y divide-slate-100">
              {f.gaps.map((g) => (
                <li key={g.key}>
                  <Link to={`/criteria/${f.code}/${encodeURIComponent(g.key)}`} className="flex min-h-11 items-center gap-3 py-1 hover:bg-slate-50">
                    <span className="flex w-14 shrink-0">
                      <CodeBadge>{criterionCode(t, { ...g, level: "item" })}</CodeBadge>
                    </span>
                    <span className="text-sm text-brand-800 underline decoration-brand-100 underline-offset-2">{localized(g, "title", i18n.language)}</span>
                  </Link>
                </li>
              ))}
            </ul>
            <Link to={`/criteria/${f.code}?gaps=1`} className="mt-2 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
              {t("dashboard.coverageAllGaps", { count: f.gapCount })} →
            </Link>
          </>
        )}
      </div>
    </Card>
  );
}

function Meter(props: { label: string; count: number; total: number }) {
  const { t } = useTranslation();
  const share = props.total ? Math.round((props.count / props.total) * 100) : 0;
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="text-slate-700">{props.label}</span>
        <span className="font-semibold text-slate-900">{t("dashboard.coverageOf", { count: props.count, total: props.total })}</span>
      </div>
      <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

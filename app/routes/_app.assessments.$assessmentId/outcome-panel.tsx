import { useTranslation } from "~/lib/i18n/use-translation";
import { reasonText } from "~/lib/assessments/reason-text";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import type { Outcome } from "~/lib/assessments/scoring";

/**
 * "12 of 64 criteria assessed (30 more not applicable)": the criteria outside the organisation's
 * business types are recorded as not applicable when the assessment is made, so they are not
 * counted as the person's progress (30 of 94 assessed before any answer read as work done).
 */
export function progressText(t: ReturnType<typeof useTranslation>["t"], answered: number, total: number, skipped: number): string {
  if (skipped === 0) return t("assessments.progress", { answered, total });
  return t("assessments.progressSkipped", { answered: Math.max(0, answered - skipped), total: total - skipped, skipped });
}

export function OutcomePanel(props: { outcome: Outcome; rule: string; codeOf: (key: string) => string; unsaved: number; skipped: number }) {
  const { t } = useTranslation();
  const o = props.outcome;
  const list = (keys: string[]) => (keys.length ? keys.map(props.codeOf).join("、") : t("assessments.none"));
  const colon = t("assessments.colon");
  return (
    <Card title={t("assessments.outcome")}>
      <div className="space-y-3" aria-live="polite">
        {o.passed === null ? (
          <Badge tone="neutral">{t("assessments.noPassMark")}</Badge>
        ) : (
          <p className={`text-xl font-bold ${o.passed ? "text-green-800" : "text-red-800"}`} data-testid="verdict">
            {t(o.passed ? "assessments.passes" : "assessments.fails")}
            {o.complete ? "" : ` · ${t("assessments.provisional")}`}
          </p>
        )}
        {o.score !== null ? (
          <p className="text-3xl font-bold text-slate-900" data-testid="score">
            {t("assessments.scoreValue", { score: o.score })}
            {o.bonus ? (
              <span className="ml-2 text-base font-normal text-slate-600">
                {t("assessments.bonusIncluded", { bonus: o.bonus })}
              </span>
            ) : null}
          </p>
        ) : null}
        <p className="text-sm text-slate-700">{progressText(t, o.answered, o.total, props.skipped)}</p>
        {props.unsaved ? (
          <p className="text-sm font-medium text-amber-800">{t("assessments.unsaved", { count: props.unsaved })}</p>
        ) : null}
        {o.basicCounts ? (
          <dl className="grid grid-cols-2 gap-2 text-sm">
            <div className={o.basicCounts.general > 3 ? "text-red-800" : ""}>
              <dt className="text-slate-600">{t("assessments.basicGeneral")}</dt>
              <dd className="text-lg font-semibold" data-testid="basic-general">
                {o.basicCounts.general} / 3
              </dd>
            </div>
            <div className={o.basicCounts.business_type > 3 ? "text-red-800" : ""}>
              <dt className="text-slate-600">{t("assessments.basicBusiness")}</dt>
              <dd className="text-lg font-semibold">{o.basicCounts.business_type} / 3</dd>
            </div>
          </dl>
        ) : null}
        <dl className="space-y-1 text-sm">
          <div>
            <dt className="inline font-medium">
              {t(props.rule === "cn-2022-advanced" ? "assessments.basicItems" : "assessments.partlyItems")}
              {colon}
            </dt>
            <dd className="inline" data-testid="partly-list">
              {list(o.partlyMet)}
            </dd>
          </div>
          <div>
            <dt className="inline font-medium">
              {t("assessments.failedItems")}
              {colon}
            </dt>
            <dd className="inline" data-testid="failed-list">
              {list(o.failed)}
            </dd>
          </div>
          {o.blocking.length ? (
            <div className="text-red-800">
              <dt className="inline font-medium">
                {t("assessments.blockingItems")}
                {colon}
              </dt>
              <dd className="inline">{list(o.blocking)}</dd>
            </div>
          ) : null}
        </dl>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {o.reasons.map((r, i) => (
            <li key={i}>{reasonText(t, r)}</li>
          ))}
        </ul>
      </div>
    </Card>
  );
}

/** On a phone the outcome panel scrolls away: a thin bar at the bottom keeps the live result in view. */
export function MobileScoreBar(props: { outcome: Outcome; skipped: number }) {
  const { t } = useTranslation();
  const o = props.outcome;
  return (
    <div
      className="fixed inset-x-0 bottom-0 z-10 border-t border-slate-200 bg-white/95 px-4 py-2 text-sm shadow-lg lg:hidden"
      aria-hidden="true"
    >
      <span className="font-semibold">
        {o.passed === null ? t("assessments.noPassMark") : t(o.passed ? "assessments.passes" : "assessments.fails")}
      </span>
      {o.score !== null ? <span className="ml-2 font-bold">{t("assessments.scoreValue", { score: o.score })}</span> : null}
      <span className="ml-2 text-slate-600">{progressText(t, o.answered, o.total, props.skipped)}</span>
    </div>
  );
}

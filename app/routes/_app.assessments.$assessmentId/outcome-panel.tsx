import { useTranslation } from "~/lib/i18n/use-translation";
import { reasonText } from "~/lib/assessments/reason-text";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import type { Outcome } from "~/lib/assessments/scoring";

export function OutcomePanel(props: { outcome: Outcome; rule: string; codeOf: (key: string) => string; unsaved: number }) {
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
        <p className="text-sm text-slate-700">{t("assessments.progress", { answered: o.answered, total: o.total })}</p>
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
export function MobileScoreBar(props: { outcome: Outcome }) {
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
      <span className="ml-2 text-slate-600">{t("assessments.progress", { answered: o.answered, total: o.total })}</span>
    </div>
  );
}

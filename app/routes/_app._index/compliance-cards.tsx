import { Link } from "@remix-run/react";
import { frameworkShort } from "~/components/criteria/criterion-parts";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { DashboardView } from "~/lib/organizations/dashboard-view.server";

/** The newest self-assessment of each framework: how far it is and where the results so far lead. */
export function AssessmentsCard(props: { assessments: NonNullable<DashboardView["assessments"]> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card
      title={t("attention.assessments.title")}
      actions={
        <Link className="text-sm text-brand-700 underline" to="/assessments">
          {t("common.view")}
        </Link>
      }
    >
      {props.assessments.length === 0 ? <p className="text-slate-600">{t("attention.assessments.none")}</p> : null}
      <ul className="divide-y divide-slate-100">
        {props.assessments.map((a) => (
          <li key={a.id}>
            <Link to={`/assessments/${a.id}`} className="block min-h-11 py-2 hover:bg-slate-50">
              <span className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-sm text-slate-600">{a.reference}</span>
                <span className="font-medium text-brand-700 underline">{a.title}</span>
                <Badge tone={a.status === "final" ? "good" : "warn"}>{t(`assessments.status.${a.status}`)}</Badge>
              </span>
              <span className="mt-1 block text-sm text-slate-600">
                {frameworkShort(t, a.frameworkCode)} · {formatCalendarDate(a.assessedOn, locale)} ·{" "}
                {t("attention.assessments.answered", { answered: a.outcome.answered, total: a.outcome.total })}
                {a.outcome.score !== null ? ` · ${t("attention.assessments.score", { score: a.outcome.score })}` : ""}
              </span>
              {a.outcome.passed !== null ? (
                <span className={`block text-sm font-semibold ${a.outcome.passed ? "text-green-800" : "text-red-700"}`}>
                  {t(a.outcome.passed ? "attention.assessments.passing" : "attention.assessments.failing")}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The latest evidence dossiers and where each stands. */
export function DossiersCard(props: { dossiers: NonNullable<DashboardView["dossiers"]> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tone = { ready: "good", failed: "bad", queued: "neutral", generating: "warn" } as const;
  return (
    <Card
      title={t("attention.dossiers.title")}
      actions={
        <Link className="text-sm text-brand-700 underline" to="/dossiers">
          {t("common.view")}
        </Link>
      }
    >
      {props.dossiers.length === 0 ? <p className="text-slate-600">{t("attention.dossiers.none")}</p> : null}
      <ul className="divide-y divide-slate-100">
        {props.dossiers.map((d) => (
          <li key={d.id}>
            <Link to={`/dossiers/${d.id}`} className="flex min-h-11 flex-wrap items-center gap-2 py-2 hover:bg-slate-50">
              <span className="font-mono text-sm text-brand-700 underline">{d.reference}</span>
              <span className="text-sm text-slate-700">
                {frameworkShort(t, d.frameworkCode)} · {formatCalendarDate(d.periodFrom, locale)} – {formatCalendarDate(d.periodTo, locale)}
              </span>
              <Badge tone={tone[d.status]}>{t(`dossiers.status.${d.status}`)}</Badge>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

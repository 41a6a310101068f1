import { Link } from "@remix-run/react";
import { formatCalendarDate } from "~/lib/i18n/format";
import { localized } from "~/lib/i18n/localized";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { AssessmentPageView } from "~/lib/assessments/assessment-view.server";

type Evidence = AssessmentPageView["evidence"][string];

/** What already evidences the criterion: records of the last 12 months by kind, linked policies, and where to see them. */
export function EvidencePanel(props: { evidence: Evidence; href: string }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const { evidence } = props;
  const empty = evidence.recent.length === 0 && evidence.policies.length === 0;
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm" data-testid="criterion-evidence">
      <p className="font-medium text-slate-800">{t("assessments.evidenceTitle")}</p>
      {empty ? (
        <p className="text-slate-600">
          {t("assessments.evidenceNone")}
          {evidence.feeds.length
            ? ` ${t("assessments.evidenceFedBy", { types: evidence.feeds.map((type) => t(`evidence.types.${type}` as never)).join(t("common.listSeparator")) })}`
            : ""}
        </p>
      ) : (
        <ul className="mt-1 space-y-0.5 text-slate-700">
          {evidence.recent.map((r) => (
            <li key={r.type}>{t("assessments.evidenceCount", { type: t(`evidence.types.${r.type}` as never), count: r.count })}</li>
          ))}
          {evidence.newestDay ? <li className="text-slate-500">{t("assessments.evidenceNewest", { date: formatCalendarDate(evidence.newestDay, locale) })}</li> : null}
          {evidence.policies.map((p) => (
            <li key={p.id}>
              {t("evidence.types.policy")}:{" "}
              <Link to={`/policies/${p.id}`} className="text-brand-700 underline">
                {p.documentNumber} {localized(p, "title", i18n.language)}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link to={props.href} className="mt-1 inline-flex min-h-11 items-center text-brand-700 underline">
        {t("assessments.evidenceOpen")}
      </Link>
    </div>
  );
}

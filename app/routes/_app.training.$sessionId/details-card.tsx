import { Link } from "@remix-run/react";
import { CodeBadge, criterionLabel, frameworkShort } from "~/components/criteria/criterion-parts";
import { Card } from "~/components/ui/card";
import { formatCalendarDate, formatDateTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { SessionView } from "~/lib/training/session-view.server";
import { localized } from "~/lib/i18n/localized";

/** When, where and by whom the session was held, and the criteria it is evidence for. */
export function DetailsCard({ d }: { d: SessionView }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const s = d.session;
  return (
    <Card title={t(s.drill ? "training.drillDetails" : "training.details")}>
      <dl className="grid gap-3 sm:grid-cols-2">
        <Detail label={t("training.fields.heldOn")}>
          {formatCalendarDate(s.heldOn, locale)}
          {s.startTime ? ` ${s.startTime}` : ""}
          {s.durationMinutes ? ` · ${t("training.minutes", { count: s.durationMinutes })}` : ""}
        </Detail>
        <Detail label={t("training.fields.site")}>
          {s.siteNameZh ? localized(s, "siteName", i18n.language) : t("training.fields.noSite")}
        </Detail>
        <Detail label={t(s.drill ? "training.fields.drillLead" : "training.fields.trainer")}>
          {s.trainer}
          {s.provider ? ` (${s.provider})` : ""}
        </Detail>
        <Detail label={t("training.fields.testGiven")}>{s.testGiven ? t("training.yes") : t("training.no")}</Detail>
        {s.drill ? (
          <>
            <Detail label={t("training.fields.scenario")} wide>
              {s.scenario}
            </Detail>
            <Detail label={t("training.fields.observations")} wide>
              {s.observations ?? t("common.notSet")}
            </Detail>
            <Detail label={t("training.fields.lessonsLearned")} wide>
              {s.lessonsLearned ?? t("common.notSet")}
            </Detail>
            <Detail label={t("training.fields.followUp")} wide>
              {s.followUp ?? t("common.notSet")}
            </Detail>
          </>
        ) : null}
        {s.notes ? (
          <Detail label={t("training.fields.notes")} wide>
            {s.notes}
          </Detail>
        ) : null}
        <Detail label={t("training.recordedBy")} wide>
          {s.recordedByName} · {formatDateTime(s.createdAt, locale, d.timeZone)}
        </Detail>
      </dl>
      <div className="mt-4 border-t border-slate-100 pt-3">
        <h3 className="text-sm font-semibold text-slate-800">{t("training.evidenceFor")}</h3>
        {d.criteria.length === 0 ? (
          <p className="text-sm text-slate-600">{t("training.evidenceNone")}</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {d.criteria.map((c) => (
              <li key={`${c.framework}/${c.key}`} className="flex flex-wrap items-center gap-2 text-sm">
                <span>
                  <CodeBadge>{frameworkShort(t, c.framework)}</CodeBadge>
                </span>
                <Link
                  to={`/criteria/${c.framework}/${encodeURIComponent(c.key)}`}
                  className="inline-flex min-h-11 items-center text-brand-700 underline"
                >
                  {criterionLabel(t, c, localized(c, "title", i18n.language))}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

function Detail(props: { label: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={props.wide ? "sm:col-span-2" : undefined}>
      <dt className="text-sm text-slate-500">{props.label}</dt>
      <dd className="whitespace-pre-line text-slate-900">{props.children}</dd>
    </div>
  );
}

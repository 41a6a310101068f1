import { Link } from "@remix-run/react";
import { partnerName } from "~/components/partners/partner-badges";
import { Card } from "~/components/ui/card";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { DashboardView } from "~/lib/organizations/dashboard-view.server";
import { Watch } from "./watch-list";

/** Procurement's list: decisions waiting, re-evaluations due, certificates expiring, clauses missing. */
export function PartnersCard(props: { partners: DashboardView["partners"] }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const en = i18n.language === "en";
  const d = props.partners;
  const name = (p: { reference: string; legalNameZh: string; legalNameEn: string }) => `${p.reference} ${partnerName(p, en)}`;
  const nothing = !d.awaitingDecision.length && !d.dueCount && !d.expiring.length && !d.unboundCount;
  return (
    <Card
      className="mt-4"
      title={t("dashboard.partnersTitle")}
      actions={
        <Link className="text-sm text-brand-700 underline" to="/partners">
          {t("common.view")}
        </Link>
      }
    >
      {!d.hasActive ? (
        <p className="text-slate-600">{t("dashboard.partnersNone")}</p>
      ) : nothing ? (
        <p className="text-green-800">{t("dashboard.partnersNothing")}</p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {d.awaitingDecision.length ? (
          <Watch title={t("dashboard.partnersAwaiting", { count: d.awaitingDecisionCount })} tone="amber">
            {d.awaitingDecision.map((e) => (
              <li key={e.id}>
                <Link to={`/evaluations/${e.id}`} className="flex min-h-11 flex-wrap items-center gap-2 py-1 text-brand-700 underline">
                  <span className="font-mono text-sm">{e.reference}</span> {name(e.partner)}
                  {/* inline-block: an underline does not reach into it */}
                  <span className="inline-block text-sm text-slate-600">{t(`partners.evaluationStatus.${e.status}`)}</span>
                </Link>
              </li>
            ))}
          </Watch>
        ) : null}
        {d.dueCount ? (
          <Watch title={t(d.dueMore ? "dashboard.partnersDueMore" : "dashboard.partnersDue", { count: d.dueCount })} tone="red" more={d.dueCount > d.due.length ? <Link to="/partners?due=1" className="text-sm text-brand-700 underline">{t(d.dueMore ? "dashboard.partnersAllDueMore" : "dashboard.partnersAllDue", { count: d.dueCount })}</Link> : null}>
            {d.due.map((p) => (
              <li key={p.id}>
                <Link to={`/partners/${p.id}`} className="flex min-h-11 flex-wrap items-center gap-2 py-1 text-brand-700 underline">
                  {name(p)}
                  <span className={`inline-block text-sm ${p.nextEvaluationOn && p.nextEvaluationOn < d.today ? "font-semibold text-red-700" : "text-slate-600"}`}>
                    {p.nextEvaluationOn ? formatCalendarDate(p.nextEvaluationOn, locale) : t("partners.neverEvaluated")}
                    {p.evaluationStatus ? ` · ${t(`partners.evaluationStatus.${p.evaluationStatus}`)}` : ""}
                  </span>
                </Link>
              </li>
            ))}
          </Watch>
        ) : null}
        {d.expiring.length ? (
          <Watch title={t("dashboard.partnersExpiring", { count: d.expiring.length })} tone="amber">
            {d.expiring.map((p) => (
              <li key={p.id}>
                <Link to={`/partners/${p.id}#aeo`} className="flex min-h-11 flex-wrap items-center gap-2 py-1 text-brand-700 underline">
                  {name(p)}
                  <span className="inline-block text-sm text-slate-600">
                    {t(`partners.aeo.${p.aeoProgramme}`)} · {p.aeoValidUntil ? formatCalendarDate(p.aeoValidUntil, locale) : ""}
                  </span>
                </Link>
              </li>
            ))}
          </Watch>
        ) : null}
        {d.unboundCount ? (
          <Watch title={t(d.unboundMore ? "dashboard.partnersUnboundMore" : "dashboard.partnersUnbound", { count: d.unboundCount })} tone="amber">
            {d.unbound.map((p) => (
              <li key={p.id}>
                <Link to={`/partners/${p.id}#contracts`} className="flex min-h-11 items-center py-1 text-brand-700 underline">
                  {name(p)}
                </Link>
              </li>
            ))}
          </Watch>
        ) : null}
      </div>
    </Card>
  );
}

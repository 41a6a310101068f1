import type { ReactNode } from "react";
import { decisionTone, PartnerStatusBadges, tierTone } from "~/components/partners/partner-badges";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { useShell } from "~/lib/auth/use-session-user";
import { formatDateTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { EvaluationView } from "~/lib/partners/evaluation-view.server";
import { localized } from "~/lib/i18n/localized";

/** Where the evaluation stands: its status or decision, who prepared and decided it, and when. */
export function SummaryCard({ d }: { d: EvaluationView }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const e = d.evaluation;
  const zone = shell.organization.timeZone;
  const decided = e.status === "decided";
  return (
    <Card>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={e.decision ? decisionTone[e.decision] : "warn"}>
          {e.decision ? t(`partners.decision.${e.decision}`) : t(`partners.evaluationStatus.${e.status}`)}
        </Badge>
        {decided && e.tier ? <Badge tone={tierTone[e.tier]}>{t(`partners.tier.${e.tier}`)}</Badge> : null}
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {/* Before the decision, where the partner stands now (its last decision), labelled apart from this evaluation. */}
        {!decided ? (
          <Row
            label={t("partners.currentStatus")}
            value={<PartnerStatusBadges status={d.partner.status} tier={d.partner.riskTier} exempt={d.partner.exempt} />}
          />
        ) : null}
        {e.kind === "questionnaire" ? <Row label={t("partners.evaluatedAs")} value={t(`partners.role.${e.role}`)} /> : null}
        {d.questionnaire ? (
          <Row
            label={t("partners.questionnaire")}
            value={`${localized(d.questionnaire, "title", i18n.language)} · v${d.questionnaire.version}`}
          />
        ) : null}
        {e.partnerSubmittedAt ? (
          <Row label={t("partners.partnerSubmittedAt")} value={formatDateTime(e.partnerSubmittedAt, locale, zone)} />
        ) : null}
        {e.preparedAt ? (
          <Row label={t("partners.preparedBy")} value={`${e.preparedBy ?? "—"} · ${formatDateTime(e.preparedAt, locale, zone)}`} />
        ) : null}
        {e.decidedAt ? (
          <Row label={t("partners.decidedBy")} value={`${e.decidedBy ?? "—"} · ${formatDateTime(e.decidedAt, locale, zone)}`} />
        ) : null}
        {e.decisionNote ? <Row label={t("partners.decisionNote")} value={e.decisionNote} /> : null}
      </dl>
      {e.kind === "exemption" ? (
        <p className="mt-3 text-sm text-slate-700">
          {t("partners.exemptionBasis", {
            programme: t(`partners.aeo.${d.partner.aeoProgramme}`),
            certificate: d.partner.aeoCertificateNumber ?? "—",
            date: d.partner.aeoValidUntil ?? "—",
          })}
        </p>
      ) : null}
    </Card>
  );
}

function Row(props: { label: string; value: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500">{props.label}</dt>
      <dd className="break-words text-slate-900">{props.value}</dd>
    </div>
  );
}

import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";

/** The self-assessment, inspection, partner evaluation, supervision check, internal audit, incident or continuity test that raised an action. */
export function SourceLink(props: { source: { type: "assessment" | "inspection" | "partner_evaluation" | "supervision_check" | "internal_audit" | "cargo_reconciliation" | "incident" | "continuity_test"; href: string; reference: string } }) {
  const { t } = useTranslation();
  const { source } = props;
  const label = {
    assessment: "actions.sourceAssessment",
    inspection: "actions.sourceInspection",
    partner_evaluation: "actions.sourcePartnerEvaluation",
    supervision_check: "actions.sourceSupervision",
    internal_audit: "actions.sourceInternalAudit",
    cargo_reconciliation: "actions.sourceCargo",
    incident: "actions.sourceIncident",
    continuity_test: "actions.sourceContinuityTest",
  } as const;
  return (
    <Link to={source.href} className="text-brand-700 underline">
      {t(label[source.type], { reference: source.reference })}
    </Link>
  );
}

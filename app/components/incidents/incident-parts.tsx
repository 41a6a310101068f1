import { Badge } from "~/components/ui/badge";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { IncidentStatus } from "~/lib/incidents/incident-rules";

// The incident pages' shared parts: the status badge (the report form's big choices are
// form/big-choice.tsx, shared with the visitor sign-in).

export function IncidentStatusBadge(props: { status: IncidentStatus }) {
  const { t } = useTranslation();
  const tone = props.status === "closed" ? "neutral" : props.status === "investigating" ? "warn" : "bad";
  return <Badge tone={tone}>{t(`incidents.statuses.${props.status}`)}</Badge>;
}

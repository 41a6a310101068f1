import { useTranslation } from "~/lib/i18n/use-translation";
import { auditEntityLabel } from "~/lib/audit/audit-label";

export interface AuditEventView {
  action: string;
  entityType: string;
  entityId: string;
  actorName: string | null;
  actorEmail: string | null;
  before?: unknown;
  after?: unknown;
  /** Precomputed by loaders that do not send the snapshots. */
  label?: string | null;
}

/** "Li Jing updated site 2f1c…": one line per event, for the dashboard and the audit page. */
export function AuditEventSummary({ event }: { event: AuditEventView }) {
  const { t, i18n } = useTranslation();
  const label = event.label !== undefined ? event.label : auditEntityLabel(event.before, event.after, i18n.language);
  return (
    <p className="text-sm">
      <span className="font-medium">{event.actorName ?? t("audit.system")}</span>{" "}
      {t(`audit.actions.${event.action}` as "audit.actions.create")}{" "}
      <span className="font-medium">{t(`audit.entities.${event.entityType}` as "audit.entities.site", { defaultValue: event.entityType })}</span>{" "}
      {label ? <span>“{label}”</span> : <span className="font-mono text-xs text-slate-500">{event.entityId.slice(0, 8)}</span>}
    </p>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { createI18n } from "~/lib/i18n/translations.server";
import { localDateTimeInZone, todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { localized } from "~/lib/i18n/localized";
import { parseIncidentFilter } from "~/lib/incidents/incident-filter";
import { customsNotificationRequired, incidentReference } from "~/lib/incidents/incident-rules";
import { actionsOfIncidents } from "~/lib/incidents/incident-action-list.server";
import { listIncidents } from "~/lib/incidents/incidents.server";
import { formatReference } from "~/lib/references";
import { csvDocument, csvResponse } from "~/lib/spreadsheet-cells.server";

// /incidents/export.csv?<the list's filters>: one row per incident with its discovery, handling,
// customs notification and the corrective actions raised. UTF-8 with a byte-order mark for Excel.

const columns = [
  "reference",
  "kind",
  "status",
  "site",
  "location",
  "discoveredAt",
  "discoveredBy",
  "description",
  "containment",
  "investigation",
  "rootCause",
  "customsRequired",
  "customsNotifiedAt",
  "customsOffice",
  "actions",
  "reportedBy",
  "closedAt",
] as const;

function spreadsheetTime(value: Date | null, timeZone: string): string {
  return value ? localDateTimeInZone(value, timeZone).replace("T", " ") : "";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "incidents.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const { t } = createI18n(locale);
  const timeZone = auth.organization.timeZone;
  const orgId = auth.organization.id;
  const filter = parseIncidentFilter(new URL(request.url).searchParams);
  const { rows } = await listIncidents(auth.db, orgId, filter, timeZone, { limit: null, offset: 0 });
  const actions = await actionsOfIncidents(auth.db, orgId, rows.map((r) => r.incident.id));
  const data = rows.map((r) => {
    const i = r.incident;
    return [
      incidentReference(i.number),
      t(`incidents.kinds.${i.kind}`),
      t(`incidents.statuses.${i.status}`),
      localized(r, "siteName", locale),
      i.location,
      spreadsheetTime(i.discoveredAt, timeZone),
      i.discoveredBy,
      i.description,
      i.containment,
      i.investigation,
      i.rootCause,
      customsNotificationRequired(i.kind) ? t("incidents.csv.yes") : t("incidents.csv.no"),
      spreadsheetTime(i.customsNotifiedAt, timeZone),
      i.customsOffice,
      (actions.get(i.id) ?? []).map((a) => `${formatReference("correctiveAction", a.number)} ${a.title}`).join("; "),
      r.reportedByName,
      spreadsheetTime(i.closedAt, timeZone),
    ];
  });
  const heading = (c: (typeof columns)[number]) =>
    c === "discoveredAt" || c === "customsNotifiedAt" || c === "closedAt" ? `${t(`incidents.csv.${c}`)} (${timeZone})` : t(`incidents.csv.${c}`);
  const range = [filter.from, filter.to].filter(Boolean).join("_") || todayInZone(timeZone);
  return csvResponse(csvDocument(columns.map(heading), data), `incidents-${range}.csv`);
}

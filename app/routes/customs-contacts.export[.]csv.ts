import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { createI18n } from "~/lib/i18n/translations.server";
import { todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { parseCustomsContactFilter } from "~/lib/incidents/incident-filter";
import { customsContactReference, incidentReference } from "~/lib/incidents/incident-rules";
import { listCustomsContacts } from "~/lib/incidents/incidents.server";
import { csvDocument, csvResponse } from "~/lib/spreadsheet-cells.server";

// /customs-contacts/export.csv?<the log's filters>: the customs-contact log, one row per contact.

const columns = ["reference", "contactedOn", "kind", "customsOffice", "contactPerson", "channel", "subject", "summary", "followUp", "incident", "recordedBy"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "incidents.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const { t } = createI18n(locale);
  const filter = parseCustomsContactFilter(new URL(request.url).searchParams);
  const { rows } = await listCustomsContacts(auth.db, auth.organization.id, filter, { limit: null, offset: 0 });
  const data = rows.map((r) => {
    const c = r.contact;
    return [
      customsContactReference(c.number),
      c.contactedOn,
      t(`customsContacts.kinds.${c.kind}`),
      c.customsOffice,
      c.contactPerson,
      t(`customsContacts.channels.${c.channel}`),
      c.subject,
      c.summary,
      c.followUp,
      r.incidentNumber ? incidentReference(r.incidentNumber) : "",
      r.recordedByName,
    ];
  });
  const range = [filter.from, filter.to].filter(Boolean).join("_") || todayInZone(auth.organization.timeZone);
  return csvResponse(csvDocument(columns.map((c) => t(`customsContacts.csv.${c}`)), data), `customs-contacts-${range}.csv`);
}

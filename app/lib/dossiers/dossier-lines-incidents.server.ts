// What a dossier prints of an incident (kind, where, what was found, its status, the customs
// notification; in full: containment, investigation, root cause and the corrective actions raised)
// and of a customs contact (date, office, kind, subject).
import { getTableColumns } from "drizzle-orm";
import { customsContacts, incidents } from "../../../db/schema/incidents";
import { localDateTimeInZone } from "~/lib/i18n/format";
import { en } from "~/lib/i18n/locales/en";
import { zhCN } from "~/lib/i18n/locales/zh-CN";
import { actionsOfIncidents } from "~/lib/incidents/incident-action-list.server";
import { customsContactReference, customsNotificationRequired, incidentReference } from "~/lib/incidents/incident-rules";
import { formatReference } from "~/lib/references";
import type { DossierRecordType } from "./dossier-facts.server";
import { both, join, label, source, type Loader } from "./dossier-record-source.server";

export const incidentLoaders = {
  incident: source({
    table: incidents,
    columns: getTableColumns(incidents),
    context: (db, orgId, rows) => actionsOfIncidents(db, orgId, rows.map((r) => r.id)),
    line: (r, found) => {
      const kind = label(zhCN.incidents.kinds, en.incidents.kinds, r.kind);
      const status = label(zhCN.incidents.statuses, en.incidents.statuses, r.status);
      const zone = found.detail?.timeZone ?? "Asia/Shanghai";
      const notified = r.customsNotifiedAt
        ? both(
            `${zhCN.incidents.customsNotifiedAt} ${localDateTimeInZone(r.customsNotifiedAt, zone).replace("T", " ")} ${r.customsOffice}`,
            `${en.incidents.customsNotifiedAt} ${localDateTimeInZone(r.customsNotifiedAt, zone).replace("T", " ")} ${r.customsOffice}`,
          )
        : customsNotificationRequired(r.kind)
          ? both(`${zhCN.incidents.customsRequired}：${zhCN.incidents.customsNotYet}`, `${en.incidents.customsRequired}: ${en.incidents.customsNotYet}`)
          : null;
      const details = found.detail
        ? [
            r.containment ? both(`${zhCN.incidents.containment}：${r.containment}`, `${en.incidents.containment}: ${r.containment}`) : null,
            r.investigation ? both(`${zhCN.incidents.investigation}：${r.investigation}`, `${en.incidents.investigation}: ${r.investigation}`) : null,
            r.rootCause ? both(`${zhCN.incidents.rootCause}：${r.rootCause}`, `${en.incidents.rootCause}: ${r.rootCause}`) : null,
            notified,
            ...(found.extra.get(r.id) ?? []).map((a) => {
              const ref = formatReference("correctiveAction", a.number);
              const s = label(zhCN.actions.status, en.actions.status, a.status as keyof typeof en.actions.status);
              return both(join(ref, a.title, s.zh), join(ref, a.title, s.en));
            }),
          ].filter((d): d is { zh: string; en: string } => d !== null)
        : undefined;
      return {
        reference: incidentReference(r.number),
        path: `/incidents/${r.id}`,
        siteId: r.siteId,
        summary: both(join(kind.zh, r.location, r.description), join(kind.en, r.location, r.description)),
        result: notified ? both(join(status.zh, notified.zh), join(status.en, notified.en)) : status,
        details,
      };
    },
  }),
  customs_contact: source({
    table: customsContacts,
    columns: getTableColumns(customsContacts),
    line: (r) => {
      const kind = label(zhCN.customsContacts.kinds, en.customsContacts.kinds, r.kind);
      return {
        reference: customsContactReference(r.number),
        path: `/customs-contacts/${r.id}`,
        summary: both(join(r.contactedOn, r.customsOffice, kind.zh, r.subject), join(r.contactedOn, r.customsOffice, kind.en, r.subject)),
      };
    },
  }),
} satisfies Partial<Record<DossierRecordType, Loader>>;

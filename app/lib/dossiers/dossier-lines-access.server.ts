// What a dossier prints of the access records: a visitor's entry (name, company and host only: the
// ID document, even masked, stays in the log) and an access item's event.
import { eq } from "drizzle-orm";
import { accessItemEvents, accessItems } from "../../../db/schema/badges";
import { visitorEntries } from "../../../db/schema/visitors";
import { accessItemEventReference } from "~/lib/badges/access-item-rules";
import { en } from "~/lib/i18n/locales/en";
import { zhCN } from "~/lib/i18n/locales/zh-CN";
import { visitorReference } from "~/lib/visitors/visitor-rules";
import type { DossierRecordType } from "./dossier-facts.server";
import { both, join, label, source, type Loader } from "./dossier-record-source.server";

export const accessLoaders = {
  visitor_entry: source({
    table: visitorEntries,
    // Only name, company and host: the ID document (even masked) stays in the log.
    columns: {
      id: visitorEntries.id,
      number: visitorEntries.number,
      siteId: visitorEntries.siteId,
      visitorName: visitorEntries.visitorName,
      company: visitorEntries.company,
      hostName: visitorEntries.hostName,
    },
    line: (r) => ({
      reference: visitorReference(r.number),
      path: `/visitors/${r.id}`,
      siteId: r.siteId,
      summary: both(join(r.visitorName, r.company, `接待人 ${r.hostName}`), join(r.visitorName, r.company, `host ${r.hostName}`)),
    }),
  }),
  access_item_event: source({
    table: accessItemEvents,
    columns: {
      id: accessItemEvents.id,
      number: accessItemEvents.number,
      kind: accessItemEvents.kind,
      itemId: accessItems.id,
      itemKind: accessItems.kind,
      code: accessItems.code,
      siteId: accessItems.siteId,
    },
    join: { table: accessItems, on: eq(accessItems.id, accessItemEvents.itemId) },
    line: (r) => {
      const item = label(zhCN.badges.kinds, en.badges.kinds, r.itemKind);
      const kind = label(zhCN.badges.events, en.badges.events, r.kind);
      return {
        reference: accessItemEventReference(r.number),
        path: `/badges/${r.itemId}`,
        siteId: r.siteId,
        summary: both(join(item.zh, r.code, kind.zh), join(item.en, r.code, kind.en)),
      };
    },
  }),
} satisfies Partial<Record<DossierRecordType, Loader>>;

import type { LoaderFunctionArgs } from "@remix-run/node";
import { addDays, format, parseISO } from "date-fns";
import { requirePermission } from "~/lib/auth/auth.server";
import { accessItemEventReference } from "~/lib/badges/access-item-rules";
import { listAccessItemEvents } from "~/lib/badges/badges.server";
import { createI18n } from "~/lib/i18n/translations.server";
import { localDateTimeInZone, startOfDayInZone, todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { csvDocument, csvResponse } from "~/lib/spreadsheet-cells.server";
import { isCalendarDate, isUuid } from "~/lib/value-checks";

// /badges/events.csv?from=&to=&site=: every step of every item (issue, return, lost, found, revoke, retire), newest
// first, of a date range (the organisation's calendar days) and a site if given: the central
// issue-and-return record the standards ask for.

const columns = ["reference", "occurredAt", "step", "kind", "code", "employee", "note", "recordedBy"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "badges.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const { t } = createI18n(locale);
  const timeZone = auth.organization.timeZone;
  const params = new URL(request.url).searchParams;
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const site = params.get("site");
  const events = await listAccessItemEvents(auth.db, auth.organization.id, {
    from: isCalendarDate(from) ? startOfDayInZone(from, timeZone) : undefined,
    before: isCalendarDate(to) ? startOfDayInZone(format(addDays(parseISO(to), 1), "yyyy-MM-dd"), timeZone) : undefined,
    siteId: isUuid(site) ? site : undefined,
  });
  const data = events.map((e) => [
    accessItemEventReference(e.event.number),
    localDateTimeInZone(e.event.occurredAt, timeZone).replace("T", " "),
    t(`badges.events.${e.event.kind}`),
    t(`badges.kinds.${e.itemKind}`),
    e.itemCode,
    e.employeeName ?? "",
    e.event.note,
    e.recordedByName,
  ]);
  const heading = (c: (typeof columns)[number]) => (c === "occurredAt" ? `${t(`badges.csv.${c}`)} (${timeZone})` : t(`badges.csv.${c}`));
  return csvResponse(csvDocument(columns.map(heading), data), `badge-events-${todayInZone(timeZone)}.csv`);
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { createI18n } from "~/lib/i18n/translations.server";
import { localDateTimeInZone, startOfDayInZone, todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { csvDocument, csvResponse } from "~/lib/spreadsheet-cells.server";
import { parseVisitorFilter } from "~/lib/visitors/visitor-filter";
import { isNotSignedOut, visitorReference } from "~/lib/visitors/visitor-rules";
import { listVisitorLog } from "~/lib/visitors/visitors.server";
import { localized } from "~/lib/i18n/localized";

// /visitors/export.csv?<the log's filters>: the visitor log for a date range, one row per visit, with
// the CTPAT 10.2 minimum (date, name, photo ID checked, arrival, host, departure) plus the ID type,
// masked number, badge, escort and plate. UTF-8 with a byte-order mark, so Excel opens Chinese correctly.

function spreadsheetTime(value: Date, timeZone: string): string {
  return localDateTimeInZone(value, timeZone).replace("T", " ");
}

const columns = [
  "reference",
  "date",
  "site",
  "visitorName",
  "company",
  "idType",
  "idNumber",
  "idCheckedBy",
  "arrival",
  "host",
  "purpose",
  "badge",
  "escort",
  "plate",
  "departure",
  "signedOutBy",
  "notSignedOut",
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "visitors.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const { t } = createI18n(locale);
  const timeZone = auth.organization.timeZone;
  const filter = parseVisitorFilter(new URL(request.url).searchParams);
  const { rows } = await listVisitorLog(auth.db, auth.organization.id, filter, timeZone, { limit: null, offset: 0 });
  const startOfToday = startOfDayInZone(todayInZone(timeZone), timeZone);
  const data = rows.map((r) => {
    const e = r.entry;
    return [
      visitorReference(e.number),
      localDateTimeInZone(e.signedInAt, timeZone).slice(0, 10),
      localized(r, "siteName", locale),
      e.visitorName,
      e.company,
      t(`visitors.idTypes.${e.idDocumentType}`),
      e.idNumberMasked,
      r.checkedByName,
      spreadsheetTime(e.signedInAt, timeZone),
      e.hostName,
      [t(`visitors.purposes.${e.purpose}`), e.purposeNote].filter(Boolean).join(": "),
      e.badgeNumber,
      e.escortName || t("visitors.escortedByHost"),
      e.vehiclePlate,
      e.signedOutAt ? spreadsheetTime(e.signedOutAt, timeZone) : "",
      r.signedOutByName ?? "",
      isNotSignedOut(e, startOfToday) ? t("visitors.notSignedOut") : "",
    ];
  });
  // Times are the organisation's wall clock; the heading says which zone.
  const heading = (c: (typeof columns)[number]) =>
    c === "arrival" || c === "departure" || c === "date" ? `${t(`visitors.csv.${c}`)} (${timeZone})` : t(`visitors.csv.${c}`);
  const range = [filter.from, filter.to].filter(Boolean).join("_") || todayInZone(timeZone);
  return csvResponse(csvDocument(columns.map(heading), data), `visitors-${range}.csv`);
}

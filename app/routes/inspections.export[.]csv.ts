import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { createI18n } from "~/lib/i18n/translations.server";
import { localDateTimeInZone, todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { parseInspectionFilter } from "~/lib/inspections/inspection-filter";
import { inspectionReference } from "~/lib/inspections/inspection-rules";
import { listInspections } from "~/lib/inspections/inspection-queries.server";
import { appBaseUrl } from "~/lib/request-origin.server";
import { csvDocument, csvResponse } from "~/lib/spreadsheet-cells.server";
import { localized } from "~/lib/i18n/localized";

// /inspections/export.csv?<the list's filters>: every inspection the filtered list shows, one row
// each, in the reader's language. UTF-8 with a byte-order mark, so Excel opens Chinese correctly.

/** "2026-11-20 09:30", the organisation's wall clock: a spreadsheet sorts and reads it as a time. */
function spreadsheetTime(value: Date, timeZone: string): string {
  return localDateTimeInZone(value, timeZone).replace("T", " ");
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "inspections.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const { t } = createI18n(locale);
  const timeZone = auth.organization.timeZone;
  const filter = parseInspectionFilter(new URL(request.url).searchParams);
  const { rows } = await listInspections(auth.db, auth.organization.id, filter, timeZone, { limit: null, offset: 0 });
  const origin = appBaseUrl(request);
  const columns = [
    "reference",
    "occurredAt",
    "template",
    "templateVersion",
    "site",
    "area",
    "inspector",
    "containerNumber",
    "truckPlate",
    "trailerNumber",
    "sealNumbers",
    "shipmentRef",
    "result",
    "failedPoints",
    "release",
    "signedOff",
    "link",
  ] as const;
  const data = rows.map((r) => {
    const header = r.inspection.header as { truckPlate?: string; trailerNumber?: string; sealNumbers?: string[]; shipmentRef?: string };
    const release =
      r.release.state === "released" && r.release.overridden
        ? t("inspections.releaseBadge.overridden")
        : r.release.state === "not_gated"
          ? ""
          : t(`inspections.releaseBadge.${r.release.state}`);
    return [
      inspectionReference(r.inspection.number ?? 0),
      r.inspection.occurredAt ? spreadsheetTime(r.inspection.occurredAt, timeZone) : "",
      localized(r, "templateTitle", locale),
      r.templateVersion,
      localized(r, "siteName", locale) ?? "",
      r.inspection.area ?? "",
      r.inspectorName,
      r.inspection.containerNumber ?? "",
      header.truckPlate ?? "",
      header.trailerNumber ?? "",
      (header.sealNumbers ?? []).join(" "),
      header.shipmentRef ?? "",
      r.inspection.result === "fail" ? t("inspections.result.fail") : t("inspections.result.pass"),
      r.inspection.failedPoints,
      release,
      r.inspection.signedOffAt ? spreadsheetTime(r.inspection.signedOffAt, timeZone) : "",
      `${origin}/inspections/${r.inspection.id}`,
    ];
  });
  // Times are the organisation's wall clock; the heading says which zone.
  const heading = (c: (typeof columns)[number]) =>
    c === "occurredAt" || c === "signedOff" ? `${t(`inspections.csv.${c}`)} (${timeZone})` : t(`inspections.csv.${c}`);
  return csvResponse(csvDocument(columns.map(heading), data), `inspections-${todayInZone(timeZone)}.csv`);
}

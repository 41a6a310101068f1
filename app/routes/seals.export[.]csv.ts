import type { LoaderFunctionArgs } from "@remix-run/node";
import Papa from "papaparse";
import { requirePermission } from "~/lib/auth/auth.server";
import { createI18n } from "~/lib/i18n/config";
import { localDateTimeInZone, todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { inspectionReference } from "~/lib/inspections/inspection-rules";
import { appBaseUrl } from "~/lib/request-origin.server";
import { parseSealFilter } from "~/lib/seals/seal-filter";
import { listSeals } from "~/lib/seals/seals.server";

// /seals/export.csv?<the log's filters>: one row per seal as the filtered log shows it, in the
// reader's language. UTF-8 with a byte-order mark, so Excel opens Chinese correctly.

function spreadsheetTime(value: Date | null, timeZone: string): string {
  return value ? localDateTimeInZone(value, timeZone).replace("T", " ") : "";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "seals.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const { t } = createI18n(locale);
  const timeZone = auth.organization.timeZone;
  const filter = parseSealFilter(new URL(request.url).searchParams);
  const { rows } = await listSeals(auth.db, auth.organization.id, filter, timeZone, { limit: null, offset: 0 });
  const origin = appBaseUrl(request);
  const en = locale === "en";
  const columns = [
    "number",
    "status",
    "model",
    "isoClass",
    "site",
    "receivedAt",
    "custodian",
    "targetKind",
    "target",
    "shipmentRef",
    "appliedAt",
    "appliedBy",
    "inspection",
    "link",
  ] as const;
  const data = rows.map((r) => [
    r.seal.number,
    t(`seals.status.${r.seal.status}`),
    `${r.manufacturer} ${r.modelName}`,
    r.isoClass,
    (en ? r.siteNameEn : r.siteNameZh) ?? "",
    spreadsheetTime(r.seal.receivedAt, timeZone),
    r.seal.status === "issued" ? (r.custodianName ?? "") : "",
    r.seal.targetKind ? t(`seals.targetKind.${r.seal.targetKind}`) : "",
    r.seal.target ?? "",
    r.seal.shipmentRef ?? "",
    spreadsheetTime(r.seal.appliedAt, timeZone),
    r.appliedByName ?? "",
    r.inspectionNumber ? inspectionReference(r.inspectionNumber) : "",
    `${origin}/seals/${r.seal.id}`,
  ]);
  const heading = (c: (typeof columns)[number]) =>
    c === "receivedAt" || c === "appliedAt" ? `${t(`seals.csv.${c}`)} (${timeZone})` : t(`seals.csv.${c}`);
  const csv = Papa.unparse({ fields: columns.map(heading), data }, { newline: "\r\n" });
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="seals-${todayInZone(timeZone)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

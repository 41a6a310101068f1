import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { parseCargoFilter } from "~/lib/cargo/cargo-filter";
import { listReconciliations } from "~/lib/cargo/cargo-reconciliations.server";
import { cargoReference } from "~/lib/cargo/cargo-rules";
import { todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { localized } from "~/lib/i18n/localized";
import { createI18n } from "~/lib/i18n/translations.server";
import { csvDocument, csvResponse } from "~/lib/spreadsheet-cells.server";

// /cargo/export.csv?<the register's filters>: every reconciliation the filter names, one row each,
// documents against the count. UTF-8 with a byte-order mark, so Excel opens Chinese correctly.

const columns = [
  "reference",
  "date",
  "direction",
  "site",
  "billOfLading",
  "packingList",
  "invoiceNumbers",
  "containerNumber",
  "sealNumber",
  "sealInRegister",
  "expectedPackages",
  "countedPackages",
  "expectedWeightKg",
  "countedWeightKg",
  "discrepancy",
  "note",
  "recordedBy",
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "cargo.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const { t } = createI18n(locale);
  const filter = parseCargoFilter(new URL(request.url).searchParams);
  const { rows } = await listReconciliations(
    auth.db,
    auth.organization.id,
    filter,
    { limit: null, offset: 0 },
  );
  const yesNo = (v: boolean) => (v ? t("cargo.csv.yes") : t("cargo.csv.no"));
  const data = rows.map((row) => {
    const r = row.reconciliation;
    return [
      cargoReference(r.number),
      r.reconciledOn,
      t(`cargo.directions.${r.direction}`),
      localized(row, "siteName", locale),
      r.billOfLading,
      r.packingList,
      r.invoiceNumbers,
      r.containerNumber,
      r.sealNumber,
      r.sealNumber ? yesNo(r.sealId !== null) : "",
      String(r.expectedPackages),
      String(r.countedPackages),
      r.expectedWeightKg ?? "",
      r.countedWeightKg ?? "",
      yesNo(r.discrepancy),
      r.note,
      row.recordedByName,
    ];
  });
  const range =
    [filter.from, filter.to].filter(Boolean).join("_") ||
    todayInZone(auth.organization.timeZone);
  return csvResponse(
    csvDocument(
      columns.map((c) => t(`cargo.csv.${c}`)),
      data,
    ),
    `cargo-reconciliations-${range}.csv`,
  );
}

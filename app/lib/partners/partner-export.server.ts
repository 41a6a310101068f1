import type { Partner } from "../../../db/schema";
import type { Locale } from "../i18n/config";
import { createI18n } from "../i18n/translations.server";
import { csvDocument, xlsxCell } from "../spreadsheet-cells.server";
import { countryName } from "./countries";
import { exportOnlyColumns, importColumns, type ImportColumnKey } from "./partner-import-columns";
import { partnerReference } from "./partner-references";

// The partner registry as a spreadsheet, in the reader's language. The headings of the columns a
// person can fill in are the importer's own, and the others are ones it ignores, so an exported
// list can be imported as it is (into another organisation, or after adding rows).

type ExportColumnKey = ImportColumnKey | (typeof exportOnlyColumns)[number]["key"];
type Cell = string | number;

const exportColumnKeys = [
  "reference",
  "legal_name_zh",
  "legal_name_en",
  "country",
  "uscc",
  "foreign_registration",
  "roles",
  "customs_credit",
  "aeo_programme",
  "aeo_programme_name",
  "aeo_certificate",
  "aeo_valid_until",
  "status",
  "risk_tier",
  "next_evaluation",
  "annual_volume_cny",
  "notes",
] as const satisfies readonly ExportColumnKey[];

const headings = new Map<string, { en: string; zh: string }>(
  [...importColumns, ...exportOnlyColumns].map((c) => [c.key, { en: c.en, zh: c.zh }]),
);

function heading(key: ExportColumnKey, locale: Locale): string {
  const labels = headings.get(key);
  if (!labels) throw new Error(`partner export: no heading for ${key}`);
  return locale === "en" ? labels.en : labels.zh;
}

/** A heading row, then one row per partner: text, except the annual volume (a number to sum). */
export function partnerExportRows(rows: readonly Partner[], locale: Locale): Cell[][] {
  const { t } = createI18n(locale);
  // The keys are the page's (app/lib/i18n/locales); built from values, so typed loosely.
  const label = (key: string) => String(t(key as never));
  const cells = (p: Partner): Record<(typeof exportColumnKeys)[number], Cell> => ({
    reference: partnerReference(p.number),
    legal_name_zh: p.legalNameZh,
    legal_name_en: p.legalNameEn,
    country: countryName(p.countryCode, locale),
    uscc: p.uscc ?? "",
    foreign_registration: p.foreignRegistrationNumber ?? "",
    roles: p.roles.map((role) => label(`partners.role.${role}`)).join("; "),
    // Customs credit is China Customs' rating; a foreign partner has none to show.
    customs_credit: p.countryCode === "CN" ? label(`partners.credit.${p.customsCredit}`) : "",
    aeo_programme: label(`partners.aeo.${p.aeoProgramme}`),
    aeo_programme_name: p.aeoProgrammeName ?? "",
    aeo_certificate: p.aeoCertificateNumber ?? "",
    aeo_valid_until: p.aeoValidUntil ?? "",
    status: label(`partners.status.${p.status}`),
    risk_tier: p.riskTier ? label(`partners.tier.${p.riskTier}`) : "",
    next_evaluation: p.nextEvaluationOn ?? "",
    annual_volume_cny: p.annualVolumeCny ?? "",
    notes: p.notes,
  });
  return [exportColumnKeys.map((key) => heading(key, locale)), ...rows.map((p) => exportColumnKeys.map((key) => cells(p)[key]))];
}

/** CSV with CRLF line ends and a byte-order mark, so Excel opens the Chinese as UTF-8. */
export function partnersCsv(rows: readonly Partner[], locale: Locale): string {
  // A name like "=HYPERLINK(…)" stays text when the file is opened in a spreadsheet (see csvDocument).
  const [heading = [], ...body] = partnerExportRows(rows, locale);
  return csvDocument(heading.map(String), body);
}

const DATE_COLUMNS = new Set<string>(["aeo_valid_until", "next_evaluation"]);

/** Roughly how many character widths a cell needs: CJK characters take two. */
function displayWidth(value: Cell): number {
  let width = 0;
  for (const ch of String(value))
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

function columnWidths(table: readonly Cell[][]): number[] {
  const widths = (table[0] ?? []).map(() => 8);
  for (const row of table) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 8, displayWidth(cell) + 2)));
  return widths.map((w) => Math.min(w, 50));
}

/** An .xlsx workbook: one sheet, bold frozen heading with a filter, dates as YYYY-MM-DD text. */
export async function partnersXlsx(rows: readonly Partner[], locale: Locale): Promise<Uint8Array> {
  const table = partnerExportRows(rows, locale);
  // exceljs (and its zip stack) loads with the first workbook, not with the server.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(locale === "en" ? "Partners" : "合作伙伴", { views: [{ state: "frozen", ySplit: 1 }] });
  // Plain strings and numbers only: exceljs writes a string as text, so a "=..." name is never a formula.
  sheet.addRows(table.map((row) => row.map(xlsxCell)));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: exportColumnKeys.length } };
  columnWidths(table).forEach((width, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = width;
    const key = exportColumnKeys[i] ?? "";
    // Text format keeps a spreadsheet from turning the dates (and long codes) into numbers on edit.
    if (DATE_COLUMNS.has(key) || key === "uscc" || key === "foreign_registration") column.numFmt = "@";
    if (key === "annual_volume_cny") column.numFmt = "#,##0";
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// Reading a partner list file: CSV (UTF-8 or GB 18030, with the delimiter of its heading line) or
// the first sheet of an XLSX workbook, into rows keyed by column. The limits are refused while
// reading; what the cells say is checked afterwards (partner-import-rows.server.ts).
import Papa from "papaparse";
import { message } from "../i18n/messages";
import { headingLookup, normalizeLabel, type ImportColumnKey } from "./partner-import-columns";
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, MAX_XLSX_UNPACKED_BYTES } from "./partner-import-limits";
import { readFirstSheetRows, XlsxLimitError } from "./xlsx-reader.server";

export type RawRow = { row: number; raw: Partial<Record<ImportColumnKey, string>> };
export type ParsedPartnerFile = { ok: true; rows: RawRow[] } | { ok: false; error: string };

type Table = { row: number; cells: string[] }[];

export async function parsePartnerFile(bytes: Uint8Array, fileName: string): Promise<ParsedPartnerFile> {
  const kind = fileKind(bytes, fileName);
  if (!kind) return { ok: false, error: message("partners.import.badFile") };
  if (kind === "xlsx") {
    const read = await readXlsx(bytes);
    return "error" in read ? { ok: false, error: read.error } : rowsOfTable(read.table);
  }
  const table = readCsv(bytes);
  if (!table) return { ok: false, error: message("partners.import.badFile") };
  return rowsOfTable(table);
}

function fileKind(bytes: Uint8Array, fileName: string): "xlsx" | "csv" | null {
  const starts = (...head: number[]) => head.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "xlsx";
  // An old binary .xls (OLE container) or anything else named like a workbook is not readable here.
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return null;
  if (/\.(xlsx|xlsm|xls)$/i.test(fileName)) return null;
  return "csv";
}

function readCsv(bytes: Uint8Array): Table | null {
  const text = decodeText(bytes);
  if (text === null || text.includes("\u0000")) return null;
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: headerDelimiter(text) });
  // Row numbers are records as a spreadsheet shows them (a quoted line break stays in its cell),
  // which is why blank lines are kept by the parser and skipped afterwards.
  return parsed.data.map((cells, index) => ({ row: index + 1, cells }));
}

/** UTF-8 (a BOM is dropped); failing that GB 18030, which Excel on Chinese Windows saves CSV as. */
function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
}

// The delimiter is decided by the heading line alone: papaparse's guess looks at data rows too,
// where "carrier; warehouse" in a roles cell can outvote the commas.
function headerDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const first = end === -1 ? text : text.slice(0, end);
  const count = (d: string) => first.split(d).length - 1;
  const candidates = [",", ";", "\t"];
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ",");
}

/**
 * The first worksheet's rows, read as they are unpacked (xlsx-reader.server.ts) and refused as soon
 * as a limit is passed: the unpacked size, the columns, or more rows with a value than a file may
 * import (the heading and MAX_IMPORT_ROWS); reading stops there.
 */
async function readXlsx(bytes: Uint8Array): Promise<{ table: Table } | { error: string }> {
  const table: Table = [];
  try {
    for await (const { row, values } of readFirstSheetRows(bytes, { maxUnpackedBytes: MAX_XLSX_UNPACKED_BYTES, maxColumns: MAX_IMPORT_COLUMNS })) {
      const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i]));
      if (isBlank(cells)) continue;
      table.push({ row, cells });
      if (table.length > MAX_IMPORT_ROWS + 1) return { error: message("partners.import.tooManyRows", { max: MAX_IMPORT_ROWS }) };
    }
  } catch (error) {
    if (error instanceof XlsxLimitError && error.limit === "unpacked")
      return { error: message("partners.import.tooLarge", { max: Math.round(MAX_XLSX_UNPACKED_BYTES / 1024 / 1024) }) };
    if (error instanceof XlsxLimitError) return { error: message("partners.import.tooManyColumns", { max: MAX_IMPORT_COLUMNS }) };
    // XlsxFormatError, or whatever a malformed part makes exceljs or the XML parser throw.
    return { error: message("partners.import.badFile") };
  }
  return { table };
}

/** An exceljs cell value as the text a person sees (a formula's result, a date as YYYY-MM-DD). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // exceljs gives a date cell as the UTC instant of its wall-clock date.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const cell = value as {
      richText?: { text: string }[];
      result?: unknown;
      formula?: unknown;
      sharedFormula?: unknown;
      text?: unknown;
      error?: unknown;
    };
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text).join("");
    if ("result" in cell || "formula" in cell || "sharedFormula" in cell) return cellText(cell.result);
    if ("text" in cell) return cellText(cell.text);
  }
  return "";
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

function rowsOfTable(table: Table): ParsedPartnerFile {
  const content = table.filter((line) => !isBlank(line.cells));
  const [heading, ...data] = content;
  if (!heading || data.length === 0) return { ok: false, error: message("partners.import.noRows") };
  if (data.length > MAX_IMPORT_ROWS) return { ok: false, error: message("partners.import.tooManyRows", { max: MAX_IMPORT_ROWS }) };
  const columns = columnsOfHeading(heading.cells);
  if (!columns.ok) return columns;
  const rows = data.map(({ row, cells }) => {
    const raw: RawRow["raw"] = {};
    columns.keys.forEach((key, index) => {
      if (key) raw[key] = cells[index] ?? "";
    });
    return { row, raw };
  });
  return { ok: true, rows };
}

/** The column key of each heading cell (null: a blank or export-only heading, ignored). */
function columnsOfHeading(cells: readonly string[]): { ok: true; keys: (ImportColumnKey | null)[] } | { ok: false; error: string } {
  const unknown: string[] = [];
  const seen = new Set<ImportColumnKey>();
  const repeated = new Set<string>();
  const keys = cells.map((cell) => {
    const label = cell.trim();
    if (!label) return null;
    const key = headingLookup.get(normalizeLabel(label));
    if (key === undefined) unknown.push(label);
    if (!key) return null;
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
    return key;
  });
  if (unknown.length) return { ok: false, error: message("partners.import.unknownColumns", { columns: unknown.join(", ") }) };
  if (repeated.size) return { ok: false, error: message("partners.import.duplicateColumns", { columns: [...repeated].join(", ") }) };
  const missing = missingColumns(seen);
  if (missing.length) return { ok: false, error: message("partners.import.missingColumns", { columns: missing.join(", ") }) };
  return { ok: true, keys };
}

// Country and roles are needed by every partner, and a name in at least one language. Whether a
// USCC or a foreign number is needed depends on the row, so those columns may be absent.
function missingColumns(present: ReadonlySet<ImportColumnKey>): string[] {
  const missing: string[] = [];
  if (!present.has("legal_name_zh") && !present.has("legal_name_en")) missing.push("legal_name_zh / legal_name_en");
  if (!present.has("country")) missing.push("country");
  if (!present.has("roles")) missing.push("roles");
  return missing;
}

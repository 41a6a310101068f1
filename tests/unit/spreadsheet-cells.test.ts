// The one CSV writer and the XLSX cell guard (app/lib/spreadsheet-cells.server.ts): formula-looking
// text stays text, and no CSV route can write its file without them.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { csvDocument, csvResponse, FORMULA_START, xlsxCell } from "~/lib/spreadsheet-cells.server";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PAYLOADS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "=1+1\nsecond line"];

function parse(text: string): string[][] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

describe("csvDocument", () => {
  test("byte-order mark, CRLF, headings first, Chinese as it is", () => {
    const text = csvDocument(["编号", "Name"], [["V-00001", "张伟"], ["V-00002", null]]);
    expect(text).toBe("\uFEFF编号,Name\r\nV-00001,张伟\r\nV-00002,");
  });

  test("a cell starting with = + - @, a tab or a carriage return gets an apostrophe, and keeps its text", () => {
    const rows = parse(csvDocument(["a"], PAYLOADS.map((payload) => [payload])));
    expect(rows.slice(1).map((r) => r[0])).toEqual(PAYLOADS.map((payload) => `'${payload}`));
    expect(rows.flat().filter((c) => FORMULA_START.test(c))).toEqual([]);
  });

  test("a multi-line formula is caught too (papaparse's own pattern lets it through)", () => {
    expect(Papa.unparse([["=1+1\nx"]], { escapeFormulae: true })).toBe('"=1+1\nx"');
    expect(csvDocument(["a"], [["=1+1\nx"]])).toBe('\uFEFFa\r\n"\'=1+1\nx"');
  });

  test("ordinary text, numbers (negative too) and a formula sign later in the text are untouched", () => {
    const rows = parse(csvDocument(["=heading", "b", "c", "d"], [["a=b", -5, "2026-11-03 14:05", "EMP-00001"]]));
    expect(rows).toEqual([
      ["'=heading", "b", "c", "d"],
      ["a=b", "-5", "2026-11-03 14:05", "EMP-00001"],
    ]);
  });
});

test("csvResponse: a private CSV attachment", async () => {
  const response = csvResponse("\uFEFFa\r\n1", "visitors-2026-11-03.csv");
  expect(Object.fromEntries(response.headers)).toEqual({
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": 'attachment; filename="visitors-2026-11-03.csv"',
    "cache-control": "private, no-store",
  });
  expect(new Uint8Array(await response.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
});

describe("xlsxCell", () => {
  test("numbers stay numbers; anything else is a plain string", () => {
    expect(xlsxCell(3)).toBe(3);
    expect(xlsxCell(Number.NaN)).toBe("NaN");
    expect(xlsxCell(null)).toBe("");
    expect(xlsxCell(undefined)).toBe("");
    expect(xlsxCell("=1+1")).toBe("=1+1");
    expect(xlsxCell({ formula: "1+1" })).toBe("[object Object]");
  });

  test("exceljs writes the strings as text cells, never formulas (the streaming writer the registers use)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tradeguard-xlsx-"));
    try {
      const file = path.join(dir, "register.xlsx");
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
      const sheet = writer.addWorksheet("x");
      sheet.addRow([...PAYLOADS, 7, { formula: "1+1" }].map(xlsxCell)).commit();
      sheet.commit();
      await writer.commit();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const cells: ExcelJS.Cell[] = [];
      workbook.worksheets[0]?.getRow(1).eachCell((cell) => cells.push(cell));
      expect(cells.map((c) => c.type)).toEqual([...PAYLOADS.map(() => ExcelJS.ValueType.String), ExcelJS.ValueType.Number, ExcelJS.ValueType.String]);
      // (XML reads a carriage return back as a line feed.)
      expect(cells.slice(0, PAYLOADS.length).map((c) => c.value)).toEqual(PAYLOADS.map((text) => text.replace(/\r/g, "\n")));
      expect(cells.every((c) => !c.formula)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("no CSV export can skip the helper", () => {
  test("every app/routes/*[.]csv.ts imports app/lib/spreadsheet-cells.server", () => {
    const routes = path.join(repoRoot, "app/routes");
    const csvRoutes = readdirSync(routes).filter((name) => name.endsWith("[.]csv.ts"));
    expect(csvRoutes.length).toBeGreaterThanOrEqual(8);
    const skipping = csvRoutes.filter((name) => !readFileSync(path.join(routes, name), "utf8").includes('from "~/lib/spreadsheet-cells.server"'));
    expect(skipping).toEqual([]);
  });

  test("papaparse's writer is called nowhere in app/ but in the helper", () => {
    const app = path.join(repoRoot, "app");
    const files = readdirSync(app, { recursive: true, encoding: "utf8" }).filter((name) => /\.tsx?$/.test(name));
    const unparsing = files.filter((name) => readFileSync(path.join(app, name), "utf8").includes("Papa.unparse"));
    expect(unparsing).toEqual(["lib/spreadsheet-cells.server.ts"]);
  });
});

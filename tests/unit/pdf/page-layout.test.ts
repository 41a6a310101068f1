import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, test } from "vitest";
import { embedNotoSans } from "~/lib/pdf/fonts.server";
import type { TableRow } from "~/lib/pdf/page-content";
import { PageBuilder } from "~/lib/pdf/page-layout.server";

// A row marked keepWithPrevious (the report's "no corrective action" line, the header of an
// item's actions) never starts a page alone: the previous row's last line goes over with it.

const dir = mkdtempSync(join(tmpdir(), "tradeguard-layout-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const style = { size: 10 };
/** Ten lines of 14.5 pt plus 4 pt padding above and below: 153 pt. */
const tall = (keepTogether = false): TableRow => ({
  cells: [{ content: Array.from({ length: 10 }, (_, i) => ({ text: `line ${i + 1}`, style })) }],
  keepTogether,
});
const after = (keepWithPrevious: boolean): TableRow => ({ cells: [{ content: [{ text: "after", style }] }], keepWithPrevious });

/** Text of each page, with the tall row placed so that it fits and the row after it does not. */
async function pagesOf(rows: TableRow[]): Promise<string[]> {
  const doc = await PDFDocument.create();
  const pages = new PageBuilder(doc, await embedNotoSans(doc));
  pages.moveDown(pages.top - pages.bottom - 163);
  pages.table({ columns: [1], rows });
  const file = join(dir, `layout-${Math.random()}.pdf`);
  writeFileSync(file, await doc.save());
  return doc.getPages().map((_, i) => execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), file, "-"], { encoding: "utf8" }));
}

describe("table rows kept with the previous row", () => {
  test("without the flag the row after a full page starts the next page alone", async () => {
    const [first, second] = await pagesOf([tall(), after(false)]);
    expect(first).toContain("line 10");
    expect(second?.trim()).toBe("after");
  });

  test("with it, the previous row's last line goes over with it", async () => {
    const [first, second] = await pagesOf([tall(), after(true)]);
    expect(first).toContain("line 9");
    expect(first).not.toContain("line 10");
    expect(second).toMatch(/line 10\s+after/);
  });

  test("a previous row kept together moves whole", async () => {
    const [first, second] = await pagesOf([tall(true), after(true)]);
    expect(first?.trim()).toBe("");
    expect(second).toMatch(/line 1\s[\s\S]*line 10\s+after/);
  });
});

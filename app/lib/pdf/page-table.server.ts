// Tables on the page builder: rows laid out as the cursor reaches them, split between lines across
// pages (each cell independently) under a header repeated on every page, and kept with the rows
// they belong to (keepWithNext, keepTogether, keepWithPrevious).
import { PDFOperator, type Color, type PDFOperatorNames, type PDFPage } from "pdf-lib";
import { colors, type Content, type Table, type TableRow } from "./page-content";
import { linesHeight, num, rgbOf, type Line } from "./page-text.server";

/** What a table needs of the page builder (PageBuilder): its cursor and pages, its line layout. */
export interface TableTarget {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly width: number;
  readonly remaining: number;
  readonly page: PDFPage;
  y: number;
  newPage(): PDFPage;
  layout(content: Content, width: number): Line[];
  drawLine(page: PDFPage, line: Line, left: number, top: number): void;
}

interface PreparedCell {
  x: number;
  width: number;
  lines: Line[];
  fill?: Color;
}

interface PreparedRow {
  cells: PreparedCell[];
  height: number;
  /** Height of the smallest piece worth starting on this page (two lines per cell). */
  minSlice: number;
  keepWithNext: boolean;
  keepTogether: boolean;
  keepWithPrevious: boolean;
}

function prepareRow(builder: TableTarget, row: TableRow, columns: readonly number[], padding: number): PreparedRow {
  const cells: PreparedCell[] = [];
  let column = 0;
  for (const cell of row.cells) {
    const span = Math.max(1, cell.span ?? 1);
    const x = columns.slice(0, column).reduce((a, b) => a + b, 0);
    const width = columns.slice(column, column + span).reduce((a, b) => a + b, 0);
    column += span;
    const lines = builder.layout(cell.content, width - 2 * padding);
    cells.push({ x, width, lines, fill: cell.fill ?? row.fill });
  }
  const height = Math.max(0, ...cells.map((c) => linesHeight(c.lines))) + 2 * padding;
  const minSlice = Math.max(0, ...cells.map((c) => linesHeight(c.lines.slice(0, 2)))) + 2 * padding;
  return {
    cells,
    height,
    minSlice,
    keepWithNext: row.keepWithNext ?? false,
    keepTogether: row.keepTogether ?? false,
    keepWithPrevious: row.keepWithPrevious ?? false,
  };
}

/** Draws one page's piece of a row: the given line range of every cell, at the cursor. */
function drawRowPiece(builder: TableTarget, row: PreparedRow, ranges: [number, number][], padding: number, borderWidth: number): void {
  const page = builder.page;
  const height = Math.max(0, ...row.cells.map((c, i) => linesHeight(c.lines.slice(...(ranges[i] ?? [0, 0]))))) + 2 * padding;
  const top = builder.y;
  // The cells' boxes first, one path per fill colour (a table draws thousands of them).
  const byFill = new Map<Color | undefined, PreparedCell[]>();
  for (const cell of row.cells) byFill.set(cell.fill, [...(byFill.get(cell.fill) ?? []), cell]);
  for (const [fillColor, cells] of byFill) {
    if (!fillColor && borderWidth <= 0) continue;
    // As one operator holding the path, like the text runs (the layout's colours are RGB).
    const lines = ["q"];
    if (fillColor) lines.push(`${rgbOf(fillColor)} rg`);
    if (borderWidth > 0) lines.push(`${rgbOf(colors.rule)} RG`, `${num(borderWidth)} w`);
    for (const cell of cells) lines.push(`${num(builder.left + cell.x)} ${num(top - height)} ${num(cell.width)} ${num(height)} re`);
    lines.push(fillColor && borderWidth > 0 ? "B" : fillColor ? "f" : "S", "Q");
    page.pushOperators(PDFOperator.of(lines.join("\n") as PDFOperatorNames));
  }
  row.cells.forEach((cell, i) => {
    const x = builder.left + cell.x;
    const [from, to] = ranges[i] ?? [0, 0];
    let y = top - padding;
    cell.lines.slice(from, to).forEach((line, j) => {
      if (j > 0) y -= line.gap;
      builder.drawLine(page, line, x + padding, y);
      y -= line.height;
    });
  });
  builder.y = top - height;
}

/**
 * A table at the cursor. A row taller than the space left is split between lines (each cell
 * independently); the header is repeated on every page the table continues on.
 */
export function drawTable(builder: TableTarget, table: Table): void {
  const padding = table.padding ?? 4;
  const borderWidth = table.borderWidth ?? 0.5;
  const total = table.columns.reduce((a, b) => a + b, 0);
  const columns = table.columns.map((c) => (c / total) * builder.width);
  const header = table.header ? prepareRow(builder, table.header, columns, padding) : undefined;
  // Rows are laid out when the cursor reaches them (and a few ahead, for keep-with-next) and let
  // go once drawn: a table of thousands of rows never holds all their lines at once.
  const prepared = new Map<number, PreparedRow>();
  const rowAt = (i: number): PreparedRow | undefined => {
    if (i >= table.rows.length) return undefined;
    let row = prepared.get(i);
    if (!row) {
      row = prepareRow(builder, table.rows[i] as TableRow, columns, padding);
      prepared.set(i, row);
    }
    return row;
  };
  const fullRange = (row: PreparedRow) => row.cells.map((c): [number, number] => [0, c.lines.length]);
  const pageCapacity = builder.top - builder.bottom - (header?.height ?? 0);

  // Space a row needs before it may start on this page: itself plus what it is kept with.
  const neededMemo = new Map<number, number>();
  const needed = (i: number): number => {
    const row = rowAt(i);
    if (!row) return 0;
    const known = neededMemo.get(i);
    if (known !== undefined) return known;
    let h = row.keepTogether ? row.height : row.minSlice;
    if (row.keepWithNext && i + 1 < table.rows.length) h = row.height + needed(i + 1);
    const value = Math.min(h, pageCapacity);
    neededMemo.set(i, value);
    return value;
  };

  let fresh = false; // nothing but the header on this page since the last page break
  const startPage = () => {
    builder.newPage();
    if (header) drawRowPiece(builder, header, fullRange(header), padding, borderWidth);
    fresh = true;
  };
  if (builder.remaining < (header?.height ?? 0) + needed(0)) startPage();
  else {
    if (header) drawRowPiece(builder, header, fullRange(header), padding, borderWidth);
    fresh = true;
  }

  for (let i = 0; i < table.rows.length; i++) {
    const row = rowAt(i) as PreparedRow;
    if (!fresh && needed(i) > builder.remaining) startPage();
    const next = row.cells.map(() => 0);
    const take = (room: number) =>
      row.cells.map((cell, c): [number, number] => {
        const from = next[c] ?? 0;
        let to = from;
        let used = 0;
        while (to < cell.lines.length) {
          const line = cell.lines[to] as Line;
          const h = line.height + (to === from ? 0 : line.gap);
          // On a fresh page take at least one line, so an absurdly tall line cannot loop.
          if (used + h > room && !(fresh && to === from)) break;
          used += h;
          to++;
        }
        return [from, to];
      });
    let moved = false;
    for (;;) {
      let ranges = take(builder.remaining - 2 * padding);
      if (!moved && rowAt(i + 1)?.keepWithPrevious && row.cells.every((cell, c) => (ranges[c]?.[1] ?? 0) >= cell.lines.length)) {
        const tallest = Math.max(0, ...row.cells.map((cell, c) => linesHeight(cell.lines.slice(...(ranges[c] ?? [0, 0])))));
        if (builder.remaining - tallest - 2 * padding < needed(i + 1)) {
          // The next row would start the next page alone: the last line of the tallest cell goes
          // over with it, or the whole row when it cannot be split.
          const split = row.keepTogether ? null : take(tallest - 0.01);
          if (split?.some(([from, to]) => to > from)) ranges = split;
          else {
            moved = true;
            startPage();
            continue;
          }
        }
      }
      const progressed = ranges.some(([from, to]) => to > from);
      const unfinished = row.cells.some((cell, c) => (next[c] ?? 0) < cell.lines.length);
      if (!progressed && unfinished) {
        startPage();
        continue;
      }
      drawRowPiece(builder, row, ranges, padding, borderWidth);
      fresh = false;
      ranges.forEach(([, to], c) => (next[c] = to));
      if (row.cells.every((cell, c) => (next[c] ?? 0) >= cell.lines.length)) break;
      startPage();
    }
    prepared.delete(i);
    neededMemo.delete(i);
  }
}

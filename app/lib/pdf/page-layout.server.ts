// A small flowing-layout builder on pdf-lib: A4 portrait pages with margins and a cursor,
// wrapped paragraphs, tables whose rows continue across pages under a repeated header, and, once
// every page exists, running headers and "第 x 页 / 共 y 页" footers. Shared by the generated
// reports; it knows nothing about assessments.

import { deflateSync } from "node:zlib";
import {
  ColorTypes,
  PageSizes,
  PDFOperator,
  PDFRawStream,
  type PDFOperatorNames,
  rgb,
  type Color,
  type PDFContentStream,
  type PDFDocument,
  type PDFFont,
  type PDFName,
  type PDFPage,
  type PDFRef,
} from "pdf-lib";
import { replaceMissingGlyphs, type NotoSans } from "./fonts.server";
import { wrapText, type Measure } from "./text-layout";

/** A coordinate or colour component as content-stream text: at most three decimals, never an exponent. */
const num = (value: number) => String(Math.round(value * 1000) / 1000 || 0);

function rgbOf(color: Color): string {
  if (color.type !== ColorTypes.RGB) throw new Error("page layout: colours are RGB");
  return `${num(color.red)} ${num(color.green)} ${num(color.blue)}`;
}

export const colors = {
  text: rgb(0.1, 0.1, 0.1),
  muted: rgb(0.38, 0.38, 0.38),
  rule: rgb(0.55, 0.55, 0.55),
  shade: rgb(0.9, 0.9, 0.9),
  lightShade: rgb(0.96, 0.96, 0.96),
  notice: rgb(0.62, 0.3, 0.02),
} as const;

export interface TextStyle {
  weight?: "regular" | "bold";
  size: number;
  color?: Color;
  /** Line pitch as a multiple of the size; default 1.45. */
  leading?: number;
}

export interface TextBlock {
  text: string;
  style: TextStyle;
  align?: "left" | "center" | "right";
  /** Space above the block, dropped at the top of a page or cell. */
  spaceBefore?: number;
  /** Left indent of every line. */
  indent?: number;
  /** Drawn before the first line ("•", "※"); the following lines hang under the text. */
  bullet?: string;
}

/** Blank vertical space, e.g. for a seal or a signature. */
export interface Spacer {
  space: number;
}

export type Content = ReadonlyArray<TextBlock | Spacer>;

export interface TableCell {
  content: Content;
  /** Number of columns covered; default 1. */
  span?: number;
  fill?: Color;
}

export interface TableRow {
  cells: readonly TableCell[];
  /** Background of every cell without its own fill. */
  fill?: Color;
  /** Never the last row on a page (headings). */
  keepWithNext?: boolean;
  /** Moved whole to the next page rather than split, when it fits on one page. */
  keepTogether?: boolean;
  /**
   * Never the first row on a page (what follows a row and means nothing without it): when it
   * does not fit below the previous row, that row's last line goes over with it.
   */
  keepWithPrevious?: boolean;
}

export interface Table {
  /** Relative column widths; they are scaled to the content width. */
  columns: readonly number[];
  /** Drawn first and again at the top of every page the table continues on. */
  header?: TableRow;
  rows: readonly TableRow[];
  padding?: number;
  /** 0 draws no borders. */
  borderWidth?: number;
}

export interface PageDecorations {
  /** Small running header: left and right parts. */
  header?: { left: string; right: string };
  /** Footer text for page `number` (1-based) of `count`. */
  footer: (number: number, count: number) => string;
}

export interface PageBuilderOptions {
  size?: [number, number];
  margins?: { top: number; right: number; bottom: number; left: number };
}

/** A laid-out line, positioned relative to its box. */
interface Line {
  runs: { text: string; x: number }[];
  font: PDFFont;
  size: number;
  color: Color;
  height: number;
  /** From the top of the line to the baseline. */
  baseline: number;
  /** Space above this line (first line of a block), dropped at the top of a page or cell. */
  gap: number;
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

const defaultMargins = { top: 56, right: 48, bottom: 56, left: 48 };
const defaultLeading = 1.45;

/** Sum of line heights and gaps, the first gap dropped. */
function linesHeight(lines: readonly Line[]): number {
  return lines.reduce((sum, line, i) => sum + line.height + (i === 0 ? 0 : line.gap), 0);
}

/** Cuts text to fit a width, ending in "…". */
function truncate(text: string, maxWidth: number, measure: Measure): string {
  if (measure(text) <= maxWidth) return text;
  const chars = [...text];
  let width = measure("…");
  let out = "";
  for (const char of chars) {
    const w = measure(char);
    if (width + w > maxWidth) break;
    out += char;
    width += w;
  }
  return `${out}…`;
}

export class PageBuilder {
  readonly doc: PDFDocument;
  readonly fonts: NotoSans;
  readonly pageSize: [number, number];
  readonly margins: { top: number; right: number; bottom: number; left: number };
  /** Top of the free space on the current page, in PDF coordinates (from the bottom). */
  y = 0;
  private current: PDFPage | undefined;
  private readonly widths = new Map<PDFFont, Map<string, number>>();
  private readonly fontKeys = new Map<PDFPage, Map<PDFFont, PDFName>>();

  constructor(doc: PDFDocument, fonts: NotoSans, options: PageBuilderOptions = {}) {
    this.doc = doc;
    this.fonts = fonts;
    this.pageSize = options.size ?? (PageSizes.A4 as [number, number]);
    this.margins = options.margins ?? defaultMargins;
  }

  get page(): PDFPage {
    return this.current ?? this.newPage();
  }

  get left(): number {
    return this.margins.left;
  }

  get width(): number {
    return this.pageSize[0] - this.margins.left - this.margins.right;
  }

  get top(): number {
    return this.pageSize[1] - this.margins.top;
  }

  get bottom(): number {
    return this.margins.bottom;
  }

  /** Free height left on the current page. */
  get remaining(): number {
    return this.current ? this.y - this.bottom : this.top - this.bottom;
  }

  /** True when nothing has been drawn on the current page yet (or there is no page). */
  get atPageTop(): boolean {
    return !this.current || this.y >= this.top;
  }

  newPage(): PDFPage {
    if (this.current) this.seal(this.current);
    this.current = this.doc.addPage(this.pageSize);
    this.y = this.top;
    return this.current;
  }

  /** Starts a new page unless `height` fits below the cursor. Returns whether it did. */
  ensureSpace(height: number): boolean {
    if (!this.current || (height > this.remaining && !this.atPageTop)) {
      this.newPage();
      return true;
    }
    return false;
  }

  moveDown(height: number): void {
    if (!this.current) this.newPage();
    this.y = Math.max(this.bottom, this.y - height);
  }

  font(style: TextStyle): PDFFont {
    return style.weight === "bold" ? this.fonts.bold : this.fonts.regular;
  }

  /** Width at the style's size, cached per token: a document measures the same words and characters many times. */
  measure(style: TextStyle): Measure {
    const font = this.font(style);
    let cache = this.widths.get(font);
    if (!cache) {
      cache = new Map();
      this.widths.set(font, cache);
    }
    const widths = cache;
    return (text) => {
      let width = widths.get(text);
      if (width === undefined) {
        width = font.widthOfTextAtSize(text, 1);
        widths.set(text, width);
      }
      return width * style.size;
    };
  }

  /** Lays content out in a box of the given width. */
  private layout(content: Content, width: number): Line[] {
    const lines: Line[] = [];
    for (const block of content) {
      if ("space" in block) {
        // A spacer is an empty line of that height, so it breaks across pages like text.
        lines.push({ runs: [], font: this.fonts.regular, size: 0, color: colors.text, height: block.space, baseline: 0, gap: 0 });
        continue;
      }
      const font = this.font(block.style);
      const { size } = block.style;
      const color = block.style.color ?? colors.text;
      const height = size * (block.style.leading ?? defaultLeading);
      // Centre the em box in the line: CJK ideographs sit on about 0.88 em above the baseline.
      const baseline = (height - size) / 2 + 0.88 * size;
      const measure = this.measure(block.style);
      const indent = block.indent ?? 0;
      const bullet = block.bullet ? replaceMissingGlyphs(block.bullet, font) + " " : "";
      const bulletWidth = bullet ? measure(bullet) : 0;
      const textX = indent + bulletWidth;
      const available = Math.max(size, width - textX);
      const wrapped = wrapText(replaceMissingGlyphs(block.text, font), available, measure);
      wrapped.forEach((text, i) => {
        let x = textX;
        if (block.align === "center") x = textX + (available - measure(text)) / 2;
        else if (block.align === "right") x = textX + available - measure(text);
        const runs = [{ text, x }];
        if (i === 0 && bullet) runs.unshift({ text: bullet, x: indent });
        lines.push({ runs, font, size, color, height, baseline, gap: i === 0 ? (block.spaceBefore ?? 0) : 0 });
      });
    }
    return lines;
  }

  /** Height the content would take in a box of the given width (default: the full content width). */
  heightOf(content: Content, width = this.width): number {
    return linesHeight(this.layout(content, width));
  }

  /**
   * Draws text with one font resource per page and font. page.drawText with a font option
   * registers a new resource name on every call (and again to restore the previous font).
   */
  private text(page: PDFPage, text: string, x: number, y: number, font: PDFFont, size: number, color: Color): void {
    if (!text) return;
    let keys = this.fontKeys.get(page);
    if (!keys) {
      keys = new Map();
      this.fontKeys.set(page, keys);
    }
    let key = keys.get(font);
    if (!key) {
      key = page.node.newFontDictionary(font.name, font.ref);
      keys.set(font, key);
    }
    // One operator holding the whole run, written as pdf-lib's drawText would write it, instead of
    // nine operator objects with their number objects: a dossier draws tens of thousands of runs.
    const run = `q\nBT\n${rgbOf(color)} rg\n${key.toString()} ${num(size)} Tf\n1 0 0 1 ${num(x)} ${num(y)} Tm\n${font.encodeText(text).toString()} Tj\nET\nQ`;
    page.pushOperators(PDFOperator.of(run as PDFOperatorNames));
  }

  private drawLine(page: PDFPage, line: Line, left: number, top: number): void {
    for (const run of line.runs) this.text(page, run.text, left + run.x, top - line.baseline, line.font, line.size, line.color);
  }

  /** Flowing text at the cursor, across pages if long. */
  paragraph(content: Content | TextBlock, options: { indent?: number } = {}): void {
    const indent = options.indent ?? 0;
    const lines = this.layout(Array.isArray(content) ? (content as Content) : [content as TextBlock], this.width - indent);
    for (const line of lines) {
      let gap = this.atPageTop ? 0 : line.gap;
      if (this.ensureSpace(gap + line.height)) gap = 0;
      this.y -= gap;
      this.drawLine(this.page, line, this.left + indent, this.y);
      this.y -= line.height;
    }
  }

  private prepareRow(row: TableRow, columns: readonly number[], padding: number): PreparedRow {
    const cells: PreparedCell[] = [];
    let column = 0;
    for (const cell of row.cells) {
      const span = Math.max(1, cell.span ?? 1);
      const x = columns.slice(0, column).reduce((a, b) => a + b, 0);
      const width = columns.slice(column, column + span).reduce((a, b) => a + b, 0);
      column += span;
      const lines = this.layout(cell.content, width - 2 * padding);
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
  private drawRowPiece(row: PreparedRow, ranges: [number, number][], padding: number, borderWidth: number): void {
    const page = this.page;
    const height = Math.max(0, ...row.cells.map((c, i) => linesHeight(c.lines.slice(...(ranges[i] ?? [0, 0]))))) + 2 * padding;
    const top = this.y;
    // The cells' boxes first, one path per fill colour (a table draws thousands of them).
    const byFill = new Map<Color | undefined, PreparedCell[]>();
    for (const cell of row.cells) byFill.set(cell.fill, [...(byFill.get(cell.fill) ?? []), cell]);
    for (const [fillColor, cells] of byFill) {
      if (!fillColor && borderWidth <= 0) continue;
      // As one operator holding the path, like the text runs (the layout's colours are RGB).
      const lines = ["q"];
      if (fillColor) lines.push(`${rgbOf(fillColor)} rg`);
      if (borderWidth > 0) lines.push(`${rgbOf(colors.rule)} RG`, `${num(borderWidth)} w`);
      for (const cell of cells) lines.push(`${num(this.left + cell.x)} ${num(top - height)} ${num(cell.width)} ${num(height)} re`);
      lines.push(fillColor && borderWidth > 0 ? "B" : fillColor ? "f" : "S", "Q");
      page.pushOperators(PDFOperator.of(lines.join("\n") as PDFOperatorNames));
    }
    row.cells.forEach((cell, i) => {
      const x = this.left + cell.x;
      const [from, to] = ranges[i] ?? [0, 0];
      let y = top - padding;
      cell.lines.slice(from, to).forEach((line, j) => {
        if (j > 0) y -= line.gap;
        this.drawLine(page, line, x + padding, y);
        y -= line.height;
      });
    });
    this.y = top - height;
  }

  /**
   * A table at the cursor. A row taller than the space left is split between lines (each cell
   * independently); the header is repeated on every page the table continues on.
   */
  table(table: Table): void {
    const padding = table.padding ?? 4;
    const borderWidth = table.borderWidth ?? 0.5;
    const total = table.columns.reduce((a, b) => a + b, 0);
    const columns = table.columns.map((c) => (c / total) * this.width);
    const header = table.header ? this.prepareRow(table.header, columns, padding) : undefined;
    // Rows are laid out when the cursor reaches them (and a few ahead, for keep-with-next) and let
    // go once drawn: a table of thousands of rows never holds all their lines at once.
    const prepared = new Map<number, PreparedRow>();
    const rowAt = (i: number): PreparedRow | undefined => {
      if (i >= table.rows.length) return undefined;
      let row = prepared.get(i);
      if (!row) {
        row = this.prepareRow(table.rows[i] as TableRow, columns, padding);
        prepared.set(i, row);
      }
      return row;
    };
    const fullRange = (row: PreparedRow) => row.cells.map((c): [number, number] => [0, c.lines.length]);
    const pageCapacity = this.top - this.bottom - (header?.height ?? 0);

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
      this.newPage();
      if (header) this.drawRowPiece(header, fullRange(header), padding, borderWidth);
      fresh = true;
    };
    if (this.remaining < (header?.height ?? 0) + needed(0)) startPage();
    else {
      if (header) this.drawRowPiece(header, fullRange(header), padding, borderWidth);
      fresh = true;
    }

    for (let i = 0; i < table.rows.length; i++) {
      const row = rowAt(i) as PreparedRow;
      if (!fresh && needed(i) > this.remaining) startPage();
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
        let ranges = take(this.remaining - 2 * padding);
        if (!moved && rowAt(i + 1)?.keepWithPrevious && row.cells.every((cell, c) => (ranges[c]?.[1] ?? 0) >= cell.lines.length)) {
          const tallest = Math.max(0, ...row.cells.map((cell, c) => linesHeight(cell.lines.slice(...(ranges[c] ?? [0, 0])))));
          if (this.remaining - tallest - 2 * padding < needed(i + 1)) {
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
        this.drawRowPiece(row, ranges, padding, borderWidth);
        fresh = false;
        ranges.forEach(([, to], c) => (next[c] = to));
        if (row.cells.every((cell, c) => (next[c] ?? 0) >= cell.lines.length)) break;
        startPage();
      }
      prepared.delete(i);
      neededMemo.delete(i);
    }
  }

  /** Continues drawing on an earlier page (a reserved table of contents), at the given height. */
  resumeOn(page: PDFPage, y: number): void {
    this.current = page;
    this.y = y;
  }

  /** One line of text at a position, cut with "…" to maxWidth when given. Returns the drawn width. */
  textAt(page: PDFPage, text: string, x: number, y: number, style: TextStyle, maxWidth?: number): number {
    const font = this.font(style);
    const measure = this.measure(style);
    const clean = replaceMissingGlyphs(text, font).replace(/\n/g, " ");
    const drawn = maxWidth === undefined ? clean : truncate(clean, maxWidth, measure);
    this.text(page, drawn, x, y, font, style.size, style.color ?? colors.text);
    return measure(drawn);
  }

  /**
   * Compresses what was drawn on a page so far into a finished stream, with the platform's zlib,
   * and lets go of its operators. pdf-lib would keep every operator object until save() and then
   * deflate in JavaScript: for a long dossier that is a large share of the memory and of the time.
   * Drawing on the page again (the contents, the running header) opens a second content stream.
   * The page's current stream is private in pdf-lib 1.17; the two fields are its own names.
   */
  private seal(page: PDFPage): void {
    const open = page as unknown as { contentStream?: PDFContentStream; contentStreamRef?: PDFRef };
    if (!open.contentStream || !open.contentStreamRef) return;
    const compressed = deflateSync(open.contentStream.getUnencodedContents());
    this.doc.context.assign(open.contentStreamRef, PDFRawStream.of(this.doc.context.obj({ Filter: "FlateDecode" }), compressed));
    open.contentStream = undefined;
    open.contentStreamRef = undefined;
  }

  /**
   * Running header and footer on every page. Call once, after all content: the footer needs
   * the page count. Every page is sealed afterwards.
   */
  decoratePages(decorations: PageDecorations): void {
    const pages = this.doc.getPages();
    const small: TextStyle = { size: 7.5, color: colors.muted };
    const measure = this.measure(small);
    const font = this.font(small);
    pages.forEach((page, i) => {
      const pageWidth = page.getWidth();
      if (decorations.header) {
        const baseline = this.pageSize[1] - this.margins.top + 18;
        const right = replaceMissingGlyphs(decorations.header.right, font);
        const left = truncate(replaceMissingGlyphs(decorations.header.left, font), this.width - measure(right) - 16, measure);
        this.text(page, left, this.left, baseline, font, small.size, colors.muted);
        this.text(page, right, pageWidth - this.margins.right - measure(right), baseline, font, small.size, colors.muted);
        page.drawLine({
          start: { x: this.left, y: baseline - 5 },
          end: { x: pageWidth - this.margins.right, y: baseline - 5 },
          thickness: 0.4,
          color: colors.rule,
        });
      }
      const footer = replaceMissingGlyphs(decorations.footer(i + 1, pages.length), font);
      this.text(page, footer, (pageWidth - measure(footer)) / 2, this.margins.bottom - 28, font, small.size, colors.muted);
      this.seal(page);
    });
  }
}

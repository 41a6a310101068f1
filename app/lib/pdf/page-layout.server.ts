// A small flowing-layout builder on pdf-lib: A4 portrait pages with margins and a cursor,
// wrapped paragraphs, tables whose rows continue across pages under a repeated header, and, once
// every page exists, running headers and "第 x 页 / 共 y 页" footers. Shared by the generated
// reports; it knows nothing about assessments.
// The parts: what it is given to draw (page-content.ts), text laid out in lines (page-text.server.ts),
// tables (page-table.server.ts); here the pages, the cursor and the page furniture.

import { deflateSync } from "node:zlib";
import { PageSizes, PDFOperator, PDFRawStream, type PDFOperatorNames, type Color, type PDFContentStream, type PDFDocument, type PDFFont, type PDFName, type PDFPage, type PDFRef } from "pdf-lib";
import { replaceMissingGlyphs, type NotoSans } from "./fonts.server";
import { colors, type Content, type PageBuilderOptions, type PageDecorations, type Table, type TextBlock, type TextStyle } from "./page-content";
import { drawTable } from "./page-table.server";
import { fontOf, layoutContent, linesHeight, num, rgbOf, truncate, type Line } from "./page-text.server";
import type { Measure } from "./text-layout";

const defaultMargins = { top: 56, right: 48, bottom: 56, left: 48 };

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
    return fontOf(this.fonts, style);
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

  /** Lays content out in a box of the given width (also for the tables, page-table.server.ts). */
  layout(content: Content, width: number): Line[] {
    return layoutContent(content, width, this.fonts, (style) => this.measure(style));
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

  /** One laid-out line with its box's top-left corner at (left, top) (also for the tables). */
  drawLine(page: PDFPage, line: Line, left: number, top: number): void {
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

  /**
   * A table at the cursor. A row taller than the space left is split between lines (each cell
   * independently); the header is repeated on every page the table continues on.
   */
  table(table: Table): void {
    drawTable(this, table);
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

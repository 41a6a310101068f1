// Text as the page builder lays it out: content broken into lines that fit a width (CJK and Latin
// line breaking is text-layout.ts), a line cut with "…", and numbers and colours as content-stream
// text.
import { ColorTypes, type Color, type PDFFont } from "pdf-lib";
import { replaceMissingGlyphs, type NotoSans } from "./fonts.server";
import { colors, type Content, type TextStyle } from "./page-content";
import { wrapText, type Measure } from "./text-layout";

/** A coordinate or colour component as content-stream text: at most three decimals, never an exponent. */
export const num = (value: number) => String(Math.round(value * 1000) / 1000 || 0);

export function rgbOf(color: Color): string {
  if (color.type !== ColorTypes.RGB) throw new Error("page layout: colours are RGB");
  return `${num(color.red)} ${num(color.green)} ${num(color.blue)}`;
}

/** A laid-out line, positioned relative to its box. */
export interface Line {
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

const defaultLeading = 1.45;

/** Sum of line heights and gaps, the first gap dropped. */
export function linesHeight(lines: readonly Line[]): number {
  return lines.reduce((sum, line, i) => sum + line.height + (i === 0 ? 0 : line.gap), 0);
}

/** Cuts text to fit a width, ending in "…". */
export function truncate(text: string, maxWidth: number, measure: Measure): string {
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

export function fontOf(fonts: NotoSans, style: TextStyle): PDFFont {
  return style.weight === "bold" ? fonts.bold : fonts.regular;
}

/** Lays content out in a box of the given width, measuring with `measure` (the builder's cache). */
export function layoutContent(content: Content, width: number, fonts: NotoSans, measureOf: (style: TextStyle) => Measure): Line[] {
  const lines: Line[] = [];
  for (const block of content) {
    if ("space" in block) {
      // A spacer is an empty line of that height, so it breaks across pages like text.
      lines.push({ runs: [], font: fonts.regular, size: 0, color: colors.text, height: block.space, baseline: 0, gap: 0 });
      continue;
    }
    const font = fontOf(fonts, block.style);
    const { size } = block.style;
    const color = block.style.color ?? colors.text;
    const height = size * (block.style.leading ?? defaultLeading);
    // Centre the em box in the line: CJK ideographs sit on about 0.88 em above the baseline.
    const baseline = (height - size) / 2 + 0.88 * size;
    const measure = measureOf(block.style);
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

// What a page is given to draw: colours, text styles, blocks of text, spacers and tables, as plain
// values. The reports build them; page-layout.server.ts lays them out.
import { rgb, type Color } from "pdf-lib";

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

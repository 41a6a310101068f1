// Line breaking for mixed Chinese and English text, which pdf-lib does not do (docs/pdf.md,
// "Line breaking"). Pure: the caller passes a measure function, so this runs anywhere and is tested
// without fonts.

/** Width of a piece of text in the caller's unit (points at the font size in use). */
export type Measure = (text: string) => number;

/** Never starts a line (kinsoku): closing punctuation, full-width and ASCII. */
export const closingPunctuation = new Set([..."，。、；：？！）》」』】”’,.;:?!)"]);
/** Never ends a line: opening punctuation. */
export const openingPunctuation = new Set([..."（《「『【“‘("]);

/**
 * Characters a line may break before and after, one token each: CJK ideographs, kana, hangul,
 * CJK symbols and punctuation, full-width forms. Everything else groups into words split at spaces.
 */
const breakAnywhere = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u9fff\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3ffff}]/u;

const space = /[ \t\u00a0]/;

interface Segment {
  text: string;
  width: number;
  space: boolean;
}

/**
 * Splits one paragraph (no newlines) into segments that are never broken inside: spaces, single
 * CJK characters and Latin words, with closing punctuation glued to what precedes it and opening
 * punctuation glued to what follows. Each token is measured once.
 */
function segments(paragraph: string, measure: Measure): Segment[] {
  const tokens: string[] = [];
  let word = "";
  let spaces = "";
  const flushWord = () => {
    if (word) tokens.push(word);
    word = "";
  };
  const flushSpaces = () => {
    if (spaces) tokens.push(spaces);
    spaces = "";
  };
  for (const char of paragraph) {
    if (space.test(char)) {
      flushWord();
      spaces += char;
    } else if (breakAnywhere.test(char)) {
      flushWord();
      flushSpaces();
      tokens.push(char);
    } else {
      flushSpaces();
      word += char;
    }
  }
  flushWord();
  flushSpaces();

  const out: Segment[] = [];
  let glueNext = false;
  for (const token of tokens) {
    const isSpace = space.test(token[0] ?? "");
    const width = measure(token);
    const previous = out[out.length - 1];
    const first = String.fromCodePoint(token.codePointAt(0) ?? 0);
    const last = [...token].pop() ?? "";
    const glue = previous && !previous.space && !isSpace && (glueNext || closingPunctuation.has(first));
    if (glue) {
      previous.text += token;
      previous.width += width;
    } else {
      out.push({ text: token, width, space: isSpace });
    }
    glueNext = !isSpace && openingPunctuation.has(last);
  }
  return out;
}

/** Breaks a segment wider than a whole line by character, as a last resort. */
function breakByCharacter(text: string, maxWidth: number, measure: Measure): { lines: string[]; rest: string; restWidth: number } {
  const lines: string[] = [];
  let line = "";
  let width = 0;
  for (const char of text) {
    const w = measure(char);
    if (line && width + w > maxWidth) {
      lines.push(line);
      line = "";
      width = 0;
    }
    line += char;
    width += w;
  }
  return { lines, rest: line, restWidth: width };
}

/**
 * Wraps text into lines no wider than maxWidth. Chinese breaks between any two characters, Latin
 * at spaces (a word longer than a line breaks by character), "\n" starts a new line (an empty
 * paragraph gives an empty line), and punctuation follows the kinsoku rules above. Spaces at a
 * break are dropped. Widths are summed per token, so long texts cost O(n) measurements.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    let width = 0;
    let pending: Segment | null = null; // a space waiting to see whether the next word fits
    for (const segment of segments(paragraph, measure)) {
      if (segment.space) {
        if (line) pending = segment;
        continue;
      }
      const gap = pending ? pending.width : 0;
      if (width + gap + segment.width <= maxWidth) {
        if (pending) line += pending.text;
        line += segment.text;
        width += gap + segment.width;
      } else if (line && segment.width <= maxWidth) {
        lines.push(line);
        line = segment.text;
        width = segment.width;
      } else {
        // Too wide for any line: fill the current line up, then continue by character.
        const room = line ? maxWidth - width - gap : maxWidth;
        let head = "";
        let headWidth = 0;
        let rest = segment.text;
        if (line && room > 0) {
          for (const char of segment.text) {
            const w = measure(char);
            if (headWidth + w > room) break;
            head += char;
            headWidth += w;
          }
          rest = segment.text.slice(head.length);
        }
        if (head) lines.push(line + (pending ? pending.text : "") + head);
        else if (line) lines.push(line);
        const broken = breakByCharacter(rest, maxWidth, measure);
        lines.push(...broken.lines);
        line = broken.rest;
        width = broken.restWidth;
      }
      pending = null;
    }
    lines.push(line);
  }
  return lines;
}

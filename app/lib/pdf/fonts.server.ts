// The one typeface of every generated PDF: Noto Sans SC 2.004 (static TTF, SIL OFL 1.1, licence in
// node_modules/@expo-google-fonts/noto-sans-sc/LICENSE_FONT), embedded as a subset through upstream
// fontkit 2. Not @pdf-lib/fontkit: its subsets render CJK glyphs blank (docs/pdf.md, "Fonts and subsetting").

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

/** pdf-lib does not export its Fontkit interface; this is the parameter of registerFontkit. */
export type PdfFontkit = Parameters<PDFDocument["registerFontkit"]>[0];

/**
 * The TTF files, resolved by path: the package's index.js requires the .ttf files as Expo
 * assets and must never be imported.
 */
const fontFiles = {
  regular: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
} as const;

/** Subset names with the spec's six-letter tag, so pdffonts reports them as subsets. */
const subsetNames = {
  regular: "AAAAAA+NotoSansSC-Regular",
  bold: "AAAAAB+NotoSansSC-Bold",
} as const;

type Weight = keyof typeof fontFiles;

export interface NotoSans {
  regular: PDFFont;
  bold: PDFFont;
}

// About 10.5 MB per file: read once per process, on first use.
let fontBytes: Promise<Record<Weight, Uint8Array>> | undefined;

function loadFontBytes(): Promise<Record<Weight, Uint8Array>> {
  if (!fontBytes) {
    const require = createRequire(import.meta.url);
    const read = async (weight: Weight) => new Uint8Array(await readFile(require.resolve(fontFiles[weight])));
    fontBytes = Promise.all([read("regular"), read("bold")]).then(([regular, bold]) => ({ regular, bold }));
    // A failed read (missing package) must not poison the cache for the next attempt.
    fontBytes.catch(() => {
      fontBytes = undefined;
    });
  }
  return fontBytes;
}

// Parsed fonts, keyed by the cached bytes: parsing the tables again for every document is wasted
// work. Each document still gets its own subset (createSubset is called per embedder).
const parsedFonts = new WeakMap<Uint8Array, fontkit.Font>();

/**
 * pdf-lib asks the font to lay out every string it measures or draws, and uses only the glyphs'
 * ids and advance widths: the positions of OpenType shaping are dropped. Full shaping (script
 * detection, GSUB and GPOS lookups) was most of the time a long dossier took (1.6 s of 4.4 s for
 * 2,000 records). Chinese and Latin text in Noto Sans SC needs no shaping beyond one glyph per
 * character, so layout maps each code point through the cmap once and caches the glyph. Ligatures
 * and kerning, which pdf-lib could not position anyway, are given up.
 */
function mapWithoutShaping(font: fontkit.Font): void {
  const glyphs = new Map<number, fontkit.Glyph>();
  const layout = (text: string) => {
    const run: fontkit.Glyph[] = [];
    for (const char of text) {
      const codePoint = char.codePointAt(0) ?? 0;
      let glyph = glyphs.get(codePoint);
      if (!glyph) {
        glyph = font.glyphForCodePoint(codePoint);
        glyphs.set(codePoint, glyph);
      }
      run.push(glyph);
    }
    return { glyphs: run };
  };
  (font as unknown as { layout: typeof layout }).layout = layout;
}

/**
 * Upstream fontkit 2 shaped like the fontkit pdf-lib expects. pdf-lib's subset embedder calls
 * subset.encodeStream().on("data" | "end" | "error"); fontkit 2 only has the synchronous encode().
 */
export const fontkitAdapter: PdfFontkit = {
  create(data: Uint8Array) {
    const cached = parsedFonts.get(data);
    if (cached) return cached;
    const font = fontkit.create(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    if ("fonts" in font) throw new Error("A font collection needs a postscriptName; use a single-font TTF.");
    mapWithoutShaping(font);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      const streamed = subset as typeof subset & { encodeStream: () => unknown };
      streamed.encodeStream = () => {
        const handlers: Partial<Record<"data" | "end" | "error", (value?: unknown) => void>> = {};
        const emitter = {
          on(event: "data" | "end" | "error", handler: (value?: unknown) => void) {
            handlers[event] = handler;
            return emitter;
          },
        };
        setImmediate(() => {
          try {
            handlers.data?.(subset.encode());
            handlers.end?.();
          } catch (error) {
            handlers.error?.(error);
          }
        });
        return emitter;
      };
      return subset;
    };
    parsedFonts.set(data, font);
    return font;
  },
} as unknown as PdfFontkit;

/** Registers the adapter and embeds both weights as subsets (only the glyphs drawn end up in the file). */
export async function embedNotoSans(doc: PDFDocument): Promise<NotoSans> {
  const bytes = await loadFontBytes();
  doc.registerFontkit(fontkitAdapter);
  const [regular, bold] = await Promise.all([
    doc.embedFont(bytes.regular, { subset: true, customName: subsetNames.regular }),
    doc.embedFont(bytes.bold, { subset: true, customName: subsetNames.bold }),
  ]);
  return { regular, bold };
}

/** Drawn instead of a character the font lacks. A .notdef box would stop poppler extracting the rest of the run. */
export const missingGlyphReplacement = "?";

const characterSets = new WeakMap<PDFFont, Set<number>>();

function characterSet(font: PDFFont): Set<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

const invisible = /^[\p{Default_Ignorable_Code_Point}\p{Cc}]$/u;

/**
 * Makes text drawable with the font: tabs become spaces, invisible characters the font lacks
 * (zero-width joiners, variation selectors, control characters) are dropped, and any other
 * missing character (emoji, CJK Extension B) becomes "?". Newlines are kept for the line breaker.
 */
export function replaceMissingGlyphs(text: string, font: PDFFont): string {
  const set = characterSet(font);
  let out = "";
  for (const char of text) {
    if (char === "\n") {
      out += char;
      continue;
    }
    if (char === "\t") {
      out += " ";
      continue;
    }
    const codePoint = char.codePointAt(0) ?? 0;
    if (set.has(codePoint)) out += char;
    else if (!invisible.test(char)) out += missingGlyphReplacement;
  }
  return out;
}

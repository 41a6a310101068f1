import type { attention } from "../i18n/locales/en/attention";
import { translations } from "../i18n/translations.server";

// An attention item's title in both languages, from the `attention.item.*` texts: the same words in
// the page, the reminder email and the group message, whoever reads them in whichever language.
// The texts are filled in here, not through i18next's t(): an organisation's list holds a few
// thousand items, and t() with interpolation costs about 90 µs a call (190 ms for 1,000 titles in
// both languages, measured), where a cached lookup and a replace cost a few.

export type Bilingual = { zh: string; en: string };
export type TitleKey = keyof (typeof attention)["attention"]["item"];
type Value = string | number | Bilingual;

const languages = { zh: translations["zh-CN"], en: translations.en } as const;

const found = new Map<string, string>();

/** The text at a dotted key of one language's translations (the key itself when there is none). */
function text(language: "zh" | "en", key: string): string {
  const cacheKey = `${language}:${key}`;
  const cached = found.get(cacheKey);
  if (cached !== undefined) return cached;
  let node: unknown = languages[language];
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  const value = typeof node === "string" ? node : key;
  found.set(cacheKey, value);
  return value;
}

function fill(template: string, values: Record<string, Value>, language: "zh" | "en"): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return String(typeof value === "object" ? value[language] : value);
  });
}

/** One item title in both languages: `attention.item.<key>` with its values (a pair for each language). */
export function bilingual(key: TitleKey, values: Record<string, Value>): Bilingual {
  return {
    zh: fill(text("zh", `attention.item.${key}`), values, "zh"),
    en: fill(text("en", `attention.item.${key}`), values, "en"),
  };
}

/** A label of another namespace (a report kind, a programme, a framework) in both languages. */
export function label(key: string): Bilingual {
  return { zh: text("zh", key), en: text("en", key) };
}

/** A nameZh/nameEn pair of a record as a bilingual value (English falls back to Chinese). */
export function pair(zh: string, en: string | null | undefined): Bilingual {
  return { zh, en: en || zh };
}

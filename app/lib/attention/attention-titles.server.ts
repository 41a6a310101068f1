import type { attention } from "../i18n/locales/en/attention";
import type { Locale } from "../i18n/config";
import { createI18n } from "../i18n/translations.server";

// An attention item's title in both languages, from the `attention.item.*` texts: the same words in
// the page, the reminder email and the group message, whoever reads them in whichever language.

export type Bilingual = { zh: string; en: string };
export type TitleKey = keyof (typeof attention)["attention"]["item"];
type Value = string | number | Bilingual;

let translators: Record<"zh" | "en", (key: string, values?: Record<string, unknown>) => string> | null = null;

function translator(locale: Locale) {
  // The keys come from typed unions (TitleKey) or from values the domain modules list; i18next's
  // typed t would want each literal spelled out here.
  const { t } = createI18n(locale);
  return t as unknown as (key: string, values?: Record<string, unknown>) => string;
}

function both() {
  translators ??= { zh: translator("zh-CN"), en: translator("en") };
  return translators;
}

function pick(values: Record<string, Value>, language: "zh" | "en"): Record<string, string | number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "object" ? v[language] : v]));
}

/** One item title in both languages: `attention.item.<key>` with its values (a pair for each language). */
export function bilingual(key: TitleKey, values: Record<string, Value>): Bilingual {
  const t = both();
  return { zh: t.zh(`attention.item.${key}`, pick(values, "zh")), en: t.en(`attention.item.${key}`, pick(values, "en")) };
}

/** A label of another namespace (a report kind, a programme, a framework) in both languages. */
export function label(key: string): Bilingual {
  const t = both();
  return { zh: t.zh(key), en: t.en(key) };
}

/** A nameZh/nameEn pair of a record as a bilingual value (English falls back to Chinese). */
export function pair(zh: string, en: string | null | undefined): Bilingual {
  return { zh, en: en || zh };
}

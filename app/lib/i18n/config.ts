import { createInstance, type i18n as I18n } from "i18next";
import type { en, Translations } from "./locales/en";

// The languages and the i18next set-up, without any translation in it: this module is in every
// page's JavaScript. The texts come from translations.server.ts on the server (both languages) and
// from page-translations.ts in the browser (the page's language only).

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";
export const localeNames: Record<Locale, string> = { "zh-CN": "简体中文", en: "English" };

export type { Translations };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * A fresh i18next instance in `locale`, knowing the languages whose texts it is given: never shared
 * across requests.
 */
export function createI18nInstance(
  locale: Locale,
  texts: Partial<Record<Locale, Translations>>,
  onMissingKey?: (key: string) => void,
): I18n {
  const instance = createInstance();
  const resources = Object.fromEntries(Object.entries(texts).map(([lng, translation]) => [lng, { translation }]));
  void instance.init({
    lng: locale,
    fallbackLng: false,
    supportedLngs: [...locales],
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    ...(onMissingKey ? { saveMissing: true, missingKeyHandler: (_lngs: readonly string[], _ns: string, key: string) => onMissingKey(key) } : {}),
  });
  return instance;
}

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}

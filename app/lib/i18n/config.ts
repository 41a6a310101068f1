import { createInstance, type i18n as I18n } from "i18next";
import { en } from "./locales/en";
import { zhCN } from "./locales/zh-CN";

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";
export const localeNames: Record<Locale, string> = { "zh-CN": "简体中文", en: "English" };

export const resources = {
  en: { translation: en },
  "zh-CN": { translation: zhCN },
} as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** A fresh i18next instance for one render or one email: never shared across requests. */
export function createI18n(locale: Locale): I18n {
  const instance = createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    supportedLngs: [...locales],
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}

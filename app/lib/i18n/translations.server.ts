import type { i18n as I18n } from "i18next";
import { createI18nInstance, type Locale, type Translations } from "./config";
import { en } from "./locales/en";
import { zhCN } from "./locales/zh-CN";

/** Both languages' texts: the server renders pages, emails, exports and PDFs in either. */
export const translations: Record<Locale, Translations> = { en, "zh-CN": zhCN };

/** A fresh i18next instance for one email, export or job, knowing both languages. */
export function createI18n(locale: Locale): I18n {
  return createI18nInstance(locale, translations);
}

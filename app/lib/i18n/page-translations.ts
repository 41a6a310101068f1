import type { i18n as I18n } from "i18next";
import { createI18nInstance, locales, type Locale, type Translations } from "./config";

// The texts a page is rendered with. The server provides both languages once (entry.server.tsx);
// the browser loads the page's language only, before hydration (entry.client.tsx), so a page never
// downloads the other one. The language switch reloads the page.

const provided: Partial<Record<Locale, Translations>> = {};

export function provideTranslations(texts: Partial<Record<Locale, Translations>>): void {
  Object.assign(provided, texts);
  for (const locale of Object.keys(texts)) pageInstances.delete(locale as Locale);
}

export function hasTranslations(locale: Locale): boolean {
  return provided[locale] !== undefined;
}

/** Fetches a language's texts (one module per language) unless they are already here. */
export async function loadTranslations(locale: Locale): Promise<void> {
  if (provided[locale]) return;
  provided[locale] = locale === "en" ? (await import("./locales/en")).en : (await import("./locales/zh-CN")).zhCN;
}

// One instance per language, made once: a page's instance knows one language, never switches it and
// its texts never change, so every page (and every request on the server) can share it. Making one
// per render cost 5 % of the dashboard's server CPU (--cpu-prof, 10 connections).
const pageInstances = new Map<Locale, I18n>();

/**
 * The i18next instance for a page in `locale`, knowing that language only (the server's render and
 * the browser's hydration must print the same). While a language is still being fetched the page
 * stays in the one it has.
 */
export function createPageI18n(locale: Locale): I18n {
  const available = provided[locale] ? locale : locales.find((l) => provided[l]);
  const texts = available && provided[available];
  if (!available || !texts) throw new Error(`No translations loaded for ${locale}: loadTranslations() must run first`);
  let instance = pageInstances.get(available);
  if (!instance) {
    instance = createI18nInstance(available, { [available]: texts });
    pageInstances.set(available, instance);
  }
  return instance;
}

/**
 * Props for a control that switches to `locale` (the language switch, `?lng=` links): pointing at
 * it or focusing it starts fetching that language, so the page rarely waits for it after the
 * switch. A failed fetch is retried when the page needs the language.
 */
export function prefetchTranslationsOn(locale: Locale) {
  const prefetch = () => {
    loadTranslations(locale).catch(() => {});
  };
  return { onPointerEnter: prefetch, onFocus: prefetch, onTouchStart: prefetch };
}

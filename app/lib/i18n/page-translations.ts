import type { i18n as I18n } from "i18next";
import { createI18nInstance, locales, type Locale, type Translations } from "./config";
import { namespaceModules } from "./namespace-modules";
import { isNamespace, namespaceOfKey, namespaces, type Namespace } from "./namespaces";

// The texts a page is rendered with. The server provides every namespace of both languages once
// (entry.server.tsx). The browser loads only the page's language and only the namespaces the page's
// routes declare (namespaces.ts): entry.client before hydration, the root layout before showing a
// page reached by a client-side navigation that needs another one. The language switch reloads.

type Texts = Record<string, unknown>;

const loaded: Record<Locale, Set<Namespace>> = { en: new Set(), "zh-CN": new Set() };
const texts: Record<Locale, Texts> = { en: {}, "zh-CN": {} };
const pending = new Map<string, Promise<void>>();
/** Namespaces whose module could not be fetched: a page renders without them rather than wait forever. */
const failed = new Set<string>();

// One instance per language, made once and given namespaces as they arrive: a page's instance
// knows one language and never switches it, so every page (and every request on the server) can
// share it. Making one per render cost 5 % of the dashboard's server CPU (--cpu-prof, 10 connections).
const pageInstances = new Map<Locale, I18n>();

function add(locale: Locale, namespace: Namespace, bundle: Texts) {
  if (loaded[locale].has(namespace)) return;
  loaded[locale].add(namespace);
  Object.assign(texts[locale], bundle);
  pageInstances.get(locale)?.addResourceBundle(locale, "translation", bundle, true, false);
}

/** The server: every namespace of the languages given. */
export function provideTranslations(all: Partial<Record<Locale, Translations>>): void {
  for (const [locale, bundle] of Object.entries(all) as [Locale, Translations][]) {
    for (const namespace of namespaces) loaded[locale].add(namespace);
    texts[locale] = { ...bundle };
    pageInstances.delete(locale);
  }
}

export function hasTranslations(locale: Locale, wanted: readonly Namespace[] = ["core"]): boolean {
  return wanted.every((namespace) => loaded[locale].has(namespace));
}

/** Fetches the namespaces of `locale` that are not here yet (one module each, all at once). */
export function loadTranslations(locale: Locale, wanted: readonly Namespace[] = ["core"]): Promise<void> {
  const missing = wanted.filter((namespace) => !loaded[locale].has(namespace));
  if (missing.length === 0) return Promise.resolve();
  return Promise.all(missing.map((namespace) => loadOne(locale, namespace))).then(() => undefined);
}

function loadOne(locale: Locale, namespace: Namespace): Promise<void> {
  const key = `${locale}/${namespace}`;
  let promise = pending.get(key);
  if (!promise) {
    promise = namespaceModules[locale][namespace]().then(
      (bundle) => {
        add(locale, namespace, bundle);
        pending.delete(key);
        failed.delete(key);
      },
      (error: unknown) => {
        // A failed fetch (the network dropped) is tried again by the next explicit load (entry.client,
        // the language switch); a page waiting for it renders without it instead of retrying in a loop.
        pending.delete(key);
        failed.add(key);
        throw error;
      },
    );
    pending.set(key, promise);
  }
  return promise;
}

/**
 * What a page must wait for before it renders: nothing when its namespaces are here, else the
 * promise of their arrival (the root layout suspends on it, so a client-side navigation keeps the
 * previous page on screen until the texts are here).
 */
export function translationsPending(locale: Locale, wanted: readonly Namespace[]): Promise<void> | null {
  const missing = wanted.filter((namespace) => !loaded[locale].has(namespace) && !failed.has(`${locale}/${namespace}`));
  return missing.length === 0 ? null : loadTranslations(locale, missing).catch(() => {});
}

/**
 * The i18next instance for a page in `locale`, knowing that language only (the server's render and
 * the browser's hydration must print the same). While a language is still being fetched the page
 * stays in the one it has.
 */
export function createPageI18n(locale: Locale): I18n {
  const available = loaded[locale].size > 0 ? locale : locales.find((l) => loaded[l].size > 0);
  if (!available) throw new Error(`No translations loaded for ${locale}: loadTranslations() must run first`);
  let instance = pageInstances.get(available);
  if (!instance) {
    instance = createI18nInstance(available, { [available]: texts[available] as Translations }, (key) => missingNamespace(available, key));
    pageInstances.set(available, instance);
  }
  return instance;
}

/**
 * A key of a namespace this page did not load: its route's handle forgot to declare it (the test
 * tests/unit/i18n/route-namespaces.test.ts should have caught it). The text shows as its key until
 * the page renders again, so say so loudly and fetch it.
 */
function missingNamespace(locale: Locale, key: string) {
  const namespace = namespaceOfKey(key);
  // A namespace on its way is one the next page declared: the root layout started fetching it before
  // rendering that page's <head>, and the page suspends until it is here.
  if (!namespace || loaded[locale].has(namespace) || pending.has(`${locale}/${namespace}`)) return;
  // eslint-disable-next-line no-console -- in the browser the console is where a developer (and the browser tests) see it
  console.error(`Translation "${key}" is in the "${namespace}" namespace, which this page's routes do not declare (handle.i18n).`);
  loadTranslations(locale, [namespace]).catch(() => {});
}

/**
 * Props for a control that switches to `locale` (the language switch, `?lng=` links): pointing at
 * it or focusing it starts fetching that language's namespaces for this page (those the root layout
 * printed in <html data-i18n>), so the page rarely waits for them after the switch. A failed fetch
 * is retried when the page needs the language.
 */
export function prefetchTranslationsOn(locale: Locale) {
  const prefetch = () => {
    const wanted = (document.documentElement.dataset.i18n ?? "core").split(" ").filter(isNamespace);
    loadTranslations(locale, wanted).catch(() => {});
  };
  return { onPointerEnter: prefetch, onFocus: prefetch, onTouchStart: prefetch };
}

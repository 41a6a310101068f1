import { readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "./config";

// Where each language's module is in the browser build, so that a page lists its language with the
// rest of its JavaScript (<link rel="modulepreload">) and the browser fetches them all at once,
// rather than the texts only after entry.client has started. Vite's manifest of the browser build
// names the file (build.manifest in vite.config.ts; Remix moves it to build/.vite/). In development,
// or without that manifest, there is no hint and entry.client fetches the module itself.

const SOURCES: Record<Locale, string> = {
  en: "app/lib/i18n/locales/en.ts",
  "zh-CN": "app/lib/i18n/locales/zh-CN.ts",
};
const MANIFEST = "build/.vite/client-manifest.json";

let cached: Partial<Record<Locale, string>> | undefined;

function readManifest(): Partial<Record<Locale, string>> {
  try {
    const manifest = JSON.parse(readFileSync(path.resolve(MANIFEST), "utf8")) as Record<string, { file?: string } | undefined>;
    const found: Partial<Record<Locale, string>> = {};
    for (const [locale, source] of Object.entries(SOURCES) as [Locale, string][]) {
      const file = manifest[source]?.file;
      if (file) found[locale] = `/${file}`;
    }
    return found;
  } catch {
    return {};
  }
}

/** The address of `locale`'s module in the browser build, or undefined when it is not known. */
export function localeModuleUrl(locale: Locale): string | undefined {
  if (process.env.NODE_ENV !== "production") return undefined;
  cached ??= readManifest();
  return cached[locale];
}

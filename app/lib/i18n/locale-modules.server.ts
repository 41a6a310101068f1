import { readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "./config";
import { namespaceSource } from "./namespace-modules";
import { namespaces, type Namespace } from "./namespaces";

// Where each namespace's module is in the browser build, so that a page lists its texts with the
// rest of its JavaScript (<link rel="modulepreload">) and the browser fetches them all at once,
// rather than only after entry.client has started. Vite's manifest of the browser build names the
// files (build.manifest in vite.config.ts; Remix moves it to build/.vite/). In development, or
// without that manifest, there is no hint and entry.client fetches the modules itself.

const MANIFEST = "build/.vite/client-manifest.json";

export type NamespaceModuleUrls = Partial<Record<Namespace, string>>;

let cached: Partial<Record<Locale, NamespaceModuleUrls>> | undefined;

function readManifest(): Partial<Record<Locale, NamespaceModuleUrls>> {
  try {
    const manifest = JSON.parse(readFileSync(path.resolve(MANIFEST), "utf8")) as Record<string, { file?: string } | undefined>;
    const found: Partial<Record<Locale, NamespaceModuleUrls>> = {};
    for (const locale of ["en", "zh-CN"] as const) {
      const urls: NamespaceModuleUrls = {};
      for (const namespace of namespaces) {
        const file = manifest[namespaceSource(locale, namespace)]?.file;
        if (file) urls[namespace] = `/${file}`;
      }
      found[locale] = urls;
    }
    return found;
  } catch {
    return {};
  }
}

/** The addresses of `locale`'s namespace modules in the browser build ({} when they are not known). */
export function localeModuleUrls(locale: Locale): NamespaceModuleUrls {
  if (process.env.NODE_ENV !== "production") return {};
  cached ??= readManifest();
  return cached[locale] ?? {};
}

import type { MetaDescriptor } from "@remix-run/node";
import type { TFunction } from "i18next";
import { createI18n, defaultLocale, isLocale, type Locale } from "./config";

type Matches = readonly { id: string; data: unknown }[];

/** `<title>` in the page's language: "Members · Tradeguard". `pick` gets the language for bilingual data. */
export function titleFor(matches: Matches, pick: (t: TFunction, locale: Locale) => string): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  const locale = isLocale(root?.locale) ? root.locale : defaultLocale;
  const { t } = createI18n(locale);
  return [{ title: `${pick(t, locale)} · ${t("app.name")}` }];
}

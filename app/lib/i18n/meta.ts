import type { MetaDescriptor } from "@remix-run/node";
import type { TFunction } from "i18next";
import { defaultLocale, isLocale, type Locale } from "./config";
import { createPageI18n } from "./page-translations";

type Matches = readonly { id: string; data: unknown }[];

/** `<title>` in the page's language: "Members · Tradeguard". `pick` gets the language for bilingual data. */
export function titleFor(matches: Matches, pick: (t: TFunction, locale: Locale) => string): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  const locale = isLocale(root?.locale) ? root.locale : defaultLocale;
  const i18n = createPageI18n(locale);
  const { t } = i18n;
  return [{ title: `${pick(t, isLocale(i18n.language) ? i18n.language : locale)} · ${t("app.name")}` }];
}

import type { MetaDescriptor } from "@remix-run/node";
import type { TFunction } from "i18next";
import { createI18n, defaultLocale, isLocale } from "./config";

type Matches = readonly { id: string; data: unknown }[];

/** `<title>` in the page's language: "Members · Tradeguard". */
export function titleFor(matches: Matches, pick: (t: TFunction) => string): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  const { t } = createI18n(isLocale(root?.locale) ? root.locale : defaultLocale);
  return [{ title: `${pick(t)} · ${t("app.name")}` }];
}

import { useRouteLoaderData } from "@remix-run/react";
import { defaultLocale, isLocale, type Locale } from "./config";

/** The page's language, as the root loader resolved it. */
export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : defaultLocale;
}

import { createCookie } from "@remix-run/node";
import Negotiator from "negotiator";
import { defaultLocale, isLocale, locales, type Locale } from "./config";
import { createI18n } from "./translations.server";

/** The visitor's language before login (and the fallback after): one year, readable by the server only. */
export const localeCookie = createCookie("lng", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 60 * 60 * 24 * 365,
});

export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return defaultLocale;
  const negotiator = new Negotiator({ headers: { "accept-language": header } });
  // Offer the bare language too so "zh", "zh-TW" or "en-GB" find their family.
  const best = negotiator.languages(["zh-CN", "en", "zh", "en-US"]);
  for (const tag of best) {
    const lower = tag.toLowerCase();
    if (lower.startsWith("zh")) return "zh-CN";
    if (lower.startsWith("en")) return "en";
  }
  return defaultLocale;
}

/** `?lng=` on any address wins, then the user's saved choice, then the cookie, then Accept-Language. */
export async function resolveLocale(request: Request, userLocale?: string | null): Promise<Locale> {
  const fromQuery = new URL(request.url).searchParams.get("lng");
  if (isLocale(fromQuery)) return fromQuery;
  if (isLocale(userLocale)) return userLocale;
  const fromCookie: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language"));
}

export function serverT(locale: Locale) {
  return createI18n(locale).t;
}

export { locales };

// Countries and regions by ISO 3166-1 alpha-2 code; their names come from the browser's or Node's
// own Intl.DisplayNames in the reader's language, so no name list is kept here.

export const countryCodes = [
  "CN", "HK", "MO", "TW", "US", "CA", "MX", "BR", "AR", "CL", "PE", "CO", "GB", "IE", "FR", "DE", "NL", "BE", "LU", "CH", "AT",
  "IT", "ES", "PT", "DK", "SE", "NO", "FI", "IS", "PL", "CZ", "SK", "HU", "RO", "BG", "GR", "HR", "SI", "EE", "LV", "LT", "UA",
  "TR", "RU", "KZ", "UZ", "MN", "JP", "KR", "SG", "MY", "TH", "VN", "PH", "ID", "KH", "LA", "MM", "BD", "IN", "PK", "LK", "NP",
  "AE", "SA", "QA", "KW", "OM", "BH", "IL", "JO", "EG", "MA", "DZ", "TN", "NG", "GH", "KE", "ET", "TZ", "ZA", "AU", "NZ", "FJ",
  "PG", "CY", "MT", "RS", "BY", "GE", "AM", "AZ", "IR", "IQ", "AF", "BN", "TL", "MV", "CR", "PA", "EC", "UY", "PY", "BO", "VE",
  "CU", "DO", "JM", "TT", "GT", "HN", "SV", "NI", "AO", "MZ", "ZM", "ZW", "NA", "BW", "UG", "RW", "SN", "CI", "CM", "LY", "SD",
] as const;
export type CountryCode = (typeof countryCodes)[number];

export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === "string" && (countryCodes as readonly string[]).includes(value);
}

const namers = new Map<string, Intl.DisplayNames>();

/** Names as Chinese customs documents write them, where the standard display names differ. */
const OFFICIAL_NAMES: Record<string, Record<string, string>> = {
  TW: { "zh-CN": "中国台湾", en: "Taiwan, China" },
};

export function countryName(code: string, locale: string): string {
  const official = OFFICIAL_NAMES[code]?.[locale];
  if (official) return official;
  let namer = namers.get(locale);
  if (!namer) {
    namer = new Intl.DisplayNames([locale], { type: "region" });
    namers.set(locale, namer);
  }
  return namer.of(code) ?? code;
}

/** The codes, China first, then by name in the reader's language. */
export function countryOptions(locale: string): { value: CountryCode; label: string }[] {
  const rest = countryCodes.filter((c) => c !== "CN").map((c) => ({ value: c, label: countryName(c, locale) }));
  rest.sort((a, b) => a.label.localeCompare(b.label, locale));
  return [{ value: "CN", label: countryName("CN", locale) }, ...rest];
}

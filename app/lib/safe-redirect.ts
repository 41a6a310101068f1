const BASE = "http://tradeguard.invalid";

/**
 * Only paths on this site: "/settings" yes; "//evil.example", "https://…", "/\\evil" fall back. Control
 * characters and backslashes are refused outright, because browsers drop tabs and newlines inside a
 * URL and read "\" as "/", so "/\t/evil.example" would otherwise leave the site.
 */
export function safeRedirectPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  const url = new URL(value, BASE);
  return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : fallback;
}

const BASE = "http://tradeguard.invalid";

/**
 * Only paths on this site: "/settings" yes; "//evil.example", "https://…", "/\\evil" fall back. Control
 * characters and backslashes are refused outright, because browsers drop tabs and newlines inside a
 * URL and read "\" as "/", so "/\t/evil.example" would otherwise leave the site. The answer is the
 * path as the URL parser normalises it, and that is checked again: "/.//evil.example" normalises to
 * "//evil.example", which a browser reads as another host, so it falls back too.
 */
export function safeRedirectPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || new URL(path, BASE).origin !== BASE) return fallback;
  return path;
}

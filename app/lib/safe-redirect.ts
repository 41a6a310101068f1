/** Only same-site paths: "/settings" yes; "//evil.example", "https://…" or "/\\evil" fall back. */
export function safeRedirectPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}

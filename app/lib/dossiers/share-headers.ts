// Headers of every answer under /share/: the token is in the address, so nothing may be cached,
// sent on as a referrer or indexed.
export const shareResponseHeaders = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
} as const;

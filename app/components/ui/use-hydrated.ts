import { useEffect, useState } from "react";

/**
 * False in the server's HTML and until the page's JavaScript runs, then true. Parts that only make
 * sense with JavaScript (showing fields as a choice changes) use it, so the page without
 * JavaScript shows everything it needs.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

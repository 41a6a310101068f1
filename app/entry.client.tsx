import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { defaultLocale, isLocale } from "./lib/i18n/config";
import { isNamespace } from "./lib/i18n/namespaces";
import { loadTranslations } from "./lib/i18n/page-translations";

// The page's language and namespaces only (the server printed them in <html lang data-i18n>): their
// texts must be here before hydration, which renders them again. Nothing else is downloaded; a later
// page that needs more fetches it then (root.tsx).
const html = document.documentElement;
const lang = isLocale(html.lang) ? html.lang : defaultLocale;
const names = (html.dataset.i18n ?? "core").split(" ").filter(isNamespace);

void loadTranslations(lang, names).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});

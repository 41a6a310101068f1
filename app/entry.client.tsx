import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { defaultLocale, isLocale } from "./lib/i18n/config";
import { loadTranslations } from "./lib/i18n/page-translations";

// The page's language only (the server printed it in <html lang>): its texts must be here before
// hydration, which renders them again. The other language is never downloaded; switching reloads.
const lang = document.documentElement.lang;

void loadTranslations(isLocale(lang) ? lang : defaultLocale).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});

import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { useTranslation } from "./lib/i18n/use-translation";
import { ErrorPage } from "./components/error-page";
import { getAuth } from "./lib/auth/auth.server";
import { isDatabaseUnavailable } from "./lib/database-outage.server";
import { setUserLocale } from "./lib/auth/accounts.server";
import type { Locale } from "./lib/i18n/config";
import { localeModuleUrl } from "./lib/i18n/locale-modules.server";
import { createPageI18n, hasTranslations, loadTranslations } from "./lib/i18n/page-translations";
import { useLocale } from "./lib/i18n/use-locale";
import { localeCookie, queryLocale, resolveLocale } from "./lib/i18n/i18n.server";
import { useNonce } from "./lib/nonce";
import stylesheet from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "data:," },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // While the database is away the page's language comes from the address, cookie or browser, so
  // that the 503 page a route answers (database-outage.server.ts) is in the reader's language.
  const auth = await getAuth(request).catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  const locale = await resolveLocale(request, auth?.user.locale);
  const headers = new Headers();
  // `?lng=` switches for good: remembered in the cookie, and on the account when signed in.
  const switched = queryLocale(request);
  if (switched) {
    headers.append("Set-Cookie", await localeCookie.serialize(switched));
    if (auth && auth.user.locale !== switched) await setUserLocale(auth.db, auth.user.id, switched);
  }
  return data({ locale, localeModule: localeModuleUrl(locale) ?? null }, { headers });
}

/**
 * The page's i18next instance. The browser has the page's language only (entry.client loads it): a
 * client-side navigation to another language (the language switch reloads the page, so none should)
 * keeps the texts it has until that language's module has arrived.
 */
function usePageI18n(locale: Locale) {
  const here = hasTranslations(locale) ? locale : null;
  const [, setArrived] = useState<Locale | null>(null);
  const i18n = useMemo(() => createPageI18n(here ?? locale), [here, locale]);
  useEffect(() => {
    if (here) return;
    let current = true;
    void loadTranslations(locale).then(() => {
      if (current) setArrived(locale);
    });
    return () => {
      current = false;
    };
  }, [here, locale]);
  return i18n;
}

/**
 * A route whose handle says `{ scripts: false }` is sent as plain HTML with no JavaScript at all:
 * the login page, a form that the server checks and answers in full, is the first page of every
 * visit and the lightest to download (its texts, React and the form library were 194 KB gzip).
 */
export interface PageHandle {
  scripts?: boolean;
}

function useScripts(): boolean {
  return !useMatches().some((match) => (match.handle as PageHandle | undefined)?.scripts === false);
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const localeModule = useLocaleModule();
  const nonce = useNonce();
  const i18n = usePageI18n(locale);
  const scripts = useScripts();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {localeModule && scripts ? <link rel="modulepreload" href={localeModule} /> : null}
      </head>
      <body className="min-h-screen">
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

/** The page's language module, listed with the rest of the page's JavaScript (locale-modules.server.ts). */
function useLocaleModule(): string | null {
  const data = useRouteLoaderData("root") as { localeModule?: unknown } | undefined;
  return typeof data?.localeModule === "string" ? data.localeModule : null;
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error)) {
    return <ErrorPage status={error.status} data={error.data} />;
  }
  return <ErrorPage status={500} data={null} title={t("errorPage.unexpectedTitle")} />;
}

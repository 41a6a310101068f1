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
import { Suspense, useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { useTranslation } from "./lib/i18n/use-translation";
import { ErrorPage } from "./components/error-page";
import { getAuth } from "./lib/auth/auth.server";
import { isDatabaseUnavailable } from "./lib/database-outage.server";
import type { Locale } from "./lib/i18n/config";
import { localeModuleUrls, type NamespaceModuleUrls } from "./lib/i18n/locale-modules.server";
import { pageNamespaces, type Namespace, type TranslationHandle } from "./lib/i18n/namespaces";
import { createPageI18n, translationsPending } from "./lib/i18n/page-translations";
import { useLocale } from "./lib/i18n/use-locale";
import { resolveLocale } from "./lib/i18n/i18n.server";
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
  // `?lng=` shows this page in that language and remembers nothing: a link shared in the other
  // language must not change the reader's own choice. The language switch (/language) remembers it.
  const locale = await resolveLocale(request, auth?.user.locale);
  return data({ locale, localeModules: localeModuleUrls(locale) });
}

/**
 * The page's texts: its language and the namespaces its routes declare. The server has them all; in
 * the browser entry.client loads them before hydration, and a client-side navigation to a page that
 * needs another namespace (or the other language) suspends here until it has arrived, which keeps
 * the previous page on screen (router updates are transitions) rather than showing raw keys.
 */
function PageTranslations({ locale, names, children }: { locale: Locale; names: Namespace[]; children: ReactNode }) {
  const pending = translationsPending(locale, names);
  if (pending) throw pending;
  const i18n = useMemo(() => createPageI18n(locale), [locale]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}

/**
 * A route whose handle says `{ scripts: false }` is sent as plain HTML with no JavaScript at all:
 * the login page, a form that the server checks and answers in full, is the first page of every
 * visit and the lightest to download (its texts, React and the form library were 194 KB gzip).
 */
export interface PageHandle extends TranslationHandle {
  scripts?: boolean;
}

function useScripts(): boolean {
  return !useMatches().some((match) => (match.handle as PageHandle | undefined)?.scripts === false);
}

/** The namespaces of the page: `core` and those its matched routes declare. */
function usePageNamespaces(): Namespace[] {
  const matches = useMatches();
  return useMemo(() => pageNamespaces(matches.map((match) => match.handle)), [matches]);
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const names = usePageNamespaces();
  // Starts fetching a namespace the page needs and this browser lacks before <Meta> renders the
  // page's title with it (PageTranslations then waits for it).
  translationsPending(locale, names)?.catch(() => {});
  const modules = useLocaleModules();
  const nonce = useNonce();
  const scripts = useScripts();
  return (
    <html lang={locale} data-i18n={names.join(" ")}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {scripts ? names.map((name) => (modules[name] ? <link key={name} rel="modulepreload" href={modules[name]} /> : null)) : null}
      </head>
      <body className="min-h-screen">
        <Suspense fallback={null}>
          <PageTranslations locale={locale} names={names}>
            {children}
          </PageTranslations>
        </Suspense>
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

/** The page's language's namespace modules, listed with the rest of the page's JavaScript (locale-modules.server.ts). */
function useLocaleModules(): NamespaceModuleUrls {
  const data = useRouteLoaderData("root") as { localeModules?: NamespaceModuleUrls } | undefined;
  return data?.localeModules ?? {};
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

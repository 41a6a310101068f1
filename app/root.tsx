import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { ErrorPage } from "./components/error-page";
import { getAuth } from "./lib/auth/auth.server";
import { setUserLocale } from "./lib/auth/accounts.server";
import { createI18n } from "./lib/i18n/config";
import { useLocale } from "./lib/i18n/use-locale";
import { localeCookie, queryLocale, resolveLocale } from "./lib/i18n/i18n.server";
import { useNonce } from "./lib/nonce";
import stylesheet from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "data:," },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  const locale = await resolveLocale(request, auth?.user.locale);
  const headers = new Headers();
  // `?lng=` switches for good: remembered in the cookie, and on the account when signed in.
  const switched = queryLocale(request);
  if (switched) {
    headers.append("Set-Cookie", await localeCookie.serialize(switched));
    if (auth && auth.user.locale !== switched) await setUserLocale(auth.db, auth.user.id, switched);
  }
  return data({ locale }, { headers });
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const nonce = useNonce();
  const i18n = useMemo(() => createI18n(locale), [locale]);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
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

import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";

// The shell's search box, on every signed-in page: a plain GET form to /search, so it works before
// (or without) JavaScript. On the results page it shows the text searched, to be refined.
export function SearchBox() {
  const { t } = useTranslation();
  const location = useLocation();
  const current = location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  return (
    <Form method="get" action="/search" role="search" className="order-last flex w-full min-w-0 gap-1 sm:order-none sm:w-auto sm:flex-1 sm:max-w-md">
      <label htmlFor="shell-search" className="sr-only">
        {t("shell.search.label")}
      </label>
      <input
        // A new text on each results page: the box shows what was searched, not what was typed before.
        key={current}
        id="shell-search"
        type="search"
        name="q"
        defaultValue={current}
        placeholder={t("shell.search.placeholder")}
        autoComplete="off"
        enterKeyHint="search"
        className="block min-h-11 w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
      />
      <button type="submit" className="min-h-11 shrink-0 rounded-md bg-brand-700 px-3 text-sm font-semibold text-white hover:bg-brand-800">
        {t("shell.search.submit")}
      </button>
    </Form>
  );
}

import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { localeNames, locales } from "~/lib/i18n/config";
import { prefetchTranslationsOn } from "~/lib/i18n/page-translations";
import { useLocale } from "~/lib/i18n/use-locale";

/** 简体中文 / English: a plain form post, so it works without JavaScript too. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("lng");
  const query = params.toString();
  const here = `${location.pathname}${query ? `?${query}` : ""}`;
  return (
    <Form method="post" action="/language" className="flex items-center gap-1" aria-label={t("shell.language")}>
      <input type="hidden" name="redirectTo" value={here} />
      {locales.map((l) => (
        <button
          key={l}
          type="submit"
          name="lng"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          {...(l === locale ? {} : prefetchTranslationsOn(l))}
          className={`min-h-11 rounded-md px-3 text-sm font-medium ${
            l === locale ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100"
          }`}
        >
          {localeNames[l]}
        </button>
      ))}
    </Form>
  );
}

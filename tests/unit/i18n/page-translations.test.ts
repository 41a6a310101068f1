import { describe, expect, test } from "vitest";
import { titleFor } from "~/lib/i18n/meta";
import { createPageI18n, hasTranslations, loadTranslations, provideTranslations } from "~/lib/i18n/page-translations";
import { translations } from "~/lib/i18n/translations.server";

// A page's texts: the browser loads its page's language only. This file's module state starts
// empty, as a browser's does before entry.client has run.

const root = (locale: string) => [{ id: "root", data: { locale } }];

describe("page translations", () => {
  test("nothing is there before a language is loaded", () => {
    expect(hasTranslations("en")).toBe(false);
    expect(() => createPageI18n("en")).toThrow(/loadTranslations/);
  });

  test("a page's instance knows its own language only", async () => {
    await loadTranslations("en");
    expect(hasTranslations("en")).toBe(true);
    expect(hasTranslations("zh-CN")).toBe(false);
    const i18n = createPageI18n("en");
    expect(i18n.language).toBe("en");
    expect(i18n.t("login.title")).toBe(translations.en.login.title);
    expect(i18n.hasResourceBundle("zh-CN", "translation")).toBe(false);
  });

  test("while another language is on its way, the page keeps the one it has (titles too)", () => {
    const i18n = createPageI18n("zh-CN");
    expect(i18n.language).toBe("en");
    expect(titleFor(root("zh-CN"), (t) => t("login.title"))).toEqual([{ title: `${translations.en.login.title} · Tradeguard` }]);
  });

  test("once loaded, the other language is used", async () => {
    await loadTranslations("zh-CN");
    const i18n = createPageI18n("zh-CN");
    expect(i18n.language).toBe("zh-CN");
    expect(i18n.t("login.title")).toBe(translations["zh-CN"].login.title);
    expect(i18n.hasResourceBundle("en", "translation")).toBe(false);
  });

  test("the server provides both at once", () => {
    provideTranslations(translations);
    expect(createPageI18n("en").t("app.tagline")).toBe(translations.en.app.tagline);
  });
});


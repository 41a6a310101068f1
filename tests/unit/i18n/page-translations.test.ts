import { afterEach, describe, expect, test, vi } from "vitest";
import { titleFor } from "~/lib/i18n/meta";
import {
  createPageI18n,
  hasTranslations,
  loadTranslations,
  provideTranslations,
  translationsPending,
} from "~/lib/i18n/page-translations";
import { translations } from "~/lib/i18n/translations.server";

// A page's texts: the browser loads its page's language only, and only the namespaces its routes
// declare. This file's module state starts empty, as a browser's does before entry.client has run.

const root = (locale: string) => [{ id: "root", data: { locale } }];

afterEach(() => {
  vi.restoreAllMocks();
});

describe("page translations", () => {
  test("nothing is there before a language is loaded", () => {
    expect(hasTranslations("en")).toBe(false);
    expect(() => createPageI18n("en")).toThrow(/loadTranslations/);
  });

  test("a page's instance knows its own language only, and only the namespaces loaded", async () => {
    await loadTranslations("en", ["core", "auth"]);
    expect(hasTranslations("en", ["core", "auth"])).toBe(true);
    expect(hasTranslations("en", ["core", "seals"])).toBe(false);
    expect(hasTranslations("zh-CN")).toBe(false);
    const i18n = createPageI18n("en");
    expect(i18n.language).toBe("en");
    expect(i18n.t("login.title")).toBe(translations.en.login.title);
    expect(i18n.hasResourceBundle("zh-CN", "translation")).toBe(false);
    expect(i18n.exists("seals.receive.title")).toBe(false);
  });

  test("a page that needs another namespace waits for it, then the same instance has it", async () => {
    const i18n = createPageI18n("en");
    const pending = translationsPending("en", ["core", "seals"]);
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    expect(translationsPending("en", ["core", "seals"])).toBeNull();
    expect(i18n.t("seals.receive.title")).toBe(translations.en.seals.receive.title);
  });

  test("a key of a namespace the page did not declare is reported and fetched", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const i18n = createPageI18n("en");
    expect(i18n.t("visitors.title")).toBe("visitors.title");
    expect(error).toHaveBeenCalledWith(expect.stringContaining('"visitors" namespace'));
    await vi.waitFor(() => expect(hasTranslations("en", ["visitors"])).toBe(true));
    expect(i18n.t("visitors.title")).toBe(translations.en.visitors.title);
  });

  test("while another language is on its way, the page keeps the one it has (titles too)", () => {
    const i18n = createPageI18n("zh-CN");
    expect(i18n.language).toBe("en");
    expect(titleFor(root("zh-CN"), (t) => t("login.title"))).toEqual([{ title: `${translations.en.login.title} · Tradeguard` }]);
  });

  test("once loaded, the other language is used", async () => {
    await loadTranslations("zh-CN", ["core", "auth"]);
    const i18n = createPageI18n("zh-CN");
    expect(i18n.language).toBe("zh-CN");
    expect(i18n.t("login.title")).toBe(translations["zh-CN"].login.title);
    expect(i18n.hasResourceBundle("en", "translation")).toBe(false);
  });

  test("the server provides every namespace of both at once", () => {
    provideTranslations(translations);
    expect(createPageI18n("en").t("app.tagline")).toBe(translations.en.app.tagline);
    expect(createPageI18n("zh-CN").t("emails.invitation.subject" as never)).not.toBe("emails.invitation.subject");
    expect(hasTranslations("zh-CN", ["core", "seals", "partners", "emails"])).toBe(true);
  });
});

describe("a namespace that cannot be fetched", () => {
  test("a page waits for it once, then renders without it rather than waiting forever", async () => {
    // A fresh browser: nothing loaded yet (the tests above provided everything).
    vi.resetModules();
    const fresh = await import("~/lib/i18n/page-translations");
    const { namespaceModules } = await import("~/lib/i18n/namespace-modules");
    const original = namespaceModules.en.badges;
    namespaceModules.en.badges = () => Promise.reject(new Error("offline"));
    try {
      const first = fresh.translationsPending("en", ["badges"]);
      expect(first).toBeInstanceOf(Promise);
      await first;
      expect(fresh.translationsPending("en", ["badges"])).toBeNull();
      expect(fresh.hasTranslations("en", ["badges"])).toBe(false);
    } finally {
      namespaceModules.en.badges = original;
    }
    await fresh.loadTranslations("en", ["badges"]);
    expect(fresh.hasTranslations("en", ["badges"])).toBe(true);
  });
});

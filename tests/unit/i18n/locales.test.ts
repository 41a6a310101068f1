import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { outboxEmails } from "../../../db/schema";
import { permissions, roles } from "~/lib/auth/permissions";
import { isLocale, locales } from "~/lib/i18n/config";
import { createI18n } from "~/lib/i18n/translations.server";
import { localeCookie, localeFromAcceptLanguage, resolveLocale } from "~/lib/i18n/i18n.server";
import { en } from "~/lib/i18n/locales/en";
import { zhCN } from "~/lib/i18n/locales/zh-CN";
import { message, translateMessage } from "~/lib/i18n/messages";
import { checkCustomsCode } from "~/lib/organizations/customs-code";
import { aeoStatuses, enterpriseTypes, siteKinds } from "~/lib/organizations/organization-schema";
import { checkUscc } from "~/lib/organizations/uscc";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[full] = value;
    else Object.assign(out, flatten(value, full));
  }
  return out;
}

const flatEn = flatten(en as unknown as Tree);
const flatZh = flatten(zhCN as unknown as Tree);
const both = { en: flatEn, "zh-CN": flatZh };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !full.includes(`${path.sep}locales${path.sep}`) ? [full] : [];
  });
}

const sources = [...sourceFiles("app"), ...sourceFiles("emails")].map((file) => ({ file, text: readFileSync(file, "utf8") }));

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string).sort();
}

describe("translation files", () => {
  test("en and zh-CN have the same keys", () => {
    expect(Object.keys(flatZh).sort()).toEqual(Object.keys(flatEn).sort());
  });

  test.each(Object.entries(both))("%s has no empty strings", (_locale, flat) => {
    const empty = Object.entries(flat).filter(([, value]) => value.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  test("each string uses the same placeholders in both languages", () => {
    const differing = Object.keys(flatEn).filter(
      (key) => JSON.stringify(placeholders(flatEn[key] ?? "")) !== JSON.stringify(placeholders(flatZh[key] ?? "")),
    );
    expect(differing).toEqual([]);
  });

  test("zh-CN is really translated (no English sentence copied over)", () => {
    const untranslated = Object.keys(flatEn).filter(
      (key) => flatEn[key] === flatZh[key] && /[a-z]{3,} [a-z]{3,}/i.test(flatEn[key] ?? ""),
    );
    expect(untranslated).toEqual([]);
  });
});

describe("keys used by the code", () => {
  test("every literal errors.* key in app/ and emails/ exists in both languages", () => {
    const used = new Set<string>();
    for (const { text } of sources) for (const m of text.matchAll(/["'`](errors\.[A-Za-z0-9_.]+)["'`|]/g)) used.add(m[1] as string);
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((key) => typeof flatEn[key] !== "string" || typeof flatZh[key] !== "string");
    expect(missing).toEqual([]);
  });

  test("every rule the code checks has its errors.uscc.* / errors.customsCode.* message", () => {
    const usccRules = ["9135", "91350100M000100YO3", "B1350100M000100Y43", "94350100M000100Y43", "9135A100M000100Y43", "91350100M000100Y44"]
      .map((code) => checkUscc(code)?.rule);
    expect(new Set(usccRules)).toEqual(new Set(["length", "charset", "authority", "category", "division", "check"]));
    const customsRules = ["1", "5301-60ABC", "A301960ABC"].map((code) => checkCustomsCode(code)?.rule);
    expect(new Set(customsRules)).toEqual(new Set(["length", "charset", "district"]));
    for (const rule of usccRules) expect(flatEn[`errors.uscc.${rule}`] && flatZh[`errors.uscc.${rule}`]).toBeTruthy();
    for (const rule of customsRules) expect(flatEn[`errors.customsCode.${rule}`] && flatZh[`errors.customsCode.${rule}`]).toBeTruthy();
  });

  test("every literal t(\"…\") key in app/ and emails/ exists in both languages", () => {
    const missing: string[] = [];
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/\bt\(\s*["']([a-zA-Z][\w.-]*)["']/g)) {
        const key = m[1] as string;
        if (typeof flatEn[key] !== "string" || typeof flatZh[key] !== "string") missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  const entityTypes = [
    ...new Set(sources.flatMap(({ text }) => [...text.matchAll(/entityType: "([a-z_]+)"/g)].map((m) => m[1] as string))),
  ];
  const families: [family: string, values: readonly string[]][] = [
    ["roles", roles],
    ["roleDescriptions", roles],
    ["permissions", permissions],
    ["siteKind", siteKinds],
    ["enterpriseType", enterpriseTypes],
    ["aeoStatus", aeoStatuses],
    ["audit.actions", ["create", "update", "delete"]],
    ["audit.actionNames", ["create", "update", "delete"]],
    ["audit.entities", entityTypes],
    ["audit.chainProblem", ["hash_mismatch", "prev_hash_mismatch", "sequence_gap", "head_mismatch"]],
    ["outbox.status", outboxEmails.status.enumValues],
  ];
  test.each(families)("%s has a label for every value in both languages", (family, values) => {
    expect(values.length).toBeGreaterThan(0);
    const missing = values.filter((v) => !flatEn[`${family}.${v}`] || !flatZh[`${family}.${v}`]);
    expect(missing).toEqual([]);
  });
});

describe("translateMessage", () => {
  const t = createI18n("en").t;
  const zh = createI18n("zh-CN").t;

  test("interpolates the values carried with the key", () => {
    expect(translateMessage(t, message("errors.tooLong", { max: 60 }))).toBe("At most 60 characters.");
    expect(translateMessage(zh, message("errors.tooLong", { max: 60 }))).toContain("60");
  });

  test("anything that is not one of our errors.* keys becomes the generic message", () => {
    expect(translateMessage(t, "Invalid input: expected string")).toBe(t("errors.invalid"));
    expect(translateMessage(t, "app.name")).toBe(t("errors.invalid"));
  });

  test("broken values are ignored rather than thrown", () => {
    expect(translateMessage(t, "errors.required|{not json")).toBe("Required.");
  });

  test("every message the app's code raises is shown as its own text, never as the generic one", () => {
    // A section missing from messages.ts showed the cargo form's "explain the discrepancy" as "Invalid value".
    const root = path.resolve(__dirname, "../../../app");
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes("locales"));
    const keys = new Set<string>();
    for (const file of files)
      for (const found of readFileSync(path.join(root, file), "utf8").matchAll(/\bmessage\(\s*"([a-zA-Z0-9_.]+)"/g)) keys.add(found[1]!);
    expect(keys.has("cargo.errors.noteRequired")).toBe(true);
    const generic = [...keys].filter((key) => key !== "errors.invalid" && [t, zh].some((tr) => translateMessage(tr, key) === tr("errors.invalid")));
    expect(generic).toEqual([]);
  });
});

describe("language negotiation", () => {
  test.each([
    [null, "zh-CN"],
    ["", "zh-CN"],
    ["zh", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh-Hant-HK,zh;q=0.8", "zh-CN"],
    ["en-GB", "en"],
    ["en", "en"],
    ["fr", "zh-CN"],
    ["fr-FR,fr;q=0.9", "zh-CN"],
    ["fr-FR,fr;q=0.9,en;q=0.5", "en"],
    ["en-US,en;q=0.9,zh-CN;q=0.8", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["en;q=0.5,zh;q=0.9", "zh-CN"],
  ])("Accept-Language %j gives %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  test("?lng= wins, then the account's choice, then the cookie, then Accept-Language", async () => {
    const cookie = (await localeCookie.serialize("en")).split(";")[0] ?? "";
    const request = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost:3000${url}`, { headers });
    expect(await resolveLocale(request("/?lng=zh-CN", { Cookie: cookie, "Accept-Language": "en" }), "en")).toBe("zh-CN");
    expect(await resolveLocale(request("/?lng=xx", { Cookie: cookie }), "zh-CN")).toBe("zh-CN");
    expect(await resolveLocale(request("/", { Cookie: cookie, "Accept-Language": "zh" }))).toBe("en");
    expect(await resolveLocale(request("/", { "Accept-Language": "en-GB" }))).toBe("en");
    expect(await resolveLocale(request("/"))).toBe("zh-CN");
  });

  test("the supported locales", () => {
    expect(locales).toEqual(["zh-CN", "en"]);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("en-US")).toBe(false);
  });
});

describe("one name per status", () => {
  test("a corrective action's status reads the same on every page and in the PDFs", async () => {
    const { actionStatusLabels } = await import("~/lib/assessments/result-labels");
    for (const [status, label] of Object.entries(actionStatusLabels)) {
      expect(zhCN.actions.status[status as keyof typeof zhCN.actions.status], status).toBe(label.zh);
      expect(en.actions.status[status as keyof typeof en.actions.status], status).toBe(label.en);
    }
    // The assessment's improvement plan shows actions.status; it once had its own names (待处理 / 进行中).
    expect(Object.keys(en.assessments)).not.toContain("actionStatus");
  });
});

import { translations } from "../i18n/translations.server";
import type { CodeParts } from "./criterion-code";

// How a criterion's code reads, in both languages at once (pages show one, the PDF both).
// 2022 business-type items restart at 1, so they read 单项10 / B10 and are never taken for general
// item 10; the format lives in the locale files (criteria.businessCode).

export function displayCode(c: CodeParts): { zh: string; en: string } {
  if (c.part !== "business_type" || c.level === "class") return { zh: c.code, en: c.code };
  return {
    zh: translations["zh-CN"].criteria.businessCode.replace("{{code}}", c.code),
    en: translations.en.criteria.businessCode.replace("{{code}}", c.code),
  };
}

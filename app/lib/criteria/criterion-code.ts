import { en } from "../i18n/locales/en";
import { zhCN } from "../i18n/locales/zh-CN";

// How a criterion's code reads, in both languages at once (pages show one, the PDF both).
// 2022 business-type items restart at 1, so they read 单项10 / B10 and are never taken for general
// item 10; the format lives in the locale files (criteria.businessCode).

export interface CodeParts {
  code: string;
  part: string | null;
  level: string;
}

export function displayCode(c: CodeParts): { zh: string; en: string } {
  if (c.part !== "business_type" || c.level === "class") return { zh: c.code, en: c.code };
  return {
    zh: zhCN.criteria.businessCode.replace("{{code}}", c.code),
    en: en.criteria.businessCode.replace("{{code}}", c.code),
  };
}

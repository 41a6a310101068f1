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

const chineseNumeral = /^[一二三四五六七八九十百]+$/;

/**
 * The code and title as the form prints them: "一、内部控制标准", "（十）场所安全控制措施", "21.场所安全",
 * "A Title". English titles of classes and articles go without their Chinese numeral; items keep
 * their number ("21. Premises security").
 */
export function criterionHeading(code: string, title: string, language: "zh" | "en"): string {
  if (!code) return title;
  if (!title) return language === "zh" ? code : "";
  const chinese = chineseNumeral.test(code) || /^[(（][一二三四五六七八九十百]+[)）]$/.test(code);
  if (language === "en") return chinese ? title : /^\d+$/.test(code) ? `${code}. ${title}` : `${code} ${title}`;
  if (chineseNumeral.test(code)) return `${code}、${title}`;
  if (/^\d+$/.test(code)) return `${code}.${title}`;
  if (/[)）]$/.test(code)) return `${code}${title}`;
  return `${code} ${title}`;
}

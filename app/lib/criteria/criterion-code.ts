// How a criterion's code reads. Its two-language form is in criterion-code.server.ts (it needs both
// languages' texts, which pages never download whole).

export interface CodeParts {
  code: string;
  part: string | null;
  level: string;
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

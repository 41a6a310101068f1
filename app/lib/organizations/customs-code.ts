// 海关注册编码 (customs registration code): 10 characters. Positions 1-4 are the registering customs
// district (关区代码, digits), 5 the economic zone type, 6 the enterprise category, 7-10 a sequence.

export type CustomsCodeProblem =
  | { rule: "length"; length: number }
  | { rule: "charset"; position: number; character: string }
  | { rule: "district"; district: string };

export function checkCustomsCode(code: string): CustomsCodeProblem | null {
  if (code.length !== 10) return { rule: "length", length: code.length };
  for (let i = 0; i < 10; i++) {
    const character = code[i] ?? "";
    if (!/[0-9A-Z]/.test(character)) return { rule: "charset", position: i + 1, character };
  }
  const district = code.slice(0, 4);
  if (!/^\d{4}$/.test(district)) return { rule: "district", district };
  return null;
}

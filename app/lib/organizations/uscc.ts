// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character
// set (digits and capitals without I, O, S, V, Z). Position 1 registration authority, 2 entity
// category, 3-8 administrative division (GB/T 2260), 9-17 organisation code, 18 check character.

export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Registration authorities and the entity categories each may issue (GB 32100 Table 1). */
const CATEGORIES: Record<string, string> = {
  "1": "1239",
  "2": "19",
  "3": "12345",
  "4": "19",
  "5": "1239",
  "6": "129",
  "7": "129",
  "8": "19",
  "9": "123",
  A: "19",
  N: "12349",
  Y: "1",
};

export type UsccProblem =
  | { rule: "length"; length: number }
  | { rule: "charset"; position: number; character: string }
  | { rule: "authority"; character: string }
  | { rule: "category"; character: string }
  | { rule: "division"; division: string }
  | { rule: "check"; expected: string; actual: string };

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i] ?? "") * (WEIGHTS[i] ?? 0);
  const value = (31 - (sum % 31)) % 31;
  return USCC_CHARSET[value] ?? "";
}

/** Returns the first rule the code breaks, or null for a valid code. Expects upper case. */
export function checkUscc(code: string): UsccProblem | null {
  if (code.length !== 18) return { rule: "length", length: code.length };
  for (let i = 0; i < 18; i++) {
    const character = code[i] ?? "";
    if (!USCC_CHARSET.includes(character)) return { rule: "charset", position: i + 1, character };
  }
  const authority = code[0] ?? "";
  const categories = CATEGORIES[authority];
  if (!categories) return { rule: "authority", character: authority };
  const category = code[1] ?? "";
  if (!categories.includes(category)) return { rule: "category", character: category };
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division)) return { rule: "division", division };
  const expected = usccCheckCharacter(code.slice(0, 17));
  const actual = code[17] ?? "";
  if (expected !== actual) return { rule: "check", expected, actual };
  return null;
}

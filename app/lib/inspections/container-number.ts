// ISO 6346 container numbers: owner code (3 letters), equipment category (U, J or Z), a 6-digit
// serial and a check digit computed from the first ten characters. A wrong digit is almost always
// a misread or mistyped number, so the message names the digit the first ten characters require.

/** Letter values of ISO 6346: A=10 upwards, skipping the multiples of 11 (11, 22, 33). */
const LETTER_VALUES: Record<string, number> = (() => {
  const values: Record<string, number> = {};
  let value = 10;
  for (const letter of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
    if (value % 11 === 0) value += 1;
    values[letter] = value;
    value += 1;
  }
  return values;
})();

export const CONTAINER_CATEGORIES = ["U", "J", "Z"] as const;

export type ContainerNumberCheck =
  | { ok: true; value: string }
  | { ok: false; reason: "format" }
  | { ok: false; reason: "category"; character: string }
  | { ok: false; reason: "check"; expected: string; actual: string; prefix: string };

/** Upper case, without the spaces, hyphens and slashes people write between the parts. */
export function normalizeContainerNumber(input: string): string {
  return input.toUpperCase().replace(/[\s\-/.]/g, "");
}

/** The check digit the first ten characters (e.g. "CSQU305438") require, as a string "0"-"9". */
export function containerCheckDigit(firstTen: string): string {
  if (!/^[A-Z]{4}\d{6}$/.test(firstTen)) throw new Error(`containerCheckDigit: "${firstTen}" is not 4 letters and 6 digits`);
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const char = firstTen[i] ?? "";
    sum += (i < 4 ? (LETTER_VALUES[char] ?? 0) : Number(char)) * 2 ** i;
  }
  return String((sum % 11) % 10);
}

export function checkContainerNumber(input: string): ContainerNumberCheck {
  const value = normalizeContainerNumber(input);
  if (!/^[A-Z]{4}\d{7}$/.test(value)) return { ok: false, reason: "format" };
  const category = value[3] ?? "";
  if (!(CONTAINER_CATEGORIES as readonly string[]).includes(category)) return { ok: false, reason: "category", character: category };
  const prefix = value.slice(0, 10);
  const expected = containerCheckDigit(prefix);
  const actual = value[10] ?? "";
  if (expected !== actual) return { ok: false, reason: "check", expected, actual, prefix };
  return { ok: true, value };
}

// Drivers' photo ID at the gate: the document types guards see, the check of a Chinese resident
// identity card number (GB 11643: birth date and ISO 7064 MOD 11-2 check character), and the
// masked form that is all Tradeguard keeps of any ID number (personal data minimisation).

export const idDocumentTypes = [
  "cn_resident_id",
  "hk_macau_permit",
  "taiwan_permit",
  "passport",
  "foreign_permanent_residence",
  "driving_licence",
  "other",
] as const;
export type IdDocumentType = (typeof idDocumentTypes)[number];

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = "10X98765432";

export type ResidentIdCheck =
  | { ok: true; value: string }
  | { ok: false; reason: "length"; length: number }
  | { ok: false; reason: "format" }
  | { ok: false; reason: "birthDate"; birthDate: string }
  | { ok: false; reason: "check"; expected: string; actual: string };

export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? "";
}

/** An 18-character resident identity card number (居民身份证号码); born before `today` (YYYY-MM-DD). */
export function checkResidentId(input: string, today: string = new Date().toISOString().slice(0, 10)): ResidentIdCheck {
  const value = input.trim().toUpperCase().replace(/\s/g, "");
  if (value.length !== 18) return { ok: false, reason: "length", length: value.length };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: "format" };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const date = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birthDate || value.slice(6, 8) < "18" || birthDate > today) {
    return { ok: false, reason: "birthDate", birthDate };
  }
  const expected = residentIdCheckCharacter(value.slice(0, 17));
  const actual = value[17] ?? "";
  if (expected !== actual) return { ok: false, reason: "check", expected, actual };
  return { ok: true, value };
}

/**
 * What is kept of an ID number: the last four characters, and the first four (numbers of 15 or
 * more, like the resident ID's region code) or the first one (9 to 14), so a guard can tell two
 * drivers apart; at least half of a shorter number is hidden. Every hidden character becomes "*".
 * "11010519491231002X" -> "1101**********002X", "E12345678" -> "E****5678", "H1234" -> "***34".
 */
export function maskIdNumber(input: string): string {
  const value = input.trim().replace(/\s/g, "");
  if (!value) return "";
  const tail = value.length >= 9 ? 4 : Math.floor(value.length / 2);
  const head = value.length >= 15 ? 4 : value.length >= 9 ? 1 : 0;
  return value.slice(0, head) + "*".repeat(value.length - head - tail) + (tail ? value.slice(-tail) : "");
}

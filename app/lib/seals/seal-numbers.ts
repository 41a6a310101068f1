// Seal numbers as printed: letters, digits and hyphens. A range is received or issued as "from" and
// "to" numbers that share a prefix and a digit count (CN2026000101 to CN2026000150), leading zeros kept.

import { formatReference } from "../references";

export const MAX_RANGE = 1000;
const SEAL_NUMBER = /^[A-Z0-9][A-Z0-9-]{2,39}$/;

export function normalizeSealNumber(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, "");
}

export function isSealNumber(value: string): boolean {
  return SEAL_NUMBER.test(value);
}

export type RangeOutcome =
  { ok: true; numbers: string[] } | { ok: false; reason: "format" | "noDigits" | "prefix" | "order" | "tooMany"; field: "from" | "to" };

function split(value: string): { prefix: string; digits: string } | null {
  const match = /^(.*?)(\d{1,15})$/.exec(value);
  return match ? { prefix: match[1] ?? "", digits: match[2] ?? "" } : null;
}

/** Every number from `from` to `to`, both included. */
export function expandSealRange(fromInput: string, toInput: string, max = MAX_RANGE): RangeOutcome {
  const from = normalizeSealNumber(fromInput);
  const to = normalizeSealNumber(toInput || fromInput);
  if (!isSealNumber(from)) return { ok: false, reason: "format", field: "from" };
  if (!isSealNumber(to)) return { ok: false, reason: "format", field: "to" };
  const a = split(from);
  const b = split(to);
  if (!a) return { ok: false, reason: "noDigits", field: "from" };
  if (!b) return { ok: false, reason: "noDigits", field: "to" };
  if (a.prefix !== b.prefix || a.digits.length !== b.digits.length) return { ok: false, reason: "prefix", field: "to" };
  const start = Number(a.digits);
  const end = Number(b.digits);
  if (end < start) return { ok: false, reason: "order", field: "to" };
  if (end - start + 1 > max) return { ok: false, reason: "tooMany", field: "to" };
  const numbers: string[] = [];
  for (let n = start; n <= end; n += 1) numbers.push(`${a.prefix}${String(n).padStart(a.digits.length, "0")}`);
  return { ok: true, numbers };
}

/**
 * Numbers as counted in an audit: separated by spaces, commas, semicolons or new lines (as a scanner
 * or a pasted column gives them); "A001~A050" stands for the range. Duplicates count once.
 */
export function parseCountedNumbers(text: string, max = 10 * MAX_RANGE): { numbers: string[]; invalid: string[] } {
  const numbers = new Set<string>();
  const invalid: string[] = [];
  for (const token of text.split(/[\s,;，；、]+/).filter(Boolean)) {
    const [from, to, ...rest] = token.split(/[~～]/);
    if (to !== undefined && rest.length === 0) {
      const range = expandSealRange(from ?? "", to, max);
      if (range.ok) range.numbers.forEach((n) => numbers.add(n));
      else invalid.push(token);
      continue;
    }
    const number = normalizeSealNumber(token);
    if (isSealNumber(number)) numbers.add(number);
    else invalid.push(token);
  }
  return { numbers: [...numbers].slice(0, max), invalid };
}

export function sealEventReference(number: number): string {
  return formatReference("sealEvent", number);
}

export function sealAuditReference(number: number): string {
  return formatReference("sealAudit", number);
}

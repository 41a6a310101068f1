// What a search text asks for, read once for every kind of record (pure: the results page and the
// unit tests use it too). A text is read three ways at the same time:
//   - words: every word must occur in a name (partner, visitor, company, employee), in any case;
//   - an identifier: the text without spaces, upper case, as the first characters of a container
//     number, a seal number or a USCC ("msku 123" finds MSKU1234565);
//   - a piece of a shipping document's number (B/L, packing list, invoice), anywhere in it;
//   - a reference: a prefix and a running number (INS-000042, ca-3, DOS1, INC-7), one record.
// Chinese input methods type full-width letters and digits (ＭＳＫＵ１２３); NFKC folds them first.

import { normalizeContainerNumber } from "../inspections/container-number";
import { normalizeSealNumber } from "../seals/seal-numbers";
import { parseReference, type ReferenceKind } from "../references";

/** Characters (not bytes, not UTF-16 units): "苏州" is two and is enough. */
export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 100;
/** Words past this many are not searched (each one is a condition on every name). */
const MAX_WORDS = 6;
/** An identifier fragment shorter than this would match half the register. */
const MIN_IDENTIFIER_LENGTH = 3;

/** The references the search understands, by the kind of record they name. */
export const searchReferenceKinds = [
  "inspection",
  "correctiveAction",
  "dossier",
  "partner",
  "visitor",
  "employee",
  "incident",
  "cargoReconciliation",
  "customsContact",
  "internalAudit",
  "riskAssessment",
  "continuityPlan",
] as const satisfies readonly ReferenceKind[];
export type SearchReferenceKind = (typeof searchReferenceKinds)[number];

export interface SearchReference {
  kind: SearchReferenceKind;
  number: number;
}

export type SearchQuery =
  | { ok: false; problem: "empty" | "tooShort" | "tooLong"; text: string }
  | {
      ok: true;
      /** The text as searched: NFKC, trimmed, single spaces. */
      text: string;
      /** Words that must all occur in a name (lower-cased for comparison by the database's ILIKE). */
      words: string[];
      /** First characters of a container number (ISO 6346 letters and digits), or null. */
      containerPrefix: string | null;
      /** First characters of a seal number (letters, digits, hyphens), or null. */
      sealPrefix: string | null;
      /** First characters of a USCC (18 digits and capitals), or null. */
      usccPrefix: string | null;
      /**
       * A piece of a shipping document's number (B/L, packing list, invoice: letters, digits and
       * - / . _), matched anywhere in it since one field may list several numbers; or null.
       */
      documentFragment: string | null;
      /** The records the text names by reference (one at most per kind). */
      references: SearchReference[];
    };

const characters = (text: string) => Array.from(text).length;

export function parseSearchQuery(raw: string | null | undefined): SearchQuery {
  // Control characters (a NUL, which PostgreSQL refuses in text) are spaces here.
  // eslint-disable-next-line no-control-regex
  const text = (raw ?? "").normalize("NFKC").replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim();
  if (text === "") return { ok: false, problem: "empty", text };
  const length = characters(text);
  if (length < SEARCH_MIN_LENGTH) return { ok: false, problem: "tooShort", text };
  if (length > SEARCH_MAX_LENGTH) return { ok: false, problem: "tooLong", text };

  const words = [...new Set(text.split(" "))].slice(0, MAX_WORDS);
  const container = normalizeContainerNumber(text);
  const seal = normalizeSealNumber(text);
  const compact = text.toUpperCase().replace(/\s+/g, "");
  const references: SearchReference[] = [];
  // A reference needs its prefix: a bare "42" is a fragment of a container or seal number.
  if (/^[A-Za-z]+-?\d+$/.test(compact)) {
    for (const kind of searchReferenceKinds) {
      const number = parseReference(kind, compact);
      if (number !== null && number > 0) references.push({ kind, number });
    }
  }
  return {
    ok: true,
    text,
    words,
    containerPrefix: /^[A-Z0-9]+$/.test(container) && container.length >= MIN_IDENTIFIER_LENGTH && container.length <= 11 ? container : null,
    sealPrefix: /^[A-Z0-9][A-Z0-9-]*$/.test(seal) && seal.length >= MIN_IDENTIFIER_LENGTH && seal.length <= 40 ? seal : null,
    usccPrefix: /^[0-9A-Z]+$/.test(compact) && compact.length >= MIN_IDENTIFIER_LENGTH && compact.length <= 18 ? compact : null,
    // Digits somewhere: a document number, not a word (words are searched as words).
    documentFragment: /^[A-Z0-9][A-Z0-9\-/._]*$/.test(compact) && /\d/.test(compact) && compact.length >= MIN_IDENTIFIER_LENGTH && compact.length <= 60 ? compact : null,
    references,
  };
}

/** `text` as a LIKE pattern that matches it literally (% and _ and \ escaped). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A piece of a shown value, marked when it is what the search matched. */
export interface HighlightPart {
  text: string;
  match: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `value` cut where any of `words` occurs (any case); the occurrences are marked. */
export function highlightWords(value: string, words: readonly string[]): HighlightPart[] {
  const wanted = words.filter((word) => word !== "");
  if (wanted.length === 0 || value === "") return [{ text: value, match: false }];
  // Longest first, so "示例物流" wins over "示例" where both occur at the same place.
  const pattern = new RegExp(`(${[...wanted].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")})`, "giu");
  const parts: HighlightPart[] = [];
  let last = 0;
  for (const found of value.matchAll(pattern)) {
    const start = found.index ?? 0;
    if (start > last) parts.push({ text: value.slice(last, start), match: false });
    parts.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < value.length) parts.push({ text: value.slice(last), match: false });
  return parts.length > 0 ? parts : [{ text: value, match: false }];
}

/** `value` with its first `length` characters marked (an identifier matched by its beginning). */
export function highlightPrefix(value: string, length: number): HighlightPart[] {
  const head = value.slice(0, length);
  const tail = value.slice(length);
  return tail === "" ? [{ text: head, match: true }] : [{ text: head, match: true }, { text: tail, match: false }];
}

/** Whether every word occurs in one of `values` (any case): the database's ILIKE, in JavaScript. */
export function wordsMatch(values: readonly (string | null | undefined)[], words: readonly string[]): boolean {
  const lower = values.map((value) => (value ?? "").toLowerCase());
  return words.length > 0 && words.every((word) => lower.some((value) => value.includes(word.toLowerCase())));
}

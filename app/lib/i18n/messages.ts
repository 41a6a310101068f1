import type { ParseKeys, TFunction } from "i18next";

// Validation messages travel as i18n keys (zod message -> action data -> page), so the schema stays
// language-free and the page shows them in the reader's language. Values ride along as JSON.
const SEPARATOR = "|";
const MESSAGE_SECTIONS = ["errors.", "files.", "policies.", "assessments.", "actions.", "inspections.", "templates.", "schedules.", "partners.", "clauses.", "questionnaire.", "partnerRules.", "seals.", "visitors.", "badges.", "personnel.", "training.", "dossiers.", "shares.", "signing.", "notifications.", "internalAudits.", "riskAssessments.", "incidents.", "customsContacts.", "cargo.", "sites.", "continuity."];

/** A key of the texts: a typo or a renamed key fails the type check rather than showing a raw key. */
export type MessageKey = ParseKeys;

export function message(key: MessageKey, values?: Record<string, string | number>): string {
  return values ? `${key}${SEPARATOR}${JSON.stringify(values)}` : key;
}

export function translateMessage(t: TFunction, encoded: string): string {
  const at = encoded.indexOf(SEPARATOR);
  const key = at === -1 ? encoded : encoded.slice(0, at);
  let values: Record<string, unknown> = {};
  if (at !== -1) {
    try {
      values = JSON.parse(encoded.slice(at + 1)) as Record<string, unknown>;
    } catch {
      values = {};
    }
  }
  // Keys under errors.* (and the domain sections that keep their own messages) are ours; anything
  // else (a library default) is shown as a generic error.
  if (!MESSAGE_SECTIONS.some((section) => key.startsWith(section))) return t("errors.invalid");
  return String(t(key as never, values as never));
}

// What an action is called wherever it is listed: what it is about before what to do. An action
// raised by a failed inspection point reads "MSKU1234565 · INS-000012 · 1. 前壁：箱壁有新焊痕";
// one raised by an assessment or a partner's evaluation carries its reference (and the partner)
// before the title its author typed. Composed from the linked records, so older actions read the
// same way as new ones. Pure: shared by the queries and by the inspection submit.

/** How much of the finding (the inspector's note) a title repeats; the action's page has all of it. */
export const FINDING_CHARS = 40;

export interface TitleSource {
  type: "assessment" | "inspection" | "partner_evaluation" | "supervision_check" | "internal_audit" | "cargo_reconciliation" | "incident" | "continuity_test";
  reference: string;
  /** The container number or the truck's plate of an inspection. */
  target?: string | null;
  /** The partner an evaluation or a supervision check is about. */
  partner?: { zh: string; en: string } | null;
  /** The failed point of an inspection. */
  point?: { number: string; promptZh: string; promptEn: string } | null;
}

/** The first line of a note, cut to FINDING_CHARS characters. */
export function findingExcerpt(note: string): string {
  const line = note.trim().split(/\r?\n/)[0]?.trim() ?? "";
  const chars = [...line];
  return chars.length > FINDING_CHARS ? `${chars.slice(0, FINDING_CHARS).join("").trimEnd()}…` : line;
}

function join(parts: readonly (string | null | undefined)[]): string {
  return parts.filter((p): p is string => !!p).join(" · ");
}

/** An inspection point's action: target · reference · point, then the finding after a colon. */
export function inspectionActionTitles(
  source: { reference: string; target?: string | null; point: { number: string; promptZh: string; promptEn: string } },
  note: string,
): { zh: string; en: string } {
  const finding = findingExcerpt(note);
  const head = [source.target, source.reference];
  return {
    zh: join([...head, `${source.point.number}. ${source.point.promptZh}${finding ? `：${finding}` : ""}`]),
    en: join([...head, `${source.point.number}. ${source.point.promptEn}${finding ? `: ${finding}` : ""}`]),
  };
}

/** An action's title in both languages, with the context its source gives. */
export function actionTitles(action: { title: string; description: string }, source: TitleSource | null): { zh: string; en: string } {
  if (!source) return { zh: action.title, en: action.title };
  if (source.type === "inspection" && source.point) return inspectionActionTitles({ ...source, point: source.point }, action.description);
  // A reconciliation's discrepancy reads like an inspection's: the container, the reference, the finding.
  if (source.type === "inspection" || source.type === "cargo_reconciliation") return { zh: join([source.target, source.reference, action.title]), en: join([source.target, source.reference, action.title]) };
  const partner = source.partner;
  return {
    zh: join([partner?.zh, source.reference, action.title]),
    en: join([partner?.en || partner?.zh, source.reference, action.title]),
  };
}

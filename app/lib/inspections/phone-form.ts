import { answerField, noteField, photoField } from "./inspection-schema";
import { isFailure } from "./inspection-rules";
import type { TemplateItem } from "./template-definition";

// The phone inspection form's logic that is not UI (app/routes/_app.inspections.new): what a post
// to the draft door holds, which button sent the form, which fields to check again as the person
// types, and how far along the form is. Pure, so it is unit-tested without a browser.

/** The action's echoed values as the form's defaults: a field posted twice (photos) becomes one string. */
export function asStringValues(values: Record<string, string | string[]> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values ?? {})) out[key] = Array.isArray(value) ? value.join(" ") : value;
  return out;
}

/** A post to /inspections/drafts/<key>: the intent, the template version, and the filled-in values only. */
export function draftPostBody(intent: string, templateId: string, values: Record<string, unknown>): FormData {
  const payload = new FormData();
  payload.set("intent", intent);
  payload.set("templateId", templateId);
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string" && value) payload.set(key, value);
    else if (value === true) payload.set(key, "on");
  }
  return payload;
}

/** Photos per point that count for the form's check: a photo that failed to upload does not. */
export function acceptedPhotoCounts(photos: readonly { itemKey: string; state: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of photos) if (p.state !== "failed") counts[p.itemKey] = (counts[p.itemKey] ?? 0) + 1;
  return counts;
}

export type SubmitIntent = "save" | "discard" | "remove" | "submit";

/**
 * What the button that sent the form asks for. "Remove photo" buttons are submit buttons (so they
 * work without JavaScript) carrying the photo's id; any other button without a known value submits.
 */
export function submitIntentOf(submitter: { name: string; value: string } | null): { intent: SubmitIntent; removeId: string | null } {
  const removeId = submitter?.name === "removePhoto" ? submitter.value : null;
  const intent = submitter?.value === "save" ? "save" : submitter?.value === "discard" ? "discard" : removeId ? "remove" : "submit";
  return { intent, removeId };
}

/** The fields to check again when one changes: for a point's answer or note, also the note and photo rules that depend on it. */
export function fieldsToRecheck(name: string): string[] {
  const point = /^(answer|note)_(.+)$/.exec(name)?.[2];
  return point ? [answerField(point), noteField(point), photoField(point)] : [name];
}

/**
 * The points the form shows. Without JavaScript every point is there (the reefer-only ones say so);
 * with it, a reefer-only point shows once the reefer box is ticked.
 */
export function shownItems<T extends Pick<TemplateItem, "onlyWhen">>(items: readonly T[], hydrated: boolean, reefer: unknown): T[] {
  return items.filter((item) => !hydrated || item.onlyWhen !== "reefer" || reefer === true || reefer === "on");
}

/**
 * How far along the form is: points answered (a photo point by a photo) and points failed, given
 * the shown points' answers in the same order as the points.
 */
export function formProgress(
  shown: readonly TemplateItem[],
  answers: readonly unknown[],
  photos: readonly { itemKey: string }[],
): { answered: number; failed: number } {
  const answered = shown.filter((item, i) => (item.answer === "photo" ? photos.some((p) => p.itemKey === item.key) : Boolean(answers[i]))).length;
  const failed = shown.filter((item, i) => isFailure(item, answers[i] as string | undefined)).length;
  return { answered, failed };
}

/** How many fields a refused check names (several messages about one field count once). */
export function refusedFieldCount(issues: readonly { path: readonly PropertyKey[] }[]): number {
  return new Set(issues.map((i) => i.path.join("."))).size;
}

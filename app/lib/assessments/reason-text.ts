import type { TFunction } from "i18next";
import type { OutcomeReason } from "./scoring";

/** A scoring reason in the reader's language (the part name is itself translated). */
export function reasonText(t: TFunction, reason: OutcomeReason): string {
  const values: Record<string, string | number> = { ...reason.values };
  if (typeof values.part === "string") values.part = t(`assessments.part.${values.part}` as "assessments.part.general");
  return t(reason.key, values);
}

import type { AssessmentResultValue } from "~/lib/assessments/scoring";
import type { AssessmentPageView } from "~/lib/assessments/assessment-view.server";

// What the assessment page's parts share: the action's answer, a criterion's row, and how a result reads.

export type CriterionRow = AssessmentPageView["criteria"][number];
export type ActionResult = {
  intent?: unknown;
  criterion?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  /** Finalising refused: the items to improve that still have no corrective action. */
  unplanned?: string[];
};

export function labelIn(en: boolean, label: { zh: string; en: string }): string {
  return en ? label.en : label.zh;
}

export function toneOf(result: AssessmentResultValue | null | undefined): "good" | "bad" | "warn" | "neutral" | "brand" {
  if (result === "meets") return "good";
  if (result === "conforms") return "brand";
  if (result === "fails") return "bad";
  if (result === "partly_meets") return "warn";
  return "neutral";
}

// The risk matrix: likelihood and impact from 1 to 5, the score their product, and its level.
// Pure: the form shows the score as it is typed, the list and the export print the highest.

export const riskScale = [1, 2, 3, 4, 5] as const;
export type RiskLevel = "low" | "medium" | "high";

export const riskScore = (likelihood: number, impact: number) => likelihood * impact;

/** 15 and above is high, 8 to 14 medium, below 8 low. */
export function riskLevel(score: number): RiskLevel {
  return score >= 15 ? "high" : score >= 8 ? "medium" : "low";
}

/** Four eyes: an assessment is approved by someone other than its author (the rule every approved register shares). */
export { canApproveDraft as canApprove } from "../auth/four-eyes";

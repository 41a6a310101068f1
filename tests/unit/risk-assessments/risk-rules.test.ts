// The risk matrix and the four-eyes rule of the supply-chain risk assessment.
import { describe, expect, test } from "vitest";
import { canApprove, riskLevel, riskScore } from "~/lib/risk-assessments/risk-rules";

describe("risk rules", () => {
  test.each([
    [1, 1, 1, "low"],
    [2, 3, 6, "low"],
    [2, 4, 8, "medium"],
    [3, 4, 12, "medium"],
    [3, 5, 15, "high"],
    [5, 5, 25, "high"],
  ] as const)("likelihood %i x impact %i = %i, %s", (likelihood, impact, score, level) => {
    expect(riskScore(likelihood, impact)).toBe(score);
    expect(riskLevel(score)).toBe(level);
  });

  test("a draft is approved by someone other than its author, and only once", () => {
    expect(canApprove({ status: "draft", createdByUserId: "a" }, "b")).toBe(true);
    expect(canApprove({ status: "draft", createdByUserId: "a" }, "a")).toBe(false);
    expect(canApprove({ status: "approved", createdByUserId: "a" }, "b")).toBe(false);
  });
});

import { describe, expect, test } from "vitest";
import {
  accessItemStatuses,
  accessItemSteps,
  allowedSteps,
  codeSeries,
  decideStep,
  isEmployed,
  type AccessItemStatus,
  type AccessItemStep,
} from "~/lib/badges/access-item-rules";

// Every status × step pair: where it leads, or that it is refused.
const expected: Record<AccessItemStatus, Record<AccessItemStep, AccessItemStatus | null>> = {
  available: { issue: "issued", return: null, lost: "lost", found: null, revoke: "revoked", retire: "retired" },
  issued: { issue: null, return: "available", lost: "lost", found: null, revoke: "revoked", retire: null },
  lost: { issue: null, return: null, lost: null, found: "available", revoke: "revoked", retire: "retired" },
  revoked: { issue: null, return: null, lost: null, found: null, revoke: null, retire: "retired" },
  retired: { issue: null, return: null, lost: null, found: null, revoke: null, retire: null },
};

describe("which step is allowed from which status", () => {
  for (const from of accessItemStatuses) {
    for (const step of accessItemSteps) {
      const to = expected[from][step];
      test(`${step} from ${from}: ${to ?? "refused"}`, () => {
        expect(decideStep(from, step)).toEqual(to ? { ok: true, to } : { ok: false, reason: "notAllowed", from, step });
      });
    }
  }
  test("a lost item cannot be issued until it is found", () => {
    expect(allowedSteps("lost")).not.toContain("issue");
    expect(decideStep(decideStep("lost", "found").ok ? "available" : "lost", "issue").ok).toBe(true);
  });
  test("allowed steps are what the item page offers", () => {
    expect(allowedSteps("issued")).toEqual(["return", "lost", "revoke"]);
    expect(allowedSteps("retired")).toEqual([]);
  });
});

describe("issue only to someone still employed", () => {
  test.each([
    [null, true],
    ["2026-12-03", true],
    ["2026-12-02", false],
    ["2026-01-01", false],
  ] as const)("leave date %s on 2026-12-02: %s", (leaveDate, ok) => {
    expect(isEmployed(leaveDate, "2026-12-02")).toBe(ok);
  });
});

describe("numbered series", () => {
  test("keeps the width of the digits", () => {
    expect(codeSeries("V-001", "V-003")).toEqual(["V-001", "V-002", "V-003"]);
    expect(codeSeries("K8", "K10")).toEqual(["K8", "K9", "K10"]);
  });
  test("refuses different prefixes, a reversed range and one over 200", () => {
    expect(codeSeries("V-001", "K-003")).toBeNull();
    expect(codeSeries("V-010", "V-001")).toBeNull();
    expect(codeSeries("V-001", "V-201")).toBeNull();
    expect(codeSeries("V-A", "V-B")).toBeNull();
  });
});

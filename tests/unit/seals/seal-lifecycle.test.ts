import { describe, expect, test } from "vitest";
import { isUnused, possibleSteps, sealStatuses, sealStep, sealSteps, type SealStatus, type SealStep } from "~/lib/seals/seal-lifecycle";

// Every (state, step) pair: the allowed ones and where they lead, and the reason for each refusal.
const allowed: Record<string, SealStatus> = {
  "in_stock/issue": "issued",
  "in_stock/apply": "applied",
  "in_stock/void": "voided",
  "issued/return": "in_stock",
  "issued/apply": "applied",
  "issued/void": "voided",
  "applied/verify_departure": "applied",
  "applied/verify_arrival": "arrived",
  "applied/verify_failed": "compromised",
  "applied/report": "compromised",
};

const refused: Record<string, string> = {
  "in_stock/return": "notIssued",
  "in_stock/verify_departure": "notApplied",
  "in_stock/verify_arrival": "notApplied",
  "in_stock/verify_failed": "notApplied",
  "in_stock/report": "notApplied",
  "issued/issue": "alreadyIssued",
  "issued/verify_departure": "notApplied",
  "issued/verify_arrival": "notApplied",
  "issued/verify_failed": "notApplied",
  "issued/report": "notApplied",
  "applied/issue": "alreadyApplied",
  "applied/return": "alreadyApplied",
  "applied/apply": "alreadyApplied",
  "applied/void": "appliedNoVoid",
};
for (const step of sealSteps) {
  refused[`arrived/${step}`] = "arrived";
  refused[`compromised/${step}`] = "compromised";
  refused[`voided/${step}`] = "voided";
}

const pairs = sealStatuses.flatMap((status) => sealSteps.map((step) => [status, step] as [SealStatus, SealStep]));

describe("seal lifecycle", () => {
  test("the tables above cover every pair exactly once", () => {
    expect(pairs.length).toBe(sealStatuses.length * sealSteps.length);
    for (const [status, step] of pairs) {
      const key = `${status}/${step}`;
      expect(Number(key in allowed) + Number(key in refused), key).toBe(1);
    }
  });

  test.each(pairs)("%s + %s", (status, step) => {
    const key = `${status}/${step}`;
    const outcome = sealStep(status, step);
    if (key in allowed) expect(outcome).toEqual({ ok: true, next: allowed[key] });
    else expect(outcome).toEqual({ ok: false, reason: refused[key] });
  });

  test("a voided seal cannot be applied, and a seal cannot be applied twice", () => {
    expect(sealStep("voided", "apply")).toEqual({ ok: false, reason: "voided" });
    const once = sealStep("in_stock", "apply");
    expect(once.ok && sealStep(once.next, "apply")).toEqual({ ok: false, reason: "alreadyApplied" });
  });

  test("the steps a page offers are exactly the allowed ones", () => {
    expect(possibleSteps("in_stock")).toEqual(["issue", "apply", "void"]);
    expect(possibleSteps("issued")).toEqual(["return", "apply", "void"]);
    expect(possibleSteps("applied")).toEqual(["verify_departure", "verify_arrival", "verify_failed", "report"]);
    for (const status of ["arrived", "compromised", "voided"] as const) expect(possibleSteps(status)).toEqual([]);
  });

  test("only seals in stock or in custody are still inventory", () => {
    expect(sealStatuses.filter(isUnused)).toEqual(["in_stock", "issued"]);
  });
});

import { describe, expect, test } from "vitest";
import { roles, type Role } from "~/lib/auth/permissions";
import {
  answerChoices,
  canOverrideRelease,
  canRelease,
  canSignOff,
  inspectionReference,
  inspectionResult,
  isFailure,
  parseReading,
  releaseState,
  type ReleaseFacts,
  type ReleaseState,
} from "~/lib/inspections/inspection-rules";
import type { TemplateItem } from "~/lib/inspections/template-definition";

// Spelled out rather than read from permissions.ts, so a change there shows up here.
const recorders: Role[] = ["owner", "admin", "compliance", "security_lead", "security"];
const supervisors: Role[] = ["owner", "admin", "security_lead"];

function item(overrides: Partial<TemplateItem>): TemplateItem {
  return {
    key: "point",
    number: "1",
    promptZh: "检查点",
    promptEn: "Point",
    answer: "pass_fail_na",
    required: true,
    failRequiresPhoto: false,
    failRequiresNote: false,
    criteria: [],
    ...overrides,
  };
}

describe("answerChoices", () => {
  test.each([
    ["pass_fail_na", ["pass", "fail", "na"]],
    ["yes_no", ["yes", "no"]],
    ["number", []],
    ["text", []],
    ["photo", []],
  ] as const)("%s → %j", (answer, choices) => {
    expect([...answerChoices({ answer })]).toEqual(choices);
  });
});

describe("parseReading", () => {
  test.each([
    ["12", 12],
    ["12.5", 12.5],
    ["12,5", 12.5],
    [" 7 ", 7],
    ["0", 0],
    ["-3", -3],
    ["-0,25", -0.25],
    ["007", 7],
  ])("%j → %s", (input, reading) => {
    expect(parseReading(input)).toBe(reading);
  });

  test.each(["", " ", "abc", "12a", "1.2.3", "1,000.5", "1,000", "12,", ".5", "+5", "1e3", "Infinity", "NaN", "0x10", "1 2", "１２"])(
    "%j is not a reading",
    (input) => {
      expect(parseReading(input)).toBeNull();
    },
  );
});

describe("isFailure", () => {
  test.each([
    ["pass", false],
    ["fail", true],
    ["na", false],
    ["", false],
    [null, false],
    [undefined, false],
  ])("pass_fail_na %j → %s", (value, failed) => {
    expect(isFailure(item({ answer: "pass_fail_na" }), value)).toBe(failed);
  });

  test.each([
    [undefined, "yes", false],
    [undefined, "no", true],
    ["no", "yes", false],
    ["no", "no", true],
    ["yes", "yes", true],
    ["yes", "no", false],
    ["yes", "na", false],
    ["yes", "", false],
    ["yes", null, false],
  ] as const)("yes_no failing on %s: %j → %s", (failOn, value, failed) => {
    expect(isFailure(item({ answer: "yes_no", failOn }), value)).toBe(failed);
  });

  describe("number", () => {
    const between = item({ answer: "number", failBelow: 10, failAbove: 20 });
    test.each([
      ["9.99", true],
      ["9,99", true],
      ["10", false], // the limits themselves are not failures
      ["15", false],
      ["20", false],
      ["20.01", true],
      ["-5", true],
      ["", false],
      ["garbage", false],
    ])("between 10 and 20: %j → %s", (value, failed) => {
      expect(isFailure(between, value)).toBe(failed);
    });

    test("above only", () => {
      const lampsOut = item({ answer: "number", failAbove: 0 });
      expect(isFailure(lampsOut, "0")).toBe(false);
      expect(isFailure(lampsOut, "1")).toBe(true);
      expect(isFailure(lampsOut, "0,5")).toBe(true);
      expect(isFailure(lampsOut, "-1")).toBe(false);
    });

    test("below only", () => {
      const lux = item({ answer: "number", failBelow: 50 });
      expect(isFailure(lux, "49")).toBe(true);
      expect(isFailure(lux, "50")).toBe(false);
      expect(isFailure(lux, "100000")).toBe(false);
    });

    test("without limits a reading never fails", () => {
      expect(isFailure(item({ answer: "number" }), "-1000")).toBe(false);
      expect(isFailure(item({ answer: "number" }), "1000")).toBe(false);
    });
  });

  test.each(["fail", "no", "yes", "anything"])("text and photo answers never fail: %j", (value) => {
    expect(isFailure(item({ answer: "text" }), value)).toBe(false);
    expect(isFailure(item({ answer: "photo" }), value)).toBe(false);
  });
});

describe("inspectionResult", () => {
  test.each([
    [0, "pass"],
    [1, "fail"],
    [8, "fail"],
  ] as const)("%s failed points → %s", (failed, result) => {
    expect(inspectionResult(failed)).toBe(result);
  });
});

describe("releaseState", () => {
  const facts = (overrides: Partial<ReleaseFacts>): ReleaseFacts => ({
    releaseGate: true,
    supervisorSignoff: "none",
    signedOff: false,
    failedPoints: 0,
    openActions: 0,
    released: false,
    overridden: false,
    ...overrides,
  });

  test.each<[string, Partial<ReleaseFacts>, ReleaseState]>([
    ["not gated, even when failed with open actions", { releaseGate: false, failedPoints: 2, openActions: 2 }, { state: "not_gated" }],
    ["not gated, even when sign-off is required", { releaseGate: false, supervisorSignoff: "required" }, { state: "not_gated" }],
    ["released", { released: true }, { state: "released", overridden: false }],
    ["released by override", { released: true, overridden: true, failedPoints: 1, openActions: 1 }, { state: "released", overridden: true }],
    ["released before a required sign-off", { released: true, supervisorSignoff: "required" }, { state: "released", overridden: false }],
    ["required sign-off missing", { supervisorSignoff: "required" }, { state: "awaiting_signoff" }],
    ["required sign-off missing, with open actions", { supervisorSignoff: "required", failedPoints: 1, openActions: 3 }, { state: "awaiting_signoff" }],
    ["required sign-off given", { supervisorSignoff: "required", signedOff: true }, { state: "ready" }],
    ["optional sign-off not given", { supervisorSignoff: "optional" }, { state: "ready" }],
    ["no sign-off", { supervisorSignoff: "none" }, { state: "ready" }],
    ["failed with open actions", { failedPoints: 2, openActions: 1 }, { state: "blocked", openActions: 1 }],
    ["signed off, failed with open actions", { supervisorSignoff: "required", signedOff: true, failedPoints: 1, openActions: 2 }, { state: "blocked", openActions: 2 }],
    ["optional sign-off, failed with open actions", { supervisorSignoff: "optional", failedPoints: 1, openActions: 1 }, { state: "blocked", openActions: 1 }],
    ["failed, every action closed", { failedPoints: 2, openActions: 0 }, { state: "ready" }],
    ["passed, with an open action from elsewhere", { failedPoints: 0, openActions: 1 }, { state: "ready" }],
  ])("%s", (_, overrides, state) => {
    expect(releaseState(facts(overrides))).toEqual(state);
  });
});

const allStates: ReleaseState[] = [
  { state: "not_gated" },
  { state: "released", overridden: false },
  { state: "released", overridden: true },
  { state: "awaiting_signoff" },
  { state: "blocked", openActions: 1 },
  { state: "ready" },
];

describe("canRelease", () => {
  test.each(roles)("%s", (role) => {
    for (const state of allStates) {
      expect(canRelease(role, state), `${role} in ${state.state}`).toBe(state.state === "ready" && recorders.includes(role));
    }
  });

  test("the guard can release; procurement and the auditor cannot", () => {
    expect(canRelease("security", { state: "ready" })).toBe(true);
    expect(canRelease("procurement", { state: "ready" })).toBe(false);
    expect(canRelease("auditor", { state: "ready" })).toBe(false);
  });
});

describe("canOverrideRelease", () => {
  const blocked: ReleaseState = { state: "blocked", openActions: 2 };

  test.each(roles)("%s, someone else's inspection", (role) => {
    for (const state of allStates) {
      expect(canOverrideRelease(role, "lead", "guard", state), `${role} in ${state.state}`).toBe(
        state.state === "blocked" && supervisors.includes(role),
      );
    }
  });

  test.each(supervisors)("%s can never override their own inspection", (role) => {
    expect(canOverrideRelease(role, "same-user", "same-user", blocked)).toBe(false);
    expect(canOverrideRelease(role, "other-user", "same-user", blocked)).toBe(true);
  });

  test("the guard and compliance cannot override", () => {
    expect(canOverrideRelease("security", "guard-2", "guard-1", blocked)).toBe(false);
    expect(canOverrideRelease("compliance", "compliance-1", "guard-1", blocked)).toBe(false);
  });

  test("awaiting sign-off is not overridden (the supervisor signs instead)", () => {
    expect(canOverrideRelease("owner", "owner-1", "guard-1", { state: "awaiting_signoff" })).toBe(false);
  });
});

describe("canSignOff", () => {
  const inspection = (overrides: Partial<Parameters<typeof canSignOff>[2]> = {}) => ({
    inspectorUserId: "guard",
    signedOff: false,
    supervisorSignoff: "required" as const,
    ...overrides,
  });

  test.each(roles)("%s", (role) => {
    expect(canSignOff(role, "lead", inspection())).toBe(supervisors.includes(role));
  });

  test.each(["optional", "required"] as const)("allowed where the template's sign-off is %s", (mode) => {
    expect(canSignOff("security_lead", "lead", inspection({ supervisorSignoff: mode }))).toBe(true);
  });

  test("not where the template has no sign-off", () => {
    expect(canSignOff("owner", "owner-1", inspection({ supervisorSignoff: "none" }))).toBe(false);
  });

  test("only once", () => {
    expect(canSignOff("security_lead", "lead", inspection({ signedOff: true }))).toBe(false);
  });

  test.each(supervisors)("%s never signs off their own inspection", (role) => {
    expect(canSignOff(role, "guard", inspection())).toBe(false);
  });
});

describe("inspectionReference", () => {
  test.each([
    [1, "INS-000001"],
    [42, "INS-000042"],
    [999999, "INS-999999"],
    [1234567, "INS-1234567"],
  ])("%s → %s", (number, reference) => {
    expect(inspectionReference(number)).toBe(reference);
  });
});

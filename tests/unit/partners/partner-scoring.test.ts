// Partner evaluation scoring without a database: the weighted score and its tier, the reasons shown
// with it, when the next evaluation is due, who may decide (four eyes), the partner rules' checks,
// and the partner forms' schemas (registration, conditions, decisions).
import { describe, expect, test } from "vitest";
import type { z } from "zod";
import { roles, type Role } from "~/lib/auth/permissions";
import { usccCheckCharacter } from "~/lib/organizations/uscc";
import {
  ContractSchema,
  DecisionSchema,
  PartnerPolicySchema,
  PartnerSchema,
  QuestionnaireLinkSchema,
  SupervisionSchema,
} from "~/lib/partners/partner-schema";
import {
  canDecideEvaluation,
  DEFAULT_TIER_POLICY,
  nextEvaluationOn,
  policyProblem,
  supervisionPolicyProblem,
  reevaluationMonths,
  scoreEvaluation,
  type ScoringQuestion,
  type TierPolicy,
} from "~/lib/partners/partner-scoring";

/** A question whose options score as given ("na" is not scored, "fatal" is critical and scores 0). */
function question(key: string, weight: number, scores: Record<string, number | null> = { yes: 100, partly: 50, no: 0 }): ScoringQuestion {
  return {
    key,
    weight,
    options: [...Object.entries(scores).map(([option, score]) => ({ key: option, score })), { key: "fatal", score: 0, critical: true }],
  };
}

const answer = (option: string) => ({ option });
const answersOf = (choices: Record<string, string>) => Object.fromEntries(Object.entries(choices).map(([k, v]) => [k, answer(v)]));

/** One question of weight 1 with a single option scoring `score`: the evaluation scores exactly that. */
function scoreOf(score: number, policy?: Pick<TierPolicy, "lowTierMinScore" | "mediumTierMinScore">) {
  return scoreEvaluation([question("q", 1, { x: score })], { q: answer("x") }, policy);
}

describe("the weighted score", () => {
  test("is Σ(weight × option score) / Σ(weight × 100) over the answered questions", () => {
    const questions = [question("a", 3), question("b", 1)];
    // (3 × 100 + 1 × 0) / 400 = 75 %
    expect(scoreEvaluation(questions, answersOf({ a: "yes", b: "no" })).score).toBe(75);
    // (3 × 50 + 1 × 100) / 400 = 62.5 %
    expect(scoreEvaluation(questions, answersOf({ a: "partly", b: "yes" })).score).toBe(62.5);
    // The weight decides: the same answers the other way round score differently.
    expect(scoreEvaluation(questions, answersOf({ a: "no", b: "yes" })).score).toBe(25);
  });

  test("is rounded to one decimal", () => {
    const questions = [question("a", 1), question("b", 1), question("c", 1)];
    expect(scoreEvaluation(questions, answersOf({ a: "yes", b: "yes", c: "no" })).score).toBe(66.7);
    expect(scoreEvaluation(questions, answersOf({ a: "yes", b: "no", c: "no" })).score).toBe(33.3);
  });

  test("a not-scored (not applicable) answer leaves its question out of the score, but counts as answered", () => {
    const questions = [question("a", 5, { yes: 100, no: 0, na: null }), question("b", 1)];
    const result = scoreEvaluation(questions, answersOf({ a: "na", b: "yes" }));
    // Without the exclusion the score would be 100 / 600 = 16.7.
    expect(result.score).toBe(100);
    expect(result.tier).toBe("low");
    expect(result.answered).toBe(2);
    expect(result.unanswered).toEqual([]);
  });

  test("only not-scored answers give no score and no tier yet", () => {
    const questions = [question("a", 5, { yes: 100, na: null }), question("b", 2, { yes: 100, na: null })];
    expect(scoreEvaluation(questions, answersOf({ a: "na", b: "na" }))).toEqual({
      score: null,
      tier: null,
      reasons: [],
      answered: 2,
      unanswered: [],
    });
  });

  test("unanswered questions are listed in questionnaire order and do not count against the score", () => {
    const questions = [question("first", 1), question("second", 4), question("third", 2)];
    const none = scoreEvaluation(questions, {});
    expect(none).toEqual({ score: null, tier: null, reasons: [], answered: 0, unanswered: ["first", "second", "third"] });

    const some = scoreEvaluation(questions, answersOf({ second: "yes" }));
    expect(some.score).toBe(100);
    expect(some.answered).toBe(1);
    expect(some.unanswered).toEqual(["first", "third"]);
  });

  test("an answer naming an option the question does not have is unanswered", () => {
    const questions = [question("a", 1), question("b", 1)];
    const result = scoreEvaluation(questions, { a: answer("yes"), b: answer("maybe") });
    expect(result.unanswered).toEqual(["b"]);
    expect(result.answered).toBe(1);
    expect(result.score).toBe(100);
  });

  test("an answer to a question the questionnaire does not have is ignored", () => {
    const result = scoreEvaluation([question("a", 1)], answersOf({ a: "no", stray: "yes" }));
    expect(result.score).toBe(0);
    expect(result.answered).toBe(1);
  });
});

describe("the risk tier at the default thresholds (low from 80, medium from 60)", () => {
  test.each([
    [100, "low"],
    [80, "low"],
    [79, "medium"],
    [60, "medium"],
    [59, "high"],
    [0, "high"],
  ] as const)("score %d is %s risk", (score, tier) => {
    expect(scoreOf(score).tier).toBe(tier);
  });

  test("the tier follows the score as shown, rounded to one decimal", () => {
    // 79.94 shows as 79.9: medium; 79.95 shows as 80.0: low.
    expect(scoreOf(79.94)).toMatchObject({ score: 79.9, tier: "medium" });
    expect(scoreOf(79.95)).toMatchObject({ score: 80, tier: "low" });
    expect(scoreOf(59.94)).toMatchObject({ score: 59.9, tier: "high" });
    expect(scoreOf(59.95)).toMatchObject({ score: 60, tier: "medium" });
  });

  test("the reason names the score and the threshold it reached or missed", () => {
    expect(scoreOf(85).reasons).toEqual([{ kind: "threshold", score: 85, min: 80, tier: "low" }]);
    expect(scoreOf(70).reasons).toEqual([{ kind: "threshold", score: 70, min: 60, tier: "medium" }]);
    // High risk: the threshold it did not reach is the medium one.
    expect(scoreOf(55).reasons).toEqual([{ kind: "threshold", score: 55, min: 60, tier: "high" }]);
  });

  test("an organisation's own thresholds move the boundaries", () => {
    const strict = { lowTierMinScore: 90, mediumTierMinScore: 70 };
    expect(scoreOf(90, strict).tier).toBe("low");
    expect(scoreOf(89, strict)).toMatchObject({ tier: "medium", reasons: [{ kind: "threshold", score: 89, min: 70, tier: "medium" }] });
    expect(scoreOf(70, strict).tier).toBe("medium");
    expect(scoreOf(69, strict)).toMatchObject({ tier: "high", reasons: [{ kind: "threshold", score: 69, min: 70, tier: "high" }] });
    // The same 85 is low risk by default.
    expect(scoreOf(85).tier).toBe("low");
    expect(scoreOf(85, strict).tier).toBe("medium");
  });
});

describe("weak and critical answers", () => {
  test("an answer scoring below 50 is named as a weak reason after the threshold; 50 is not weak", () => {
    const questions = [question("a", 10), question("b", 1), question("c", 1, { yes: 100, low: 40 })];
    const result = scoreEvaluation(questions, answersOf({ a: "yes", b: "partly", c: "low" }));
    expect(result.tier).toBe("low");
    expect(result.reasons).toEqual([
      { kind: "threshold", score: result.score, min: 80, tier: "low" },
      { kind: "weak", questionKey: "c", score: 40 },
    ]);
  });

  test("a critical answer makes the partner high risk whatever the score, with the question as the reason", () => {
    // Nineteen perfect answers and one critical answer of weight 1: 95 %, which alone would be low risk.
    const questions = [...Array.from({ length: 19 }, (_, i) => question(`q${i}`, 1)), question("smuggling", 1)];
    const choices: Record<string, string> = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`q${i}`, "yes"]));
    const clean = scoreEvaluation(questions, answersOf({ ...choices, smuggling: "no" }));
    expect(clean).toMatchObject({ score: 95, tier: "low" });

    const result = scoreEvaluation(questions, answersOf({ ...choices, smuggling: "fatal" }));
    expect(result.score).toBe(95);
    expect(result.tier).toBe("high");
    // The critical question is the reason, not a threshold (which would say "low"), and not also "weak".
    expect(result.reasons).toEqual([{ kind: "critical", questionKey: "smuggling" }]);
  });

  test("each critical answer is named, in questionnaire order", () => {
    const questions = [question("a", 1), question("b", 1), question("c", 1)];
    const result = scoreEvaluation(questions, answersOf({ a: "fatal", b: "yes", c: "fatal" }));
    expect(result.tier).toBe("high");
    expect(result.reasons).toEqual([
      { kind: "critical", questionKey: "a" },
      { kind: "critical", questionKey: "c" },
    ]);
  });

  test("a critical answer while other questions are still open already makes it high risk", () => {
    const questions = [question("a", 1), question("b", 5)];
    const result = scoreEvaluation(questions, answersOf({ a: "fatal" }));
    expect(result).toMatchObject({ tier: "high", unanswered: ["b"], reasons: [{ kind: "critical", questionKey: "a" }] });
  });
});

describe("the next evaluation date", () => {
  test("is the decision date plus the tier's months (defaults: high 6, medium 12, low 24)", () => {
    expect(nextEvaluationOn("2026-03-10", "high", DEFAULT_TIER_POLICY)).toBe("2026-09-10");
    expect(nextEvaluationOn("2026-03-10", "medium", DEFAULT_TIER_POLICY)).toBe("2027-03-10");
    expect(nextEvaluationOn("2026-03-10", "low", DEFAULT_TIER_POLICY)).toBe("2028-03-10");
  });

  test("follows the organisation's own intervals", () => {
    const policy: TierPolicy = { ...DEFAULT_TIER_POLICY, highTierMonths: 3, mediumTierMonths: 9, lowTierMonths: 18 };
    expect(reevaluationMonths("high", policy)).toBe(3);
    expect(reevaluationMonths("medium", policy)).toBe(9);
    expect(reevaluationMonths("low", policy)).toBe(18);
    expect(nextEvaluationOn("2026-11-15", "high", policy)).toBe("2027-02-15");
    expect(nextEvaluationOn("2026-11-15", "low", policy)).toBe("2028-05-15");
  });

  test("a decision on a month's last day is due on the last day of the shorter target month", () => {
    expect(nextEvaluationOn("2026-08-31", "high", DEFAULT_TIER_POLICY)).toBe("2027-02-28");
    expect(nextEvaluationOn("2027-08-31", "high", DEFAULT_TIER_POLICY)).toBe("2028-02-29");
    expect(nextEvaluationOn("2026-03-31", "high", DEFAULT_TIER_POLICY)).toBe("2026-09-30");
    expect(nextEvaluationOn("2028-02-29", "medium", DEFAULT_TIER_POLICY)).toBe("2029-02-28");
    expect(nextEvaluationOn("2026-12-31", "low", DEFAULT_TIER_POLICY)).toBe("2028-12-31");
    expect(nextEvaluationOn("2026-01-31", "high", { ...DEFAULT_TIER_POLICY, highTierMonths: 1 })).toBe("2026-02-28");
  });

  test("an exempt AEO partner is due again when its certificate expires, at the latest", () => {
    // Low tier: 24 months after 2026-01-10 is 2028-01-10.
    expect(nextEvaluationOn("2026-01-10", "low", DEFAULT_TIER_POLICY, "2027-06-30")).toBe("2027-06-30");
    expect(nextEvaluationOn("2026-01-10", "low", DEFAULT_TIER_POLICY, "2028-01-09")).toBe("2028-01-09");
    expect(nextEvaluationOn("2026-01-10", "low", DEFAULT_TIER_POLICY, "2028-01-10")).toBe("2028-01-10");
    // A certificate valid beyond the interval does not postpone the evaluation.
    expect(nextEvaluationOn("2026-01-10", "low", DEFAULT_TIER_POLICY, "2029-12-31")).toBe("2028-01-10");
    expect(nextEvaluationOn("2026-01-10", "low", DEFAULT_TIER_POLICY, null)).toBe("2028-01-10");
  });
});

describe("who may decide an evaluation (four eyes)", () => {
  const preparer = "11111111-1111-4111-8111-111111111111";
  const other = "22222222-2222-4222-8222-222222222222";
  const prepared = { preparedByUserId: preparer, status: "prepared" };

  test("the person who prepared it cannot, whatever their role", () => {
    for (const role of ["owner", "admin", "compliance"] as const) {
      expect(canDecideEvaluation(role, preparer, prepared), role).toBe(false);
      expect(canDecideEvaluation(role, other, prepared), role).toBe(true);
    }
  });

  test("nor can anyone who saved its answers, though someone else prepared it", () => {
    const answered = { ...prepared, answeredByUserIds: [other] };
    expect(canDecideEvaluation("compliance", other, answered)).toBe(false);
    expect(canDecideEvaluation("compliance", "33333333-3333-4333-8333-333333333333", answered)).toBe(true);
  });

  test("only owner, admin and compliance may decide", () => {
    const deciders = roles.filter((role: Role) => canDecideEvaluation(role, other, prepared));
    expect(deciders).toEqual(["owner", "admin", "compliance"]);
    for (const role of ["procurement", "auditor", "security", "security_lead"] as const) {
      expect(canDecideEvaluation(role, other, prepared), role).toBe(false);
    }
  });

  test("only a prepared evaluation can be decided", () => {
    for (const status of ["draft", "awaiting_partner", "partner_submitted", "decided"]) {
      expect(canDecideEvaluation("compliance", other, { preparedByUserId: preparer, status }), status).toBe(false);
    }
    // Prepared without a preparer (never happens through the app) is not decidable either.
    expect(canDecideEvaluation("compliance", other, { preparedByUserId: null, status: "prepared" })).toBe(false);
  });
});

describe("the partner rules' checks", () => {
  const policy = (overrides: Partial<TierPolicy>): TierPolicy => ({ ...DEFAULT_TIER_POLICY, ...overrides });

  test("the defaults and the extremes that still leave three tiers are fine", () => {
    expect(policyProblem(DEFAULT_TIER_POLICY)).toBeNull();
    expect(policyProblem(policy({ lowTierMinScore: 100, mediumTierMinScore: 1 }))).toBeNull();
    expect(policyProblem(policy({ lowTierMinScore: 61, mediumTierMinScore: 60 }))).toBeNull();
    expect(policyProblem(policy({ highTierMonths: 1, mediumTierMonths: 1, lowTierMonths: 1 }))).toBeNull();
    expect(policyProblem(policy({ highTierMonths: 60, mediumTierMonths: 60, lowTierMonths: 60 }))).toBeNull();
  });

  test("thresholds outside 1–100 or not whole numbers", () => {
    expect(policyProblem(policy({ lowTierMinScore: 101 }))).toBe("range");
    expect(policyProblem(policy({ mediumTierMinScore: 0 }))).toBe("range");
    expect(policyProblem(policy({ lowTierMinScore: 80.5 }))).toBe("range");
  });

  test("the medium threshold must be below the low one", () => {
    expect(policyProblem(policy({ lowTierMinScore: 70, mediumTierMinScore: 70 }))).toBe("order");
    expect(policyProblem(policy({ lowTierMinScore: 60, mediumTierMinScore: 80 }))).toBe("order");
  });

  test("intervals outside 1–60 months or not whole numbers", () => {
    expect(policyProblem(policy({ highTierMonths: 0 }))).toBe("months");
    expect(policyProblem(policy({ lowTierMonths: 61 }))).toBe("months");
    expect(policyProblem(policy({ mediumTierMonths: 12.5 }))).toBe("months");
  });

  test("higher risk must be looked at again no later than lower risk", () => {
    expect(policyProblem(policy({ highTierMonths: 13, mediumTierMonths: 12 }))).toBe("monthsOrder");
    expect(policyProblem(policy({ mediumTierMonths: 25, lowTierMonths: 24 }))).toBe("monthsOrder");
  });

  test("the form schema reads the numbers and the clause codes", () => {
    const parsed = PartnerPolicySchema.parse({
      lowTierMinScore: "85",
      mediumTierMinScore: "65",
      highTierMonths: "3",
      mediumTierMonths: "9",
      lowTierMonths: "18",
      highTierSupervisionMonths: "6",
      mediumTierSupervisionMonths: "12",
      lowTierSupervisionMonths: "24",
      requiredClauseCodes: "right-to-audit",
    });
    expect(parsed).toEqual({
      lowTierMinScore: 85,
      mediumTierMinScore: 65,
      highTierMonths: 3,
      mediumTierMonths: 9,
      lowTierMonths: 18,
      highTierSupervisionMonths: 6,
      mediumTierSupervisionMonths: 12,
      lowTierSupervisionMonths: 24,
      requiredClauseCodes: ["right-to-audit"],
    });
    expect(supervisionPolicyProblem(parsed)).toBeNull();
    expect(supervisionPolicyProblem({ ...parsed, highTierSupervisionMonths: 13 })).toBe("supervisionOrder");
    expect(supervisionPolicyProblem({ ...parsed, lowTierSupervisionMonths: 61 })).toBe("supervisionMonths");
    expect(policyProblem(parsed)).toBeNull();
    expect(errorsOf(PartnerPolicySchema, { ...parsed, lowTierMinScore: "80.5", highTierMonths: "2.5", requiredClauseCodes: [] })).toEqual({
      lowTierMinScore: "partners.policyRange",
      highTierMonths: "partners.policyMonths",
    });
    // Not a number at all: the field is as good as empty.
    expect(errorsOf(PartnerPolicySchema, { ...parsed, lowTierMinScore: "eighty" })).toEqual({ lowTierMinScore: "errors.required" });
    expect(errorsOf(PartnerPolicySchema, { ...parsed, requiredClauseCodes: ["Right To Audit"] })).toEqual({
      "requiredClauseCodes.0": "errors.choose",
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Form schemas

/** Field → first message, as parseForm gives the page (a clean parse gives {}). */
function errorsOf(schema: z.ZodType, values: Record<string, unknown>): Record<string, string> {
  const result = schema.safeParse(values);
  const errors: Record<string, string> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) errors[issue.path.length ? issue.path.join(".") : "form"] ??= issue.message;
  return errors;
}

const keysOf = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.split("|")[0]]));

function validUscc(n = 12345): string {
  const first17 = `91310000MA1K${String(n).padStart(5, "0")}`;
  return first17 + usccCheckCharacter(first17);
}

describe("the partner form", () => {
  const chinese = { legalNameZh: "上海测试物流有限公司", countryCode: "CN", uscc: validUscc(), roles: ["carrier"] };
  const foreign = { legalNameEn: "Hamburg Lager GmbH", countryCode: "DE", foreignRegistrationNumber: "HRB 12345", roles: "warehouse" };

  test("a Chinese entity with its USCC and a foreign one with its registration number are valid", () => {
    expect(errorsOf(PartnerSchema, chinese)).toEqual({});
    expect(errorsOf(PartnerSchema, foreign)).toEqual({});
    expect(PartnerSchema.parse(foreign).roles).toEqual(["warehouse"]);
  });

  test("a Chinese entity needs its unified social credit code, a foreign one its registration number", () => {
    expect(errorsOf(PartnerSchema, { ...chinese, uscc: "" })).toEqual({ uscc: "partners.usccRequired" });
    expect(errorsOf(PartnerSchema, { ...foreign, foreignRegistrationNumber: "  " })).toEqual({
      foreignRegistrationNumber: "partners.registrationRequired",
    });
    // A foreign entity does not need a USCC, a Chinese one no foreign number.
    expect(errorsOf(PartnerSchema, { ...foreign, uscc: "" })).toEqual({});
    expect(errorsOf(PartnerSchema, { ...chinese, foreignRegistrationNumber: "" })).toEqual({});
  });

  test("a USCC with a wrong check character is refused by its rule", () => {
    const code = validUscc();
    const wrong = code.slice(0, 17) + (code.endsWith("0") ? "1" : "0");
    const errors = errorsOf(PartnerSchema, { ...chinese, uscc: wrong });
    expect(Object.keys(errors)).toEqual(["uscc"]);
    expect(errors.uscc).toMatch(/^errors\.uscc\./);
  });

  test("a name in either language and at least one role are required", () => {
    expect(keysOf(errorsOf(PartnerSchema, { ...chinese, legalNameZh: "", roles: [] }))).toEqual({
      legalNameZh: "partners.nameRequired",
      roles: "partners.rolesRequired",
    });
    expect(keysOf(errorsOf(PartnerSchema, { ...chinese, roles: ["pirate"] }))).toEqual({ roles: "errors.choose" });
    expect(keysOf(errorsOf(PartnerSchema, { ...chinese, countryCode: "XX" }))).toMatchObject({ countryCode: "errors.choose" });
  });

  test("an AEO status needs the certificate number and its validity; another MRA programme its name", () => {
    expect(errorsOf(PartnerSchema, { ...chinese, aeoProgramme: "cn_advanced" })).toEqual({
      aeoCertificateNumber: "partners.aeoRequired",
      aeoValidUntil: "partners.aeoRequired",
    });
    expect(
      errorsOf(PartnerSchema, { ...foreign, aeoProgramme: "other_mra", aeoCertificateNumber: "STP-1", aeoValidUntil: "2027-01-31" }),
    ).toEqual({
      aeoProgrammeName: "partners.aeoProgrammeNameRequired",
    });
    expect(
      errorsOf(PartnerSchema, { ...chinese, aeoProgramme: "cn_advanced", aeoCertificateNumber: "AEOCN1", aeoValidUntil: "2027-02-30" }),
    ).toEqual({
      aeoValidUntil: "errors.date",
    });
  });

  test("what does not apply is dropped: a foreign entity's USCC and customs credit, AEO details without a programme", () => {
    const parsed = PartnerSchema.parse({
      ...foreign,
      uscc: validUscc(),
      customsCredit: "advanced",
      aeoProgramme: "none",
      aeoCertificateNumber: "X-1",
      aeoValidUntil: "2027-01-01",
      aeoProgrammeName: "STP",
    });
    expect(parsed).toMatchObject({ uscc: undefined, customsCredit: "unknown", aeoCertificateNumber: undefined, aeoValidUntil: undefined });
    expect(parsed.aeoProgrammeName).toBeUndefined();
    const cn = PartnerSchema.parse({ ...chinese, foreignRegistrationNumber: "HRB 1", customsCredit: "advanced" });
    expect(cn).toMatchObject({ foreignRegistrationNumber: undefined, customsCredit: "advanced", uscc: validUscc() });
  });

  test("the yearly volume takes thousands separators and refuses anything but digits", () => {
    expect(PartnerSchema.parse({ ...chinese, annualVolumeCny: "1,234,567" }).annualVolumeCny).toBe(1234567);
    expect(PartnerSchema.parse({ ...chinese, annualVolumeCny: "8，000 000" }).annualVolumeCny).toBe(8000000);
    expect(errorsOf(PartnerSchema, { ...chinese, annualVolumeCny: "12.5" })).toEqual({ annualVolumeCny: "partners.volumeFormat" });
    expect(errorsOf(PartnerSchema, { ...chinese, annualVolumeCny: "-5" })).toEqual({ annualVolumeCny: "partners.volumeFormat" });
  });
});

describe("conditions on a decision or supervision check", () => {
  const owner = "33333333-3333-4333-8333-333333333333";

  test("a row with a title needs an owner and a due date; empty rows are ignored", () => {
    expect(errorsOf(DecisionSchema, { intent: "decide", decision: "approved_with_conditions", condition_2_title: "Fit seals" })).toEqual({
      condition_2_ownerUserId: "errors.choose",
      condition_2_dueOn: "errors.required",
    });
    const parsed = DecisionSchema.parse({
      intent: "decide",
      decision: "approved_with_conditions",
      condition_1_title: "",
      condition_1_ownerUserId: owner,
      condition_2_title: "Fit ISO 17712 seals",
      condition_2_ownerUserId: owner,
      condition_2_dueOn: "2027-01-31",
      condition_3_title: "Send the GPS track report",
      condition_3_ownerUserId: owner,
      condition_3_dueOn: "2027-02-28",
    });
    expect(parsed.conditions).toEqual([
      { title: "Fit ISO 17712 seals", ownerUserId: owner, dueOn: "2027-01-31" },
      { title: "Send the GPS track report", ownerUserId: owner, dueOn: "2027-02-28" },
    ]);
  });

  test("approved with conditions needs at least one condition", () => {
    expect(errorsOf(DecisionSchema, { intent: "decide", decision: "approved_with_conditions" })).toEqual({
      condition_1_title: "partners.conditionRequired",
    });
    expect(errorsOf(DecisionSchema, { intent: "decide", decision: "approved" })).toEqual({});
    expect(DecisionSchema.parse({ intent: "decide", decision: "approved" }).conditions).toEqual([]);
  });

  test("a rejection needs a reason", () => {
    expect(errorsOf(DecisionSchema, { intent: "decide", decision: "rejected", note: "  " })).toEqual({ note: "partners.rejectionReason" });
    expect(errorsOf(DecisionSchema, { intent: "decide", decision: "rejected", note: "Smuggling conviction 2025" })).toEqual({});
    expect(errorsOf(DecisionSchema, { intent: "decide", decision: "maybe" })).toEqual({ decision: "errors.choose" });
  });

  test("a due date must be a real date", () => {
    expect(
      errorsOf(DecisionSchema, {
        intent: "decide",
        decision: "approved_with_conditions",
        condition_1_title: "Fit seals",
        condition_1_ownerUserId: owner,
        condition_1_dueOn: "2027-13-01",
      }),
    ).toEqual({ condition_1_dueOn: "errors.date" });
  });

  test("supervision findings need at least one corrective action; a satisfactory check none", () => {
    const check = { intent: "supervision", kind: "site_visit", performedOn: "2026-11-01", summary: "Visited the yard" };
    expect(errorsOf(SupervisionSchema, { ...check, result: "findings" })).toEqual({ condition_1_title: "partners.conditionRequired" });
    expect(errorsOf(SupervisionSchema, { ...check, result: "satisfactory" })).toEqual({});
  });
});

describe("contracts and links", () => {
  const clause = "44444444-4444-4444-8444-444444444444";
  const contract = { intent: "contract", contractNumber: "HT-2026-001", title: "Transport agreement", startsOn: "2026-01-01" };

  test("a contract needs at least one clause, and cannot end before it starts", () => {
    expect(errorsOf(ContractSchema, contract)).toEqual({ clauseIds: "partners.clausesRequired" });
    expect(errorsOf(ContractSchema, { ...contract, clauseIds: "not-an-id" })).toEqual({ "clauseIds.0": "errors.choose" });
    expect(errorsOf(ContractSchema, { ...contract, clauseIds: clause, endsOn: "2025-12-31" })).toEqual({ endsOn: "errors.dateRange" });
    expect(ContractSchema.parse({ ...contract, clauseIds: clause, endsOn: "2026-01-01" }).clauseIds).toEqual([clause]);
  });

  test("a questionnaire link lasts 1 to 60 days", () => {
    const link = { intent: "link", locale: "en" };
    expect(errorsOf(QuestionnaireLinkSchema, { ...link, days: "0" })).toEqual({ days: "partners.linkDays" });
    expect(errorsOf(QuestionnaireLinkSchema, { ...link, days: "61" })).toEqual({ days: "partners.linkDays" });
    expect(errorsOf(QuestionnaireLinkSchema, { ...link, days: "1" })).toEqual({});
    expect(errorsOf(QuestionnaireLinkSchema, { ...link, days: "60", email: "not an address" })).toHaveProperty("email");
    expect(errorsOf(QuestionnaireLinkSchema, { ...link, days: "14", locale: "fr" })).toEqual({ locale: "errors.choose" });
  });
});

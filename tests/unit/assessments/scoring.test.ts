import { describe, expect, it } from "vitest";
import {
  CN2014_BASE,
  CN2014_BONUS_CAP,
  CN2014_PASS_MARK,
  CN2022_BASIC_LIMIT,
  cn2014Points,
  deriveItems,
  scoreAssessment,
  type AssessmentResultValue,
  type ScoringCriterion,
} from "~/lib/assessments/scoring";

// Small criteria trees built inline, shaped like the real catalogue (db/catalog/frameworks), so
// the rules are tested against the structure they will meet in production.

type Answers = Record<string, AssessmentResultValue | null | undefined>;

function criterion(key: string, fields: Partial<ScoringCriterion> = {}): ScoringCriterion {
  return { key, parentKey: null, level: "item", options: [], improvable: true, part: null, requirement: null, ...fields };
}

function answer(keys: readonly string[], result: AssessmentResultValue): Answers {
  return Object.fromEntries(keys.map((key) => [key, result]));
}

// ---------------------------------------------------------------------------------------------
// China 2014 general certification: 28 scored items in 4 classes, item 29 with 5 bonus options.
// ---------------------------------------------------------------------------------------------

const NOT_IMPROVABLE = [9, 10, 11, 12, 14, 19, 20];
const ITEMS_2014 = Array.from({ length: 28 }, (_, i) => String(i + 1));
const BONUS_2014 = ["29-1", "29-2", "29-3", "29-4", "29-5"];

function cn2014Criteria(): ScoringCriterion[] {
  const classes: [string, number, number][] = [
    ["class-1", 1, 8], // 内部控制: 0 / -1 / -2 / N/A
    ["class-2", 9, 12], // 财务状况: 0 / -2 / N/A
    ["class-3", 13, 20], // 守法规范: 0 / -2 / N/A
    ["class-4", 21, 28], // 贸易安全: 0 / -1 / -2 / N/A
  ];
  const list: ScoringCriterion[] = [];
  for (const [classKey, first, last] of classes) {
    list.push(criterion(classKey, { level: "class" }));
    for (let n = first; n <= last; n++) {
      const passFailOnly = n >= 9 && n <= 20;
      list.push(
        criterion(String(n), {
          parentKey: classKey,
          options: passFailOnly ? ["meets", "fails", "not_applicable"] : ["meets", "partly_meets", "fails", "not_applicable"],
          improvable: !NOT_IMPROVABLE.includes(n),
        }),
      );
    }
  }
  list.push(criterion("class-5", { level: "class", improvable: false }));
  list.push(criterion("29", { parentKey: "class-5", improvable: false }));
  for (const key of BONUS_2014) {
    list.push(criterion(key, { parentKey: "29", level: "sub_item", options: ["conforms", "not_applicable"], improvable: false }));
  }
  return list;
}

const criteria2014 = cn2014Criteria();

/** Every scored item meets and no bonus option applies, then the given overrides. */
function results2014(overrides: Answers = {}): Answers {
  return { ...answer(ITEMS_2014, "meets"), ...answer(BONUS_2014, "not_applicable"), ...overrides };
}

function score2014(overrides: Answers = {}) {
  return scoreAssessment("cn-2014-points", criteria2014, results2014(overrides));
}

// Improvable items that offer 部分达标 (classes 1 and 4), in document order.
const partlyItems = ["1", "2", "3", "4", "5", "6", "7", "8", "21", "22", "23", "24", "25", "26", "27", "28"];
const partly = (n: number) => answer(partlyItems.slice(0, n), "partly_meets");
const bonus = (n: number) => answer(BONUS_2014.slice(0, n), "conforms");

describe("cn-2014-points: the rule's constants", () => {
  it("starts from 100, passes at 95 and caps the bonus at +2", () => {
    expect(CN2014_BASE).toBe(100);
    expect(CN2014_PASS_MARK).toBe(95);
    expect(CN2014_BONUS_CAP).toBe(2);
  });

  it("shows 达标 0, 部分达标 -1, 不达标 -2, 符合 +2 and nothing for 不适用", () => {
    expect(cn2014Points("meets")).toBe(0);
    expect(cn2014Points("partly_meets")).toBe(-1);
    expect(cn2014Points("fails")).toBe(-2);
    expect(cn2014Points("conforms")).toBe(2);
    expect(cn2014Points("not_applicable")).toBeNull();
  });
});

describe("cn-2014-points: total and pass mark", () => {
  it("scores 100 and passes when every item meets", () => {
    const outcome = score2014();
    expect(outcome.rule).toBe("cn-2014-points");
    expect(outcome.score).toBe(100);
    expect(outcome.bonus).toBe(0);
    expect(outcome.passed).toBe(true);
  });

  it("five partly-met items still pass at exactly 95", () => {
    const outcome = score2014(partly(5));
    expect(outcome.score).toBe(95);
    expect(outcome.passed).toBe(true);
  });

  it("six partly-met items fail at 94", () => {
    const outcome = score2014(partly(6));
    expect(outcome.score).toBe(94);
    expect(outcome.passed).toBe(false);
  });

  it("one bonus option lifts six partly-met items to 96 and a pass", () => {
    const outcome = score2014({ ...partly(6), ...bonus(1) });
    expect(outcome.bonus).toBe(2);
    expect(outcome.score).toBe(96);
    expect(outcome.passed).toBe(true);
  });

  it("two bonus options count only once: seven partly-met items reach 95, not 97", () => {
    const outcome = score2014({ ...partly(7), ...bonus(2) });
    expect(outcome.bonus).toBe(2);
    expect(outcome.score).toBe(95);
    expect(outcome.passed).toBe(true);
  });

  it("all five bonus options together are still worth +2", () => {
    const outcome = score2014(bonus(5));
    expect(outcome.bonus).toBe(2);
    expect(outcome.score).toBe(102);
  });

  it("eight partly-met items fail at 94 even with the bonus", () => {
    const outcome = score2014({ ...partly(8), ...bonus(3) });
    expect(outcome.score).toBe(94);
    expect(outcome.passed).toBe(false);
  });

  it("a single 不达标 fails even though the total of 98 is above the mark", () => {
    const outcome = score2014({ "21": "fails" });
    expect(outcome.score).toBe(98);
    expect(outcome.passed).toBe(false);
    expect(outcome.reasons.map((r) => r.key)).toContain("assessments.reason.failedItems");
  });

  it("a 不达标 fails even when the bonus brings the total back to 100", () => {
    const outcome = score2014({ "13": "fails", ...bonus(1) });
    expect(outcome.score).toBe(100);
    expect(outcome.passed).toBe(false);
  });

  it("不适用 items are not scored: several of them leave the score at 100", () => {
    const outcome = score2014(answer(["5", "9", "16", "26", "28"], "not_applicable"));
    expect(outcome.score).toBe(100);
    expect(outcome.passed).toBe(true);
    expect(outcome.counts.not_applicable).toBe(5 + BONUS_2014.length);
    expect(outcome.partlyMet).toEqual([]);
    expect(outcome.failed).toEqual([]);
  });

  it("partly-met and failed items add up: 100 - 3 - 2×2 = 93", () => {
    const outcome = score2014({ ...partly(3), "15": "fails", "27": "fails" });
    expect(outcome.score).toBe(93);
    expect(outcome.passed).toBe(false);
  });
});

describe("cn-2014-points: improvement and blocking items", () => {
  it("不达标 on an improvable item is failed and to improve, not blocking", () => {
    const outcome = score2014({ "22": "fails" });
    expect(outcome.failed).toEqual(["22"]);
    expect(outcome.toImprove).toEqual(["22"]);
    expect(outcome.blocking).toEqual([]);
  });

  it("不达标 on item 9 cannot be improved: it blocks, and is not to improve", () => {
    const outcome = score2014({ "9": "fails" });
    expect(outcome.failed).toEqual(["9"]);
    expect(outcome.blocking).toEqual(["9"]);
    expect(outcome.toImprove).toEqual([]);
    expect(outcome.passed).toBe(false);
  });

  it.each(NOT_IMPROVABLE.map(String))("不达标 on non-improvable item %s blocks", (key) => {
    const outcome = score2014({ [key]: "fails" });
    expect(outcome.blocking).toEqual([key]);
    expect(outcome.toImprove).toEqual([]);
  });

  it("item 13 is improvable although it sits among the non-improvable 守法规范 items", () => {
    const outcome = score2014({ "13": "fails" });
    expect(outcome.blocking).toEqual([]);
    expect(outcome.toImprove).toEqual(["13"]);
  });

  it("部分达标 on an improvable item is to improve and does not block", () => {
    const outcome = score2014(partly(2));
    expect(outcome.toImprove).toEqual(["1", "2"]);
    expect(outcome.blocking).toEqual([]);
  });

  it("met, not-applicable and bonus results need no improvement", () => {
    const outcome = score2014({ "3": "not_applicable", ...bonus(2) });
    expect(outcome.toImprove).toEqual([]);
    expect(outcome.blocking).toEqual([]);
  });
});

describe("cn-2014-points: lists, counts and reasons", () => {
  it("lists partly-met and failed items in document order, whatever order they were answered in", () => {
    const outcome = score2014({ "27": "partly_meets", "20": "fails", "3": "partly_meets", "22": "partly_meets", "10": "fails", "1": "fails" });
    expect(outcome.partlyMet).toEqual(["3", "22", "27"]);
    expect(outcome.failed).toEqual(["1", "10", "20"]);
    expect(outcome.toImprove).toEqual(["1", "3", "22", "27"]);
    expect(outcome.blocking).toEqual(["10", "20"]);
  });

  it("counts every assessable criterion (28 items and 5 bonus options), not the headings", () => {
    const outcome = score2014({ ...partly(2), "14": "fails", "6": "not_applicable", ...bonus(1) });
    expect(outcome.total).toBe(33);
    expect(outcome.answered).toBe(33);
    expect(outcome.complete).toBe(true);
    expect(outcome.counts).toEqual({ meets: 24, partly_meets: 2, fails: 1, not_applicable: 5, conforms: 1, unanswered: 0 });
  });

  it("is incomplete while items are unanswered, and scores only what is answered", () => {
    const results: Answers = { "1": "partly_meets", "2": "meets", "9": "fails", "29-1": "not_applicable", "3": null, "4": undefined };
    const outcome = scoreAssessment("cn-2014-points", criteria2014, results);
    expect(outcome.total).toBe(33);
    expect(outcome.answered).toBe(4);
    expect(outcome.complete).toBe(false);
    expect(outcome.counts.unanswered).toBe(29);
    expect(outcome.score).toBe(97);
  });

  it("an empty assessment is incomplete, at 100, with nothing answered", () => {
    const outcome = scoreAssessment("cn-2014-points", criteria2014, {});
    expect(outcome.answered).toBe(0);
    expect(outcome.complete).toBe(false);
    expect(outcome.counts.unanswered).toBe(33);
    expect(outcome.score).toBe(100);
  });

  it("gives scoreReached with the score when the mark is reached", () => {
    const outcome = score2014(partly(5));
    expect(outcome.reasons).toEqual([{ key: "assessments.reason.scoreReached", values: { score: 95, mark: 95 } }]);
  });

  it("gives scoreBelow with the score when the mark is missed", () => {
    const outcome = score2014(partly(6));
    expect(outcome.reasons).toEqual([{ key: "assessments.reason.scoreBelow", values: { score: 94, mark: 95 } }]);
  });

  it("gives failedItems with the count before the score reason", () => {
    const outcome = score2014({ "9": "fails", "23": "fails" });
    expect(outcome.reasons).toEqual([
      { key: "assessments.reason.failedItems", values: { count: 2 } },
      { key: "assessments.reason.scoreReached", values: { score: 96, mark: 95 } },
    ]);
  });

  it("has no 2022 fields", () => {
    const outcome = score2014();
    expect(outcome.basicCounts).toBeNull();
    expect(outcome.derived).toEqual({});
  });
});

// ---------------------------------------------------------------------------------------------
// China 2022 advanced certification: general items derived from sub-items, business-type items
// assessed directly.
// ---------------------------------------------------------------------------------------------

const SUB_OPTIONS = ["meets", "partly_meets", "fails", "not_applicable"] as const;
const GENERAL_ITEMS_2022 = ["item-1", "item-2", "item-3", "item-4", "item-5"];
const SUBS_2022 = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];
const BUSINESS_2022 = ["b1", "b2", "b3", "b4", "b5"];

/** General class g-1 with items item-1…item-5 (sub-items 1…12), business class s-1 with items b1…b5. */
function cn2022Criteria(): ScoringCriterion[] {
  const general: [string, string[]][] = [
    ["item-1", ["1", "2"]],
    ["item-2", ["3", "4", "5", "6"]],
    ["item-3", ["7", "8", "9"]],
    ["item-4", ["10", "11"]],
    ["item-5", ["12"]],
  ];
  const list: ScoringCriterion[] = [criterion("g-1", { level: "class", part: "general" })];
  for (const [itemKey, subs] of general) {
    list.push(criterion(itemKey, { parentKey: "g-1", part: "general" }));
    for (const sub of subs) {
      list.push(criterion(sub, { parentKey: itemKey, level: "sub_item", options: SUB_OPTIONS, part: "general" }));
    }
  }
  list.push(criterion("s-1", { level: "class", part: "business_type" }));
  for (const key of BUSINESS_2022) {
    list.push(criterion(key, { parentKey: "s-1", options: SUB_OPTIONS, part: "business_type" }));
  }
  return list;
}

const criteria2022 = cn2022Criteria();

function score2022(overrides: Answers = {}) {
  const results = { ...answer(SUBS_2022, "meets"), ...answer(BUSINESS_2022, "meets"), ...overrides };
  return scoreAssessment("cn-2022-advanced", criteria2022, results);
}

// One basically-met sub-item in each of the first n general items.
const basicGeneral = (n: number) => answer(["1", "3", "7", "10", "12"].slice(0, n), "partly_meets");
const basicBusiness = (n: number) => answer(BUSINESS_2022.slice(0, n), "partly_meets");

describe("cn-2022-advanced: pass rule", () => {
  it("passes when everything meets", () => {
    const outcome = score2022();
    expect(outcome.rule).toBe("cn-2022-advanced");
    expect(outcome.passed).toBe(true);
    expect(outcome.score).toBeNull();
    expect(outcome.bonus).toBeNull();
    expect(outcome.basicCounts).toEqual({ general: 0, business_type: 0 });
  });

  it("allows at most 3 basically-met items per part", () => {
    expect(CN2022_BASIC_LIMIT).toBe(3);
  });

  it("three basically-met general items still pass", () => {
    const outcome = score2022(basicGeneral(3));
    expect(outcome.basicCounts).toEqual({ general: 3, business_type: 0 });
    expect(outcome.partlyMet).toEqual(["item-1", "item-2", "item-3"]);
    expect(outcome.passed).toBe(true);
  });

  it("four basically-met general items fail with tooManyBasic for the general part", () => {
    const outcome = score2022(basicGeneral(4));
    expect(outcome.basicCounts).toEqual({ general: 4, business_type: 0 });
    expect(outcome.passed).toBe(false);
    expect(outcome.reasons).toContainEqual({
      key: "assessments.reason.tooManyBasic",
      values: { part: "general", count: 4, limit: 3 },
    });
    expect(outcome.reasons).toContainEqual({
      key: "assessments.reason.basicWithinLimit",
      values: { part: "business_type", count: 0, limit: 3 },
    });
  });

  it("basically-met sub-items of the same item count once, as one item", () => {
    // Four basically-met sub-items, but only in items 1 and 2.
    const outcome = score2022(answer(["1", "2", "3", "6"], "partly_meets"));
    expect(outcome.partlyMet).toEqual(["item-1", "item-2"]);
    expect(outcome.basicCounts).toEqual({ general: 2, business_type: 0 });
    expect(outcome.passed).toBe(true);
  });

  it("five basically-met sub-items spread over three items still pass", () => {
    const outcome = score2022(answer(["1", "3", "4", "5", "9"], "partly_meets"));
    expect(outcome.partlyMet).toEqual(["item-1", "item-2", "item-3"]);
    expect(outcome.basicCounts?.general).toBe(3);
    expect(outcome.passed).toBe(true);
  });

  it("three general and three business-type items basically met still pass: the limits are per part", () => {
    const outcome = score2022({ ...basicGeneral(3), ...basicBusiness(3) });
    expect(outcome.basicCounts).toEqual({ general: 3, business_type: 3 });
    expect(outcome.passed).toBe(true);
    expect(outcome.reasons).toEqual([
      { key: "assessments.reason.noFailures" },
      { key: "assessments.reason.basicWithinLimit", values: { part: "general", count: 3, limit: 3 } },
      { key: "assessments.reason.basicWithinLimit", values: { part: "business_type", count: 3, limit: 3 } },
    ]);
  });

  it("four basically-met business-type items fail", () => {
    const outcome = score2022(basicBusiness(4));
    expect(outcome.basicCounts).toEqual({ general: 0, business_type: 4 });
    expect(outcome.passed).toBe(false);
    expect(outcome.reasons).toContainEqual({
      key: "assessments.reason.tooManyBasic",
      values: { part: "business_type", count: 4, limit: 3 },
    });
  });

  it("one failed sub-item among meets fails its item and the whole assessment", () => {
    const outcome = score2022({ "5": "fails" });
    expect(outcome.derived["item-2"]).toBe("fails");
    expect(outcome.failed).toEqual(["item-2"]);
    expect(outcome.passed).toBe(false);
    expect(outcome.reasons[0]).toEqual({ key: "assessments.reason.failedItems", values: { count: 1 } });
  });

  it("a failed sub-item outweighs basically-met siblings: the item fails and is not counted as basic", () => {
    const outcome = score2022({ "3": "partly_meets", "4": "fails" });
    expect(outcome.derived["item-2"]).toBe("fails");
    expect(outcome.partlyMet).toEqual([]);
    expect(outcome.failed).toEqual(["item-2"]);
    expect(outcome.basicCounts?.general).toBe(0);
  });

  it("a failed business-type item fails the assessment", () => {
    const outcome = score2022({ b4: "fails" });
    expect(outcome.failed).toEqual(["b4"]);
    expect(outcome.passed).toBe(false);
  });

  it("lists failed and basically-met items in document order", () => {
    const outcome = score2022({ b2: "fails", "12": "partly_meets", "10": "fails", b1: "partly_meets", "1": "partly_meets" });
    expect(outcome.partlyMet).toEqual(["item-1", "item-5", "b1"]);
    expect(outcome.failed).toEqual(["item-4", "b2"]);
  });

  it("an item whose sub-items are all not applicable is not applicable and not counted", () => {
    const outcome = score2022({ ...answer(["3", "4", "5", "6"], "not_applicable"), ...basicGeneral(1) });
    expect(outcome.derived["item-2"]).toBe("not_applicable");
    expect(outcome.partlyMet).toEqual(["item-1"]);
    expect(outcome.failed).toEqual([]);
    expect(outcome.passed).toBe(true);
  });

  it("toImprove and blocking are about assessable criteria (sub-items), not derived items", () => {
    const outcome = score2022({ "4": "partly_meets", "11": "fails", b3: "partly_meets" });
    expect(outcome.toImprove).toEqual(["4", "11", "b3"]);
    expect(outcome.blocking).toEqual([]);
  });

  it("counts results per assessable criterion: sub-items and business-type items", () => {
    const outcome = score2022({ "1": "partly_meets", "2": "partly_meets", "3": "not_applicable", b5: "fails" });
    expect(outcome.total).toBe(SUBS_2022.length + BUSINESS_2022.length);
    expect(outcome.complete).toBe(true);
    expect(outcome.counts).toEqual({ meets: 13, partly_meets: 2, fails: 1, not_applicable: 1, conforms: 0, unanswered: 0 });
  });
});

describe("cn-2022-advanced: items derived from sub-items", () => {
  it("derives the result of every general item from its sub-items", () => {
    const outcome = score2022({ "1": "partly_meets", "5": "fails", "7": "not_applicable", ...answer(["10", "11"], "not_applicable") });
    expect(outcome.derived).toMatchObject({
      "item-1": "partly_meets",
      "item-2": "fails",
      "item-3": "meets",
      "item-4": "not_applicable",
      "item-5": "meets",
    });
  });

  it("derives results for items only, not for the business-type section headings", () => {
    // Business-type items are assessed directly; their class (一、加工贸易业务 …) is a heading with
    // no result of its own in the standard, and the report prints a result for every derived key.
    const outcome = score2022({ b2: "fails" });
    expect(Object.keys(outcome.derived).sort()).toEqual([...GENERAL_ITEMS_2022].sort());
    expect(outcome.derived).not.toHaveProperty("s-1");
  });

  it("meets when every sub-item meets", () => {
    expect(deriveItems(criteria2022, answer(SUBS_2022, "meets"))["item-2"]).toBe("meets");
  });

  it("meets when sub-items meet or are not applicable", () => {
    expect(deriveItems(criteria2022, { "3": "meets", "4": "not_applicable", "5": "meets", "6": "not_applicable" })["item-2"]).toBe("meets");
  });

  it("basically meets when any sub-item basically meets and none fails", () => {
    expect(deriveItems(criteria2022, { "3": "meets", "4": "partly_meets", "5": "not_applicable", "6": "meets" })["item-2"]).toBe("partly_meets");
  });

  it("fails when any sub-item fails", () => {
    expect(deriveItems(criteria2022, { "3": "meets", "4": "partly_meets", "5": "fails", "6": "not_applicable" })["item-2"]).toBe("fails");
  });

  it("is not applicable when all sub-items are not applicable", () => {
    expect(deriveItems(criteria2022, answer(["3", "4", "5", "6"], "not_applicable"))["item-2"]).toBe("not_applicable");
  });

  it("stays open while a sub-item is unanswered and the others meet", () => {
    expect(deriveItems(criteria2022, { "3": "meets", "4": "meets", "5": "meets" })["item-2"]).toBeNull();
    expect(deriveItems(criteria2022, { "3": "not_applicable", "4": "not_applicable", "5": "not_applicable" })["item-2"]).toBeNull();
    expect(deriveItems(criteria2022, {})["item-2"]).toBeNull();
  });

  it("is already failed or basically met with sub-items still unanswered", () => {
    expect(deriveItems(criteria2022, { "3": "fails" })["item-2"]).toBe("fails");
    expect(deriveItems(criteria2022, { "3": "partly_meets" })["item-2"]).toBe("partly_meets");
  });

  it("counts an open item neither as basic nor as failed, and marks the assessment incomplete", () => {
    const outcome = score2022({ "3": undefined, ...basicGeneral(1) });
    expect(outcome.derived["item-2"]).toBeNull();
    expect(outcome.complete).toBe(false);
    expect(outcome.answered).toBe(outcome.total - 1);
    expect(outcome.partlyMet).toEqual(["item-1"]);
    expect(outcome.passed).toBe(true);
  });

  it("counts an item as basically met as soon as one sub-item is, before the others are answered", () => {
    const results = { ...answer(["1", "3", "7", "10"], "partly_meets") };
    const outcome = scoreAssessment("cn-2022-advanced", criteria2022, results);
    expect(outcome.basicCounts?.general).toBe(4);
    expect(outcome.passed).toBe(false);
    expect(GENERAL_ITEMS_2022.map((k) => outcome.derived[k])).toEqual(["partly_meets", "partly_meets", "partly_meets", "partly_meets", null]);
  });
});

// ---------------------------------------------------------------------------------------------
// Qualitative frameworks (WCO SAFE, CTPAT MSC): counted, no pass mark.
// ---------------------------------------------------------------------------------------------

function ctpatCriteria(): ScoringCriterion[] {
  const options = ["meets", "partly_meets", "fails", "not_applicable"] as const;
  return [
    criterion("cat-1", { level: "class" }),
    criterion("1.1", { parentKey: "cat-1", options, requirement: "must" }),
    criterion("1.2", { parentKey: "cat-1", options, requirement: "should" }),
    criterion("1.3", { parentKey: "cat-1", options, requirement: "must" }),
    criterion("cat-2", { level: "class" }),
    criterion("2.1", { parentKey: "cat-2", options, requirement: "must" }),
    criterion("2.2", { parentKey: "cat-2", options, requirement: "should" }),
    criterion("2.3", { parentKey: "cat-2", options, requirement: "must" }),
  ];
}

function wcoCriteria(): ScoringCriterion[] {
  const options = ["meets", "partly_meets", "fails", "not_applicable"] as const;
  return [criterion("A", { options }), criterion("B", { options }), criterion("C", { options })];
}

describe("qualitative: counted, no pass mark", () => {
  it("has no verdict and gives noPassMark, even when everything meets", () => {
    const outcome = scoreAssessment("qualitative", wcoCriteria(), answer(["A", "B", "C"], "meets"));
    expect(outcome.rule).toBe("qualitative");
    expect(outcome.passed).toBeNull();
    expect(outcome.score).toBeNull();
    expect(outcome.bonus).toBeNull();
    expect(outcome.basicCounts).toBeNull();
    expect(outcome.derived).toEqual({});
    expect(outcome.reasons).toEqual([{ key: "assessments.reason.noPassMark" }]);
  });

  it("has no verdict even when criteria fail", () => {
    const outcome = scoreAssessment("qualitative", wcoCriteria(), answer(["A", "B", "C"], "fails"));
    expect(outcome.passed).toBeNull();
    expect(outcome.failed).toEqual(["A", "B", "C"]);
  });

  it("counts each result and the unanswered criteria, leaving out the headings", () => {
    const outcome = scoreAssessment("qualitative", ctpatCriteria(), {
      "1.1": "meets",
      "1.2": "partly_meets",
      "1.3": "fails",
      "2.1": "not_applicable",
      "2.2": "meets",
    });
    expect(outcome.total).toBe(6);
    expect(outcome.answered).toBe(5);
    expect(outcome.complete).toBe(false);
    expect(outcome.counts).toEqual({ meets: 2, partly_meets: 1, fails: 1, not_applicable: 1, conforms: 0, unanswered: 1 });
    expect(outcome.partlyMet).toEqual(["1.2"]);
    expect(outcome.failed).toEqual(["1.3"]);
  });

  it("counts mustNotMet only for failed Must criteria", () => {
    const outcome = scoreAssessment("qualitative", ctpatCriteria(), {
      "1.1": "fails", // must
      "1.2": "fails", // should: not counted
      "1.3": "partly_meets", // must, but only partly met: not counted
      "2.1": "not_applicable", // must, not applicable: not counted
      "2.2": "meets",
      "2.3": "fails", // must
    });
    expect(outcome.reasons).toEqual([
      { key: "assessments.reason.noPassMark" },
      { key: "assessments.reason.mustNotMet", values: { count: 2 } },
    ]);
  });

  it("gives no mustNotMet reason when only Should criteria fail", () => {
    const outcome = scoreAssessment("qualitative", ctpatCriteria(), { "1.2": "fails", "2.2": "fails" });
    expect(outcome.reasons).toEqual([{ key: "assessments.reason.noPassMark" }]);
  });

  it("lists improvable partly-met and failed criteria to improve, in document order", () => {
    const outcome = scoreAssessment("qualitative", ctpatCriteria(), { "2.3": "fails", "1.2": "partly_meets", "1.1": "meets" });
    expect(outcome.toImprove).toEqual(["1.2", "2.3"]);
    expect(outcome.blocking).toEqual([]);
  });
});

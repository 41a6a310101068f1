// The official outcome rules of each framework, as pure functions of the criteria tree and the
// results chosen so far. Browser-safe: the assessment page recomputes the outcome as you type,
// and the server computes the same thing for finalising and for the report.

export const assessmentResults = ["meets", "partly_meets", "fails", "not_applicable", "conforms"] as const;
export type AssessmentResultValue = (typeof assessmentResults)[number];
export type ScoringRule = "cn-2014-points" | "cn-2022-advanced" | "qualitative";

export interface ScoringCriterion {
  key: string;
  parentKey: string | null;
  level: "class" | "article" | "item" | "sub_item";
  /** Empty for headings: only criteria with options are assessed. */
  options: readonly string[];
  improvable: boolean;
  part: "general" | "business_type" | null;
  requirement: "must" | "should" | null;
}

export type Results = Readonly<Record<string, AssessmentResultValue | null | undefined>>;

/** Why an assessment passes or fails, as message keys (translated by the caller). */
export interface OutcomeReason {
  key:
    | "assessments.reason.failedItems"
    | "assessments.reason.scoreBelow"
    | "assessments.reason.scoreReached"
    | "assessments.reason.tooManyBasic"
    | "assessments.reason.basicWithinLimit"
    | "assessments.reason.noFailures"
    | "assessments.reason.mustNotMet"
    | "assessments.reason.noPassMark";
  values?: Record<string, string | number>;
}

export interface Outcome {
  rule: ScoringRule;
  /** Assessable criteria, and how many have a result. */
  total: number;
  answered: number;
  complete: boolean;
  /** The verdict on the results so far (null: the framework has no pass mark). */
  passed: boolean | null;
  /** cn-2014-points: 100 + item scores + bonus (capped at +2). */
  score: number | null;
  bonus: number | null;
  /** Keys of criteria (2022: of items, derived) at partly/basically met and at fails, in document order. */
  partlyMet: string[];
  failed: string[];
  /** Failed criteria that may not be improved: they block certification outright. */
  blocking: string[];
  /** Partly-met or failed assessable criteria that may be improved: each needs a corrective action. */
  toImprove: string[];
  /** cn-2022-advanced: 基本达标 items per part, against the limit of 3 each. */
  basicCounts: { general: number; business_type: number } | null;
  /** Results of 2022 items derived from their sub-items. */
  derived: Record<string, AssessmentResultValue | null>;
  counts: Record<AssessmentResultValue | "unanswered", number>;
  reasons: OutcomeReason[];
}

export const CN2014_BASE = 100;
export const CN2014_PASS_MARK = 95;
export const CN2014_BONUS_CAP = 2;
export const CN2022_BASIC_LIMIT = 3;

const points: Partial<Record<AssessmentResultValue, number>> = { meets: 0, partly_meets: -1, fails: -2 };

export function scoreAssessment(rule: ScoringRule, criteria: readonly ScoringCriterion[], results: Results): Outcome {
  const assessable = criteria.filter((c) => c.options.length > 0);
  const counts: Outcome["counts"] = { meets: 0, partly_meets: 0, fails: 0, not_applicable: 0, conforms: 0, unanswered: 0 };
  for (const c of assessable) counts[results[c.key] ?? "unanswered"] += 1;
  const answered = assessable.length - counts.unanswered;
  const toImprove = assessable
    .filter((c) => c.improvable && (results[c.key] === "partly_meets" || results[c.key] === "fails"))
    .map((c) => c.key);
  const blocking = assessable.filter((c) => !c.improvable && results[c.key] === "fails").map((c) => c.key);
  const base = {
    rule,
    total: assessable.length,
    answered,
    complete: counts.unanswered === 0,
    counts,
    toImprove,
    blocking,
  };

  if (rule === "cn-2014-points") {
    let sum = 0;
    let bonus = 0;
    const partlyMet: string[] = [];
    const failed: string[] = [];
    for (const c of assessable) {
      const result = results[c.key];
      if (!result) continue;
      if (result === "conforms") bonus += 2;
      else sum += points[result] ?? 0;
      if (result === "partly_meets") partlyMet.push(c.key);
      if (result === "fails") failed.push(c.key);
    }
    bonus = Math.min(bonus, CN2014_BONUS_CAP);
    const score = CN2014_BASE + sum + bonus;
    const reasons: OutcomeReason[] = [];
    if (failed.length) reasons.push({ key: "assessments.reason.failedItems", values: { count: failed.length } });
    reasons.push(
      score >= CN2014_PASS_MARK
        ? { key: "assessments.reason.scoreReached", values: { score, mark: CN2014_PASS_MARK } }
        : { key: "assessments.reason.scoreBelow", values: { score, mark: CN2014_PASS_MARK } },
    );
    return {
      ...base,
      passed: failed.length === 0 && score >= CN2014_PASS_MARK,
      score,
      bonus,
      partlyMet,
      failed,
      basicCounts: null,
      derived: {},
      reasons,
    };
  }

  if (rule === "cn-2022-advanced") {
    const derived = deriveItems(criteria, results);
    // The limits count 项 (items): an item with sub-items takes its derived result; business-type
    // items are assessed directly.
    const items = criteria.filter((c) => c.level === "item");
    const resultOf = (c: ScoringCriterion) => (c.options.length ? (results[c.key] ?? null) : (derived[c.key] ?? null));
    const partlyMet = items.filter((c) => resultOf(c) === "partly_meets").map((c) => c.key);
    const failed = items.filter((c) => resultOf(c) === "fails").map((c) => c.key);
    const partOf = new Map(items.map((c) => [c.key, c.part ?? "general"]));
    const basicCounts = {
      general: partlyMet.filter((k) => partOf.get(k) === "general").length,
      business_type: partlyMet.filter((k) => partOf.get(k) === "business_type").length,
    };
    const reasons: OutcomeReason[] = [];
    if (failed.length) reasons.push({ key: "assessments.reason.failedItems", values: { count: failed.length } });
    else reasons.push({ key: "assessments.reason.noFailures" });
    for (const part of ["general", "business_type"] as const) {
      reasons.push({
        key: basicCounts[part] > CN2022_BASIC_LIMIT ? "assessments.reason.tooManyBasic" : "assessments.reason.basicWithinLimit",
        values: { part, count: basicCounts[part], limit: CN2022_BASIC_LIMIT },
      });
    }
    return {
      ...base,
      passed: failed.length === 0 && basicCounts.general <= CN2022_BASIC_LIMIT && basicCounts.business_type <= CN2022_BASIC_LIMIT,
      score: null,
      bonus: null,
      partlyMet,
      failed,
      basicCounts,
      derived,
      reasons,
    };
  }

  const partlyMet = assessable.filter((c) => results[c.key] === "partly_meets").map((c) => c.key);
  const failed = assessable.filter((c) => results[c.key] === "fails").map((c) => c.key);
  const mustNotMet = assessable.filter((c) => c.requirement === "must" && results[c.key] === "fails").length;
  const reasons: OutcomeReason[] = [{ key: "assessments.reason.noPassMark" }];
  if (mustNotMet) reasons.push({ key: "assessments.reason.mustNotMet", values: { count: mustNotMet } });
  return { ...base, passed: null, score: null, bonus: null, partlyMet, failed, basicCounts: null, derived: {}, reasons };
}

/**
 * 2022 说明 二: an item meets when every sub-item meets; basically meets when each sub-item meets
 * or basically meets; fails when any sub-item fails. N/A sub-items are left out; an item whose
 * sub-items are all N/A is N/A. Unanswered sub-items leave the item open unless it already fails
 * or is already at basically meets (it can only get worse).
 */
export function deriveItems(criteria: readonly ScoringCriterion[], results: Results): Record<string, AssessmentResultValue | null> {
  const children = new Map<string, ScoringCriterion[]>();
  for (const c of criteria) {
    if (c.parentKey && c.options.length) children.set(c.parentKey, [...(children.get(c.parentKey) ?? []), c]);
  }
  const derived: Record<string, AssessmentResultValue | null> = {};
  for (const c of criteria) {
    // Only items are derived: a business-type section (a class) has no result of its own.
    if (c.options.length || c.level !== "item") continue;
    const subs = children.get(c.key);
    if (!subs?.length) continue;
    const values = subs.map((s) => results[s.key] ?? null);
    if (values.includes("fails")) derived[c.key] = "fails";
    else if (values.includes("partly_meets")) derived[c.key] = "partly_meets";
    else if (values.includes(null)) derived[c.key] = null;
    else if (values.every((v) => v === "not_applicable")) derived[c.key] = "not_applicable";
    else derived[c.key] = "meets";
  }
  return derived;
}

/** Points a result is worth under the 2014 rule, for display ("部分达标 -1"). */
export function cn2014Points(result: AssessmentResultValue): number | null {
  if (result === "conforms") return 2;
  return points[result] ?? null;
}

import { addMonths, format, parseISO } from "date-fns";
import type { Role } from "../auth/permissions";
import { can } from "../auth/permissions";

// How a partner evaluation turns answers into a score, a risk tier and the reasons for it, when the
// next evaluation is due, and who may decide it. Pure: the phone-sized form shows the same result
// live that the server stores.

export type RiskTier = "low" | "medium" | "high";

export interface ScoringOption {
  key: string;
  score: number | null;
  critical?: boolean;
}

export interface ScoringQuestion {
  key: string;
  weight: number;
  options: readonly ScoringOption[];
}

export interface TierPolicy {
  lowTierMinScore: number;
  mediumTierMinScore: number;
  highTierMonths: number;
  mediumTierMonths: number;
  lowTierMonths: number;
}

export const DEFAULT_TIER_POLICY: TierPolicy = {
  lowTierMinScore: 80,
  mediumTierMinScore: 60,
  highTierMonths: 6,
  mediumTierMonths: 12,
  lowTierMonths: 24,
};

/**
 * Months between supervision checks of a partner, per risk tier (CN-2022 (57) "定期监控或者检查",
 * CTPAT 3.7 "regularly, or as risk dictates"). Neither standard states a period (see their text in
 * db/catalog/frameworks): these defaults are the company's own choice, the same rhythm as the
 * re-evaluations, and each organisation sets its own at /settings/partners.
 */
export interface SupervisionPolicy {
  highTierSupervisionMonths: number;
  mediumTierSupervisionMonths: number;
  lowTierSupervisionMonths: number;
}

export const DEFAULT_SUPERVISION_POLICY: SupervisionPolicy = {
  highTierSupervisionMonths: 6,
  mediumTierSupervisionMonths: 12,
  lowTierSupervisionMonths: 24,
};

export function supervisionMonths(tier: RiskTier, policy: SupervisionPolicy): number {
  return tier === "high" ? policy.highTierSupervisionMonths : tier === "medium" ? policy.mediumTierSupervisionMonths : policy.lowTierSupervisionMonths;
}

/** An answer scoring below this is named among the reasons for the tier. */
export const WEAK_ANSWER_BELOW = 50;

export type ScoreReason =
  | { kind: "critical"; questionKey: string }
  | { kind: "weak"; questionKey: string; score: number }
  | { kind: "threshold"; score: number; min: number; tier: RiskTier };

export interface EvaluationScore {
  /** 0–100 with one decimal; null while no scored question is answered. */
  score: number | null;
  tier: RiskTier | null;
  reasons: ScoreReason[];
  answered: number;
  /** Questions that still need an answer. */
  unanswered: string[];
}

/**
 * Score = Σ(weight × option score) / Σ(weight × 100) over the answered questions whose option has
 * a score (not-applicable options leave the question out). Tier: low from lowTierMinScore, medium
 * from mediumTierMinScore, else high; any critical option makes it high whatever the score.
 */
export function scoreEvaluation(
  questions: readonly ScoringQuestion[],
  answers: Readonly<Record<string, { option: string } | undefined>>,
  policy: Pick<TierPolicy, "lowTierMinScore" | "mediumTierMinScore"> = DEFAULT_TIER_POLICY,
): EvaluationScore {
  let earned = 0;
  let possible = 0;
  const reasons: ScoreReason[] = [];
  const unanswered: string[] = [];
  let answered = 0;
  for (const question of questions) {
    const chosen = question.options.find((o) => o.key === answers[question.key]?.option);
    if (!chosen) {
      unanswered.push(question.key);
      continue;
    }
    answered += 1;
    if (chosen.critical) reasons.push({ kind: "critical", questionKey: question.key });
    if (chosen.score === null) continue;
    earned += question.weight * chosen.score;
    possible += question.weight * 100;
    if (chosen.score < WEAK_ANSWER_BELOW && !chosen.critical)
      reasons.push({ kind: "weak", questionKey: question.key, score: chosen.score });
  }
  if (possible === 0) return { score: null, tier: null, reasons, answered, unanswered };
  const score = Math.round((earned / possible) * 1000) / 10;
  const critical = reasons.some((r) => r.kind === "critical");
  const tier: RiskTier = critical
    ? "high"
    : score >= policy.lowTierMinScore
      ? "low"
      : score >= policy.mediumTierMinScore
        ? "medium"
        : "high";
  if (!critical) {
    const min = tier === "low" ? policy.lowTierMinScore : tier === "medium" ? policy.mediumTierMinScore : policy.mediumTierMinScore;
    reasons.unshift({ kind: "threshold", score, min, tier });
  }
  return { score, tier, reasons, answered, unanswered };
}

/** Months until the next evaluation for a tier, per the organisation's policy. */
export function reevaluationMonths(tier: RiskTier, policy: TierPolicy): number {
  return tier === "high" ? policy.highTierMonths : tier === "medium" ? policy.mediumTierMonths : policy.lowTierMonths;
}

/**
 * The next evaluation date after a decision on `decidedOn` (YYYY-MM-DD). An exempt partner (advanced-certified)
 * is due again when its certificate expires, if that comes before the low tier's interval.
 */
export function nextEvaluationOn(decidedOn: string, tier: RiskTier, policy: TierPolicy, certificateValidUntil?: string | null): string {
  const byTier = format(addMonths(parseISO(decidedOn), reevaluationMonths(tier, policy)), "yyyy-MM-dd");
  return certificateValidUntil && certificateValidUntil < byTier ? certificateValidUntil : byTier;
}

/** Four eyes: the decision is for someone allowed to decide who did not prepare the evaluation. */
export function canDecideEvaluation(
  role: Role,
  userId: string,
  evaluation: { preparedByUserId: string | null; status: string; answeredByUserIds?: readonly string[] },
): boolean {
  return (
    evaluation.status === "prepared" &&
    evaluation.preparedByUserId !== null &&
    !hadAHand(userId, evaluation) &&
    can(role, "partners.decide")
  );
}

/** Prepared it or saved its answers: either way, not the second pair of eyes. */
export function hadAHand(userId: string, evaluation: { preparedByUserId: string | null; answeredByUserIds?: readonly string[] }): boolean {
  return evaluation.preparedByUserId === userId || (evaluation.answeredByUserIds ?? []).includes(userId);
}

/** Thresholds must leave room for three tiers. */
export function policyProblem(policy: TierPolicy): "order" | "range" | "months" | "monthsOrder" | null {
  const scores = [policy.lowTierMinScore, policy.mediumTierMinScore];
  if (scores.some((s) => !Number.isInteger(s) || s < 1 || s > 100)) return "range";
  if (policy.mediumTierMinScore >= policy.lowTierMinScore) return "order";
  const months = [policy.highTierMonths, policy.mediumTierMonths, policy.lowTierMonths];
  if (months.some((m) => !Number.isInteger(m) || m < 1 || m > 60)) return "months";
  // Higher risk is looked at again sooner.
  if (policy.highTierMonths > policy.mediumTierMonths || policy.mediumTierMonths > policy.lowTierMonths) return "monthsOrder";
  return null;
}

/** Supervision intervals: whole months from 1 to 60, higher risk checked at least as often. */
export function supervisionPolicyProblem(policy: SupervisionPolicy): "supervisionMonths" | "supervisionOrder" | null {
  const months = [policy.highTierSupervisionMonths, policy.mediumTierSupervisionMonths, policy.lowTierSupervisionMonths];
  if (months.some((m) => !Number.isInteger(m) || m < 1 || m > 60)) return "supervisionMonths";
  if (policy.highTierSupervisionMonths > policy.mediumTierSupervisionMonths || policy.mediumTierSupervisionMonths > policy.lowTierSupervisionMonths)
    return "supervisionOrder";
  return null;
}

import type { AssessmentResultValue, ScoringRule } from "./scoring";
import { formatReference } from "../references";

// The standards' own names for results, in both languages at once: the page shows the user's
// language, the report prints Chinese then English. 2014 says 部分达标, 2022 says 基本达标.

export interface Bilingual {
  zh: string;
  en: string;
}

const labels: Record<ScoringRule, Partial<Record<AssessmentResultValue, Bilingual>>> = {
  "cn-2014-points": {
    meets: { zh: "达标", en: "Meets" },
    partly_meets: { zh: "部分达标", en: "Partly meets" },
    fails: { zh: "不达标", en: "Fails" },
    not_applicable: { zh: "不适用", en: "Not applicable" },
    conforms: { zh: "符合", en: "Applies" },
  },
  "cn-2022-advanced": {
    meets: { zh: "达标", en: "Meets" },
    partly_meets: { zh: "基本达标", en: "Basically meets" },
    fails: { zh: "不达标", en: "Fails" },
    not_applicable: { zh: "不适用", en: "Not applicable" },
  },
  qualitative: {
    meets: { zh: "符合", en: "Met" },
    partly_meets: { zh: "部分符合", en: "Partly met" },
    fails: { zh: "不符合", en: "Not met" },
    not_applicable: { zh: "不适用", en: "Not applicable" },
  },
};

export const notAssessedLabel: Bilingual = { zh: "未评估", en: "Not assessed" };

export function resultLabel(rule: ScoringRule, result: AssessmentResultValue | null | undefined): Bilingual {
  if (!result) return notAssessedLabel;
  return labels[rule][result] ?? { zh: result, en: result };
}

/** "部分达标 -1" under the 2014 points rule; the plain label elsewhere. */
export function resultWithPoints(rule: ScoringRule, result: AssessmentResultValue | null | undefined): Bilingual {
  const label = resultLabel(rule, result);
  if (rule !== "cn-2014-points" || !result || result === "not_applicable") return label;
  const points = { meets: "0", partly_meets: "-1", fails: "-2", conforms: "+2" }[result];
  return { zh: `${label.zh} ${points}`, en: `${label.en} ${points}` };
}

/** The class legend of the official form: 达标0 部分达标-1 不达标-2 不适用. */
export function legendFor(rule: ScoringRule, options: readonly string[]): Bilingual {
  const parts = options.map((o) => resultWithPoints(rule, o as AssessmentResultValue));
  return { zh: parts.map((p) => p.zh).join("  "), en: parts.map((p) => p.en).join(" · ") };
}

/** "SA-2026-0003": finds the assessment in the app. */
export function assessmentReference(assessedOn: string, number: number): string {
  return formatReference("assessment", number, assessedOn);
}

/** A corrective action's status, as the actions list names it. */
export const actionStatusLabels: Record<"open" | "in_progress" | "awaiting_verification" | "done" | "cancelled", Bilingual> = {
  open: { zh: "待整改", en: "Open" },
  in_progress: { zh: "整改中", en: "In progress" },
  awaiting_verification: { zh: "待主管验证", en: "Awaiting verification" },
  done: { zh: "已完成", en: "Done" },
  cancelled: { zh: "已取消", en: "Cancelled" },
};

export function actionReference(number: number): string {
  return formatReference("correctiveAction", number);
}

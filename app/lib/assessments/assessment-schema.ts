import { z } from "zod";
import { message } from "../i18n/messages";
import { OptionalDateSchema, optionalText, RequiredDateSchema, requiredText } from "../validation";
import { assessmentResults } from "./scoring";

export const NewAssessmentSchema = z.object({
  // A framework code of the catalogue: the server refuses one that is not loaded (createAssessment).
  framework: z.string({ error: message("errors.choose") }).trim().min(1, message("errors.choose")).max(60, message("errors.choose")),
  title: requiredText(200),
  assessedOn: RequiredDateSchema,
});
export type NewAssessmentValues = z.output<typeof NewAssessmentSchema>;

const uuidList = z.preprocess(
  (v) => (v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().uuid(message("errors.choose"))).max(100),
);

/** One criterion's result. Whether the result is allowed for that criterion is checked on the server. */
export const ResultSchema = z.object({
  intent: z.literal("result"),
  criterion: requiredText(40),
  result: z.enum(assessmentResults, { error: message("assessments.chooseResult") }),
  explanation: optionalText(4000),
  policies: uuidList,
});
export type ResultValues = z.output<typeof ResultSchema>;

/** One criterion's fields in the whole-assessment form; no result chosen leaves it unanswered. */
export const ResultFieldsSchema = z.object({
  result: z.preprocess((v) => (v === "" ? undefined : v), z.enum(assessmentResults, { error: message("assessments.chooseResult") }).optional()),
  explanation: optionalText(4000),
  policies: uuidList,
});

/** The field of criterion `key` in the whole-assessment form: result_1, explanation_1, policies_1, file_1. */
export function resultField(field: "result" | "explanation" | "policies" | "file", key: string): string {
  return `${field}_${key}`;
}

export interface ResultsFormEntry {
  criterion: string;
  result: NonNullable<z.output<typeof ResultFieldsSchema>["result"]> | null;
  explanation: string | undefined;
  policies: string[];
}

/**
 * Reads the whole-assessment form: the criteria it shows (hidden `criteria` inputs) and each one's
 * fields. Errors are keyed by the field's own name (explanation_21), so each shows under its control.
 */
export function parseResultsForm(
  values: Record<string, string | string[]>,
): { ok: true; entries: ResultsFormEntry[] } | { ok: false; errors: Record<string, string> } {
  const keys = [values.criteria ?? []].flat().filter((k) => /^[\w.-]{1,40}$/.test(k));
  const errors: Record<string, string> = {};
  const entries: ResultsFormEntry[] = [];
  for (const key of new Set(keys)) {
    const parsed = ResultFieldsSchema.safeParse({
      result: values[resultField("result", key)],
      explanation: values[resultField("explanation", key)],
      policies: values[resultField("policies", key)],
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[resultField(String(issue.path[0]) as "result", key)] ??= issue.message;
      continue;
    }
    entries.push({ criterion: key, result: parsed.data.result ?? null, explanation: parsed.data.explanation, policies: parsed.data.policies });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, entries };
}

/** The date customs notified the improvement period from; empty goes back to the assessment date. */
export const ImprovementNotifiedSchema = z.object({
  intent: z.literal("notified"),
  improvementNotifiedOn: OptionalDateSchema,
});
export type ImprovementNotifiedValues = z.output<typeof ImprovementNotifiedSchema>;

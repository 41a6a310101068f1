import { z } from "zod";
import { message } from "../i18n/messages";
import { enumField, OptionalDateSchema, optionalText, RequiredDateSchema, requiredText } from "../validation";
import { isCalendarDate, isUuid } from "../value-checks";
import { aYearAfter, continuityDisruptions, type ContinuityDisruption, continuityTestKinds, continuityTestResults, MAX_RECOVERY_HOURS } from "./continuity-rules";

// The forms of a continuity plan and of its test, shared by the pages (react-hook-form) and the
// actions. A test's findings are a fixed number of rows so the form works without JavaScript: a row
// without a description is not a finding; an owner and a due date raise its corrective action.

const isDisruption = (v: string): v is ContinuityDisruption => (continuityDisruptions as readonly string[]).includes(v);

/** The checkboxes of the disruptions covered: at least one, each of the list; the error is the group's. */
const disruptionsField = z
  .preprocess((v) => (v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
  .superRefine((v, ctx) => {
    if (!v.every(isDisruption)) ctx.addIssue({ code: "custom", message: message("errors.choose") });
    else if (v.length === 0) ctx.addIssue({ code: "custom", message: message("continuity.errors.disruptions") });
  })
  .transform((v) => v.filter(isDisruption));

const hoursMessage = message("continuity.errors.recoveryHours", { max: MAX_RECOVERY_HOURS });

export const ContinuityPlanSchema = z
  .object({
    title: requiredText(200),
    scope: requiredText(2000),
    disruptions: disruptionsField,
    recoveryHours: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z.coerce.number({ error: hoursMessage }).int(hoursMessage).min(1, hoursMessage).max(MAX_RECOVERY_HOURS, hoursMessage),
    ),
    contacts: requiredText(4000),
    securityMeasures: requiredText(4000),
    version: requiredText(20),
    revisedOn: RequiredDateSchema,
    nextReviewOn: RequiredDateSchema,
    nextTestOn: RequiredDateSchema,
  })
  .superRefine((v, ctx) => {
    if (!isCalendarDate(v.revisedOn)) return;
    // Reviewed and tested at least once a year (CTPAT 2.4 with 2.3's yearly rhythm; WCO L "periodically").
    for (const field of ["nextReviewOn", "nextTestOn"] as const) {
      if (!isCalendarDate(v[field])) continue;
      if (v[field] <= v.revisedOn) ctx.addIssue({ code: "custom", path: [field], message: message("continuity.errors.afterRevision") });
      else if (v[field] > aYearAfter(v.revisedOn)) ctx.addIssue({ code: "custom", path: [field], message: message("continuity.errors.yearly") });
    }
  });

export type ContinuityPlanValues = z.output<typeof ContinuityPlanSchema>;


export const FINDING_ROWS = 3;
export const findingRows = Array.from({ length: FINDING_ROWS }, (_, i) => i + 1);
export const findingField = (row: number, part: "Description" | "OwnerUserId" | "DueOn") => `finding${row}${part}`;

const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const rowFields = Object.fromEntries(
  findingRows.flatMap((row) => [
    [findingField(row, "Description"), optional.refine((v) => v === undefined || v.length <= 1000, message("errors.tooLong", { max: 1000 }))],
    [findingField(row, "OwnerUserId"), optional],
    [findingField(row, "DueOn"), OptionalDateSchema],
  ]),
) as Record<string, z.ZodType<string | undefined>>;

export const ContinuityTestSchema = z
  .object({
    testedOn: RequiredDateSchema,
    kind: enumField(continuityTestKinds),
    scenario: requiredText(2000),
    participants: requiredText(1000),
    result: enumField(continuityTestResults),
    notes: optionalText(4000),
    nextTestOn: RequiredDateSchema,
    ...rowFields,
  })
  .superRefine((v, ctx) => {
    const values = v as Record<string, string | undefined>;
    let findings = 0;
    for (const row of findingRows) {
      const description = values[findingField(row, "Description")];
      const owner = values[findingField(row, "OwnerUserId")];
      const dueOn = values[findingField(row, "DueOn")];
      if (!description) {
        if (owner || dueOn) ctx.addIssue({ code: "custom", path: [findingField(row, "Description")], message: message("continuity.errors.findingDescription") });
        continue;
      }
      findings += 1;
      if (owner && !isUuid(owner)) ctx.addIssue({ code: "custom", path: [findingField(row, "OwnerUserId")], message: message("errors.choose") });
      if (owner && !dueOn) ctx.addIssue({ code: "custom", path: [findingField(row, "DueOn")], message: message("continuity.errors.actionDue") });
      if (!owner && dueOn) ctx.addIssue({ code: "custom", path: [findingField(row, "OwnerUserId")], message: message("continuity.errors.actionOwner") });
      if (dueOn && isCalendarDate(v.testedOn) && dueOn < v.testedOn)
        ctx.addIssue({ code: "custom", path: [findingField(row, "DueOn")], message: message("continuity.errors.dueBeforeTest") });
    }
    if (v.result !== "passed" && findings === 0)
      ctx.addIssue({ code: "custom", path: [findingField(1, "Description")], message: message("continuity.errors.findingsNeeded") });
    if (isCalendarDate(v.testedOn) && isCalendarDate(v.nextTestOn)) {
      if (v.nextTestOn <= v.testedOn) ctx.addIssue({ code: "custom", path: ["nextTestOn"], message: message("continuity.errors.nextTestAfter") });
      else if (v.nextTestOn > aYearAfter(v.testedOn)) ctx.addIssue({ code: "custom", path: ["nextTestOn"], message: message("continuity.errors.yearly") });
    }
  });

export type ContinuityTestValues = z.output<typeof ContinuityTestSchema>;

export interface FindingInput {
  /** The form's row it was written in (where its errors show). */
  row: number;
  position: number;
  description: string;
  action: { ownerUserId: string; dueOn: string } | null;
}

/** The findings the form's rows hold, in order (rows without a description are not findings). */
export function findingsOf(values: ContinuityTestValues): FindingInput[] {
  const raw = values as unknown as Record<string, string | undefined>;
  const out: FindingInput[] = [];
  for (const row of findingRows) {
    const description = raw[findingField(row, "Description")];
    if (!description) continue;
    const owner = raw[findingField(row, "OwnerUserId")];
    const dueOn = raw[findingField(row, "DueOn")];
    out.push({ row, position: out.length + 1, description, action: owner && dueOn ? { ownerUserId: owner, dueOn } : null });
  }
  return out;
}

import { z } from "zod";
import { message } from "../i18n/messages";
import { isCalendarDate, optionalText, requiredText } from "../validation";

// Policy forms. The file itself is checked on the server (file-store.server.ts: size and real type).

const RequiredDate = z
  .string({ error: message("errors.required") })
  .trim()
  .min(1, message("errors.required"))
  .refine(isCalendarDate, message("errors.date"));

/** Criterion ids chosen from the catalogue (checked against it on the server). */
export const CriterionIdsSchema = z.preprocess(
  (v) => (v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().uuid(message("errors.choose"))).max(300),
);

export const PolicyVersionFields = {
  version: requiredText(40),
  effectiveOn: RequiredDate,
  approvedBy: requiredText(100),
  changeNote: optionalText(1000),
};

export const PolicySchema = z.object({
  documentNumber: requiredText(40),
  titleZh: requiredText(200),
  titleEn: requiredText(200),
  ...PolicyVersionFields,
  criteria: CriterionIdsSchema,
});
export type PolicyValues = z.output<typeof PolicySchema>;

export const PolicyVersionSchema = z.object({ intent: z.literal("version"), ...PolicyVersionFields });
export type PolicyVersionValues = z.output<typeof PolicyVersionSchema>;

export const PolicyDetailsSchema = z.object({
  intent: z.literal("details"),
  documentNumber: requiredText(40),
  titleZh: requiredText(200),
  titleEn: requiredText(200),
  criteria: CriterionIdsSchema,
});
export type PolicyDetailsValues = z.output<typeof PolicyDetailsSchema>;

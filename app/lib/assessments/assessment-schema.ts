import { z } from "zod";
import { message } from "../i18n/messages";
import { frameworkCodes } from "../criteria/framework-codes";
import { optionalText, RequiredDateSchema, requiredText } from "../validation";
import { assessmentResults } from "./scoring";

export const NewAssessmentSchema = z.object({
  framework: z.enum(frameworkCodes, { error: message("errors.choose") }),
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

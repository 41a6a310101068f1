import { z } from "zod";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, allowedFormatsLabel, uploadKinds } from "../evidence/file-rules";
import { message } from "../i18n/messages";
import { enumField, optionalText, RequiredDateSchema, requiredText } from "../validation";
import { isUuid } from "../value-checks";
import { MAX_MATERIALS, sessionCategories } from "./training-rules";

// The training forms. One schema per form, used by react-hook-form in the page and by the action.
// Materials (files) are checked on the server by their bytes (file-store.server.ts checkUpload).

const OptionalSiteId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || isUuid(v), message("errors.choose"));

const StartTime = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), message("training.errors.time"));

const DurationMinutes = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || (/^\d{1,4}$/.test(v) && Number(v) >= 5 && Number(v) <= 1440), message("training.errors.duration"))
  .transform((v) => (v === undefined ? undefined : Number(v)));

/** A checkbox: "on" (FormData) or true (react-hook-form) is ticked; absent or false is not. */
const Checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const common = {
  topic: requiredText(200),
  heldOn: RequiredDateSchema,
  startTime: StartTime,
  durationMinutes: DurationMinutes,
  siteId: OptionalSiteId,
  trainer: requiredText(100),
  provider: optionalText(200),
  testGiven: Checkbox,
  notes: optionalText(2000),
};

/** A plain session (every category but crisis_drill). */
export const SessionSchema = z.object({ category: enumField(sessionCategories), ...common });
export type SessionValues = z.output<typeof SessionSchema>;

/** A crisis drill: what was simulated, what was seen, what was learnt, what follows. */
export const DrillSchema = z.object({
  ...common,
  scenario: requiredText(2000),
  observations: optionalText(4000),
  lessonsLearned: optionalText(4000),
  followUp: optionalText(4000),
});
export type DrillValues = z.output<typeof DrillSchema>;

const allowedExtensions: readonly string[] = Object.values(uploadKinds).flatMap((k) => k.extensions);

/**
 * The materials input in the browser (a FileList, possibly empty): each file within the limit and of
 * an allowed extension, so a file that would be refused is never sent. The server reads the bytes.
 */
export const MaterialsFieldSchema = z.unknown().superRefine((value, ctx) => {
  const list = value as ArrayLike<{ size: number; name: string }> | null | undefined;
  if (!list || typeof list !== "object" || typeof list.length !== "number") return;
  if (list.length > MAX_MATERIALS)
    ctx.addIssue({ code: "custom", message: message("training.errors.tooManyFiles", { max: MAX_MATERIALS }) });
  for (let i = 0; i < list.length; i += 1) {
    const file = list[i];
    if (!file || typeof file !== "object" || !("size" in file)) continue;
    if (file.size > MAX_UPLOAD_BYTES) ctx.addIssue({ code: "custom", message: message("files.tooLarge", { max: MAX_UPLOAD_MB }) });
    else if (!allowedExtensions.includes(file.name.toLowerCase().slice(file.name.lastIndexOf("."))))
      ctx.addIssue({ code: "custom", message: message("files.badType", { formats: allowedFormatsLabel }) });
  }
});

export const SessionFormSchema = SessionSchema.extend({ materials: MaterialsFieldSchema });
export const DrillFormSchema = DrillSchema.extend({ materials: MaterialsFieldSchema });

/** Adding attendees: the employees ticked (or all shown, through the form that lists them as hidden fields). */
export const AttendSchema = z.object({
  intent: z.literal("attend"),
  employeeIds: z.preprocess(
    (v) => (v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string().refine(isUuid, message("errors.choose")))
      .min(1, message("training.errors.noAttendees"))
      .max(1000),
  ),
});
export const AttendFormSchema = AttendSchema.omit({ intent: true });

export const UnattendSchema = z.object({
  intent: z.literal("unattend"),
  attendanceId: z.string().refine(isUuid, message("errors.invalid")),
});

export const TestResultSchema = z.object({
  intent: z.literal("result"),
  attendanceId: z.string().refine(isUuid, message("errors.invalid")),
  passed: z.enum(["yes", "no", "unknown"], { error: message("errors.choose") }),
});

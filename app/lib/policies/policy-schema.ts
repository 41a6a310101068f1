import { z } from "zod";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, allowedFormatsLabel, uploadKinds } from "../evidence/file-rules";
import { message } from "../i18n/messages";
import { optionalText, requiredText } from "../validation";
import { isCalendarDate } from "../value-checks";

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

const allowedExtensions: readonly string[] = Object.values(uploadKinds).flatMap((k) => k.extensions);

/**
 * The file input in the browser (a FileList under react-hook-form): chosen, within the limit and
 * with an allowed extension, so a file that would be refused is never sent. Only a first check:
 * the server reads the bytes (file-store.server.ts checkUpload).
 */
export const UploadFieldSchema = z.unknown().superRefine((value, ctx) => {
  const list = value as { length?: number; 0?: unknown } | null | undefined;
  const file = typeof list === "object" && list && typeof list.length === "number" ? list[0] : value;
  if (!file || typeof file !== "object" || !("size" in file) || !("name" in file)) {
    ctx.addIssue({ code: "custom", message: message("files.required") });
    return;
  }
  const { size, name } = file as { size: number; name: string };
  if (size === 0) ctx.addIssue({ code: "custom", message: message("files.required") });
  else if (size > MAX_UPLOAD_BYTES) ctx.addIssue({ code: "custom", message: message("files.tooLarge", { max: MAX_UPLOAD_MB }) });
  else if (!allowedExtensions.includes(name.toLowerCase().slice(name.lastIndexOf("."))))
    ctx.addIssue({ code: "custom", message: message("files.badType", { formats: allowedFormatsLabel }) });
});

/** The new-policy form as the browser checks it: the fields plus the first version's file. */
export const PolicyFormSchema = PolicySchema.extend({ file: UploadFieldSchema });

/** The new-version form as the browser checks it (the hidden intent is not a registered field). */
export const PolicyVersionFormSchema = PolicyVersionSchema.omit({ intent: true }).extend({ file: UploadFieldSchema });

/** The details form as the browser checks it. */
export const PolicyDetailsFormSchema = PolicyDetailsSchema.omit({ intent: true });

/** The criteria picker's data (policies.server.ts criteriaPicker): assessable criteria by framework and class. */
export interface PickerFramework {
  code: string;
  nameZh: string;
  nameEn: string;
  groups: PickerGroup[];
}

export interface PickerGroup {
  /** The class (top heading) the criteria sit under; null for a framework without classes (WCO). */
  heading: { code: string; titleZh: string; titleEn: string } | null;
  criteria: { id: string; code: string; titleZh: string; titleEn: string }[];
}

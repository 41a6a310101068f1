import { z } from "zod";
import { message } from "../i18n/messages";
import { checkContainerNumber, normalizeContainerNumber } from "../inspections/container-number";
import { isLocalDateTime } from "../inspections/inspection-schema";
import { enumField, optionalText, OptionalDateSchema, requiredText } from "../validation";
import { isUuid } from "../value-checks";
import { isSealNumber, normalizeSealNumber } from "./seal-numbers";
import { isoClasses, loadStates, MIN_REASON, reportKinds, sealTypes, verificationStages } from "./seal-values";

// One schema per seal form, used by react-hook-form in the page and re-checked by the action.
// Photos and certificate files travel beside the fields and are checked by the server.

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || isUuid(v), message("errors.choose"));

const requiredId = z
  .string({ error: message("errors.choose") })
  .trim()
  .refine((v) => isUuid(v), message("errors.choose"));

export const SealNumberSchema = z
  .string({ error: message("errors.required") })
  .transform(normalizeSealNumber)
  .refine((v) => v.length > 0, message("errors.required"))
  .refine((v) => v.length === 0 || isSealNumber(v), message("seals.errors.numberFormat"));

const optionalSealNumber = z
  .string()
  .optional()
  .transform((v) => (v ? normalizeSealNumber(v) : ""))
  .refine((v) => v === "" || isSealNumber(v), message("seals.errors.numberFormat"));

/** When it happened, on the organisation's wall clock (YYYY-MM-DDTHH:MM); empty means now. */
const occurredAtField = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || isLocalDateTime(v), message("seals.errors.dateTime"));

const reasonText = (max: number) =>
  z
    .string({ error: message("errors.required") })
    .trim()
    .min(1, message("errors.required"))
    .min(MIN_REASON, message("seals.errors.reasonTooShort", { min: MIN_REASON }))
    .max(max, message("errors.tooLong", { max }));

export const SealModelSchema = z.object({
  manufacturer: requiredText(120),
  modelName: requiredText(120),
  type: enumField(sealTypes),
  isoClass: enumField(isoClasses),
  certificateDate: OptionalDateSchema,
});
export type SealModelValues = z.output<typeof SealModelSchema>;

/** The certificate of a model registered without one: the file travels beside these fields. */
export const SealModelCertificateSchema = z.object({ modelId: requiredId, certificateDate: OptionalDateSchema });

export const ReceiveSealsSchema = z.object({
  modelId: requiredId,
  siteId: optionalId,
  fromNumber: SealNumberSchema,
  toNumber: optionalSealNumber,
  occurredAt: occurredAtField,
  note: optionalText(500),
});
export type ReceiveSealsValues = z.output<typeof ReceiveSealsSchema>;

export const IssueSealsSchema = z.object({
  custodianUserId: requiredId,
  fromNumber: SealNumberSchema,
  toNumber: optionalSealNumber,
  note: optionalText(500),
});
export type IssueSealsValues = z.output<typeof IssueSealsSchema>;

export const ApplySealSchema = z
  .object({
    sealNumber: SealNumberSchema,
    targetKind: enumField(["container", "trailer"] as const),
    target: z
      .string({ error: message("errors.required") })
      .trim()
      .max(20, message("errors.tooLong", { max: 20 })),
    /** Loaded or empty, as the applier sees it: no default, the person at the door states it. */
    loadState: z.enum(loadStates, { error: message("seals.errors.chooseLoadState") }),
    shipmentRef: optionalText(60),
    occurredAt: occurredAtField,
    inspectionId: optionalId,
    replacesSealId: optionalId,
    note: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (!v.target) {
      ctx.addIssue({ code: "custom", path: ["target"], message: message("errors.required") });
      return;
    }
    if (v.targetKind !== "container") return;
    const checked = checkContainerNumber(v.target);
    if (checked.ok) return;
    const text =
      checked.reason === "format"
        ? message("seals.errors.containerFormat")
        : checked.reason === "category"
          ? message("seals.errors.containerCategory", { character: checked.character })
          : message("seals.errors.containerCheck", { prefix: checked.prefix, expected: checked.expected, actual: checked.actual });
    ctx.addIssue({ code: "custom", path: ["target"], message: text });
  })
  .transform((v) => ({
    ...v,
    target: v.targetKind === "container" ? normalizeContainerNumber(v.target) : v.target.toUpperCase().replace(/\s+/g, ""),
  }));
export type ApplySealValues = z.output<typeof ApplySealSchema>;

const passFail = z.enum(["pass", "fail"], { error: message("seals.errors.choosePassFail") });

export const VerifySealSchema = z.object({
  sealNumber: SealNumberSchema,
  stage: enumField(verificationStages),
  view: passFail,
  verify: passFail,
  tug: passFail,
  twist: passFail,
  documentNumber: SealNumberSchema,
  occurredAt: occurredAtField,
  note: optionalText(1000),
});
export type VerifySealValues = z.output<typeof VerifySealSchema>;

export const ReportSealSchema = z.object({
  sealNumber: SealNumberSchema,
  reportKind: enumField(reportKinds),
  description: reasonText(2000),
  occurredAt: occurredAtField,
});
export type ReportSealValues = z.output<typeof ReportSealSchema>;

export const VoidSealSchema = z.object({ reason: reasonText(1000) });
export const ResolveReportSchema = z.object({ reportId: requiredId, note: reasonText(2000) });

export const SealAuditSchema = z.object({
  siteId: optionalId,
  counted: z
    .string()
    .max(200_000, message("errors.tooLong", { max: 200_000 }))
    .optional()
    .default(""),
  note: optionalText(2000),
});
export type SealAuditValues = z.output<typeof SealAuditSchema>;

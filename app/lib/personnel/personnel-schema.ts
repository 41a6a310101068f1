import { z } from "zod";
import { message } from "../i18n/messages";
import { checkResidentId, maskIdNumber } from "../inspections/identity-document";
import { enumField, multiChoice, OptionalDateSchema, optionalText, RequiredDateSchema, requiredText } from "../validation";
import { isUuid } from "../value-checks";
import { offboardingItemKinds } from "./personnel-rules";
import { keyRoles, orderedKeyRoles } from "./personnel-values";

// The personnel forms: the employee (list entry), the checks, the acknowledgement, the exit items.
// One schema each, for react-hook-form and the action alike.

export const idDocumentTypes = [
  "resident_id",
  "passport",
  "hk_macao_permit",
  "taiwan_permit",
  "foreign_permanent_residence",
  "other",
] as const;
export type EmployeeIdDocumentType = (typeof idDocumentTypes)[number];
export const prehireKinds = ["employment_history", "reference", "identity", "education"] as const;
export const prehireResults = ["verified", "discrepancy", "unreachable"] as const;
export const backgroundTypes = ["criminal_record", "identity", "credit", "other"] as const;
export const backgroundResults = ["clear", "concern", "failed"] as const;

const ID_NUMBER = /^[A-Z0-9()（）-]{4,30}$/;

const checkbox = z.preprocess((v) => v === true || v === "1" || v === "on", z.boolean());
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(values, { error: message("errors.choose") }).optional());

export interface CheckedIdNumber {
  value: string;
  masked: string;
  /** A resident ID carries the birth date; undefined for other documents. */
  birthDate?: string;
}

/** The ID number as typed, checked for its document type; a message key when it is wrong. */
export function checkEmployeeIdNumber(
  type: EmployeeIdDocumentType,
  input: string,
): { ok: true; id: CheckedIdNumber } | { ok: false; error: string } {
  const value = input.replace(/\s/g, "").toUpperCase();
  if (type === "resident_id") {
    const checked = checkResidentId(value);
    if (checked.ok) {
      const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
      return { ok: true, id: { value: checked.value, masked: maskIdNumber(checked.value), birthDate } };
    }
    if (checked.reason === "length") return { ok: false, error: message("personnel.residentId.length", { length: checked.length }) };
    if (checked.reason === "format") return { ok: false, error: message("personnel.residentId.format") };
    if (checked.reason === "birthDate")
      return { ok: false, error: message("personnel.residentId.birthDate", { birthDate: checked.birthDate }) };
    return { ok: false, error: message("personnel.residentId.check", { expected: checked.expected, actual: checked.actual }) };
  }
  if (!ID_NUMBER.test(value)) return { ok: false, error: message("personnel.idNumberFormat") };
  return { ok: true, id: { value, masked: maskIdNumber(value) } };
}

export const EmployeeSchema = z
  .object({
    name: requiredText(100),
    siteId: z.preprocess((v) => (v === "" ? undefined : v), z.string().refine(isUuid, message("errors.choose")).optional()),
    dateOfBirth: OptionalDateSchema,
    idDocumentType: optionalChoice(idDocumentTypes),
    /** Empty on an edit keeps the stored number (which the form never shows). */
    idNumber: optionalText(40),
    position: requiredText(100),
    department: optionalText(100),
    securitySensitive: checkbox,
    /** Every key role the person holds (checkboxes): none, one or several. */
    keyRoles: multiChoice(keyRoles),
    hireDate: RequiredDateSchema,
    leaveDate: OptionalDateSchema,
    /** The employee's own Tradeguard account, when they have one (its exit can deactivate it). */
    userId: z.preprocess((v) => (v === "" ? undefined : v), z.string().refine(isUuid, message("errors.choose")).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.idNumber) {
      if (!v.idDocumentType) {
        ctx.addIssue({ code: "custom", path: ["idDocumentType"], message: message("personnel.idTypeRequired") });
      } else {
        const checked = checkEmployeeIdNumber(v.idDocumentType, v.idNumber);
        if (!checked.ok) ctx.addIssue({ code: "custom", path: ["idNumber"], message: checked.error });
        else if (checked.id.birthDate && v.dateOfBirth && checked.id.birthDate !== v.dateOfBirth) {
          ctx.addIssue({
            code: "custom",
            path: ["dateOfBirth"],
            message: message("personnel.birthDateMismatch", { birthDate: checked.id.birthDate }),
          });
        }
      }
    }
    if (v.dateOfBirth && v.dateOfBirth >= v.hireDate)
      ctx.addIssue({ code: "custom", path: ["dateOfBirth"], message: message("personnel.birthAfterHire") });
    if (v.leaveDate && v.leaveDate < v.hireDate)
      ctx.addIssue({ code: "custom", path: ["leaveDate"], message: message("personnel.leaveBeforeHire") });
  })
  .transform((v) => {
    const checked = v.idNumber && v.idDocumentType ? checkEmployeeIdNumber(v.idDocumentType, v.idNumber) : null;
    const id = checked?.ok ? checked.id : null;
    // A resident ID states the birth date: the list takes it from there when the form left it empty.
    return {
      ...v,
      idNumber: id?.value,
      idNumberMasked: id?.masked,
      dateOfBirth: v.dateOfBirth ?? id?.birthDate,
      department: v.department ?? "",
      keyRoles: orderedKeyRoles(v.keyRoles),
    };
  });
export type EmployeeValues = z.output<typeof EmployeeSchema>;

export const PrehireCheckSchema = z.object({
  intent: z.literal("prehire"),
  kind: enumField(prehireKinds),
  source: requiredText(200),
  checkedOn: RequiredDateSchema,
  result: enumField(prehireResults),
  note: optionalText(1000),
});

export const BackgroundCheckSchema = z.object({
  intent: z.literal("background"),
  type: enumField(backgroundTypes),
  provider: requiredText(200),
  checkedOn: RequiredDateSchema,
  result: enumField(backgroundResults),
  note: optionalText(1000),
});

export const ConductSchema = z.object({
  intent: z.literal("conduct"),
  codeVersion: requiredText(200),
  acknowledgedOn: RequiredDateSchema,
});

export const OffboardingItemSchema = z.object({
  intent: z.literal("item"),
  item: enumField(offboardingItemKinds),
  note: optionalText(500),
  /** it_access_revoked: also deactivate the employee's Tradeguard membership. */
  deactivateMember: checkbox,
});

export const ExitSchema = z.object({
  intent: z.literal("exit"),
  leaveDate: RequiredDateSchema,
});

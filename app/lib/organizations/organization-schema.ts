import { z } from "zod";
import { message } from "../i18n/messages";
import { EmailSchema, enumField, multiChoice, OptionalDateSchema, optionalText, requiredText } from "../validation";
import { roles } from "../auth/permissions";
import { checkCustomsCode } from "./customs-code";
import { cn2014RoleValues, cn2022BusinessTypeValues } from "../criteria/business-type-values";
import { checkUscc } from "./uscc";
import { cnCustomsLevels, levelOf, otherProgrammeCodes, programmeOf } from "./status-levels";

export const enterpriseTypes = [
  "consignor_consignee",
  "customs_broker",
  "logistics_carrier",
  "warehouse",
  "cross_border_ecommerce",
  "freight_forwarder",
  "manufacturer",
  "other",
] as const;
export type EnterpriseType = (typeof enterpriseTypes)[number];

const knownBusinessTypes = new Set<string>(cn2022BusinessTypeValues);

/** The CN-2022 business types ticked: each must be one of the ten of 附件3 (the unknown one is named). */
export const BusinessTypesSchema = z
  .preprocess((v) => (v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
  .superRefine((values, ctx) => {
    const unknown = values.find((v) => !knownBusinessTypes.has(v));
    if (unknown !== undefined)
      ctx.addIssue({ code: "custom", message: message("errors.unknownBusinessType", { value: unknown.slice(0, 60) }) });
  })
  .transform((values) => cn2022BusinessTypeValues.filter((v) => values.includes(v)));

/** The China Customs levels from the catalogue's status data (none, advanced, general). */
export const aeoStatuses = cnCustomsLevels;
export const siteKinds = ["factory", "warehouse", "office", "yard", "port_facility"] as const;
export type SiteKind = (typeof siteKinds)[number];

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const upperCode = z
  .string()
  .trim()
  .toUpperCase()
  .optional()
  .transform((v) => (v ? v.replace(/\s+/g, "") : undefined));

/** A unified social credit code, upper-cased and checked by GB 32100 (empty: undefined). */
export const OptionalUsccSchema = upperCode.superRefine((code, ctx) => {
  const problem = code ? checkUscc(code) : null;
  if (!problem) return;
  const { rule, ...values } = problem;
  ctx.addIssue({ code: "custom", message: message(`errors.uscc.${rule}`, values) });
});

export const OrganizationProfileSchema = z
  .object({
    legalNameZh: requiredText(200),
    legalNameEn: requiredText(200),
    customsCode: upperCode.superRefine((code, ctx) => {
      const problem = code ? checkCustomsCode(code) : null;
      if (!problem) return;
      const { rule, ...values } = problem;
      ctx.addIssue({ code: "custom", message: message(`errors.customsCode.${rule}`, values) });
    }),
    unifiedSocialCreditCode: OptionalUsccSchema,
    enterpriseTypes: multiChoice(enterpriseTypes),
    cn2022BusinessTypes: BusinessTypesSchema,
    cn2014Role: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.enum(cn2014RoleValues, { error: message("errors.unknownCn2014Role") }).optional(),
    ),
    aeoStatus: enumField(aeoStatuses),
    aeoCertificateNumber: optionalText(60),
    aeoCertifiedOn: OptionalDateSchema,
    aeoNextRecertificationOn: OptionalDateSchema,
    timeZone: z
      .string()
      .trim()
      .min(1, message("errors.required"))
      .refine(isTimeZone, message("errors.timeZone")),
  })
  .superRefine((v, ctx) => {
    // Every certified level has a certificate (认证企业证书) and a date of its next re-certification.
    if (v.aeoStatus === "none") return;
    if (!v.aeoCertificateNumber)
      ctx.addIssue({ code: "custom", path: ["aeoCertificateNumber"], message: message("errors.aeoRequired") });
    if (!v.aeoCertifiedOn)
      ctx.addIssue({ code: "custom", path: ["aeoCertifiedOn"], message: message("errors.aeoRequired") });
    if (!v.aeoNextRecertificationOn)
      ctx.addIssue({ code: "custom", path: ["aeoNextRecertificationOn"], message: message("errors.aeoRequired") });
    if (v.aeoCertifiedOn && v.aeoNextRecertificationOn && v.aeoNextRecertificationOn <= v.aeoCertifiedOn)
      ctx.addIssue({
        code: "custom",
        path: ["aeoNextRecertificationOn"],
        message: message("errors.recertificationBeforeCertification"),
      });
  });
export type OrganizationProfileValues = z.output<typeof OrganizationProfileSchema>;

/**
 * The level held under CTPAT or the EU AEO programme (China Customs is on the profile): "none"
 * removes it; any other level must be one of the programme's, and carries its certificate number.
 * A validity date is optional (an EU AEO authorisation does not expire; a CTPAT one is re-validated).
 */
export const OrganizationStatusSchema = z
  .object({
    programme: enumField(otherProgrammeCodes),
    level: z.string({ error: message("errors.required") }).trim().min(1, message("errors.required")),
    certificateNumber: optionalText(60),
    certifiedOn: OptionalDateSchema,
    validUntil: OptionalDateSchema,
  })
  .superRefine((v, ctx) => {
    if (v.level === "none") return;
    if (!levelOf(v.programme, v.level)) {
      const programme = programmeOf(v.programme);
      ctx.addIssue({
        code: "custom",
        path: ["level"],
        message: message("errors.statusLevel", {
          value: v.level.slice(0, 40),
          levels: programme?.levels.map((l) => l.code).join(", ") ?? "",
        }),
      });
      return;
    }
    if (!v.certificateNumber) ctx.addIssue({ code: "custom", path: ["certificateNumber"], message: message("errors.statusCertificate") });
    if (v.certifiedOn && v.validUntil && v.validUntil <= v.certifiedOn)
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: message("errors.validUntilBeforeCertified") });
  });
export type OrganizationStatusValues = z.output<typeof OrganizationStatusSchema>;

export const SiteSchema = z.object({
  nameZh: requiredText(120),
  nameEn: requiredText(120),
  address: requiredText(300),
  kind: enumField(siteKinds),
  securityContactName: optionalText(100),
  securityContactPhone: optionalText(40).refine(
    (v) => v === undefined || /^[0-9+()\-\s]{5,40}$/.test(v),
    message("errors.phone"),
  ),
});
export type SiteValues = z.output<typeof SiteSchema>;

export const InviteSchema = z.object({ email: EmailSchema, role: enumField(roles) });

export const MemberRoleSchema = z.object({ role: enumField(roles) });

import { z } from "zod";
import { message } from "../i18n/messages";
import { OptionalUsccSchema } from "../organizations/organization-schema";
import { EmailSchema, enumField, multiChoice, OptionalDateSchema, optionalText, RequiredDateSchema } from "../validation";
import { countryCodes } from "./countries";
import { aeoProgrammes, customsCredits, partnerRoles } from "./partner-values";

// The partner forms (register, edit, import rows): one schema for the page, the action and the
// importer. A Chinese entity is identified by its unified social credit code, a foreign one by its
// registration number; an AEO status needs its certificate number and validity.

const AnnualVolumeSchema = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v.replace(/[,，\s]/g, "") : undefined))
  .refine((v) => v === undefined || /^\d{1,15}$/.test(v), message("partners.volumeFormat"))
  .transform((v) => (v === undefined ? undefined : Number(v)));

export const PartnerSchema = z
  .object({
    legalNameZh: optionalText(200),
    legalNameEn: optionalText(200),
    countryCode: enumField(countryCodes),
    uscc: OptionalUsccSchema,
    foreignRegistrationNumber: optionalText(60),
    roles: multiChoice(partnerRoles).refine((r) => r.length > 0, message("partners.rolesRequired")),
    customsCredit: enumField(customsCredits).default("unknown"),
    aeoProgramme: enumField(aeoProgrammes).default("none"),
    aeoProgrammeName: optionalText(100),
    aeoCertificateNumber: optionalText(60),
    aeoValidUntil: OptionalDateSchema,
    annualVolumeCny: AnnualVolumeSchema,
    notes: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (!v.legalNameZh && !v.legalNameEn)
      ctx.addIssue({ code: "custom", path: ["legalNameZh"], message: message("partners.nameRequired") });
    if (v.countryCode === "CN" && !v.uscc) ctx.addIssue({ code: "custom", path: ["uscc"], message: message("partners.usccRequired") });
    if (v.countryCode !== "CN" && !v.foreignRegistrationNumber) {
      ctx.addIssue({ code: "custom", path: ["foreignRegistrationNumber"], message: message("partners.registrationRequired") });
    }
    if (v.aeoProgramme !== "none") {
      if (!v.aeoCertificateNumber)
        ctx.addIssue({ code: "custom", path: ["aeoCertificateNumber"], message: message("partners.aeoRequired") });
      if (!v.aeoValidUntil) ctx.addIssue({ code: "custom", path: ["aeoValidUntil"], message: message("partners.aeoRequired") });
    }
    if (v.aeoProgramme === "other_mra" && !v.aeoProgrammeName) {
      ctx.addIssue({ code: "custom", path: ["aeoProgrammeName"], message: message("partners.aeoProgrammeNameRequired") });
    }
  })
  .transform((v) => ({
    ...v,
    // A foreign entity has no USCC and a Chinese one no foreign number or customs credit elsewhere.
    uscc: v.countryCode === "CN" ? v.uscc : undefined,
    foreignRegistrationNumber: v.countryCode === "CN" ? undefined : v.foreignRegistrationNumber,
    customsCredit: v.countryCode === "CN" ? v.customsCredit : ("unknown" as const),
    aeoProgrammeName: v.aeoProgramme === "other_mra" ? v.aeoProgrammeName : undefined,
    aeoCertificateNumber: v.aeoProgramme === "none" ? undefined : v.aeoCertificateNumber,
    aeoValidUntil: v.aeoProgramme === "none" ? undefined : v.aeoValidUntil,
  }));
export type PartnerValues = z.output<typeof PartnerSchema>;

export const ContactSchema = z.object({
  intent: z.literal("contact"),
  name: z
    .string({ error: message("errors.required") })
    .trim()
    .min(1, message("errors.required"))
    .max(100, message("errors.tooLong", { max: 100 })),
  position: optionalText(100),
  email: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(EmailSchema.optional()),
  phone: optionalText(40),
});

export const PartnerSiteSchema = z.object({
  intent: z.literal("site"),
  name: z
    .string({ error: message("errors.required") })
    .trim()
    .min(1, message("errors.required"))
    .max(120, message("errors.tooLong", { max: 120 })),
  address: z
    .string({ error: message("errors.required") })
    .trim()
    .min(1, message("errors.required"))
    .max(300, message("errors.tooLong", { max: 300 })),
  countryCode: enumField(countryCodes),
});

export const supervisionKinds = ["document_review", "site_visit", "performance_review"] as const;

export const MAX_CONDITIONS = 3;
export const conditionField = (n: number, prop: "title" | "ownerUserId" | "dueOn") => `condition_${n}_${prop}`;

/**
 * Up to three conditions (corrective actions) on a form: condition_<n>_title, _ownerUserId, _dueOn.
 * A row with a title needs an owner and a due date; empty rows are ignored.
 */
function withConditions<T extends z.ZodRawShape>(shape: T, required: (v: Record<string, unknown>) => boolean) {
  const conditionShape: Record<string, z.ZodType> = {};
  for (let n = 1; n <= MAX_CONDITIONS; n += 1) {
    conditionShape[conditionField(n, "title")] = optionalText(200);
    conditionShape[conditionField(n, "ownerUserId")] = optionalText(40);
    conditionShape[conditionField(n, "dueOn")] = OptionalDateSchema;
  }
  return z
    .object({ ...shape, ...conditionShape })
    .superRefine((v, ctx) => {
      const values = v as Record<string, unknown>;
      let count = 0;
      for (let n = 1; n <= MAX_CONDITIONS; n += 1) {
        if (!values[conditionField(n, "title")]) continue;
        count += 1;
        if (!values[conditionField(n, "ownerUserId")])
          ctx.addIssue({ code: "custom", path: [conditionField(n, "ownerUserId")], message: message("errors.choose") });
        if (!values[conditionField(n, "dueOn")])
          ctx.addIssue({ code: "custom", path: [conditionField(n, "dueOn")], message: message("errors.required") });
      }
      if (required(values) && count === 0)
        ctx.addIssue({ code: "custom", path: [conditionField(1, "title")], message: message("partners.conditionRequired") });
    })
    .transform((v): z.output<z.ZodObject<T>> & { conditions: { title: string; ownerUserId: string; dueOn: string }[] } => {
      const values = v as Record<string, unknown>;
      const conditions: { title: string; ownerUserId: string; dueOn: string }[] = [];
      for (let n = 1; n <= MAX_CONDITIONS; n += 1) {
        const title = values[conditionField(n, "title")];
        if (typeof title === "string" && title) {
          conditions.push({
            title,
            ownerUserId: String(values[conditionField(n, "ownerUserId")]),
            dueOn: String(values[conditionField(n, "dueOn")]),
          });
        }
      }
      return { ...(v as z.output<z.ZodObject<T>>), conditions };
    });
}

/** A supervision check; findings need at least one corrective action. */
export const SupervisionSchema = withConditions(
  {
    intent: z.literal("supervision"),
    kind: enumField(supervisionKinds),
    performedOn: RequiredDateSchema,
    result: enumField(["satisfactory", "findings"] as const),
    summary: z
      .string({ error: message("errors.required") })
      .trim()
      .min(1, message("errors.required"))
      .max(4000, message("errors.tooLong", { max: 4000 })),
  },
  (v) => v.result === "findings",
);

export const decisions = ["approved", "approved_with_conditions", "rejected"] as const;

/** The second person's decision on a prepared evaluation. */
export const DecisionSchema = withConditions(
  {
    intent: z.literal("decide"),
    decision: enumField(decisions),
    note: optionalText(2000),
  },
  (v) => v.decision === "approved_with_conditions",
).superRefine((v, ctx) => {
  if (v.decision === "rejected" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: message("partners.rejectionReason") });
  // Without JavaScript the condition rows show for every decision: conditions typed there must not
  // become actions of a plain approval or a rejection unnoticed.
  if (v.decision !== "approved_with_conditions" && v.conditions.length > 0) {
    ctx.addIssue({ code: "custom", path: [conditionField(1, "title")], message: message("partners.conditionsOnlyConditional") });
  }
});

/** A contract or written notice with its clauses; the file is optional (it can follow). */
export const ContractSchema = z
  .object({
    intent: z.literal("contract"),
    contractNumber: z
      .string({ error: message("errors.required") })
      .trim()
      .min(1, message("errors.required"))
      .max(60, message("errors.tooLong", { max: 60 })),
    title: z
      .string({ error: message("errors.required") })
      .trim()
      .min(1, message("errors.required"))
      .max(200, message("errors.tooLong", { max: 200 })),
    startsOn: RequiredDateSchema,
    endsOn: OptionalDateSchema,
    clauseIds: z.preprocess(
      (v) => (v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.string().uuid(message("errors.choose"))).min(1, message("partners.clausesRequired")),
    ),
  })
  .refine((v) => !v.endsOn || v.endsOn >= v.startsOn, { path: ["endsOn"], message: message("errors.dateRange") });

/** The partner's acknowledgement of a contract's clauses. */
export const AcknowledgementSchema = z.object({
  intent: z.literal("acknowledge"),
  acknowledgedOn: RequiredDateSchema,
  acknowledgedBy: z
    .string({ error: message("errors.required") })
    .trim()
    .min(1, message("errors.required"))
    .max(120, message("errors.tooLong", { max: 120 })),
});

/** Starting an evaluation in one of the partner's roles. */
export const StartEvaluationSchema = z.object({ intent: z.literal("evaluate"), role: enumField(partnerRoles) });

/** A link for the partner to answer its questionnaire; with an address it is also emailed. */
export const LINK_DAYS_DEFAULT = 14;
export const LINK_DAYS_MAX = 60;

export const QuestionnaireLinkSchema = z.object({
  intent: z.literal("link"),
  locale: enumField(["zh-CN", "en"] as const),
  days: z.coerce
    .number({ error: message("errors.required") })
    .int(message("partners.linkDays"))
    .min(1, message("partners.linkDays"))
    .max(LINK_DAYS_MAX, message("partners.linkDays")),
  email: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(EmailSchema.optional()),
});

/** The organisation's partner rules. */
export const PartnerPolicySchema = z.object({
  lowTierMinScore: z.coerce.number({ error: message("errors.required") }).int(message("partners.policyRange")),
  mediumTierMinScore: z.coerce.number({ error: message("errors.required") }).int(message("partners.policyRange")),
  highTierMonths: z.coerce.number({ error: message("errors.required") }).int(message("partners.policyMonths")),
  mediumTierMonths: z.coerce.number({ error: message("errors.required") }).int(message("partners.policyMonths")),
  lowTierMonths: z.coerce.number({ error: message("errors.required") }).int(message("partners.policyMonths")),
  highTierSupervisionMonths: z.coerce.number({ error: message("errors.required") }).int(message("partners.policyMonths")),
  mediumTierSupervisionMonths: z.coerce.number({ error: message("errors.required") }).int(message("partners.policyMonths")),
  lowTierSupervisionMonths: z.coerce.number({ error: message("errors.required") }).int(message("partners.policyMonths")),
  requiredClauseCodes: z.preprocess(
    (v) => (v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().regex(/^[a-z0-9-]{1,40}$/, message("errors.choose"))),
  ),
});

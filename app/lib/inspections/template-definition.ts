import { z } from "zod";
import { message } from "../i18n/messages";
import { requiredText } from "../validation";

// A checklist template's definition (what db/catalog/templates/types.ts describes as data): the zod
// schema that every stored definition passes, built-in or an organisation's adapted copy, and the
// small reads the inspection form and rules need.

export const templateKinds = ["container", "conveyance", "driver", "premises", "lighting", "cctv", "building", "it_security", "loading", "storage"] as const;
export type TemplateKind = (typeof templateKinds)[number];

export const headerFieldKeys = [
  "area",
  "containerNumber",
  "reefer",
  "truckPlate",
  "trailerNumber",
  "sealNumbers",
  "shipmentRef",
  "driverName",
  "driverIdType",
  "driverIdNumber",
  "driverEmployer",
  "arrivalTime",
  "departureTime",
  "sealAtDeparture",
  "reviewFrom",
  "reviewTo",
  "camerasReviewed",
  "systemsReviewed",
] as const;
export type HeaderFieldKey = (typeof headerFieldKeys)[number];

export const answerTypes = ["pass_fail_na", "yes_no", "number", "text", "photo"] as const;
export type AnswerType = (typeof answerTypes)[number];

export const signoffModes = ["none", "optional", "required"] as const;

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Optional text whose key may be absent (stored definitions omit what is not set). */
function optionalKeyText(max: number) {
  return z
    .string()
    .trim()
    .max(max, message("errors.tooLong", { max }))
    .transform((v) => (v ? v : undefined))
    .optional();
}
const keyField = z
  .string({ error: message("errors.required") })
  .trim()
  .min(1, message("errors.required"))
  .max(40, message("errors.tooLong", { max: 40 }))
  .regex(KEY, message("templates.keyFormat"));

export const CriterionRefSchema = z.object({
  // A framework code of the catalogue; templates.server.ts refuses refs that name no loaded criterion.
  framework: z.string({ error: message("errors.choose") }).trim().min(1, message("errors.choose")).max(60, message("errors.choose")),
  key: z.string().trim().min(1).max(40),
});
export type CriterionRef = Readonly<z.output<typeof CriterionRefSchema>>;

export const TemplateItemSchema = z
  .object({
    key: keyField,
    number: requiredText(8),
    promptZh: requiredText(200),
    promptEn: requiredText(200),
    guidanceZh: optionalKeyText(600),
    guidanceEn: optionalKeyText(600),
    answer: z.enum(answerTypes, { error: message("errors.choose") }),
    required: z.boolean(),
    failRequiresPhoto: z.boolean(),
    failRequiresNote: z.boolean(),
    failOn: z.enum(["yes", "no"]).optional(),
    unit: optionalKeyText(12),
    failBelow: z.number().finite().optional(),
    failAbove: z.number().finite().optional(),
    onlyWhen: z.literal("reefer").optional(),
    criteria: z.array(CriterionRefSchema).max(20),
  })
  .superRefine((item, ctx) => {
    if (
      item.answer === "number" &&
      item.failBelow === undefined &&
      item.failAbove === undefined &&
      (item.failRequiresNote || item.failRequiresPhoto)
    ) {
      // A reading without a limit can never fail, so "when it fails" settings would mean nothing.
      ctx.addIssue({ code: "custom", path: ["failBelow"], message: message("templates.numberNeedsLimit") });
    }
    if (item.failBelow !== undefined && item.failAbove !== undefined && item.failBelow > item.failAbove) {
      ctx.addIssue({ code: "custom", path: ["failAbove"], message: message("templates.limitsOrder") });
    }
  });
/** Definitions are read, never changed in place: a change is a new version. */
type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export type TemplateItem = DeepReadonly<z.output<typeof TemplateItemSchema>>;

export const TemplateDefinitionSchema = z
  .object({
    kind: z.enum(templateKinds, { error: message("errors.choose") }),
    releaseGate: z.boolean(),
    supervisorSignoff: z.enum(signoffModes, { error: message("errors.choose") }),
    actionDueDays: z.number().int().min(0, message("templates.dueDaysRange")).max(90, message("templates.dueDaysRange")),
    header: z.array(z.object({ field: z.enum(headerFieldKeys), required: z.boolean() })).max(headerFieldKeys.length),
    sections: z
      .array(
        z.object({
          key: keyField,
          titleZh: requiredText(100),
          titleEn: requiredText(100),
          items: z.array(TemplateItemSchema).min(1, message("templates.sectionEmpty")).max(60),
        }),
      )
      .min(1, message("templates.noItems"))
      .max(10),
  })
  .superRefine((definition, ctx) => {
    const fields = new Set<string>();
    definition.header.forEach((h, i) => {
      if (fields.has(h.field)) ctx.addIssue({ code: "custom", path: ["header", i], message: message("templates.duplicateField") });
      fields.add(h.field);
    });
    const sectionKeys = new Set<string>();
    definition.sections.forEach((section, s) => {
      if (sectionKeys.has(section.key))
        ctx.addIssue({ code: "custom", path: ["sections", s, "key"], message: message("templates.duplicateKey") });
      sectionKeys.add(section.key);
    });
    const keys = new Set<string>();
    definition.sections.forEach((section, s) =>
      section.items.forEach((item, i) => {
        if (keys.has(item.key))
          ctx.addIssue({ code: "custom", path: ["sections", s, "items", i, "key"], message: message("templates.duplicateKey") });
        keys.add(item.key);
        if (item.onlyWhen === "reefer" && !fields.has("reefer")) {
          ctx.addIssue({ code: "custom", path: ["sections", s, "items", i, "onlyWhen"], message: message("templates.reeferNeedsHeader") });
        }
      }),
    );
  });
export type TemplateDefinition = DeepReadonly<z.output<typeof TemplateDefinitionSchema>>;

/** Every item, in order, with its section. */
export function allItems(definition: TemplateDefinition): (TemplateItem & { sectionKey: string })[] {
  return definition.sections.flatMap((s) => s.items.map((item) => ({ ...item, sectionKey: s.key })));
}

/** The items an inspection answers, given its header (the reefer point only for a reefer). */
export function visibleItems(definition: TemplateDefinition, header: { reefer?: boolean }): (TemplateItem & { sectionKey: string })[] {
  return allItems(definition).filter((item) => item.onlyWhen !== "reefer" || header.reefer === true);
}

export function headerRequirement(definition: TemplateDefinition, field: HeaderFieldKey): "required" | "optional" | "absent" {
  const entry = definition.header.find((h) => h.field === field);
  return entry ? (entry.required ? "required" : "optional") : "absent";
}

/** A template code: what /inspections/new?template=… names. */
export const TemplateCodeSchema = keyField;

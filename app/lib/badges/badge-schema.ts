import { z } from "zod";
import { message } from "../i18n/messages";
import { enumField, optionalText, requiredText } from "../validation";
import { isUuid } from "../value-checks";
import { accessItemKinds, codeSeries, MAX_SERIES } from "./access-item-rules";

// Forms of the badge and key register: adding items (one, or a numbered series) and the steps of an
// item's life. Shared by react-hook-form and the actions.

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const optionalUuid = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || isUuid(v), message("errors.choose"));

export const AccessItemCreateSchema = z
  .object({
    kind: enumField(accessItemKinds),
    code: requiredText(30).transform((v) => v.toUpperCase()),
    /** The last code of a series (V-050 after V-001); empty for a single item. */
    lastCode: optionalText(30).transform((v) => v?.toUpperCase()),
    description: optionalText(200),
    siteId: optionalUuid,
  })
  .superRefine((v, ctx) => {
    if (v.kind === "key" && !v.description)
      ctx.addIssue({ code: "custom", path: ["description"], message: message("badges.errors.keyOpens") });
    if (v.lastCode && v.lastCode !== v.code && !codeSeries(v.code, v.lastCode))
      ctx.addIssue({ code: "custom", path: ["lastCode"], message: message("badges.errors.series", { max: MAX_SERIES }) });
  });
export type AccessItemCreateValues = z.output<typeof AccessItemCreateSchema>;

/** A step on an item's page; `occurredAt` is the organisation's wall clock, empty for now. */
export const AccessItemStepSchema = z
  .object({
    step: z.enum(["issue", "return", "lost", "found", "revoke", "retire"], { error: message("errors.choose") }),
    employeeId: optionalUuid,
    occurredAt: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || LOCAL_DATE_TIME.test(v), message("badges.errors.time")),
    note: optionalText(300),
  })
  .superRefine((v, ctx) => {
    if (v.step === "issue" && !v.employeeId)
      ctx.addIssue({ code: "custom", path: ["employeeId"], message: message("badges.errors.employee") });
    if ((v.step === "lost" || v.step === "revoke") && !v.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: message("badges.errors.reason") });
  });
export type AccessItemStepValues = z.output<typeof AccessItemStepSchema>;

import { z } from "zod";
import { message } from "../i18n/messages";
import { OptionalDateSchema } from "../validation";

export const AUDIT_PAGE_SIZE = 50;

/** The /settings/audit filter (query string). Bad values are reported, never a 500. */
export const AuditFilterSchema = z
  .object({
    entityType: z
      .string()
      .trim()
      .max(60, message("errors.tooLong", { max: 60 }))
      .optional()
      .transform((v) => v || undefined),
    action: z
      .enum(["", "create", "update", "delete"], { error: message("errors.choose") })
      .optional()
      .transform((v) => v || undefined),
    from: OptionalDateSchema,
    to: OptionalDateSchema,
    page: z.coerce.number({ error: message("errors.invalid") }).int().min(1).max(100000).optional().default(1),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: message("errors.dateRange"), path: ["to"] });

// The dossier builder's form, checked the same way in the browser and on the server.
import { z } from "zod";
import { message } from "~/lib/i18n/messages";
import { formatReference } from "../references";

const day = /^\d{4}-\d{2}-\d{2}$/;
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, message("dossiers.errors.site"));

/** A form value that may be absent, one string or several. */
const many = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const MAX_PERIOD_DAYS = 3 * 366;

export const dossierRequestSchema = z
  .object({
    framework: z.string().min(1, message("dossiers.errors.framework")),
    periodFrom: z.string().regex(day, message("dossiers.errors.date")),
    periodTo: z.string().regex(day, message("dossiers.errors.date")),
    sites: many(uuid),
    criteria: many(z.string().min(1).max(40)),
  })
  .superRefine((v, ctx) => {
    const from = Date.parse(`${v.periodFrom}T00:00:00Z`);
    const to = Date.parse(`${v.periodTo}T00:00:00Z`);
    if (Number.isNaN(from) || Number.isNaN(to)) return;
    if (to < from) ctx.addIssue({ code: "custom", path: ["periodTo"], message: message("dossiers.errors.periodOrder") });
    else if ((to - from) / 86_400_000 > MAX_PERIOD_DAYS) ctx.addIssue({ code: "custom", path: ["periodTo"], message: message("dossiers.errors.periodLength") });
  });

export type DossierRequest = z.infer<typeof dossierRequestSchema>;

export function dossierReference(number: number): string {
  return formatReference("dossier", number);
}

/** The largest PDF /verify accepts: a volume holds about 300 MB of photos plus its pages. */
export const MAX_VERIFY_MB = 500;

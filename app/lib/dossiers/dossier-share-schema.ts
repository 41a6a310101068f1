// The share-link form (/dossiers/:id/shares), checked the same way in the browser and on the server.
import { z } from "zod";
import { message } from "~/lib/i18n/messages";

export const SHARE_MIN_DAYS = 1;
export const SHARE_MAX_DAYS = 90;
export const SHARE_DEFAULT_DAYS = 14;
export const RECIPIENT_NAME_MAX = 80;
export const RECIPIENT_ORGANIZATION_MAX = 120;
/** The shares page lists this many of the latest accesses. */
export const ACCESS_LOG_LIMIT = 200;

const daysMessage = message("shares.errors.days", { min: SHARE_MIN_DAYS, max: SHARE_MAX_DAYS });

/** Line breaks and runs of spaces would break the one-line watermark: one space each. */
const oneLine = (value: string) => value.replace(/\s+/g, " ").trim();

export const DossierShareSchema = z.object({
  recipientName: z
    .string({ error: message("shares.errors.recipientName") })
    .transform(oneLine)
    .pipe(
      z
        .string()
        .min(1, message("shares.errors.recipientName"))
        .max(RECIPIENT_NAME_MAX, message("shares.errors.recipientNameLength", { max: RECIPIENT_NAME_MAX })),
    ),
  recipientOrganization: z
    .string()
    .optional()
    .transform((v) => oneLine(v ?? ""))
    .pipe(
      z.string().max(RECIPIENT_ORGANIZATION_MAX, message("shares.errors.recipientOrganizationLength", { max: RECIPIENT_ORGANIZATION_MAX })),
    ),
  days: z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? SHARE_DEFAULT_DAYS : v),
    z.coerce.number({ error: daysMessage }).int(daysMessage).min(SHARE_MIN_DAYS, daysMessage).max(SHARE_MAX_DAYS, daysMessage),
  ),
});

export type DossierShareInput = z.input<typeof DossierShareSchema>;
export type DossierShareValues = z.output<typeof DossierShareSchema>;

export type ShareState = "active" | "expired" | "revoked";

/** Revoked wins over expired: the stronger reason is the one the log and the page give. */
export function shareState(share: { expiresAt: Date | string; revokedAt: Date | string | null }, now: Date): ShareState {
  if (share.revokedAt) return "revoked";
  return new Date(share.expiresAt).getTime() <= now.getTime() ? "expired" : "active";
}

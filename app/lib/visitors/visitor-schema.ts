import { z } from "zod";
import { message } from "../i18n/messages";
import { enumField, optionalText, requiredText } from "../validation";
import { checkVisitorId, isChinesePlate, normalizePlate, visitorIdTypes, visitPurposes } from "./visitor-rules";

// The gatehouse sign-in form: one schema for react-hook-form in the browser and the action. The
// full ID number is checked here and turned into its masked form; the output never carries it.

/** A checkbox: "yes" from FormData or true from react-hook-form when ticked; missing or false when not. */
const ticked = z.preprocess((v) => v === "yes" || v === true || v === "on", z.boolean());

export const VisitorSignInSchema = z
  .object({
    siteId: z.string({ error: message("visitors.errors.site") }).uuid(message("visitors.errors.site")),
    visitorName: requiredText(60),
    company: optionalText(120),
    idDocumentType: enumField(visitorIdTypes),
    idNumber: requiredText(40),
    idVerified: ticked,
    hostName: requiredText(60),
    purpose: z.enum(visitPurposes, { error: message("visitors.errors.purpose") }),
    purposeNote: optionalText(200),
    badgeNumber: optionalText(20).transform((v) => v?.toUpperCase()),
    escortName: optionalText(60),
    vehiclePlate: optionalText(12),
  })
  .superRefine((v, ctx) => {
    const checked = checkVisitorId(v.idDocumentType, v.idNumber);
    if (!checked.ok) {
      const r = checked.residentId;
      const msg = !r
        ? message("visitors.errors.idFormat")
        : r.reason === "length"
          ? message("visitors.errors.residentId.length", { length: r.length })
          : r.reason === "format"
            ? message("visitors.errors.residentId.format")
            : r.reason === "birthDate"
              ? message("visitors.errors.residentId.birthDate", { birthDate: r.birthDate })
              : message("visitors.errors.residentId.check", { expected: r.expected, actual: r.actual });
      ctx.addIssue({ code: "custom", path: ["idNumber"], message: msg });
    }
    if (!v.idVerified) ctx.addIssue({ code: "custom", path: ["idVerified"], message: message("visitors.errors.idVerified") });
    if (v.purpose === "other" && !v.purposeNote)
      ctx.addIssue({ code: "custom", path: ["purposeNote"], message: message("visitors.errors.purposeNote") });
    if (v.vehiclePlate && !isChinesePlate(v.vehiclePlate))
      ctx.addIssue({ code: "custom", path: ["vehiclePlate"], message: message("visitors.errors.plate") });
  })
  .transform(({ idNumber, idVerified: _verified, ...v }) => {
    const checked = checkVisitorId(v.idDocumentType, idNumber);
    return {
      ...v,
      idNumberMasked: checked.ok ? checked.masked : "",
      vehiclePlate: v.vehiclePlate ? normalizePlate(v.vehiclePlate) : undefined,
    };
  });
export type VisitorSignInValues = z.output<typeof VisitorSignInSchema>;

export const VisitorSignOutSchema = z.object({ intent: z.literal("signOut") });

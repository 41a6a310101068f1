import { z } from "zod";
import { message } from "./i18n/messages";
import { isCalendarDate, PASSWORD_MAX, PASSWORD_MIN } from "./value-checks";

// Field schemas shared by forms. Messages are i18n keys (see i18n/messages.ts). Every schema
// accepts both FormData strings (no JavaScript) and react-hook-form values.

export function requiredText(max: number) {
  return z
    .string({ error: message("errors.required") })
    .trim()
    .min(1, message("errors.required"))
    .max(max, message("errors.tooLong", { max }));
}

export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, message("errors.tooLong", { max }))
    .optional()
    .transform((v) => (v ? v : undefined));
}

export const EmailSchema = z
  .string({ error: message("errors.required") })
  .trim()
  .toLowerCase()
  .min(1, message("errors.required"))
  .max(254, message("errors.tooLong", { max: 254 }))
  .pipe(z.email(message("errors.email")));

export const NewPasswordSchema = z
  .string({ error: message("errors.required") })
  .min(PASSWORD_MIN, message("errors.passwordTooShort", { min: PASSWORD_MIN }))
  .max(PASSWORD_MAX, message("errors.tooLong", { max: PASSWORD_MAX }));

/** A password being checked, not chosen: any non-empty string. */
export const PasswordSchema = z
  .string({ error: message("errors.required") })
  .min(1, message("errors.required"))
  .max(PASSWORD_MAX, message("errors.tooLong", { max: PASSWORD_MAX }));

export function enumField<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: message("errors.choose") });
}

/** YYYY-MM-DD that is a real calendar date, or empty. */
export const OptionalDateSchema = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || isCalendarDate(v), message("errors.date"));

/** YYYY-MM-DD that is a real calendar date, required. */
export const RequiredDateSchema = z
  .string({ error: message("errors.required") })
  .trim()
  .min(1, message("errors.required"))
  .refine((v) => isCalendarDate(v), message("errors.date"));

/**
 * Checkbox groups: FormData gives a string or repeated keys; react-hook-form gives an array or false.
 * A value that is not one of the boxes is refused on the group itself (not on "name.1"), so the
 * message shows under the boxes.
 */
export function multiChoice<const T extends readonly [string, ...string[]]>(values: T) {
  const allowed: readonly string[] = values;
  return z.preprocess(
    (v) => (v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.custom<T[number][]>((v) => Array.isArray(v) && v.every((item) => typeof item === "string" && allowed.includes(item)), {
      error: message("errors.choose"),
    }),
  );
}

import { data } from "@remix-run/node";
import { message } from "./i18n/messages";
import { intentOf } from "./intent";
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/** The refusal a domain command returns after its own checks (uniqueness, ownership, dates). */
export function refused(errors: FieldErrors) {
  return { ok: false as const, errors };
}

/** FormData to a plain object: a repeated key (checkbox group) becomes an array. Files are dropped. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    if (values.length === 0) continue;
    out[key] = values.length === 1 && !key.endsWith("[]") ? (values[0] as string) : values;
  }
  return out;
}

export type ParseResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

/**
 * Validates form input with the same schema the page's react-hook-form uses. Errors come back keyed
 * by field path (first message per field), their messages as i18n keys.
 */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S): ParseResult<z.output<S>> {
  const values = formDataToObject(formData);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    errors[key] ??= issue.message;
  }
  // Never echo secrets back into the page.
  for (const key of Object.keys(values)) if (/password/i.test(key)) delete values[key];
  return { ok: false, errors, values };
}

/**
 * The request's form fields. A body that is not a form (JSON, garbage, a wrong content type), or a
 * form with a control character in it (controlCharacterRefusal), is a 400 with a message, never a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw data({ errors: { form: message("errors.invalid") }, values: {} }, { status: 400 });
  }
  const refusal = controlCharacterRefusal(formData);
  if (refusal) throw data(refusal, { status: 400 });
  return formData;
}

/**
 * The form's `intent`, one of `intents`. A missing intent is `whenMissing` when the page has a form
 * that posts none (its main form), else refused like an unknown one: a 400 with errors.invalid,
 * thrown in the shape readFormData refuses with, so no action falls through to a branch by default.
 */
export function parseIntent<const T extends readonly [string, ...string[]]>(
  formData: FormData,
  intents: T,
  options: { whenMissing?: T[number] } = {},
): T[number] {
  const intent = intentOf(formData, intents);
  if (intent !== null) return intent;
  if (options.whenMissing !== undefined && formData.get("intent") === null) return options.whenMissing;
  throw data({ errors: { form: message("errors.invalid") }, values: {} }, { status: 400 });
}

// C0 control characters other than tab, line feed and carriage return, and DEL. PostgreSQL refuses
// NUL in text outright; the others are invisible, nobody types them, and they break exports.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, "g");

/** Fields never sent back into a page: passwords, a certificate's passphrase, a reset token, an identity document number. */
const SECRET_FIELD = /password|passphrase|token|idNumber/i;

/** True when the text holds a character controlCharacterRefusal refuses. */
export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/**
 * The refusal of a form in which a text value, a file's name or a field's name holds a control
 * character (hasControlCharacter), or null when there is none. Each such field gets the message,
 * and `form` too; the values sent back have the characters removed and no secrets (SECRET_FIELD).
 * The two form readers (readFormData, readUploadForm) refuse with it before any action looks at a
 * field.
 */
export function controlCharacterRefusal(
  formData: FormData,
): { errors: FieldErrors; values: Record<string, string | string[]> } | null {
  const clean = (text: string) => text.replace(CONTROL_CHARACTERS, "");
  const errors: FieldErrors = {};
  for (const [key, value] of formData.entries()) {
    const text = typeof value === "string" ? value : value.name;
    if (hasControlCharacter(key) || hasControlCharacter(text)) errors[clean(key)] ??= message("errors.controlCharacter");
  }
  if (Object.keys(errors).length === 0) return null;
  errors.form ??= message("errors.controlCharacter");
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(formDataToObject(formData))) {
    if (!SECRET_FIELD.test(clean(key))) values[clean(key)] = typeof value === "string" ? clean(value) : value.map(clean);
  }
  return { errors, values };
}

import { data } from "@remix-run/node";
import { message } from "./i18n/messages";
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
 * The request's form fields. A body that is not a form (JSON, garbage, a wrong content type) is a
 * 400 with a message, never a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw data({ errors: { form: message("errors.invalid") }, values: {} }, { status: 400 });
  }
}

import { checkUpload, readUploadForm, type CheckedUpload } from "../evidence/file-store.server";
import { formDataToObject, parseForm, type FieldErrors } from "../form.server";
import { message } from "../i18n/messages";
import { MAX_MATERIALS } from "./training-rules";
import { DrillSchema, SessionSchema, type DrillValues, type SessionValues } from "./training-schema";

// Reading a posted session or drill form, with or without JavaScript: the fields by the form's one
// schema, the materials by their bytes. Every problem is named in one answer, and nothing is written.

export type SessionPost =
  | {
      ok: true;
      input: (SessionValues & { kind: "session" }) | (DrillValues & { kind: "drill" });
      files: CheckedUpload[];
      formData: FormData;
    }
  | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

/** The materials of a post: every chosen file checked (size, real type); empty file inputs are no files. */
export async function checkMaterials(
  entries: FormDataEntryValue[],
): Promise<{ ok: true; files: CheckedUpload[] } | { ok: false; error: string }> {
  const chosen = entries.filter((e) => typeof e !== "string" && e.size > 0);
  if (chosen.length > MAX_MATERIALS) return { ok: false, error: message("training.errors.tooManyFiles", { max: MAX_MATERIALS }) };
  const files: CheckedUpload[] = [];
  for (const entry of chosen) {
    const checked = await checkUpload(entry, { required: true });
    if (!checked.ok) return { ok: false, error: checked.error };
    if (checked.file) files.push(checked.file);
  }
  return { ok: true, files };
}

export async function readSessionPost(request: Request, kind: "session" | "drill"): Promise<SessionPost> {
  const form = await readUploadForm(request);
  if (!form.ok) return { ok: false, errors: form.errors, values: form.values };
  return parseSessionForm(form.formData, kind);
}

export async function parseSessionForm(formData: FormData, kind: "session" | "drill"): Promise<SessionPost> {
  const parsed = kind === "drill" ? parseForm(formData, DrillSchema) : parseForm(formData, SessionSchema);
  const materials = await checkMaterials(formData.getAll("materials"));
  if (!parsed.ok || !materials.ok) {
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(materials.ok ? {} : { materials: materials.error }) };
    return { ok: false, errors, values: formDataToObject(formData) };
  }
  const input = kind === "drill" ? { ...(parsed.data as DrillValues), kind } : { ...(parsed.data as SessionValues), kind };
  return { ok: true, input, files: materials.files, formData };
}

import { checkPhoto, readUploadForm, type CheckedUpload } from "../evidence/file-store.server";
import { MAX_PHOTO_BYTES } from "../evidence/file-rules";
import { formDataToObject, type FieldErrors } from "../form.server";
import { message } from "../i18n/messages";
import { isUuid } from "../value-checks";

// Reading an inspection post, from the phone's fetch() calls and from the plain form without
// JavaScript alike: the text fields, and every photo_<item> file checked (JPEG or PNG, at most
// 15 MB). A refused photo is named under its point's photo field; the rest of the post still counts.

export interface InspectionPost {
  intent: string;
  draftKey: string | null;
  templateId: string | null;
  values: Record<string, string | string[]>;
  photos: { itemKey: string; file: CheckedUpload }[];
  /** Refused photos (too large, not a photo) and a body that was no form, by field. */
  errors: FieldErrors;
}

export async function readInspectionPost(request: Request): Promise<InspectionPost> {
  const form = await readUploadForm(request, { maxFileBytes: MAX_PHOTO_BYTES });
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const formData = form.formData;
  if (!formData) return { intent: "", draftKey: null, templateId: null, values: {}, photos: [], errors };
  // The limit message from readUploadForm speaks of files; a photo has its own wording.
  for (const field of Object.keys(errors)) {
    if (field.startsWith("photo_")) errors[field] = message("files.photoTooLarge", { max: MAX_PHOTO_BYTES / 1024 / 1024 });
  }
  const photos: InspectionPost["photos"] = [];
  for (const [name, value] of formData.entries()) {
    if (!name.startsWith("photo_") || typeof value === "string") continue;
    const checked = await checkPhoto(value);
    if (!checked) continue;
    if (!checked.ok) {
      errors[name] ??= checked.error;
      continue;
    }
    photos.push({ itemKey: name.slice("photo_".length), file: checked.file });
  }
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const draftKey = text("draftKey");
  const templateId = text("templateId");
  return {
    intent: text("intent"),
    draftKey: isUuid(draftKey) ? draftKey.toLowerCase() : null,
    templateId: isUuid(templateId) ? templateId : null,
    values: formDataToObject(formData),
    photos,
    errors,
  };
}

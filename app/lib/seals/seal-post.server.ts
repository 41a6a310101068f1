import { checkPhoto, checkUpload, readUploadForm, type CheckedUpload } from "../evidence/file-store.server";
import { MAX_PHOTO_BYTES, MAX_PHOTO_MB } from "../evidence/file-rules";
import type { FieldErrors } from "../form.server";
import { message } from "../i18n/messages";

// Reading a seal form post (multipart when it carries photos, urlencoded otherwise): the form data,
// and every file of the `photo` field checked as a photo (JPEG or PNG, at most 15 MB).

export const MAX_SEAL_PHOTOS = 6;

export async function readSealPost(request: Request): Promise<{ formData: FormData | null; photos: CheckedUpload[]; errors: FieldErrors }> {
  const form = await readUploadForm(request, { maxFileBytes: MAX_PHOTO_BYTES });
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  if (errors.photo) errors.photo = message("files.photoTooLarge", { max: MAX_PHOTO_MB });
  const formData = form.formData;
  const photos: CheckedUpload[] = [];
  if (!formData) return { formData, photos, errors };
  for (const value of formData.getAll("photo")) {
    const checked = await checkPhoto(value);
    if (!checked) continue;
    if (!checked.ok) errors.photo ??= checked.error;
    else photos.push(checked.file);
  }
  if (photos.length > MAX_SEAL_PHOTOS) errors.photo ??= message("seals.errors.tooManyPhotos", { max: MAX_SEAL_PHOTOS });
  return { formData, photos, errors };
}

/** A seal model's certificate or test report: PDF, image or office file, optional. */
export async function readCertificate(formData: FormData) {
  return checkUpload(formData.get("certificate"), { required: false });
}

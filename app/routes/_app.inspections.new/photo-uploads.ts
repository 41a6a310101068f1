import { useCallback, useRef, useState, type Dispatch, type MutableRefObject, type SetStateAction } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { detectPhotoKind, MAX_PHOTO_BYTES, MAX_PHOTO_MB, photoFormatsLabel } from "~/lib/evidence/file-rules";
import { translateMessage } from "~/lib/i18n/messages";
import { useTranslation } from "~/lib/i18n/use-translation";
import { photoField } from "~/lib/inspections/inspection-schema";
import { acceptedPhotoCounts } from "~/lib/inspections/phone-form";
import type { FormStatus } from "./action-bar";
import { forgetPhoto, keepPhoto, keptPhotos, sha256Hex, type PendingPhoto } from "./draft-keeper";
import type { NewInspectionData } from "./route";

// The form's photos with JavaScript: each one kept on the phone (IndexedDB) the moment it is taken,
// then uploaded on its own to the draft, so a lost connection loses no photo and a submit does not
// carry megabytes at once.

export interface Photo {
  /** Server photo id, or the local id of one not uploaded yet. */
  id: string;
  itemKey: string;
  fileId: string | null;
  sha256: string | null;
  sizeBytes: number;
  name: string;
  /** Local preview of a photo not uploaded yet. */
  previewUrl?: string;
  state: "stored" | "uploading" | "failed";
  error?: string;
}

export interface PhotoState {
  photos: Photo[];
  setPhotos: Dispatch<SetStateAction<Photo[]>>;
  /** The photos as of the last render, for callbacks that outlive it (the schema, a submit). */
  photosRef: MutableRefObject<Photo[]>;
  /** Photos per point for the form's check; read when the form is checked, not when it renders. */
  photoCounts: () => Record<string, number>;
}

/** The photos the draft already has on the server; called before the form, whose check counts them. */
export function usePhotoState(stored: NewInspectionData["photos"]): PhotoState {
  const [photos, setPhotos] = useState<Photo[]>(() => stored.map((p) => ({ ...p, fileId: p.fileId, state: "stored" as const })));
  const photosRef = useRef(photos);
  photosRef.current = photos;
  const photoCounts = useCallback(() => acceptedPhotoCounts(photosRef.current), []);
  return { photos, setPhotos, photosRef, photoCounts };
}

/** Uploading, adding, removing and retrying photos of the draft. */
export function usePhotoUploads(props: {
  data: NewInspectionData;
  draftUrl: string;
  form: UseFormReturn<FieldValues>;
  photos: PhotoState;
  setStatus: (status: FormStatus) => void;
}) {
  const { data, draftUrl, form, setStatus } = props;
  const { setPhotos } = props.photos;
  const { t } = useTranslation();

  const upload = useCallback(
    async (pending: PendingPhoto) => {
      setPhotos((list) => {
        const rest = list.filter((p) => p.id !== pending.id);
        const previewUrl = list.find((p) => p.id === pending.id)?.previewUrl ?? URL.createObjectURL(pending.blob);
        return [
          ...rest,
          {
            id: pending.id,
            itemKey: pending.itemKey,
            fileId: null,
            sha256: pending.sha256,
            sizeBytes: pending.blob.size,
            name: pending.name,
            previewUrl,
            state: "uploading",
          },
        ];
      });
      const payload = new FormData();
      payload.set("intent", "photo");
      payload.set("templateId", data.template.id);
      payload.set(photoField(pending.itemKey), new File([pending.blob], pending.name, { type: pending.blob.type }));
      try {
        const response = await fetch(draftUrl, { method: "POST", body: payload });
        const answer = (await response.json()) as { ok: boolean; photos?: Omit<Photo, "state">[]; errors?: Record<string, string> };
        if (!response.ok || !answer.ok || !answer.photos?.length) {
          const error = Object.values(answer.errors ?? {})[0];
          await forgetPhoto(pending.id);
          setPhotos((list) =>
            list.map((p) =>
              p.id === pending.id ? { ...p, state: "failed", error: error ? translateMessage(t, error) : t("errors.invalid") } : p,
            ),
          );
          return;
        }
        await forgetPhoto(pending.id);
        const stored = answer.photos[0]!;
        setPhotos((list) => {
          const preview = list.find((p) => p.id === pending.id)?.previewUrl;
          // The same photo sent twice is one photo.
          const rest = list.filter((p) => p.id !== pending.id && p.id !== stored.id);
          return [...rest, { ...stored, previewUrl: preview, state: "stored" }];
        });
        form.clearErrors(photoField(pending.itemKey));
      } catch {
        // Still kept in IndexedDB: sent again on retry, on the next page load or at submit.
        setPhotos((list) =>
          list.map((p) => (p.id === pending.id ? { ...p, state: "failed", error: t("inspections.form.photoNotSent") } : p)),
        );
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data.draftKey, data.template.id],
  );

  async function addPhotos(itemKey: string, files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
      if (file.size > MAX_PHOTO_BYTES || !detectPhotoKind(head)) {
        const text =
          file.size > MAX_PHOTO_BYTES
            ? t("files.photoTooLarge", { max: MAX_PHOTO_MB })
            : t("files.photoType", { formats: photoFormatsLabel });
        form.setError(photoField(itemKey), { type: "manual", message: text });
        continue;
      }
      const pending: PendingPhoto = {
        id: `local-${crypto.randomUUID?.() ?? Math.random().toString(36).slice(2)}`,
        draftKey: data.draftKey,
        itemKey,
        blob: file,
        name: file.name || "photo.jpg",
        sha256: await sha256Hex(file),
        at: Date.now(),
      };
      await keepPhoto(pending);
      await upload(pending);
    }
  }

  async function removePhoto(photo: Photo) {
    if (photo.state !== "stored") {
      await forgetPhoto(photo.id);
      setPhotos((list) => list.filter((p) => p.id !== photo.id));
      return;
    }
    const payload = new FormData();
    payload.set("intent", "removePhoto");
    payload.set("photoId", photo.id);
    try {
      const response = await fetch(draftUrl, { method: "POST", body: payload });
      if (response.ok) setPhotos((list) => list.filter((p) => p.id !== photo.id));
    } catch {
      setStatus({ tone: "warning", text: t("inspections.form.offlineNoRemove") });
    }
  }

  async function retryPhoto(photo: Photo) {
    const pending = (await keptPhotos(data.draftKey)).find((p) => p.id === photo.id);
    if (pending) await upload(pending);
  }

  return { upload, addPhotos, removePhoto, retryPhoto };
}

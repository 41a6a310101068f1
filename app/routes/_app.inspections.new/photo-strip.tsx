import { useRef } from "react";
import { formatFileSize } from "~/components/evidence/file-download";
import { photoAccept, MAX_PHOTO_MB, photoFormatsLabel } from "~/lib/evidence/file-rules";
import type { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { photoField } from "~/lib/inspections/inspection-schema";
import type { TemplateItem } from "~/lib/inspections/template-definition";
import type { Photo } from "./photo-uploads";

// A point's photos. With JavaScript: a camera button, each photo uploaded as it is taken, shown
// with its SHA-256 and a retry when the connection dropped. Without: a plain multiple file input
// sent with the form. Either way "remove" is a submit button carrying the photo's id.

export function PhotoStrip(props: {
  item: TemplateItem;
  photos: Photo[];
  hydrated: boolean;
  required: boolean;
  error?: string;
  locale: ReturnType<typeof useLocale>;
  onPhotos: (files: FileList | null) => void;
  onRetry: (photo: Photo) => void;
}) {
  const { t } = useTranslation();
  const field = photoField(props.item.key);
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <div className="mt-3 space-y-2">
      {props.photos.length ? (
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {props.photos.map((photo) => (
            <li key={photo.id} className="overflow-hidden rounded-md border border-slate-200 bg-slate-50">
              <img
                src={photo.fileId ? `/files/${photo.fileId}/thumbnail?size=320` : photo.previewUrl}
                alt={t("inspections.photoOf", { point: props.item.number })}
                className="aspect-[4/3] w-full object-cover"
                loading="lazy"
              />
              <div className="space-y-1 p-2 text-xs text-slate-600">
                {photo.sha256 ? (
                  <p className="break-all font-mono" title={photo.sha256}>
                    SHA-256 {photo.sha256}
                  </p>
                ) : null}
                <p>
                  {formatFileSize(photo.sizeBytes, props.locale)}
                  {photo.state === "uploading" ? ` · ${t("inspections.form.uploading")}` : null}
                </p>
                {photo.state === "failed" ? (
                  <p className="font-medium text-red-700">
                    {photo.error}{" "}
                    {photo.error === t("inspections.form.photoNotSent") ? (
                      <button type="button" className="underline" onClick={() => props.onRetry(photo)}>
                        {t("inspections.form.retry")}
                      </button>
                    ) : null}
                  </p>
                ) : null}
                <button type="submit" name="removePhoto" value={photo.id} className="min-h-9 font-medium text-red-700 underline">
                  {t("inspections.form.removePhoto")}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {props.hydrated ? (
        <>
          <input
            ref={inputRef}
            id={field}
            type="file"
            accept={photoAccept}
            capture="environment"
            className="sr-only"
            tabIndex={-1}
            onChange={(event) => {
              props.onPhotos(event.currentTarget.files);
              event.currentTarget.value = "";
            }}
          />
          <button
            type="button"
            onClick={() => inputRef.current?.click()}
            aria-invalid={props.error ? true : undefined}
            className={`inline-flex min-h-12 items-center gap-2 rounded-md px-4 font-semibold ring-1 ring-inset ${
              props.required && !props.photos.length ? "bg-red-50 text-red-800 ring-red-300" : "bg-white text-slate-800 ring-slate-300"
            }`}
          >
            <CameraIcon />
            {props.photos.length
              ? t("inspections.form.morePhoto")
              : props.required
                ? t("inspections.form.photoNeeded")
                : t("inspections.form.takePhoto")}
          </button>
        </>
      ) : (
        <div className="space-y-1">
          <label htmlFor={field} className="block text-sm font-medium text-slate-800">
            {t("inspections.form.photosLabel")}
          </label>
          <input
            id={field}
            name={field}
            type="file"
            accept={photoAccept}
            capture="environment"
            multiple
            aria-invalid={props.error ? true : undefined}
            className="block w-full rounded-md border border-dashed border-slate-300 bg-white p-2 text-base file:mr-3 file:min-h-11 file:rounded-md file:border-0 file:bg-brand-50 file:px-4 file:font-semibold file:text-brand-800"
          />
          <p className="text-sm text-slate-500">{t("inspections.form.photoHint", { max: MAX_PHOTO_MB, formats: photoFormatsLabel })}</p>
        </div>
      )}
      {props.error ? <p className="text-sm font-medium text-red-700">{props.error}</p> : null}
    </div>
  );
}

function CameraIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z" />
      <circle cx="12" cy="13.5" r="3.5" />
    </svg>
  );
}

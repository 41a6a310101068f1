import { useTranslation } from "~/lib/i18n/use-translation";
import { fileInputClass } from "~/components/form/fields";
import { Badge } from "~/components/ui/badge";
import { photoAccept } from "~/lib/evidence/file-rules";
import type { SealStatus } from "~/lib/seals/seal-lifecycle";

const statusTone: Record<SealStatus, "neutral" | "good" | "bad" | "warn" | "brand"> = {
  in_stock: "neutral",
  issued: "brand",
  applied: "good",
  arrived: "good",
  compromised: "bad",
  voided: "warn",
};

export function SealStatusBadge(props: { status: SealStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTone[props.status]}>{t(`seals.status.${props.status}`)}</Badge>;
}

/** The phone's camera straight away (capture), several photos allowed; kept as taken. */
export function SealPhotoField(props: { label: string; hint?: string; error?: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-1">
      <label htmlFor="photo" className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <input
        id="photo"
        name="photo"
        type="file"
        accept={photoAccept}
        capture="environment"
        multiple
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby="photo-hint"
        className={fileInputClass}
      />
      <p id="photo-hint" className="text-sm text-slate-500">
        {props.hint ?? t("seals.photoHint")}
      </p>
      {props.error ? <p className="text-sm font-medium text-red-700">{props.error}</p> : null}
    </div>
  );
}

const choiceTone = {
  pass: "has-[:checked]:bg-green-700 has-[:checked]:text-white has-[:checked]:ring-green-700",
  fail: "has-[:checked]:bg-red-700 has-[:checked]:text-white has-[:checked]:ring-red-700",
};

/** Two big buttons (合格 / 不合格) for gloved hands: radios underneath, so it works without JavaScript. */
export function PassFailField(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  register: (name: string) => object;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="rounded-lg border border-slate-200 p-3" aria-describedby={props.error ? `${props.name}-error` : undefined}>
      <legend className="px-1 text-base font-semibold text-slate-900">{props.label}</legend>
      {props.hint ? <p className="text-sm text-slate-600">{props.hint}</p> : null}
      <div className="mt-2 grid grid-cols-2 gap-2">
        {(["pass", "fail"] as const).map((choice) => (
          <label
            key={choice}
            className={`flex min-h-14 cursor-pointer items-center justify-center rounded-lg bg-white px-2 text-lg font-semibold text-slate-800 ring-2 ring-inset ring-slate-300 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${choiceTone[choice]}`}
          >
            <input
              type="radio"
              value={choice}
              className="sr-only"
              defaultChecked={props.defaultValue === choice}
              {...props.register(props.name)}
            />
            {t(`seals.vvtt.${choice}`)}
          </label>
        ))}
      </div>
      {props.error ? (
        <p id={`${props.name}-error`} className="mt-1 text-sm font-medium text-red-700">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Thumbnails of a seal event's photos, each opening the original; the SHA-256 shows it is the original. */
export function SealPhotos(props: { photos: { fileId: string; sha256: string; originalName: string }[] }) {
  const { t } = useTranslation();
  if (!props.photos.length) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-2">
      {props.photos.map((p) => (
        <li key={p.fileId} className="w-28">
          <a href={`/files/${p.fileId}`} target="_blank" rel="noreferrer" className="block">
            <img
              src={`/files/${p.fileId}/thumbnail`}
              alt={t("seals.chain.photoAlt", { name: p.originalName })}
              className="h-20 w-28 rounded border border-slate-200 object-cover"
              loading="lazy"
            />
          </a>
          <p className="truncate font-mono text-[11px] text-slate-500" title={p.sha256}>
            SHA-256 {p.sha256.slice(0, 12)}…
          </p>
        </li>
      ))}
    </ul>
  );
}

import { useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { Input, Textarea } from "~/components/ui/input";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { answerChoices, isFailure } from "~/lib/inspections/inspection-rules";
import { answerField, noteField, photoField } from "~/lib/inspections/inspection-schema";
import type { TemplateItem } from "~/lib/inspections/template-definition";
import { PhotoStrip } from "./photo-strip";
import type { Photo } from "./photo-uploads";
import { localized } from "~/lib/i18n/localized";

// One point of the checklist: its prompt and guidance, big answer buttons (radios underneath, so
// they work without JavaScript), the note a failure asks for, and its photos.

const choiceTone: Record<string, string> = {
  pass: "has-[:checked]:bg-green-700 has-[:checked]:text-white has-[:checked]:ring-green-700",
  fail: "has-[:checked]:bg-red-700 has-[:checked]:text-white has-[:checked]:ring-red-700",
  na: "has-[:checked]:bg-slate-600 has-[:checked]:text-white has-[:checked]:ring-slate-600",
};

export function PointCard(props: {
  item: TemplateItem & { sectionKey: string };
  form: UseFormReturn<FieldValues>;
  hydrated: boolean;
  initial: Record<string, string>;
  photos: Photo[];
  errorOf: (name: string) => string | undefined;
  onPhotos: (files: FileList | null) => void;
  onRetry: (photo: Photo) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const { item, form } = props;
  const name = answerField(item.key);
  const value = form.watch(name) as string | undefined;
  const failedNow = isFailure(item, value);
  const note = form.watch(noteField(item.key)) as string | undefined;
  const [noteOpen, setNoteOpen] = useState(false);
  const answerError = props.errorOf(name);
  const noteError = props.errorOf(noteField(item.key));
  const photoError = props.errorOf(photoField(item.key));
  const showNote = !props.hydrated || failedNow || Boolean(note) || noteOpen || Boolean(noteError);
  const choices = answerChoices(item);
  const failValue = item.answer === "yes_no" ? (item.failOn ?? "no") : "fail";
  const needsPhoto = item.answer === "photo" || (failedNow && item.failRequiresPhoto);
  return (
    <div
      id={`point-${item.key}`}
      className={`rounded-lg border bg-white p-4 shadow-sm ${failedNow ? "border-red-300 ring-1 ring-red-200" : "border-slate-200"}`}
    >
      <fieldset aria-describedby={answerError ? `${name}-error` : undefined}>
        <legend className="flex gap-2 text-base font-semibold text-slate-900">
          <span className="inline-flex min-w-8 justify-center rounded bg-slate-100 px-1.5 font-mono text-sm leading-6 text-slate-700">
            {item.number}
          </span>
          <span>{localized(item, "prompt", i18n.language)}</span>
        </legend>
        {item.onlyWhen === "reefer" ? <p className="mt-1 text-sm text-slate-500">{t("inspections.form.reeferOnly")}</p> : null}
        {localized(item, "guidance", i18n.language) ? (
          <details className="mt-1 text-sm text-slate-600">
            <summary className="min-h-8 cursor-pointer text-brand-700">{t("inspections.form.whatToCheck")}</summary>
            <p className="mt-1">{localized(item, "guidance", i18n.language)}</p>
          </details>
        ) : null}
        <div className="mt-3">
          {choices.length ? (
            <div className={`grid gap-2 ${choices.length === 3 ? "grid-cols-3" : "grid-cols-2"}`}>
              {choices.map((choice) => {
                const tone = choice === failValue ? choiceTone.fail : choice === "na" ? choiceTone.na : choiceTone.pass;
                return (
                  <label
                    key={choice}
                    className={`flex min-h-14 cursor-pointer items-center justify-center rounded-lg bg-white px-2 text-center text-lg font-semibold text-slate-800 ring-2 ring-inset ring-slate-300 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${tone}`}
                  >
                    <input
                      type="radio"
                      value={choice}
                      className="sr-only"
                      defaultChecked={props.initial[name] === choice}
                      aria-invalid={answerError ? true : undefined}
                      {...form.register(name)}
                    />
                    {t(`inspections.answer.${choice as "pass"}`)}
                  </label>
                );
              })}
            </div>
          ) : item.answer === "number" ? (
            <div className="flex items-center gap-2">
              <Input
                id={name}
                type="text"
                inputMode="decimal"
                className="max-w-40 text-lg"
                aria-label={localized(item, "prompt", i18n.language)}
                aria-invalid={answerError ? true : undefined}
                defaultValue={props.initial[name] ?? ""}
                {...form.register(name)}
              />
              {item.unit ? <span className="text-slate-600">{item.unit}</span> : null}
            </div>
          ) : item.answer === "text" ? (
            <Textarea
              id={name}
              rows={3}
              aria-label={localized(item, "prompt", i18n.language)}
              aria-invalid={answerError ? true : undefined}
              defaultValue={props.initial[name] ?? ""}
              {...form.register(name)}
            />
          ) : null}
          {answerError ? (
            <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700">
              {answerError}
            </p>
          ) : null}
        </div>
      </fieldset>
      {item.answer !== "photo" && item.answer !== "text" ? (
        <div className="mt-3">
          {showNote ? (
            <div className="space-y-1">
              <label htmlFor={noteField(item.key)} className="block text-sm font-medium text-slate-800">
                {item.failRequiresNote ? t("inspections.form.noteRequiredLabel") : t("inspections.form.noteLabel")}
              </label>
              <Textarea
                id={noteField(item.key)}
                rows={2}
                aria-invalid={noteError ? true : undefined}
                aria-describedby={noteError ? `${noteField(item.key)}-error` : undefined}
                defaultValue={props.initial[noteField(item.key)] ?? ""}
                {...form.register(noteField(item.key))}
              />
              {noteError ? (
                <p id={`${noteField(item.key)}-error`} className="text-sm font-medium text-red-700">
                  {noteError}
                </p>
              ) : null}
            </div>
          ) : (
            <button type="button" onClick={() => setNoteOpen(true)} className="min-h-11 text-sm font-medium text-brand-700 underline">
              {t("inspections.form.addNote")}
            </button>
          )}
        </div>
      ) : null}
      <PhotoStrip
        item={item}
        photos={props.photos}
        hydrated={props.hydrated}
        required={needsPhoto}
        error={photoError}
        locale={locale}
        onPhotos={props.onPhotos}
        onRetry={props.onRetry}
      />
    </div>
  );
}

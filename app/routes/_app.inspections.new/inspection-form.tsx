import { zodResolver } from "@hookform/resolvers/zod";
import { useNavigate } from "@remix-run/react";
import { useMemo, useState, type FormEvent } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { translateMessage } from "~/lib/i18n/messages";
import { answerField, inspectionFormSchema } from "~/lib/inspections/inspection-schema";
import { asStringValues, draftPostBody, formProgress, refusedFieldCount, shownItems, submitIntentOf } from "~/lib/inspections/phone-form";
import { allItems } from "~/lib/inspections/template-definition";
import { ActionBar, type FormStatus } from "./action-bar";
import { forgetDraft, keptPhotos } from "./draft-keeper";
import { useDraftSync } from "./draft-sync";
import { HeaderCard } from "./header-card";
import { usePhotoState, usePhotoUploads } from "./photo-uploads";
import { PointCard } from "./point-card";
import type { NewInspectionData } from "./route";
import { localized } from "~/lib/i18n/localized";

// The inspection form, phone first. Without JavaScript it is a plain multipart form (photos as file
// inputs, two submit buttons). With JavaScript the same markup becomes: photos uploaded one by one
// as they are taken, values kept on the phone and saved to the server draft in the background, the
// whole form checked before sending, and a lost connection reported without losing anything.
// The parts: header-card, point-card and photo-strip (the markup), action-bar (status and buttons),
// photo-uploads and draft-sync (what JavaScript adds), draft-keeper (what the phone stores).

type ServerState = { intent?: string; errors?: Record<string, string | undefined>; values?: Record<string, string | string[]> } | null;

export function InspectionForm(props: { data: NewInspectionData; server: ServerState }) {
  const { data, server } = props;
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const definition = data.template.definition;
  const items = useMemo(() => allItems(definition), [definition]);
  const photoState = usePhotoState(data.photos);
  const { photos, photosRef, photoCounts } = photoState;
  const schema = useMemo(() => inspectionFormSchema(definition, photoCounts), [definition, photoCounts]);
  const initial = { ...data.values, ...asStringValues(server?.values) };
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    defaultValues: initial,
    mode: "onTouched",
  });
  const [status, setStatus] = useState<FormStatus>(data.saved ? { tone: "success", text: t("inspections.form.draftSaved") } : null);
  const [submitting, setSubmitting] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string | undefined>>(server?.errors ?? {});
  const draftUrl = `/inspections/drafts/${data.draftKey}`;
  const formAction = `/inspections/new?template=${encodeURIComponent(data.template.code)}&draft=${data.draftKey}`;
  const { upload, addPhotos, removePhoto, retryPhoto } = usePhotoUploads({ data, draftUrl, form, photos: photoState, setStatus });
  const { hydrated, saveToServer, refusedOnce } = useDraftSync({ data, draftUrl, form, initial, upload, setStatus });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const { intent, removeId } = submitIntentOf(submitter);
    event.preventDefault();
    if (intent === "remove") {
      const photo = photos.find((p) => p.id === removeId);
      if (photo) await removePhoto(photo);
      return;
    }
    if (intent === "discard") {
      if (!window.confirm(t("inspections.form.discardConfirm"))) return;
      await fetch(draftUrl, { method: "POST", body: draftPostBody("discard", data.template.id, {}) }).catch(() => null);
      await forgetDraft(data.draftKey);
      navigate("/inspections?discarded=1");
      return;
    }
    if (intent === "save") {
      await saveToServer(form.getValues());
      return;
    }
    setServerErrors({});
    // Photos still on the phone go first; the check below counts only what reached the server.
    for (const pending of await keptPhotos(data.draftKey)) await upload(pending);
    if (photosRef.current.some((p) => p.state === "failed" && p.error === t("inspections.form.photoNotSent"))) {
      setStatus({ tone: "error", text: t("inspections.form.connectionLost") });
      return;
    }
    const valid = await form.trigger();
    if (!valid) {
      refusedOnce.current = true;
      // formState updates after this tick; the schema itself says how many fields are wrong.
      const checked = schema.safeParse(form.getValues());
      const count = checked.success ? 1 : refusedFieldCount(checked.error.issues);
      setStatus({ tone: "error", text: t("inspections.form.fixBelow", { count }) });
      focusFirstError();
      return;
    }
    setSubmitting(true);
    try {
      const response = await fetch(draftUrl, { method: "POST", body: draftPostBody("submit", data.template.id, form.getValues()) });
      const answer = (await response.json()) as { ok: boolean; url?: string; errors?: Record<string, string> };
      if (response.ok && answer.ok && answer.url) {
        await forgetDraft(data.draftKey);
        navigate(answer.url);
        return;
      }
      refusedOnce.current = true;
      const errors = answer.errors ?? { form: "errors.invalid" };
      setServerErrors({ form: errors.form });
      // The server's findings join the form's own, so they clear like them once the field changes.
      for (const [field, encoded] of Object.entries(errors))
        if (field !== "form") form.setError(field, { type: "server", message: encoded });
      setStatus({ tone: "error", text: t("inspections.form.fixBelow", { count: Object.keys(answer.errors ?? {}).length || 1 }) });
      focusFirstError();
    } catch {
      setStatus({ tone: "error", text: t("inspections.form.connectionLost") });
    } finally {
      setSubmitting(false);
    }
  }

  function focusFirstError() {
    requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
  }

  const errorOf = (name: string): string | undefined => {
    const client = form.formState.errors[name]?.message;
    // The page's own check (which also holds what the server refused on a submit from here) comes
    // first; serverErrors holds what a post without JavaScript was refused for.
    const encoded = typeof client === "string" && client ? client : serverErrors[name];
    return encoded ? translateMessage(t, encoded) : undefined;
  };

  const reefer = form.watch("reefer");
  const shown = shownItems(items, hydrated, reefer);
  const watched = form.watch(shown.map((i) => answerField(i.key)));
  const { answered, failed } = formProgress(shown, watched, photos);
  const formError = serverErrors.form ? translateMessage(t, serverErrors.form) : null;
  const noJsRefused = !hydrated && server?.errors && Object.values(server.errors).some(Boolean);

  return (
    <form method="post" encType="multipart/form-data" action={formAction} noValidate onSubmit={onSubmit} className="pb-48">
      {/* Enter in a text field must save, never press the first "remove photo" button. */}
      <button type="submit" name="intent" value="save" className="sr-only" tabIndex={-1} aria-hidden="true" />
      <input type="hidden" name="draftKey" value={data.draftKey} />
      <input type="hidden" name="templateId" value={data.template.id} />
      <div className="mb-4">
        <h1 className="text-2xl font-bold text-slate-900">{localized(data.template, "title", i18n.language)}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("inspections.form.versionLine", { version: data.template.version, count: items.filter((i) => !i.onlyWhen).length })} ·{" "}
          {t("common.labelValue", { label: t("inspections.inspector"), value: data.inspectorName })}
        </p>
        {definition.supervisorSignoff === "required" ? (
          <p className="mt-1 text-sm text-amber-800">{t("inspections.form.needsSignoff")}</p>
        ) : null}
      </div>
      <div className="space-y-4">
        {noJsRefused ? (
          <Alert tone="error">
            {formError ?? (server?.intent === "submit" ? t("inspections.form.notSubmitted") : t("inspections.form.savedExceptPhotos"))}
          </Alert>
        ) : null}
        {hydrated && formError ? <Alert tone="error">{formError}</Alert> : null}
        <HeaderCard definition={definition} sites={data.sites} form={form} initial={initial} errorOf={errorOf} />
        {definition.sections.map((section) => {
          const sectionItems = shown.filter((i) => i.sectionKey === section.key);
          if (!sectionItems.length) return null;
          return (
            <section key={section.key} aria-labelledby={`section-${section.key}`} className="space-y-3">
              {definition.sections.length > 1 ? (
                <h2 id={`section-${section.key}`} className="pt-2 text-lg font-semibold text-slate-900">
                  {localized(section, "title", i18n.language)}
                </h2>
              ) : (
                <h2 id={`section-${section.key}`} className="sr-only">
                  {localized(section, "title", i18n.language)}
                </h2>
              )}
              {sectionItems.map((item) => (
                <PointCard
                  key={item.key}
                  item={item}
                  form={form}
                  hydrated={hydrated}
                  initial={initial}
                  photos={photos.filter((p) => p.itemKey === item.key)}
                  errorOf={errorOf}
                  onPhotos={(files) => void addPhotos(item.key, files)}
                  onRetry={(photo) => void retryPhoto(photo)}
                />
              ))}
            </section>
          );
        })}
        <div className="flex flex-wrap gap-3 pt-2">
          <button
            type="submit"
            name="intent"
            value="discard"
            className="min-h-11 rounded-md px-3 text-sm font-medium text-red-700 underline"
          >
            {t("inspections.form.discard")}
          </button>
        </div>
      </div>
      <ActionBar status={status} hydrated={hydrated} answered={answered} failed={failed} shown={shown.length} submitting={submitting} />
    </form>
  );
}

import { zodResolver } from "@hookform/resolvers/zod";
import { useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useForm, type FieldValues, type Resolver, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatFileSize } from "~/components/evidence/file-download";
import { FieldShell } from "~/components/form/fields";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Input, Select, Textarea } from "~/components/ui/input";
import { detectPhotoKind, MAX_PHOTO_BYTES, MAX_PHOTO_MB, photoAccept, photoFormatsLabel } from "~/lib/evidence/file-rules";
import { useShell } from "~/lib/auth/use-session-user";
import { translateMessage } from "~/lib/i18n/messages";
import { useLocale } from "~/lib/i18n/use-locale";
import { idDocumentTypes } from "~/lib/inspections/identity-document";
import { answerChoices, isFailure } from "~/lib/inspections/inspection-rules";
import { answerField, inspectionFormSchema, noteField, photoField } from "~/lib/inspections/inspection-schema";
import { allItems, type HeaderFieldKey, type TemplateItem } from "~/lib/inspections/template-definition";
import type { NewInspectionData } from "./route";
import { forgetDraft, forgetPhoto, keepPhoto, keepValues, keptPhotos, keptValues, sha256Hex, type PendingPhoto } from "./draft-keeper";

// The inspection form, phone first. Without JavaScript it is a plain multipart form (photos as file
// inputs, two submit buttons). With JavaScript the same markup becomes: photos uploaded one by one
// as they are taken, values kept on the phone and saved to the server draft in the background, the
// whole form checked before sending, and a lost connection reported without losing anything.

type ServerState = { intent?: string; errors?: Record<string, string | undefined>; values?: Record<string, string | string[]> } | null;

interface Photo {
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

const HEADER_INPUTS: Record<
  Exclude<HeaderFieldKey, "reefer">,
  { type: string; inputMode?: "text" | "numeric" | "decimal"; upper?: boolean; autoComplete?: string }
> = {
  area: { type: "text" },
  containerNumber: { type: "text", upper: true },
  truckPlate: { type: "text", upper: true },
  trailerNumber: { type: "text", upper: true },
  sealNumbers: { type: "text", upper: true },
  shipmentRef: { type: "text", upper: true },
  driverName: { type: "text", autoComplete: "off" },
  driverIdType: { type: "select" },
  driverIdNumber: { type: "text", upper: true, autoComplete: "off" },
  driverEmployer: { type: "text" },
  arrivalTime: { type: "time" },
  departureTime: { type: "time" },
  sealAtDeparture: { type: "text", upper: true },
  reviewFrom: { type: "datetime-local" },
  reviewTo: { type: "datetime-local" },
  camerasReviewed: { type: "text" },
};

/** Header fields with a hint under them (times and dates explain themselves). */
const hintedFields = [
  "area",
  "containerNumber",
  "truckPlate",
  "trailerNumber",
  "sealNumbers",
  "shipmentRef",
  "driverName",
  "driverIdType",
  "driverIdNumber",
  "driverEmployer",
  "sealAtDeparture",
  "camerasReviewed",
] as const satisfies readonly HeaderFieldKey[];

function asStringValues(values: Record<string, string | string[]> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values ?? {})) out[key] = Array.isArray(value) ? value.join(" ") : value;
  return out;
}

export function InspectionForm(props: { data: NewInspectionData; server: ServerState }) {
  const { data, server } = props;
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const en = i18n.language === "en";
  const navigate = useNavigate();
  const shell = useShell();
  const definition = data.template.definition;
  const items = useMemo(() => allItems(definition), [definition]);
  const [hydrated, setHydrated] = useState(false);
  const [photos, setPhotos] = useState<Photo[]>(() => data.photos.map((p) => ({ ...p, fileId: p.fileId, state: "stored" as const })));
  const photosRef = useRef(photos);
  photosRef.current = photos;
  const photoCounts = useCallback(() => {
    const counts: Record<string, number> = {};
    for (const p of photosRef.current) if (p.state !== "failed") counts[p.itemKey] = (counts[p.itemKey] ?? 0) + 1;
    return counts;
  }, []);
  const schema = useMemo(() => inspectionFormSchema(definition, photoCounts), [definition, photoCounts]);
  const initial = { ...data.values, ...asStringValues(server?.values) };
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    defaultValues: initial,
    mode: "onTouched",
  });
  const [status, setStatus] = useState<{ tone: "info" | "warning" | "error" | "success"; text: string } | null>(
    data.saved ? { tone: "success", text: t("inspections.form.draftSaved") } : null,
  );
  const [submitting, setSubmitting] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string | undefined>>(server?.errors ?? {});
  const draftUrl = `/inspections/drafts/${data.draftKey}`;
  const formAction = `/inspections/new?template=${encodeURIComponent(data.template.code)}&draft=${data.draftKey}`;

  // After hydration: restore what this phone kept that the server has not seen, and resend photos.
  useEffect(() => {
    setHydrated(true);
    const kept = keptValues(data.draftKey);
    const serverAt = data.draftSavedAt ? new Date(data.draftSavedAt).getTime() : 0;
    if (kept && (kept.at > serverAt || !data.draftExists)) {
      form.reset({ ...form.getValues(), ...kept.values });
      setStatus({ tone: "info", text: t("inspections.form.restored") });
    } else if (kept) {
      // The server's draft is newer, but the ID number is never on the server: take it from the tab.
      for (const [key, value] of Object.entries(kept.values)) if (!form.getValues(key)) form.setValue(key, value);
    }
    void keptPhotos(data.draftKey).then((pending) => {
      for (const p of pending) void upload(p);
    });
    // Run once per draft: upload and form are stable for its lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data.draftKey]);

  // Keep every change on the phone at once, and on the server a moment later. After a refused
  // submit, re-check as the person types, so a message goes away with the typing that fixes it and
  // not on the next tap (the card would shrink under the finger and the tap miss).
  const lastSaved = useRef<string>(JSON.stringify(initial));
  const refusedOnce = useRef(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = form.watch((values, { name }) => {
      keepValues(data.draftKey, values);
      clearTimeout(timer);
      timer = setTimeout(() => void saveToServer(values), 2500);
      if (refusedOnce.current && name) {
        // The changed field, and for an answer the note and photo rules that depend on it.
        const point = /^(answer|note)_(.+)$/.exec(name)?.[2];
        const fields = point ? [answerField(point), noteField(point), photoField(point)] : [name];
        void form.trigger(fields);
      }
    });
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data.draftKey]);

  function body(intent: string, values: Record<string, unknown>): FormData {
    const payload = new FormData();
    payload.set("intent", intent);
    payload.set("templateId", data.template.id);
    for (const [key, value] of Object.entries(values)) {
      if (typeof value === "string" && value) payload.set(key, value);
      else if (value === true) payload.set(key, "on");
    }
    return payload;
  }

  async function saveToServer(values: Record<string, unknown>) {
    const snapshot = JSON.stringify(values);
    if (snapshot === lastSaved.current) return;
    try {
      const response = await fetch(draftUrl, { method: "POST", body: body("save", values) });
      if (!response.ok) return;
      lastSaved.current = snapshot;
      setStatus({
        tone: "info",
        text: t("inspections.form.autosaved", {
          time: new Intl.DateTimeFormat(locale, {
            timeZone: shell.organization.timeZone,
            hour: "2-digit",
            minute: "2-digit",
            hourCycle: "h23",
          }).format(new Date()),
        }),
      });
    } catch {
      setStatus({ tone: "warning", text: t("inspections.form.offlineKept") });
    }
  }

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

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const removeId = submitter?.name === "removePhoto" ? submitter.value : null;
    const intent = submitter?.value === "save" ? "save" : submitter?.value === "discard" ? "discard" : removeId ? "remove" : "submit";
    event.preventDefault();
    if (intent === "remove") {
      const photo = photos.find((p) => p.id === removeId);
      if (photo) await removePhoto(photo);
      return;
    }
    if (intent === "discard") {
      if (!window.confirm(t("inspections.form.discardConfirm"))) return;
      await fetch(draftUrl, { method: "POST", body: body("discard", {}) }).catch(() => null);
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
      const count = checked.success ? 1 : new Set(checked.error.issues.map((i) => i.path.join("."))).size;
      setStatus({ tone: "error", text: t("inspections.form.fixBelow", { count }) });
      focusFirstError();
      return;
    }
    setSubmitting(true);
    try {
      const response = await fetch(draftUrl, { method: "POST", body: body("submit", form.getValues()) });
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
  const shown = items.filter((item) => !hydrated || item.onlyWhen !== "reefer" || reefer === true || reefer === "on");
  const watched = form.watch(shown.map((i) => answerField(i.key)));
  const answered = shown.filter((item, i) =>
    item.answer === "photo" ? photos.some((p) => p.itemKey === item.key) : Boolean(watched[i]),
  ).length;
  const failed = shown.filter((item, i) => isFailure(item, watched[i] as string | undefined)).length;
  const formError = serverErrors.form ? translateMessage(t, serverErrors.form) : null;
  const noJsRefused = !hydrated && server?.errors && Object.values(server.errors).some(Boolean);

  return (
    <form method="post" encType="multipart/form-data" action={formAction} noValidate onSubmit={onSubmit} className="pb-48">
      {/* Enter in a text field must save, never press the first "remove photo" button. */}
      <button type="submit" name="intent" value="save" className="sr-only" tabIndex={-1} aria-hidden="true" />
      <input type="hidden" name="draftKey" value={data.draftKey} />
      <input type="hidden" name="templateId" value={data.template.id} />
      <div className="mb-4">
        <h1 className="text-2xl font-bold text-slate-900">{en ? data.template.titleEn : data.template.titleZh}</h1>
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
        <Card title={t("inspections.form.headerTitle")}>
          <div className="grid gap-4 sm:grid-cols-2">
            <FieldShell name="siteId" label={t("inspections.site")} error={errorOf("siteId")}>
              <Select
                id="siteId"
                aria-invalid={errorOf("siteId") ? true : undefined}
                {...form.register("siteId")}
                defaultValue={initial.siteId ?? ""}
              >
                <option value="">{t("common.choose")}</option>
                {data.sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {en ? s.nameEn : s.nameZh}
                  </option>
                ))}
              </Select>
            </FieldShell>
            <FieldShell name="occurredAt" label={t("inspections.occurredAt")} error={errorOf("occurredAt")}>
              <Input
                id="occurredAt"
                type="datetime-local"
                aria-invalid={errorOf("occurredAt") ? true : undefined}
                {...form.register("occurredAt")}
                defaultValue={initial.occurredAt}
              />
            </FieldShell>
            {definition.header.map(({ field, required }) =>
              field === "reefer" ? (
                <label key={field} className="flex min-h-11 items-center gap-3 rounded-md border border-slate-200 px-3 sm:col-span-2">
                  <input
                    type="checkbox"
                    value="on"
                    className="size-6 accent-brand-700"
                    defaultChecked={initial.reefer === "on"}
                    {...form.register("reefer")}
                  />
                  <span>{t("inspections.form.reeferCheckbox")}</span>
                </label>
              ) : (
                <HeaderInput key={field} field={field} required={required} form={form} initial={initial[field]} error={errorOf(field)} />
              ),
            )}
          </div>
        </Card>
        {definition.sections.map((section) => {
          const sectionItems = shown.filter((i) => i.sectionKey === section.key);
          if (!sectionItems.length) return null;
          return (
            <section key={section.key} aria-labelledby={`section-${section.key}`} className="space-y-3">
              {definition.sections.length > 1 ? (
                <h2 id={`section-${section.key}`} className="pt-2 text-lg font-semibold text-slate-900">
                  {en ? section.titleEn : section.titleZh}
                </h2>
              ) : (
                <h2 id={`section-${section.key}`} className="sr-only">
                  {en ? section.titleEn : section.titleZh}
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
      <div className="fixed inset-x-0 bottom-0 z-10 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-2px_8px_rgba(0,0,0,0.06)] backdrop-blur lg:left-64">
        {/* Where the thumb is: a lost connection or a refusal is read right above the button just tapped. */}
        <div aria-live="polite" className="mx-auto max-w-5xl">
          {status ? (
            <p
              role={status.tone === "error" ? "alert" : "status"}
              className={`mb-2 rounded-md border px-3 py-2 text-sm ${statusTone[status.tone]}`}
            >
              {status.text}
            </p>
          ) : null}
        </div>
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-700" aria-live="polite">
            {hydrated
              ? t("inspections.form.progress", { answered, total: shown.length })
              : t("inspections.form.points", { count: shown.length })}
            {hydrated && failed ? (
              <span className="ml-2 font-semibold text-red-700">{t("inspections.form.failedCount", { count: failed })}</span>
            ) : null}
          </p>
          <div className="flex gap-2">
            <Button type="submit" name="intent" value="save" variant="secondary" disabled={submitting}>
              {t("inspections.form.saveDraft")}
            </Button>
            <Button type="submit" name="intent" value="submit" disabled={submitting}>
              {submitting ? t("inspections.form.submitting") : t("inspections.form.submit")}
            </Button>
          </div>
        </div>
      </div>
    </form>
  );
}

function HeaderInput(props: {
  field: Exclude<HeaderFieldKey, "reefer">;
  required: boolean;
  form: UseFormReturn<FieldValues>;
  initial: string | undefined;
  error?: string;
}) {
  const { t } = useTranslation();
  const { field } = props;
  const spec = HEADER_INPUTS[field];
  const label = props.required
    ? t(`inspections.header.${field}`)
    : t("inspections.form.optional", { label: t(`inspections.header.${field}`) });
  const hint = (hintedFields as readonly string[]).includes(field)
    ? t(`inspections.headerHint.${field as (typeof hintedFields)[number]}`)
    : "";
  const common = {
    id: field,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": props.error ? `${field}-error` : undefined,
    defaultValue: props.initial ?? "",
  };
  return (
    <FieldShell name={field} label={label} hint={hint || undefined} error={props.error}>
      {spec.type === "select" ? (
        <Select {...common} {...props.form.register(field)}>
          <option value="">{t("common.choose")}</option>
          {idDocumentTypes.map((type) => (
            <option key={type} value={type}>
              {t(`inspections.idType.${type}`)}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          {...common}
          type={spec.type}
          autoComplete={spec.autoComplete}
          autoCapitalize={spec.upper ? "characters" : undefined}
          spellCheck={false}
          className={spec.upper ? "uppercase" : undefined}
          {...props.form.register(field)}
        />
      )}
    </FieldShell>
  );
}

const statusTone = {
  info: "border-brand-100 bg-brand-50 text-brand-800",
  success: "border-green-300 bg-green-50 text-green-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-300 bg-red-50 text-red-900",
} as const;

const choiceTone: Record<string, string> = {
  pass: "has-[:checked]:bg-green-700 has-[:checked]:text-white has-[:checked]:ring-green-700",
  fail: "has-[:checked]:bg-red-700 has-[:checked]:text-white has-[:checked]:ring-red-700",
  na: "has-[:checked]:bg-slate-600 has-[:checked]:text-white has-[:checked]:ring-slate-600",
};

function PointCard(props: {
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
  const en = i18n.language === "en";
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
          <span>{en ? item.promptEn : item.promptZh}</span>
        </legend>
        {item.onlyWhen === "reefer" ? <p className="mt-1 text-sm text-slate-500">{t("inspections.form.reeferOnly")}</p> : null}
        {(en ? item.guidanceEn : item.guidanceZh) ? (
          <details className="mt-1 text-sm text-slate-600">
            <summary className="min-h-8 cursor-pointer text-brand-700">{t("inspections.form.whatToCheck")}</summary>
            <p className="mt-1">{en ? item.guidanceEn : item.guidanceZh}</p>
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
                aria-label={en ? item.promptEn : item.promptZh}
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
              aria-label={en ? item.promptEn : item.promptZh}
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

function PhotoStrip(props: {
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

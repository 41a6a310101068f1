import { useEffect, useRef, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { useShell } from "~/lib/auth/use-session-user";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { draftPostBody, fieldsToRecheck } from "~/lib/inspections/phone-form";
import type { FormStatus } from "./action-bar";
import { keepValues, keptPhotos, keptValues, type PendingPhoto } from "./draft-keeper";
import type { NewInspectionData } from "./route";

// Keeping the draft with JavaScript: what this phone kept is restored after hydration (and its
// photos sent again), every change is kept on the phone at once and saved to the server draft a
// moment later. Without JavaScript none of this runs: the form's own save button posts the draft.

export function useDraftSync(props: {
  data: NewInspectionData;
  draftUrl: string;
  form: UseFormReturn<FieldValues>;
  initial: Record<string, string>;
  upload: (pending: PendingPhoto) => Promise<void>;
  setStatus: (status: FormStatus) => void;
}) {
  const { data, draftUrl, form, initial, upload, setStatus } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const [hydrated, setHydrated] = useState(false);

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
      // The changed field, and for an answer the note and photo rules that depend on it.
      if (refusedOnce.current && name) void form.trigger(fieldsToRecheck(name));
    });
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data.draftKey]);

  async function saveToServer(values: Record<string, unknown>) {
    const snapshot = JSON.stringify(values);
    if (snapshot === lastSaved.current) return;
    try {
      const response = await fetch(draftUrl, { method: "POST", body: draftPostBody("save", data.template.id, values) });
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

  return { hydrated, saveToServer, refusedOnce };
}

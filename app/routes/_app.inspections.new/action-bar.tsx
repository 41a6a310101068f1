import { Button } from "~/components/ui/button";
import { useTranslation } from "~/lib/i18n/use-translation";

// The bar fixed at the bottom of the phone's screen: the latest status (saved, offline, refused),
// the progress, and the save and submit buttons, where the thumb is.

export type FormStatus = { tone: "info" | "warning" | "error" | "success"; text: string } | null;

const statusTone = {
  info: "border-brand-100 bg-brand-50 text-brand-800",
  success: "border-green-300 bg-green-50 text-green-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-300 bg-red-50 text-red-900",
} as const;

export function ActionBar(props: { status: FormStatus; hydrated: boolean; answered: number; failed: number; shown: number; submitting: boolean }) {
  const { t } = useTranslation();
  const { status, hydrated, answered, failed, submitting } = props;
  return (
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
            ? t("inspections.form.progress", { answered, total: props.shown })
            : t("inspections.form.points", { count: props.shown })}
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
  );
}

import { Form, useNavigation } from "@remix-run/react";
import { KeyRoleBadges } from "~/components/personnel/key-role-badges";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import type { SiteOption } from "~/components/training/training-parts";
import { Button, buttonClass } from "~/components/ui/button";
import { Input, Select } from "~/components/ui/input";
import { useHydrated } from "~/components/ui/use-hydrated";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { SessionView } from "~/lib/training/session-view.server";
import { AttendFormSchema } from "~/lib/training/training-schema";
import { localized } from "~/lib/i18n/localized";
import { fields } from "~/lib/form-fields";

export function AttendeePicker(props: { d: SessionView; server: ServerFormState }) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const d = props.d;
  const { form, errorOf, onSubmit } = useValidatedForm(AttendFormSchema, { server: props.server });
  const names = fields(AttendFormSchema);
  const hydrated = useHydrated();
  const ticked = form.watch("employeeIds") as string[] | string | false | undefined;
  const tickedCount = Array.isArray(ticked) ? ticked.length : ticked ? 1 : 0;
  const allTicked = tickedCount === d.candidates.length && d.candidates.length > 0;
  const picked = (props.server?.values?.employeeIds ?? []) as string[] | string;
  const pickedSet = new Set(Array.isArray(picked) ? picked : [picked]);
  const filtered = Boolean(d.picker.site || d.picker.department || d.picker.name);
  const error = errorOf(names.employeeIds);
  return (
    <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
      <h3 className="text-base font-semibold text-slate-900">{t("training.attendance.add")}</h3>
      <Form method="get" className="grid gap-3 sm:grid-cols-4" aria-label={t("training.attendance.filterLabel")}>
        <div className="space-y-1">
          <label htmlFor="p-site" className="block text-sm font-medium text-slate-700">
            {t("training.fields.site")}
          </label>
          <Select id="p-site" name="asite" defaultValue={d.picker.site ?? ""}>
            <option value="">{t("common.all")}</option>
            {d.sites.map((site: SiteOption) => (
              <option key={site.id} value={site.id}>
                {localized(site, "name", i18n.language)}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="p-department" className="block text-sm font-medium text-slate-700">
            {t("training.attendance.department")}
          </label>
          <Select id="p-department" name="department" defaultValue={d.picker.department ?? ""}>
            <option value="">{t("common.all")}</option>
            {d.departments.map((dep) => (
              <option key={dep} value={dep}>
                {dep}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="p-name" className="block text-sm font-medium text-slate-700">
            {t("training.attendance.name")}
          </label>
          <Input id="p-name" name="name" type="search" defaultValue={d.picker.name ?? ""} />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass("secondary", "w-full")}>
            {t("training.attendance.show")}
          </button>
        </div>
      </Form>
      {d.candidates.length === 0 ? (
        <p className="text-slate-600">{filtered ? t("training.attendance.noneMatch") : t("training.attendance.noCandidates")}</p>
      ) : (
        <>
          <Form method="post" noValidate onSubmit={onSubmit} className="space-y-3">
            <input type="hidden" name="intent" value="attend" />
            <fieldset aria-describedby={error ? "employeeIds-error" : undefined}>
              <legend className="mb-2 text-sm text-slate-600">{t("training.attendance.tick", { count: d.candidates.length })}</legend>
              {/* With JavaScript: tick everyone shown, then untick the few who were absent. */}
              {hydrated ? (
                <Button
                  variant="ghost"
                  className="mb-2"
                  onClick={() => form.setValue("employeeIds", allTicked ? [] : d.candidates.map((c) => c.id), { shouldDirty: true })}
                >
                  {t(allTicked ? "training.attendance.untickAll" : "training.attendance.tickAll")}
                </Button>
              ) : null}
              <div className="grid gap-2 sm:grid-cols-2">
                {d.candidates.map((c) => (
                  <label key={c.id} className="flex min-h-14 items-center gap-3 rounded-md border border-slate-200 px-3 py-2">
                    <input
                      type="checkbox"
                      value={c.id}
                      defaultChecked={pickedSet.has(c.id)}
                      className="size-6 shrink-0 accent-brand-700"
                      {...form.register(names.employeeIds)}
                    />
                    <span className="min-w-0">
                      <span className="block font-medium">
                        {c.name} <KeyRoleBadges roles={c.keyRoles} tone="brand" />
                      </span>
                      <span className="block text-sm text-slate-600">{[c.position, c.department].filter(Boolean).join(" · ")}</span>
                    </span>
                  </label>
                ))}
              </div>
              {error ? (
                <p id="employeeIds-error" className="mt-2 text-sm font-medium text-red-700">
                  {error}
                </p>
              ) : null}
            </fieldset>
            <Button type="submit" className="min-h-14 w-full text-lg sm:w-auto" disabled={navigation.state === "submitting"}>
              {t("training.attendance.addTicked")}
            </Button>
          </Form>
          {/* Everyone the filter shows, in one tap, with or without JavaScript. */}
          <Form method="post">
            <input type="hidden" name="intent" value="attend" />
            {d.candidates.map((c) => (
              <input key={c.id} type="hidden" name={names.employeeIds} value={c.id} />
            ))}
            <Button type="submit" variant="secondary" className="w-full sm:w-auto" disabled={navigation.state === "submitting"}>
              {t("training.attendance.addAllShown", { count: d.candidates.length })}
            </Button>
          </Form>
          {d.moreCandidates ? <p className="text-sm text-slate-600">{t("training.attendance.more")}</p> : null}
        </>
      )}
    </div>
  );
}

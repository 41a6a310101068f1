import type { FieldValues, UseFormReturn } from "react-hook-form";
import { useWatch } from "react-hook-form";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { PickerFramework } from "~/lib/policies/policy-schema";
import { localized } from "~/lib/i18n/localized";

function asArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" && value ? [value] : [];
}

/**
 * Checkboxes for the criteria a policy supports: one collapsed <details> per framework (it opens
 * without JavaScript), the criteria under their class, code first as printed in the standard.
 * Every box posts as `name`, so the form sends the chosen ids as a repeated field.
 */
export function CriteriaPicker(props: {
  form: UseFormReturn<FieldValues>;
  name: string;
  frameworks: readonly PickerFramework[];
  values: Record<string, unknown>;
  label: string;
  hint?: string;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const initial = new Set(asArray(props.values[props.name]));
  // Live counts per framework, so a collapsed framework still shows what is ticked inside it.
  const watched = useWatch({ control: props.form.control, name: props.name }) as unknown;
  const chosen = new Set(watched === undefined ? initial : asArray(watched));
  const describedBy = [props.hint ? `${props.name}-hint` : "", props.error ? `${props.name}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy || undefined}>
      <legend className="text-sm font-medium text-slate-800">{props.label}</legend>
      {props.hint ? (
        <p id={`${props.name}-hint`} className="text-sm text-slate-500">
          {props.hint}
        </p>
      ) : null}
      <div className="space-y-2">
        {props.frameworks.map((framework) => {
          const ids = framework.groups.flatMap((g) => g.criteria.map((c) => c.id));
          const count = ids.filter((id) => chosen.has(id)).length;
          return (
            <details key={framework.code} className="group rounded-md border border-slate-200">
              <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 px-3 py-2 font-medium marker:hidden">
                <span className="flex items-center gap-2">
                  <span aria-hidden="true" className="text-slate-400 transition-transform group-open:rotate-90">
                    ▸
                  </span>
                  {localized(framework, "name", i18n.language)}
                </span>
                <span className={`shrink-0 text-sm ${count ? "font-semibold text-brand-700" : "text-slate-500"}`}>
                  {t("policies.pickerCount", { count, total: ids.length })}
                </span>
              </summary>
              <div className="space-y-3 border-t border-slate-100 px-3 py-3">
                {framework.groups.map((group, index) => (
                  <div key={group.heading ? `${group.heading.code}-${index}` : index} className="space-y-1">
                    {group.heading ? (
                      <p className="text-sm font-semibold text-slate-700">
                        {group.heading.code} {localized(group.heading, "title", i18n.language)}
                      </p>
                    ) : null}
                    <div className="grid gap-1 sm:grid-cols-2">
                      {group.criteria.map((c) => (
                        <label key={c.id} className="flex min-h-11 items-center gap-3 rounded-md px-2 hover:bg-slate-50">
                          <input
                            type="checkbox"
                            value={c.id}
                            defaultChecked={initial.has(c.id)}
                            className="size-5 shrink-0 accent-brand-700"
                            {...props.form.register(props.name)}
                          />
                          <span>
                            <span className="font-mono text-sm text-slate-600">{c.code}</span> {localized(c, "title", i18n.language)}
                          </span>
                        </label>
                      ))}
                    </div>
                  </div>
                ))}
              </div>
            </details>
          );
        })}
      </div>
      {props.error ? (
        <p id={`${props.name}-error`} className="text-sm font-medium text-red-700">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

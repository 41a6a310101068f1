import type { ReactNode } from "react";
import { FieldShell } from "~/components/form/fields";
import type { useValidatedForm } from "~/components/form/use-validated-form";
import { Input } from "~/components/ui/input";

// The sign-in form's own inputs: big tap targets for the gate, and text fields with suggestions.

/** A group of choices with its legend and error, the error tied to the group for screen readers. */
export function ChoiceGroup(props: { legend: string; error?: string; name: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-2" aria-describedby={props.error ? `${props.name}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{props.legend}</legend>
      {props.children}
      {props.error ? (
        <p id={`${props.name}-error`} className="text-sm font-medium text-red-700">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A radio as a 56 px button: the main choices at the gate are tapped with gloves on. */
export function BigChoice(props: {
  value: string;
  label: string;
  defaultChecked: boolean;
  register: ReturnType<ReturnType<typeof useValidatedForm>["form"]["register"]>;
}) {
  return (
    <label className="flex min-h-14 cursor-pointer items-center justify-center rounded-lg border border-slate-300 bg-white px-3 text-center text-base font-semibold text-slate-800 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600">
      <input type="radio" value={props.value} defaultChecked={props.defaultChecked} className="sr-only" {...props.register} />
      {props.label}
    </label>
  );
}

/** A text field with suggestions (a datalist): the host from the employee list, a badge from the register. */
export function SuggestField(props: {
  form: ReturnType<typeof useValidatedForm>["form"];
  values: Record<string, unknown>;
  name: string;
  label: string;
  hint: string;
  error?: string;
  list: string;
  upper?: boolean;
}) {
  const value = props.values[props.name];
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} error={props.error}>
      <Input
        id={props.name}
        list={props.list}
        autoComplete="off"
        autoCapitalize={props.upper ? "characters" : undefined}
        className={props.upper ? "uppercase" : ""}
        defaultValue={typeof value === "string" ? value : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={
          [props.hint ? `${props.name}-hint` : "", props.error ? `${props.name}-error` : ""].filter(Boolean).join(" ") || undefined
        }
        {...props.form.register(props.name)}
      />
    </FieldShell>
  );
}

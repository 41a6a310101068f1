import type { ReactNode } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { Input, Select, Textarea } from "../ui/input";

interface FieldBase {
  form: UseFormReturn<FieldValues>;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  values: Record<string, unknown>;
  /** Prefix for element ids when one page holds several forms with the same field names. */
  idPrefix?: string;
}

function fieldId(props: { name: string; idPrefix?: string }): string {
  return `${props.idPrefix ?? ""}${props.name}`;
}

function describedBy(name: string, hint: unknown, error: unknown) {
  const ids = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** Hint and error under a control, with the ids that aria-describedby points at. */
function FieldMessages(props: { name: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {props.hint ? (
        <p id={`${props.name}-hint`} className="text-sm text-slate-500">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${props.name}-error`} className="text-sm font-medium text-red-700">
          {props.error}
        </p>
      ) : null}
    </>
  );
}

/** Label, control, hint and error with the ids aria-describedby points at: for controls these fields do not cover. */
export function FieldShell(props: { name: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={props.name} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      {props.children}
      <FieldMessages name={fieldId(props)} hint={props.hint} error={props.error} />
    </div>
  );
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function TextField(
  props: FieldBase & { type?: string; autoComplete?: string; inputMode?: "text" | "email" | "tel" | "numeric"; required?: boolean; placeholder?: string },
) {
  return (
    <FieldShell name={fieldId(props)} label={props.label} hint={props.hint} error={props.error}>
      <Input
        id={fieldId(props)}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        required={props.required}
        defaultValue={props.type === "password" ? undefined : asString(props.values[props.name])}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(fieldId(props), props.hint, props.error)}
        {...props.form.register(props.name)}
      />
    </FieldShell>
  );
}

export function TextAreaField(props: FieldBase & { rows?: number }) {
  return (
    <FieldShell name={fieldId(props)} label={props.label} hint={props.hint} error={props.error}>
      <Textarea
        id={fieldId(props)}
        rows={props.rows ?? 3}
        defaultValue={asString(props.values[props.name])}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(fieldId(props), props.hint, props.error)}
        {...props.form.register(props.name)}
      />
    </FieldShell>
  );
}

export function SelectField(props: FieldBase & { options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <FieldShell name={fieldId(props)} label={props.label} hint={props.hint} error={props.error}>
      <Select
        id={fieldId(props)}
        defaultValue={asString(props.values[props.name]) ?? ""}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(fieldId(props), props.hint, props.error)}
        {...props.form.register(props.name)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </FieldShell>
  );
}

export function CheckboxGroupField(props: FieldBase & { options: { value: string; label: string }[] }) {
  const current = props.values[props.name];
  const checked = new Set(Array.isArray(current) ? current : typeof current === "string" ? [current] : []);
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy(fieldId(props), props.hint, props.error)}>
      <legend className="text-sm font-medium text-slate-800">{props.label}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {props.options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-3 rounded-md border border-slate-200 px-3">
            <input
              type="checkbox"
              value={o.value}
              defaultChecked={checked.has(o.value)}
              className="size-5 accent-brand-700"
              {...props.form.register(props.name)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldMessages name={fieldId(props)} hint={props.hint} error={props.error} />
    </fieldset>
  );
}

/**
 * A file input. Browsers never keep a chosen file across a full page load, so after an error
 * answered without JavaScript `reselect` tells the person to choose it again.
 */
/** The look of every file input, also those outside react-hook-form forms. */
export const fileInputClass =
  "block w-full rounded-md border border-dashed border-slate-300 bg-white p-2 text-base text-slate-700 file:mr-3 file:min-h-11 file:cursor-pointer file:rounded-md file:border-0 file:bg-brand-50 file:px-4 file:font-semibold file:text-brand-800 hover:file:bg-brand-100 aria-[invalid=true]:border-red-600";

export function FileField(props: Omit<FieldBase, "values"> & { accept?: string; required?: boolean; reselect?: ReactNode }) {
  const hint = props.reselect ? (
    <>
      {props.hint} <strong className="font-medium text-slate-700">{props.reselect}</strong>
    </>
  ) : (
    props.hint
  );
  return (
    <FieldShell name={fieldId(props)} label={props.label} hint={hint} error={props.error}>
      <input
        id={fieldId(props)}
        type="file"
        accept={props.accept}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(fieldId(props), hint, props.error)}
        className={fileInputClass}
        {...props.form.register(props.name)}
      />
    </FieldShell>
  );
}

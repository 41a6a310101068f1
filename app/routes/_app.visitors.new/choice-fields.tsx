import { FieldShell } from "~/components/form/fields";
import type { useValidatedForm } from "~/components/form/use-validated-form";
import { Input } from "~/components/ui/input";

// The sign-in form's own inputs: text fields with suggestions (the big tap targets are shared: form/big-choice.tsx).

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

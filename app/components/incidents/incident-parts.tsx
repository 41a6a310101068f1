import type { ReactNode } from "react";
import type { useValidatedForm } from "~/components/form/use-validated-form";
import { Badge } from "~/components/ui/badge";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { IncidentStatus } from "~/lib/incidents/incident-rules";

// The incident pages' shared parts: the status badge, and the report form's big radio choices (a
// guard at the gate taps them with gloves on).

export function IncidentStatusBadge(props: { status: IncidentStatus }) {
  const { t } = useTranslation();
  const tone = props.status === "closed" ? "neutral" : props.status === "investigating" ? "warn" : "bad";
  return <Badge tone={tone}>{t(`incidents.statuses.${props.status}`)}</Badge>;
}

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

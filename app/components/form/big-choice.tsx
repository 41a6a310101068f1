import type { ReactNode } from "react";
import type { useValidatedForm } from "~/components/form/use-validated-form";
import { localized } from "~/lib/i18n/localized";
import { useTranslation } from "~/lib/i18n/use-translation";

// The big radio choices of the gate's phone forms (visitor sign-in, incident report): tapped with
// gloves on, grouped under a legend with the group's error tied to it for screen readers.

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

/** The site a thing happened at, one big choice per site, named in the reader's language. */
export function SiteChoices(props: {
  legend: string;
  error?: string;
  /** What shows when the organisation has no site yet. */
  noSites: string;
  sites: readonly { id: string; nameZh: string; nameEn: string }[];
  register: ReturnType<ReturnType<typeof useValidatedForm>["form"]["register"]>;
  /** The site chosen so far. */
  value: string;
}) {
  const { i18n } = useTranslation();
  return (
    <ChoiceGroup legend={props.legend} error={props.error} name="siteId">
      {props.sites.length === 0 ? <p className="text-slate-600">{props.noSites}</p> : null}
      <div className="grid gap-2 sm:grid-cols-2">
        {props.sites.map((s) => (
          <BigChoice key={s.id} value={s.id} label={localized(s, "name", i18n.language)} register={props.register} defaultChecked={props.value === s.id} />
        ))}
      </div>
    </ChoiceGroup>
  );
}

import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Input, Select } from "~/components/ui/input";

/** One labelled control of a list's filter form; className sizes it in the form's grid. */
export function FilterField(props: { label: string; htmlFor: string; className?: string; children: ReactNode }) {
  return (
    <div className={`min-w-0 space-y-1 ${props.className ?? ""}`}>
      <label htmlFor={props.htmlFor} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      {props.children}
    </div>
  );
}

/** The site filter every register's list has: all sites, or one, named in the reader's language. */
export function SiteFilterField(props: {
  label: string;
  sites: readonly { id: string; nameZh: string; nameEn: string }[];
  value: string | undefined;
  id?: string;
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  const id = props.id ?? "f-site";
  return (
    <FilterField label={props.label} htmlFor={id} className={props.className}>
      <Select id={id} name="site" defaultValue={props.value ?? ""}>
        <option value="">{t("common.all")}</option>
        {props.sites.map((s) => (
          <option key={s.id} value={s.id}>
            {i18n.language === "en" ? s.nameEn : s.nameZh}
          </option>
        ))}
      </Select>
    </FilterField>
  );
}

/** A choice among a list's values, or all of them; the field's id is f-<name>. */
export function ChoiceFilterField(props: {
  label: string;
  name: string;
  /** The label of "no choice" (all kinds, all statuses…). */
  all: string;
  options: readonly { value: string; label: string }[];
  value: string | undefined;
  className?: string;
}) {
  const id = `f-${props.name}`;
  return (
    <FilterField label={props.label} htmlFor={id} className={props.className}>
      <Select id={id} name={props.name} defaultValue={props.value ?? ""}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </FilterField>
  );
}

/** A day bounding a list's dates (from, to); the field's id is f-<name>. */
export function DateFilterField(props: { label: string; name: string; value: string | undefined; className?: string }) {
  const id = `f-${props.name}`;
  return (
    <FilterField label={props.label} htmlFor={id} className={props.className}>
      <Input id={id} type="date" name={props.name} defaultValue={props.value ?? ""} />
    </FilterField>
  );
}

/** The words a list is searched for (q). */
export function SearchFilterField(props: { label: string; value: string | undefined; className?: string }) {
  return (
    <FilterField label={props.label} htmlFor="f-q" className={props.className}>
      <Input id="f-q" name="q" defaultValue={props.value ?? ""} />
    </FilterField>
  );
}

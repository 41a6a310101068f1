import type { FieldValues, UseFormReturn } from "react-hook-form";
import { FieldShell } from "~/components/form/fields";
import { Card } from "~/components/ui/card";
import { Input, Select } from "~/components/ui/input";
import { useTranslation } from "~/lib/i18n/use-translation";
import { idDocumentTypes } from "~/lib/inspections/identity-document";
import type { HeaderFieldKey, TemplateDefinition } from "~/lib/inspections/template-definition";
import { localized } from "~/lib/i18n/localized";

// The form's first card: site, time, and the header fields the template asks for (container,
// truck, seals, driver, …), plus the reefer box that shows the reefer-only points.

const HEADER_INPUTS: Record<
  Exclude<HeaderFieldKey, "reefer">,
  { type: string; inputMode?: "text" | "numeric" | "decimal"; upper?: boolean; autoComplete?: string }
> = {
  area: { type: "text" },
  containerNumber: { type: "text", upper: true },
  truckPlate: { type: "text", upper: true },
  trailerNumber: { type: "text", upper: true },
  sealNumbers: { type: "text", upper: true },
  shipmentRef: { type: "text", upper: true },
  driverName: { type: "text", autoComplete: "off" },
  driverIdType: { type: "select" },
  driverIdNumber: { type: "text", upper: true, autoComplete: "off" },
  driverEmployer: { type: "text" },
  arrivalTime: { type: "time" },
  departureTime: { type: "time" },
  sealAtDeparture: { type: "text", upper: true },
  reviewFrom: { type: "datetime-local" },
  reviewTo: { type: "datetime-local" },
  camerasReviewed: { type: "text" },
  systemsReviewed: { type: "text" },
};

/** Header fields with a hint under them (times and dates explain themselves). */
const hintedFields = [
  "area",
  "containerNumber",
  "truckPlate",
  "trailerNumber",
  "sealNumbers",
  "shipmentRef",
  "driverName",
  "driverIdType",
  "driverIdNumber",
  "driverEmployer",
  "sealAtDeparture",
  "camerasReviewed",
  "systemsReviewed",
] as const satisfies readonly HeaderFieldKey[];

export function HeaderCard(props: {
  definition: TemplateDefinition;
  sites: readonly { id: string; nameZh: string; nameEn: string }[];
  form: UseFormReturn<FieldValues>;
  initial: Record<string, string>;
  errorOf: (name: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { definition, form, initial, errorOf } = props;
  return (
    <Card title={t("inspections.form.headerTitle")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <FieldShell name="siteId" label={t("inspections.site")} error={errorOf("siteId")}>
          <Select
            id="siteId"
            aria-invalid={errorOf("siteId") ? true : undefined}
            {...form.register("siteId")}
            defaultValue={initial.siteId ?? ""}
          >
            <option value="">{t("common.choose")}</option>
            {props.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {localized(s, "name", i18n.language)}
              </option>
            ))}
          </Select>
        </FieldShell>
        <FieldShell name="occurredAt" label={t("inspections.occurredAt")} error={errorOf("occurredAt")}>
          <Input
            id="occurredAt"
            type="datetime-local"
            aria-invalid={errorOf("occurredAt") ? true : undefined}
            {...form.register("occurredAt")}
            defaultValue={initial.occurredAt}
          />
        </FieldShell>
        {definition.header.map(({ field, required }) =>
          field === "reefer" ? (
            <label key={field} className="flex min-h-11 items-center gap-3 rounded-md border border-slate-200 px-3 sm:col-span-2">
              <input
                type="checkbox"
                value="on"
                className="size-6 accent-brand-700"
                defaultChecked={initial.reefer === "on"}
                {...form.register("reefer")}
              />
              <span>{t("inspections.form.reeferCheckbox")}</span>
            </label>
          ) : (
            <HeaderInput key={field} field={field} required={required} form={form} initial={initial[field]} error={errorOf(field)} />
          ),
        )}
      </div>
    </Card>
  );
}

function HeaderInput(props: {
  field: Exclude<HeaderFieldKey, "reefer">;
  required: boolean;
  form: UseFormReturn<FieldValues>;
  initial: string | undefined;
  error?: string;
}) {
  const { t } = useTranslation();
  const { field } = props;
  const spec = HEADER_INPUTS[field];
  const label = props.required
    ? t(`inspections.header.${field}`)
    : t("inspections.form.optional", { label: t(`inspections.header.${field}`) });
  const hint = (hintedFields as readonly string[]).includes(field)
    ? t(`inspections.headerHint.${field as (typeof hintedFields)[number]}`)
    : "";
  const common = {
    id: field,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": props.error ? `${field}-error` : undefined,
    defaultValue: props.initial ?? "",
  };
  return (
    <FieldShell name={field} label={label} hint={hint || undefined} error={props.error}>
      {spec.type === "select" ? (
        <Select {...common} {...props.form.register(field)}>
          <option value="">{t("common.choose")}</option>
          {idDocumentTypes.map((type) => (
            <option key={type} value={type}>
              {t(`inspections.idType.${type}`)}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          {...common}
          type={spec.type}
          autoComplete={spec.autoComplete}
          autoCapitalize={spec.upper ? "characters" : undefined}
          spellCheck={false}
          className={spec.upper ? "uppercase" : undefined}
          {...props.form.register(field)}
        />
      )}
    </FieldShell>
  );
}

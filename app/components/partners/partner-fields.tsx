import type { FieldValues, UseFormReturn } from "react-hook-form";
import { useTranslation } from "~/lib/i18n/use-translation";
import { CheckboxGroupField, SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useLocale } from "~/lib/i18n/use-locale";
import { countryOptions } from "~/lib/partners/countries";
import { aeoProgrammes, customsCredits, partnerRoles } from "~/lib/partners/partner-values";
import { fields } from "~/lib/form-fields";
import { PartnerSchema } from "~/lib/partners/partner-schema";

/** The fields are PartnerSchema's: tsc refuses a name it does not have. */
const names = fields(PartnerSchema);

type FormBinding = {
  form: UseFormReturn<FieldValues>;
  values: Record<string, unknown>;
  errorOf: (name: string) => string | undefined;
};

/** The partner's identity, roles and AEO status: the same on the new-partner form and the partner page. */
export function PartnerFields(props: FormBinding) {
  const { t } = useTranslation();
  const locale = useLocale();
  const field = { form: props.form, values: props.values };
  const country = props.form.watch("countryCode") ?? props.values.countryCode;
  const programme = props.form.watch("aeoProgramme") ?? props.values.aeoProgramme;
  const chinese = country === "CN" || country === undefined;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <TextField {...field} name={names.legalNameZh} label={t("partners.legalNameZh")} error={props.errorOf(names.legalNameZh)} />
        <TextField
          {...field}
          name={names.legalNameEn}
          label={t("partners.legalNameEn")}
          hint={t("partners.namesHint")}
          error={props.errorOf(names.legalNameEn)}
        />
        <SelectField
          {...field}
          name={names.countryCode}
          label={t("partners.country")}
          options={countryOptions(locale)}
          error={props.errorOf(names.countryCode)}
        />
        {chinese ? (
          <TextField {...field} name={names.uscc} label={t("partners.uscc")} hint={t("partners.usccHint")} error={props.errorOf(names.uscc)} />
        ) : (
          <TextField
            {...field}
            name={names.foreignRegistrationNumber}
            label={t("partners.foreignRegistration")}
            error={props.errorOf(names.foreignRegistrationNumber)}
          />
        )}
      </div>
      <CheckboxGroupField
        {...field}
        name={names.roles}
        label={t("partners.roles")}
        options={partnerRoles.map((r) => ({ value: r, label: t(`partners.role.${r}`) }))}
        error={props.errorOf(names.roles)}
      />
      <div className="grid gap-4 md:grid-cols-2">
        {chinese ? (
          <SelectField
            {...field}
            name={names.customsCredit}
            label={t("partners.customsCredit")}
            options={customsCredits.map((c) => ({ value: c, label: t(`partners.credit.${c}`) }))}
            error={props.errorOf(names.customsCredit)}
          />
        ) : null}
        <SelectField
          {...field}
          name={names.aeoProgramme}
          label={t("partners.aeoProgramme")}
          hint={t("partners.aeoHint")}
          options={aeoProgrammes.map((a) => ({ value: a, label: t(`partners.aeo.${a}`) }))}
          error={props.errorOf(names.aeoProgramme)}
        />
        {programme === "other_mra" ? (
          <TextField {...field} name={names.aeoProgrammeName} label={t("partners.aeoProgrammeName")} error={props.errorOf(names.aeoProgrammeName)} />
        ) : null}
        {programme && programme !== "none" ? (
          <>
            <TextField
              {...field}
              name={names.aeoCertificateNumber}
              label={t("partners.aeoCertificate")}
              error={props.errorOf(names.aeoCertificateNumber)}
            />
            <TextField
              {...field}
              name={names.aeoValidUntil}
              type="date"
              label={t("partners.aeoValidUntil")}
              error={props.errorOf(names.aeoValidUntil)}
            />
          </>
        ) : null}
        <TextField
          {...field}
          name={names.annualVolumeCny}
          inputMode="numeric"
          label={t("partners.annualVolume")}
          hint={t("partners.annualVolumeHint")}
          error={props.errorOf(names.annualVolumeCny)}
        />
      </div>
      <TextAreaField {...field} name={names.notes} label={t("partners.notes")} error={props.errorOf(names.notes)} />
    </div>
  );
}

import type { FieldValues, UseFormReturn } from "react-hook-form";
import { useTranslation } from "~/lib/i18n/use-translation";
import { CheckboxGroupField, SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { Badge } from "~/components/ui/badge";
import { useLocale } from "~/lib/i18n/use-locale";
import { countryOptions } from "~/lib/partners/countries";
import { aeoProgrammes, customsCredits, partnerRoles } from "~/lib/partners/partner-values";

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
        <TextField {...field} name="legalNameZh" label={t("partners.legalNameZh")} error={props.errorOf("legalNameZh")} />
        <TextField
          {...field}
          name="legalNameEn"
          label={t("partners.legalNameEn")}
          hint={t("partners.namesHint")}
          error={props.errorOf("legalNameEn")}
        />
        <SelectField
          {...field}
          name="countryCode"
          label={t("partners.country")}
          options={countryOptions(locale)}
          error={props.errorOf("countryCode")}
        />
        {chinese ? (
          <TextField {...field} name="uscc" label={t("partners.uscc")} hint={t("partners.usccHint")} error={props.errorOf("uscc")} />
        ) : (
          <TextField
            {...field}
            name="foreignRegistrationNumber"
            label={t("partners.foreignRegistration")}
            error={props.errorOf("foreignRegistrationNumber")}
          />
        )}
      </div>
      <CheckboxGroupField
        {...field}
        name="roles"
        label={t("partners.roles")}
        options={partnerRoles.map((r) => ({ value: r, label: t(`partners.role.${r}`) }))}
        error={props.errorOf("roles")}
      />
      <div className="grid gap-4 md:grid-cols-2">
        {chinese ? (
          <SelectField
            {...field}
            name="customsCredit"
            label={t("partners.customsCredit")}
            options={customsCredits.map((c) => ({ value: c, label: t(`partners.credit.${c}`) }))}
            error={props.errorOf("customsCredit")}
          />
        ) : null}
        <SelectField
          {...field}
          name="aeoProgramme"
          label={t("partners.aeoProgramme")}
          hint={t("partners.aeoHint")}
          options={aeoProgrammes.map((a) => ({ value: a, label: t(`partners.aeo.${a}`) }))}
          error={props.errorOf("aeoProgramme")}
        />
        {programme === "other_mra" ? (
          <TextField {...field} name="aeoProgrammeName" label={t("partners.aeoProgrammeName")} error={props.errorOf("aeoProgrammeName")} />
        ) : null}
        {programme && programme !== "none" ? (
          <>
            <TextField
              {...field}
              name="aeoCertificateNumber"
              label={t("partners.aeoCertificate")}
              error={props.errorOf("aeoCertificateNumber")}
            />
            <TextField
              {...field}
              name="aeoValidUntil"
              type="date"
              label={t("partners.aeoValidUntil")}
              error={props.errorOf("aeoValidUntil")}
            />
          </>
        ) : null}
        <TextField
          {...field}
          name="annualVolumeCny"
          inputMode="numeric"
          label={t("partners.annualVolume")}
          hint={t("partners.annualVolumeHint")}
          error={props.errorOf("annualVolumeCny")}
        />
      </div>
      <TextAreaField {...field} name="notes" label={t("partners.notes")} error={props.errorOf("notes")} />
    </div>
  );
}

const statusTone = { pending: "warn", approved: "good", conditional: "brand", rejected: "bad" } as const;
/** The tones of a partner's risk tier, wherever one is shown. */
export const tierTone = { low: "good", medium: "warn", high: "bad" } as const;
/** A decision in the tone of the status it gives the partner. */
export const decisionTone = { approved: "good", approved_with_conditions: "brand", rejected: "bad" } as const;

/** Status and risk tier, as every list and page shows them; a rejected partner is marked in red. */
export function PartnerStatusBadges(props: { status: keyof typeof statusTone; tier: keyof typeof tierTone | null; exempt?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={statusTone[props.status]}>{t(`partners.status.${props.status}`)}</Badge>
      {props.tier ? <Badge tone={tierTone[props.tier]}>{t(`partners.tier.${props.tier}`)}</Badge> : null}
      {props.exempt ? <Badge tone="brand">{t("partners.exemptBadge")}</Badge> : null}
    </span>
  );
}

/** The partner's name in the reader's language, the other one after it when both exist. */
export function partnerName(p: { legalNameZh: string; legalNameEn: string }, en: boolean): string {
  return en ? p.legalNameEn || p.legalNameZh : p.legalNameZh || p.legalNameEn;
}

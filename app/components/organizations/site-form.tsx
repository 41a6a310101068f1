import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { SiteSchema, siteKinds } from "~/lib/organizations/organization-schema";
import { fields } from "~/lib/form-fields";

/** The add-site and edit-site form (settings/sites and settings/sites/:siteId). */
export function SiteForm(props: { defaults?: Record<string, unknown>; server?: ServerFormState; submitLabel: string; intent: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected } = useValidatedForm(SiteSchema, { defaults: props.defaults, server: props.server });
  const names = fields(SiteSchema);
  const field = { form, values };
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
      {rejected ? <Alert tone="error">{t("errors.fixBelow")}</Alert> : null}
      <input type="hidden" name="intent" value={props.intent} />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField {...field} name={names.nameZh} label={t("fields.siteNameZh")} error={errorOf(names.nameZh)} />
        <TextField {...field} name={names.nameEn} label={t("fields.siteNameEn")} error={errorOf(names.nameEn)} />
        <SelectField {...field} name={names.kind} label={t("fields.siteKind")} placeholder={t("common.choose")} options={siteKinds.map((k) => ({ value: k, label: t(`siteKind.${k}`) }))} error={errorOf(names.kind)} />
        <TextField {...field} name={names.address} label={t("fields.address")} error={errorOf(names.address)} />
        <TextField {...field} name={names.securityContactName} label={t("fields.securityContactName")} error={errorOf(names.securityContactName)} />
        <TextField {...field} name={names.securityContactPhone} type="tel" inputMode="tel" label={t("fields.securityContactPhone")} error={errorOf(names.securityContactPhone)} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {props.submitLabel}
        </Button>
        {props.extra}
      </div>
    </Form>
  );
}

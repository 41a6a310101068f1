import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { SiteSchema, siteKinds } from "~/lib/organizations/organization-schema";

/** The add-site and edit-site form (settings/sites and settings/sites/:siteId). */
export function SiteForm(props: { defaults?: Record<string, unknown>; server?: ServerFormState; submitLabel: string; intent: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected } = useValidatedForm(SiteSchema, { defaults: props.defaults, server: props.server });
  const field = { form, values };
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
      {rejected ? <Alert tone="error">{t("errors.fixBelow")}</Alert> : null}
      <input type="hidden" name="intent" value={props.intent} />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField {...field} name="nameZh" label={t("fields.siteNameZh")} error={errorOf("nameZh")} />
        <TextField {...field} name="nameEn" label={t("fields.siteNameEn")} error={errorOf("nameEn")} />
        <SelectField {...field} name="kind" label={t("fields.siteKind")} placeholder={t("common.choose")} options={siteKinds.map((k) => ({ value: k, label: t(`siteKind.${k}`) }))} error={errorOf("kind")} />
        <TextField {...field} name="address" label={t("fields.address")} error={errorOf("address")} />
        <TextField {...field} name="securityContactName" label={t("fields.securityContactName")} error={errorOf("securityContactName")} />
        <TextField {...field} name="securityContactPhone" type="tel" inputMode="tel" label={t("fields.securityContactPhone")} error={errorOf("securityContactPhone")} />
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

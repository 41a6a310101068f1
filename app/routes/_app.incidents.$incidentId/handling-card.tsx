import { Form, useNavigation } from "@remix-run/react";
import { SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { DetailList } from "~/components/ui/detail-list";
import { useTranslation } from "~/lib/i18n/use-translation";
import { incidentStatuses } from "~/lib/incidents/incident-rules";
import { IncidentUpdateSchema } from "~/lib/incidents/incident-schema";

/** Containment, investigation, root cause, the customs notification and the status; read-only without incidents.manage. */
export function HandlingCard(props: {
  canManage: boolean;
  customsRequired: boolean;
  handling: { status: string; containment: string; investigation: string; rootCause: string; customsNotifiedAt: string; customsOffice: string };
  server: ServerFormState;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const h = props.handling;
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(IncidentUpdateSchema, {
    defaults: { intent: "update", ...h },
    server: props.server,
  });
  const field = { form, values };
  if (!props.canManage) {
    const rows: [string, string][] = [
      [t("incidents.containment"), h.containment],
      [t("incidents.investigation"), h.investigation],
      [t("incidents.rootCause"), h.rootCause],
    ];
    return (
      <Card title={t("incidents.detail.handling")}>
        <DetailList rows={rows.map(([label, value]) => [label, value || t("common.notSet")] as const)} multiline />
        <p className="mt-3 text-sm text-slate-600">{t("incidents.detail.readOnly")}</p>
      </Card>
    );
  }
  return (
    <Card title={t("incidents.detail.handling")}>
      <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4" aria-label={t("incidents.detail.handling")}>
        <input type="hidden" name="intent" value="update" />
        <p className="text-sm text-slate-600">{t("incidents.detail.handlingHint")}</p>
        {rejected ? <Alert tone="error">{formError ?? errorOf("status") ?? t("incidents.report.notSaved")}</Alert> : null}
        <TextAreaField {...field} name="containment" label={t("incidents.containment")} error={errorOf("containment")} />
        <TextAreaField {...field} name="investigation" label={t("incidents.investigation")} error={errorOf("investigation")} rows={4} />
        <TextAreaField {...field} name="rootCause" label={t("incidents.rootCause")} error={errorOf("rootCause")} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            {...field}
            type="datetime-local"
            name="customsNotifiedAt"
            label={t("incidents.customsNotifiedAt")}
            hint={props.customsRequired ? t("incidents.report.customsHint") : undefined}
            error={errorOf("customsNotifiedAt")}
          />
          <TextField {...field} name="customsOffice" label={t("incidents.customsOffice")} error={errorOf("customsOffice")} />
        </div>
        <SelectField
          {...field}
          name="status"
          label={t("incidents.status")}
          error={errorOf("status")}
          options={incidentStatuses.map((s) => ({ value: s, label: t(`incidents.statuses.${s}`) }))}
        />
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {t("incidents.detail.save")}
        </Button>
      </Form>
    </Card>
  );
}

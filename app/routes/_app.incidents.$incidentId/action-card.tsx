import { Form, Link, useNavigation } from "@remix-run/react";
import { SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { useTranslation } from "~/lib/i18n/use-translation";
import { IncidentActionSchema } from "~/lib/incidents/incident-schema";

/** The corrective actions (CA-) raised from the incident, and the form that raises one. */
export function ActionCard(props: {
  canManage: boolean;
  actions: { id: string; reference: string; title: string; status: string; dueOn: string }[];
  members: { value: string; label: string }[];
  server: ServerFormState;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(IncidentActionSchema, {
    defaults: { intent: "action" },
    server: props.server,
  });
  const field = { form, values, idPrefix: "action-" };
  return (
    <Card title={t("incidents.detail.actions")}>
      {props.actions.length === 0 ? (
        <p className="text-slate-600">{t("incidents.detail.noActions")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {props.actions.map((a) => (
            <li key={a.id} className="py-2">
              <Link to={`/actions/${a.id}`} className="text-brand-700 underline">
                <span className="mr-2 font-mono text-sm">{a.reference}</span>
                {a.title}
              </Link>
              <p className="text-sm text-slate-600">
                {t(`actions.status.${a.status as "open"}`)} · {t("incidents.detail.dueOn")} {a.dueOn}
              </p>
            </li>
          ))}
        </ul>
      )}
      {props.canManage ? (
        <details className="mt-4" open={rejected || undefined}>
          <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("incidents.detail.raiseAction")}</summary>
          <Form method="post" noValidate onSubmit={onSubmit} className="mt-2 space-y-4" aria-label={t("incidents.detail.raiseAction")}>
            <input type="hidden" name="intent" value="action" />
            {rejected ? <Alert tone="error">{formError ?? t("incidents.report.notSaved")}</Alert> : null}
            <TextField {...field} name="title" label={t("incidents.detail.actionTitle")} error={errorOf("title")} />
            <TextAreaField {...field} name="description" label={t("incidents.detail.actionDescription")} error={errorOf("description")} />
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField
                {...field}
                name="ownerUserId"
                label={t("incidents.detail.owner")}
                error={errorOf("ownerUserId")}
                options={props.members}
                placeholder=""
              />
              <TextField {...field} type="date" name="dueOn" label={t("incidents.detail.dueOn")} error={errorOf("dueOn")} />
            </div>
            <Button type="submit" disabled={navigation.state === "submitting"}>
              {t("incidents.detail.raise")}
            </Button>
          </Form>
        </details>
      ) : null}
    </Card>
  );
}

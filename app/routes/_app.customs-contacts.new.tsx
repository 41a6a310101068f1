import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useTranslation } from "~/lib/i18n/use-translation";
import { customsContactChannels, customsContactKinds, customsContactReference } from "~/lib/incidents/incident-rules";
import { CustomsContactSchema } from "~/lib/incidents/incident-schema";
import { incidentChoices, recordCustomsContact } from "~/lib/incidents/incidents.server";
import { isUuid } from "~/lib/value-checks";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["organizations", "criteria", "actions", "inspections", "incidents"] } satisfies PageHandle;

// /customs-contacts/new[?incident=<id>]: log a contact with customs, about an incident or not.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("customsContacts.new.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "incidents.manage");
  const incidents = await incidentChoices(auth.db, auth.organization.id);
  const incident = new URL(request.url).searchParams.get("incident");
  const defaults: Record<string, string> = { contactedOn: todayInZone(auth.organization.timeZone) };
  if (isUuid(incident) && incidents.some((i) => i.id === incident)) {
    defaults.incidentId = incident;
    defaults.kind = "notification";
  }
  return { defaults, incidents: incidents.map((i) => ({ id: i.id, reference: i.reference, kind: i.kind })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "incidents.manage");
  const formData = await readFormData(request);
  const values = formDataToObject(formData);
  const parsed = parseForm(formData, CustomsContactSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await recordCustomsContact(auth.db, auth.actor, parsed.data, auth.organization.timeZone);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  return redirect(`/customs-contacts/${result.contact.id}?saved=${customsContactReference(result.contact.number)}`);
}

export default function NewCustomsContactPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(CustomsContactSchema, { defaults: d.defaults, server });
  const field = { form, values };
  return (
    <>
      <PageHeader title={t("customsContacts.new.title")} description={t("customsContacts.new.description")} />
      <Card>
        <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4" aria-label={t("customsContacts.new.title")}>
          {rejected ? <Alert tone="error">{formError ?? t("customsContacts.new.notSaved")}</Alert> : null}
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField {...field} type="date" name="contactedOn" label={t("customsContacts.contactedOn")} error={errorOf("contactedOn")} />
            <SelectField
              {...field}
              name="kind"
              label={t("customsContacts.kind")}
              error={errorOf("kind")}
              placeholder=""
              options={customsContactKinds.map((k) => ({ value: k, label: t(`customsContacts.kinds.${k}`) }))}
            />
            <TextField {...field} name="customsOffice" label={t("customsContacts.customsOffice")} error={errorOf("customsOffice")} />
            <TextField {...field} name="contactPerson" label={t("customsContacts.contactPerson")} error={errorOf("contactPerson")} />
            <SelectField
              {...field}
              name="channel"
              label={t("customsContacts.channel")}
              error={errorOf("channel")}
              placeholder=""
              options={customsContactChannels.map((c) => ({ value: c, label: t(`customsContacts.channels.${c}`) }))}
            />
            <SelectField
              {...field}
              name="incidentId"
              label={t("customsContacts.incident")}
              error={errorOf("incidentId")}
              placeholder={t("customsContacts.noIncident")}
              options={d.incidents.map((i) => ({ value: i.id, label: `${i.reference} ${t(`incidents.kinds.${i.kind}`)}` }))}
            />
          </div>
          <TextField {...field} name="subject" label={t("customsContacts.subject")} error={errorOf("subject")} />
          <TextAreaField {...field} name="summary" label={t("customsContacts.summary")} error={errorOf("summary")} rows={4} />
          <TextAreaField {...field} name="followUp" label={t("customsContacts.followUp")} error={errorOf("followUp")} />
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("customsContacts.new.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}

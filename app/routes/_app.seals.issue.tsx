import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { BackLink } from "~/components/ui/back-link";
import { requirePermission } from "~/lib/auth/auth.server";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { titleFor } from "~/lib/i18n/meta";
import { IssueSealsSchema } from "~/lib/seals/seal-schema";
import { custodianOptions, issueSeals } from "~/lib/seals/seal-custody.server";
import type { PageHandle } from "~/root";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["criteria", "inspections", "seals"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("seals.issue.title"));

// /seals/issue?from=…: hand one seal or a range to a named person (CTPAT 6.1 A: issuance logged).

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "seals.record");
  const url = new URL(request.url);
  return {
    from: url.searchParams.get("from")?.slice(0, 40) ?? "",
    members: await custodianOptions(auth.db, auth.organization.id),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "seals.record");
  const formData = await readFormData(request);
  const parsed = parseForm(formData, IssueSealsSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const outcome = await issueSeals(
    auth.db,
    { ...auth.actor, timeZone: auth.organization.timeZone },
    parsed.data,
  );
  if (!outcome.ok) return data({ errors: outcome.errors, values: formDataToObject(formData) }, { status: 400 });
  if (outcome.count === 1) return redirect(`/seals/${outcome.sealId}?done=issued`);
  const params = new URLSearchParams({ issued: String(outcome.count), to: outcome.custodian });
  return redirect(`/seals?${params.toString()}`);
}

export default function IssueSealsPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(IssueSealsSchema, {
    server: actionData,
    defaults: { fromNumber: d.from },
  });
  const names = fields(IssueSealsSchema);
  return (
    <>
      <PageHeader
        title={t("seals.issue.title")}
        description={t("seals.issue.description")}
        actions={
          <BackLink to="/seals">{t("seals.backToLog")}</BackLink>
        }
      />
      <Card>
        <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
          {rejected ? <Alert tone="error">{formError ?? t("seals.notSaved")}</Alert> : null}
          <SelectField
            form={form}
            values={values}
            name={names.custodianUserId}
            label={t("seals.fields.custodian")}
            placeholder={t("seals.choose")}
            options={d.members.map((m) => ({ value: m.userId, label: `${m.name} · ${t(`roles.${m.role}`)}` }))}
            error={errorOf(names.custodianUserId)}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField form={form} values={values} name={names.fromNumber} label={t("seals.fields.fromNumber")} error={errorOf(names.fromNumber)} />
            <TextField
              form={form}
              values={values}
              name={names.toNumber}
              label={t("seals.fields.toNumber")}
              hint={t("seals.issue.toHint")}
              error={errorOf(names.toNumber)}
            />
          </div>
          <TextAreaField form={form} values={values} name={names.note} label={t("seals.fields.note")} error={errorOf(names.note)} rows={2} />
          <Button type="submit" className="min-h-14 w-full text-lg sm:w-auto" disabled={navigation.state === "submitting"}>
            {t("seals.issue.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}

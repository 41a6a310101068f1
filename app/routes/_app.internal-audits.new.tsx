import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { assignableMembers } from "~/lib/actions/actions.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useTranslation } from "~/lib/i18n/use-translation";
import {
  auditResults,
  findingField,
  findingRows,
  findingSeverities,
  InternalAuditSchema,
} from "~/lib/internal-audits/internal-audit-schema";
import { createInternalAudit } from "~/lib/internal-audits/internal-audits.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["organizations", "criteria", "actions", "inspections", "internalAudits"] } satisfies PageHandle;

// /internal-audits/new: scope, auditors, date, result and conclusion, and up to six findings, each
// with its severity and, given an owner and a due date, a corrective action.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("internalAudits.new"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "internalAudits.manage");
  const members = await assignableMembers(auth.db, auth.organization.id);
  return { today: todayInZone(auth.organization.timeZone), members: members.map((m) => ({ userId: m.userId, name: m.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "internalAudits.manage");
  const formData = await readFormData(request);
  const parsed = parseForm(formData, InternalAuditSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await createInternalAudit(auth.db, auth.actor, parsed.data);
  if (!result.ok) return data({ errors: result.errors, values: formDataToObject(formData) }, { status: 400 });
  return redirect(`/internal-audits/${result.id}?created=1`);
}

export default function NewInternalAuditPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(InternalAuditSchema, {
    defaults: { auditedOn: d.today },
    server,
  });
  const field = { form, values };
  return (
    <>
      <PageHeader
        title={t("internalAudits.new")}
        description={t("internalAudits.newDescription")}
        actions={
          <Link to="/internal-audits" className={buttonClass("secondary")}>
            {t("internalAudits.backToList")}
          </Link>
        }
      />
      <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
        {rejected ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
        <Card>
          <div className="space-y-4">
            <TextField {...field} name="auditedOn" type="date" label={t("internalAudits.auditedOn")} error={errorOf("auditedOn")} />
            <TextAreaField {...field} name="scope" label={t("internalAudits.scope")} hint={t("internalAudits.scopeHint")} error={errorOf("scope")} />
            <TextField {...field} name="auditors" label={t("internalAudits.auditors")} hint={t("internalAudits.auditorsHint")} error={errorOf("auditors")} />
          </div>
        </Card>
        <Card title={t("internalAudits.findings")}>
          <p className="mb-4 text-sm text-slate-600">{t("internalAudits.findingsHint")}</p>
          <div className="space-y-6">
            {findingRows.map((row) => (
              <fieldset key={row} className="space-y-3 border-t border-slate-100 pt-4">
                <legend className="font-medium text-slate-800">{t("internalAudits.findingRow", { number: row })}</legend>
                <TextAreaField
                  {...field}
                  name={findingField(row, "Description")}
                  rows={2}
                  label={t("internalAudits.findingDescription")}
                  error={errorOf(findingField(row, "Description"))}
                />
                <div className="grid gap-3 md:grid-cols-3">
                  <SelectField
                    {...field}
                    name={findingField(row, "Severity")}
                    label={t("internalAudits.severity")}
                    placeholder=""
                    options={findingSeverities.map((s) => ({ value: s, label: t(`internalAudits.severities.${s}`) }))}
                    error={errorOf(findingField(row, "Severity"))}
                  />
                  <SelectField
                    {...field}
                    name={findingField(row, "OwnerUserId")}
                    label={t("internalAudits.actionOwner")}
                    placeholder=""
                    options={d.members.map((m) => ({ value: m.userId, label: m.name }))}
                    error={errorOf(findingField(row, "OwnerUserId"))}
                  />
                  <TextField
                    {...field}
                    name={findingField(row, "DueOn")}
                    type="date"
                    label={t("internalAudits.actionDueOn")}
                    error={errorOf(findingField(row, "DueOn"))}
                  />
                </div>
              </fieldset>
            ))}
          </div>
        </Card>
        <Card>
          <div className="space-y-4">
            <SelectField
              {...field}
              name="result"
              label={t("internalAudits.result")}
              placeholder=""
              options={auditResults.map((r) => ({ value: r, label: t(`internalAudits.results.${r}`) }))}
              error={errorOf("result")}
            />
            <TextAreaField
              {...field}
              name="conclusion"
              rows={4}
              label={t("internalAudits.conclusion")}
              hint={t("internalAudits.conclusionHint")}
              error={errorOf("conclusion")}
            />
            <Button type="submit" disabled={navigation.state === "submitting"}>
              {t("internalAudits.create")}
            </Button>
          </div>
        </Card>
      </Form>
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { parseForm, readFormData } from "~/lib/form.server";
import { todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useTranslation } from "~/lib/i18n/use-translation";
import { RiskAssessmentSchema, subjectKinds, threatField, threatRows } from "~/lib/risk-assessments/risk-assessment-schema";
import { createRiskAssessment } from "~/lib/risk-assessments/risk-assessments.server";
import { riskScale } from "~/lib/risk-assessments/risk-rules";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "inspections", "riskAssessments"] } satisfies PageHandle;

// /risk-assessments/new: what is assessed, its threats (likelihood, impact, mitigation), the summary
// and the next review; saved as a draft for another manager's approval.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("riskAssessments.new"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "risk.manage");
  return { today: todayInZone(auth.organization.timeZone) };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "risk.manage");
  const parsed = parseForm(await readFormData(request), RiskAssessmentSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await createRiskAssessment(auth.db, auth.actor, parsed.data);
  return redirect(`/risk-assessments/${result.id}?created=1`);
}

export default function NewRiskAssessmentPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(RiskAssessmentSchema, {
    defaults: { assessedOn: d.today },
    server,
  });
  const field = { form, values };
  const scale = riskScale.map((n) => ({ value: String(n), label: String(n) }));
  return (
    <>
      <PageHeader
        title={t("riskAssessments.new")}
        description={t("riskAssessments.newDescription")}
        actions={
          <Link to="/risk-assessments" className={buttonClass("secondary")}>
            {t("riskAssessments.backToList")}
          </Link>
        }
      />
      <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
        {rejected ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
        <Card>
          <div className="grid gap-4 md:grid-cols-2">
            <SelectField
              {...field}
              name="subjectKind"
              label={t("riskAssessments.subjectKind")}
              placeholder=""
              options={subjectKinds.map((k) => ({ value: k, label: t(`riskAssessments.subjectKinds.${k}`) }))}
              error={errorOf("subjectKind")}
            />
            <TextField {...field} name="subject" label={t("riskAssessments.subject")} hint={t("riskAssessments.subjectHint")} error={errorOf("subject")} />
            <TextField {...field} name="assessedOn" type="date" label={t("riskAssessments.assessedOn")} error={errorOf("assessedOn")} />
            <TextField
              {...field}
              name="nextReviewOn"
              type="date"
              label={t("riskAssessments.nextReviewOn")}
              hint={t("riskAssessments.nextReviewHint")}
              error={errorOf("nextReviewOn")}
            />
          </div>
        </Card>
        <Card title={t("riskAssessments.threats")}>
          <p className="mb-4 text-sm text-slate-600">{t("riskAssessments.threatsHint")}</p>
          <div className="space-y-6">
            {threatRows.map((row) => (
              <fieldset key={row} className="space-y-3 border-t border-slate-100 pt-4">
                <legend className="font-medium text-slate-800">{t("riskAssessments.threatRow", { number: row })}</legend>
                <TextField {...field} name={threatField(row, "Threat")} label={t("riskAssessments.threat")} error={errorOf(threatField(row, "Threat"))} />
                <div className="grid gap-3 md:grid-cols-2">
                  <SelectField
                    {...field}
                    name={threatField(row, "Likelihood")}
                    label={t("riskAssessments.likelihood")}
                    placeholder=""
                    options={scale}
                    error={errorOf(threatField(row, "Likelihood"))}
                  />
                  <SelectField
                    {...field}
                    name={threatField(row, "Impact")}
                    label={t("riskAssessments.impact")}
                    placeholder=""
                    options={scale}
                    error={errorOf(threatField(row, "Impact"))}
                  />
                </div>
                <TextAreaField
                  {...field}
                  name={threatField(row, "Mitigation")}
                  rows={2}
                  label={t("riskAssessments.mitigation")}
                  error={errorOf(threatField(row, "Mitigation"))}
                />
              </fieldset>
            ))}
          </div>
        </Card>
        <Card>
          <div className="space-y-4">
            <TextAreaField
              {...field}
              name="summary"
              rows={4}
              label={t("riskAssessments.summary")}
              hint={t("riskAssessments.summaryHint")}
              error={errorOf("summary")}
            />
            <Button type="submit" disabled={navigation.state === "submitting"}>
              {t("riskAssessments.create")}
            </Button>
          </div>
        </Card>
      </Form>
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { NewAssessmentSchema } from "~/lib/assessments/assessment-schema";
import { createAssessment } from "~/lib/assessments/assessments.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { getFramework, listFrameworks } from "~/lib/criteria/criteria.server";
import { parseForm, readFormData } from "~/lib/form.server";
import { todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["criteria", "assessments"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("assessments.new"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "assessments.manage");
  const frameworks = await listFrameworks(auth.db);
  const preselected = new URL(request.url).searchParams.get("framework");
  return {
    frameworks: frameworks.map((f) => ({ code: f.code, version: f.version, nameZh: f.nameZh, nameEn: f.nameEn, assessable: f.counts.assessable ?? 0 })),
    today: todayInZone(auth.organization.timeZone),
    preselected: frameworks.some((f) => f.code === preselected) ? preselected : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "assessments.manage");
  const parsed = parseForm(await readFormData(request), NewAssessmentSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  // The codes come from the catalogue: one that is not loaded is refused like an empty choice.
  if (!(await getFramework(auth.db, parsed.data.framework))) {
    return data({ errors: { framework: "errors.choose" }, values: { ...parsed.data } }, { status: 400 });
  }
  const id = await createAssessment(auth.db, auth.actor, parsed.data);
  return redirect(`/assessments/${id}`);
}

export default function NewAssessmentPage() {
  const { t, i18n } = useTranslation();
  const { frameworks, today, preselected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, values, errorOf, onSubmit, rejected } = useValidatedForm(NewAssessmentSchema, {
    defaults: { framework: preselected ?? "cn-2022-advanced", title: "", assessedOn: today },
    server: actionData,
  });
  const names = fields(NewAssessmentSchema);
  const field = { form, values };
  return (
    <>
      <PageHeader
        title={t("assessments.new")}
        description={t("assessments.newDescription")}
        actions={
          <Link to="/assessments" className="text-brand-700 underline">
            {t("assessments.backToList")}
          </Link>
        }
      />
      <Card>
        <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
          {rejected ? <Alert tone="error">{t("errors.fixBelow")}</Alert> : null}
          <SelectField
            {...field}
            name={names.framework}
            label={t("assessments.framework")}
            error={errorOf(names.framework)}
            options={frameworks.map((f) => ({
              value: f.code,
              label: `${localized(f, "name", i18n.language)} (${f.version}) · ${t("assessments.criteriaCount", { count: f.assessable })}`,
            }))}
          />
          <TextField {...field} name={names.title} label={t("assessments.titleField")} placeholder={t("assessments.titlePlaceholder")} error={errorOf(names.title)} required />
          <TextField {...field} name={names.assessedOn} type="date" label={t("assessments.assessedOn")} hint={t("assessments.assessedOnHint")} error={errorOf(names.assessedOn)} required />
          <Button type="submit">{t("assessments.start")}</Button>
        </Form>
      </Card>
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CheckboxGroupField, FileField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { createContinuityPlan } from "~/lib/continuity/continuity-plans.server";
import { continuityDisruptions } from "~/lib/continuity/continuity-rules";
import { ContinuityPlanSchema } from "~/lib/continuity/continuity-schema";
import { acceptAttribute, allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";
import { checkUpload, readUploadForm } from "~/lib/evidence/file-store.server";
import { fields } from "~/lib/form-fields";
import { formDataToObject, parseForm } from "~/lib/form.server";
import { todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "inspections", "continuity"] } satisfies PageHandle;

// /continuity/new: a business continuity plan (its scope, the disruptions it covers, the recovery
// objective, roles and contacts, how trade security holds, its document), saved as a draft for
// another manager's approval.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("continuity.new"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "continuity.manage");
  return { today: todayInZone(auth.organization.timeZone) };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "continuity.manage");
  const upload = await readUploadForm(request);
  if (!upload.formData) return data({ errors: upload.ok ? {} : upload.errors, values: {} }, { status: 400 });
  const formData = upload.formData;
  const parsed = parseForm(formData, ContinuityPlanSchema);
  const file = await checkUpload(formData.get("file"), { required: false });
  const errors = { ...(parsed.ok ? {} : parsed.errors), ...(upload.ok ? {} : upload.errors), ...(file.ok ? {} : { file: file.error }) };
  if (!parsed.ok || !file.ok || Object.keys(errors).length) return data({ errors, values: formDataToObject(formData) }, { status: 400 });
  const created = await createContinuityPlan(auth.db, auth.actor, parsed.data, file.file);
  return redirect(`/continuity/${created.id}?created=1`);
}

const names = fields(ContinuityPlanSchema);

export default function NewContinuityPlanPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(ContinuityPlanSchema, {
    defaults: { revisedOn: d.today, version: "1.0" },
    server,
  });
  const field = { form, values };
  return (
    <>
      <PageHeader
        title={t("continuity.new")}
        description={t("continuity.newDescription")}
        actions={
          <Link to="/continuity" className={buttonClass("secondary")}>
            {t("continuity.backToList")}
          </Link>
        }
      />
      <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="space-y-4">
        {rejected ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
        <Card>
          <div className="grid gap-4 md:grid-cols-2">
            <div className="md:col-span-2">
              <TextField {...field} name={names.title} label={t("continuity.planTitle")} hint={t("continuity.planTitleHint")} error={errorOf(names.title)} />
            </div>
            <TextField {...field} name={names.version} label={t("continuity.version")} error={errorOf(names.version)} />
            <TextField {...field} name={names.revisedOn} type="date" label={t("continuity.revisedOn")} error={errorOf(names.revisedOn)} />
            <div className="md:col-span-2">
              <TextAreaField {...field} name={names.scope} rows={3} label={t("continuity.scope")} hint={t("continuity.scopeHint")} error={errorOf(names.scope)} />
            </div>
            <div className="md:col-span-2">
              <CheckboxGroupField
                {...field}
                name={names.disruptions}
                label={t("continuity.disruptionsCovered")}
                options={continuityDisruptions.map((k) => ({ value: k, label: t(`continuity.disruptions.${k}`) }))}
                error={errorOf(names.disruptions)}
              />
            </div>
            <TextField
              {...field}
              name={names.recoveryHours}
              type="number"
              inputMode="numeric"
              label={t("continuity.recoveryHours")}
              hint={t("continuity.recoveryHoursHint")}
              error={errorOf(names.recoveryHours)}
            />
          </div>
        </Card>
        <Card>
          <div className="space-y-4">
            <TextAreaField {...field} name={names.contacts} rows={4} label={t("continuity.contacts")} hint={t("continuity.contactsHint")} error={errorOf(names.contacts)} />
            <TextAreaField
              {...field}
              name={names.securityMeasures}
              rows={4}
              label={t("continuity.securityMeasures")}
              hint={t("continuity.securityMeasuresHint")}
              error={errorOf(names.securityMeasures)}
            />
          </div>
        </Card>
        <Card>
          <div className="grid gap-4 md:grid-cols-2">
            <TextField {...field} name={names.nextReviewOn} type="date" label={t("continuity.nextReviewOn")} hint={t("continuity.nextReviewHint")} error={errorOf(names.nextReviewOn)} />
            <TextField {...field} name={names.nextTestOn} type="date" label={t("continuity.nextTestOn")} hint={t("continuity.nextTestHint")} error={errorOf(names.nextTestOn)} />
            <div className="md:col-span-2">
              <FileField
                form={form}
                name="file"
                label={t("continuity.file")}
                hint={t("files.limitHint", { max: MAX_UPLOAD_MB, formats: allowedFormatsLabel })}
                accept={acceptAttribute}
                error={errorOf("file")}
                reselect={server ? t("files.chooseAgain") : undefined}
              />
            </div>
          </div>
          <div className="mt-4">
            <Button type="submit" disabled={navigation.state === "submitting"}>
              {t("continuity.create")}
            </Button>
          </div>
        </Card>
      </Form>
    </>
  );
}

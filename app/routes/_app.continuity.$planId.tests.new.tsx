import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { assignableMembers } from "~/lib/actions/actions.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { getContinuityPlan } from "~/lib/continuity/continuity-queries.server";
import { continuityTestKinds, continuityTestResults } from "~/lib/continuity/continuity-rules";
import { ContinuityTestSchema, findingField, findingRows } from "~/lib/continuity/continuity-schema";
import { recordContinuityTest } from "~/lib/continuity/continuity-tests.server";
import { fields } from "~/lib/form-fields";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useTranslation } from "~/lib/i18n/use-translation";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["organizations", "criteria", "actions", "inspections", "continuity"] } satisfies PageHandle;

// /continuity/:planId/tests/new: a test of the plan (kind, scenario, participants, result), its
// findings with the corrective actions they raise, and when the plan is next to be tested.

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) =>
  titleFor(matches, (t) => (loaded ? `${t("continuity.tests.record")} · ${loaded.reference}` : t("continuity.tests.record")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "continuity.manage");
  const found = await getContinuityPlan(auth.db, auth.organization.id, uuidParam(params, "planId"));
  if (!found) notFound();
  const members = await assignableMembers(auth.db, auth.organization.id);
  return {
    planId: found.plan.id,
    reference: found.reference,
    title: found.plan.title,
    today: todayInZone(auth.organization.timeZone),
    members: members.map((m) => ({ userId: m.userId, name: m.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "continuity.manage");
  const planId = uuidParam(params, "planId");
  const formData = await readFormData(request);
  const parsed = parseForm(formData, ContinuityTestSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await recordContinuityTest(auth.db, auth.actor, planId, parsed.data);
  if (!result) notFound();
  if (!result.ok) return data({ errors: result.errors, values: formDataToObject(formData) }, { status: 400 });
  return redirect(`/continuity/${planId}?tested=1#test-${result.id}`);
}

const names = fields(ContinuityTestSchema);

export default function NewContinuityTestPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(ContinuityTestSchema, { defaults: { testedOn: d.today }, server });
  const field = { form, values };
  return (
    <>
      <PageHeader
        title={t("continuity.tests.record")}
        description={`${d.reference} · ${d.title}`}
        actions={
          <Link to={`/continuity/${d.planId}`} className={buttonClass("secondary")}>
            {d.reference}
          </Link>
        }
      />
      <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
        {rejected ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
        <Card>
          <p className="mb-4 text-sm text-slate-600">{t("continuity.tests.recordHint")}</p>
          <div className="grid gap-4 md:grid-cols-2">
            <TextField {...field} name={names.testedOn} type="date" label={t("continuity.tests.testedOn")} error={errorOf(names.testedOn)} />
            <SelectField
              {...field}
              name={names.kind}
              label={t("continuity.tests.kind")}
              placeholder=""
              options={continuityTestKinds.map((k) => ({ value: k, label: t(`continuity.kinds.${k}`) }))}
              error={errorOf(names.kind)}
            />
            <div className="md:col-span-2">
              <TextAreaField {...field} name={names.scenario} rows={3} label={t("continuity.tests.scenario")} hint={t("continuity.tests.scenarioHint")} error={errorOf(names.scenario)} />
            </div>
            <div className="md:col-span-2">
              <TextField {...field} name={names.participants} label={t("continuity.tests.participants")} error={errorOf(names.participants)} />
            </div>
          </div>
        </Card>
        <Card title={t("continuity.tests.findings")}>
          <p className="mb-4 text-sm text-slate-600">{t("continuity.tests.findingsHint")}</p>
          <div className="space-y-6">
            {findingRows.map((row) => (
              <fieldset key={row} className="space-y-3 border-t border-slate-100 pt-4">
                <legend className="font-medium text-slate-800">{t("continuity.tests.findingRow", { number: row })}</legend>
                <TextAreaField {...field} name={findingField(row, "Description")} rows={2} label={t("continuity.tests.finding")} error={errorOf(findingField(row, "Description"))} />
                <div className="grid gap-3 md:grid-cols-2">
                  <SelectField
                    {...field}
                    name={findingField(row, "OwnerUserId")}
                    label={t("continuity.tests.owner")}
                    placeholder=""
                    options={d.members.map((m) => ({ value: m.userId, label: m.name }))}
                    error={errorOf(findingField(row, "OwnerUserId"))}
                  />
                  <TextField {...field} name={findingField(row, "DueOn")} type="date" label={t("continuity.tests.dueOn")} error={errorOf(findingField(row, "DueOn"))} />
                </div>
              </fieldset>
            ))}
          </div>
        </Card>
        <Card>
          <div className="grid gap-4 md:grid-cols-2">
            <SelectField
              {...field}
              name={names.result}
              label={t("continuity.tests.result")}
              placeholder=""
              options={continuityTestResults.map((r) => ({ value: r, label: t(`continuity.results.${r}`) }))}
              error={errorOf(names.result)}
            />
            <TextField {...field} name={names.nextTestOn} type="date" label={t("continuity.tests.nextTestOn")} error={errorOf(names.nextTestOn)} />
            <div className="md:col-span-2">
              <TextAreaField {...field} name={names.notes} rows={3} label={t("continuity.tests.notes")} error={errorOf(names.notes)} />
            </div>
          </div>
          <div className="mt-4">
            <Button type="submit" disabled={navigation.state === "submitting"}>
              {t("continuity.tests.save")}
            </Button>
          </div>
        </Card>
      </Form>
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { CheckboxGroupField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { message } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { listClauses } from "~/lib/partners/clauses.server";
import { policyProblem, supervisionPolicyProblem } from "~/lib/partners/partner-scoring";
import { PartnerPolicySchema } from "~/lib/partners/partner-schema";
import { getPartnerPolicy, savePartnerPolicy } from "~/lib/partners/partner-policy.server";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["partners"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("partnerRules.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "partners.read");
  const [policy, clauses] = await Promise.all([
    getPartnerPolicy(auth.db, auth.organization.id),
    listClauses(auth.db, auth.organization.id),
  ]);
  return {
    policy,
    clauses: clauses.map((c) => ({ code: c.code, titleZh: c.titleZh, titleEn: c.titleEn })),
    canEdit: can(auth.membership.role, "partners.policy"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "partners.policy");
  const formData = await readFormData(request);
  const parsed = parseForm(formData, PartnerPolicySchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const problem = policyProblem(parsed.data) ?? supervisionPolicyProblem(parsed.data);
  if (problem) {
    const field =
      problem === "order" || problem === "range"
        ? "mediumTierMinScore"
        : problem === "supervisionMonths"
          ? (supervisionFields.find((f) => !(parsed.data[f] >= 1 && parsed.data[f] <= 60 && Number.isInteger(parsed.data[f]))) ?? "highTierSupervisionMonths")
          : problem === "supervisionOrder"
            ? "highTierSupervisionMonths"
            : "highTierMonths";
    return data({ errors: { [field]: message(`partnerRules.problem.${problem}`) }, values: formDataToObject(formData) }, { status: 400 });
  }
  const known = new Set((await listClauses(auth.db, auth.organization.id)).map((c) => c.code));
  if (parsed.data.requiredClauseCodes.some((code) => !known.has(code))) {
    return data({ errors: { requiredClauseCodes: message("errors.choose") }, values: formDataToObject(formData) }, { status: 400 });
  }
  await savePartnerPolicy(auth.db, auth.actor, parsed.data);
  return redirect("/settings/partners?saved=1");
}

const supervisionFields = ["highTierSupervisionMonths", "mediumTierSupervisionMonths", "lowTierSupervisionMonths"] as const;

export default function PartnerRulesPage() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const [search] = useSearchParams();
  const navigation = useNavigation();
  const p = d.policy;
  const { form, values, errorOf, onSubmit, rejected } = useValidatedForm(PartnerPolicySchema, {
    server,
    defaults: {
      lowTierMinScore: String(p.lowTierMinScore),
      mediumTierMinScore: String(p.mediumTierMinScore),
      highTierMonths: String(p.highTierMonths),
      mediumTierMonths: String(p.mediumTierMonths),
      lowTierMonths: String(p.lowTierMonths),
      highTierSupervisionMonths: String(p.highTierSupervisionMonths),
      mediumTierSupervisionMonths: String(p.mediumTierSupervisionMonths),
      lowTierSupervisionMonths: String(p.lowTierSupervisionMonths),
      requiredClauseCodes: p.requiredClauseCodes,
    },
  });
  const names = fields(PartnerPolicySchema);
  const field = { form, values };
  const disabled = !d.canEdit;
  return (
    <>
      <PageHeader title={t("partnerRules.title")} description={t("partnerRules.description")} />
      {search.get("saved") === "1" ? (
        <div className="mb-4">
          <Alert tone="success">{t("common.saved")}</Alert>
        </div>
      ) : null}
      <Card>
        <Form method="post" noValidate onSubmit={onSubmit} className="space-y-6">
          {rejected ? <Alert tone="error">{t("errors.fixBelow")}</Alert> : null}
          <fieldset disabled={disabled} className="space-y-3">
            <legend className="font-semibold text-slate-900">{t("partnerRules.tiers")}</legend>
            <p className="text-sm text-slate-600">{t("partnerRules.tiersHint")}</p>
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                {...field}
                name={names.lowTierMinScore}
                type="number"
                inputMode="numeric"
                label={t("partnerRules.lowFrom")}
                error={errorOf(names.lowTierMinScore)}
              />
              <TextField
                {...field}
                name={names.mediumTierMinScore}
                type="number"
                inputMode="numeric"
                label={t("partnerRules.mediumFrom")}
                error={errorOf(names.mediumTierMinScore)}
              />
            </div>
          </fieldset>
          <fieldset disabled={disabled} className="space-y-3">
            <legend className="font-semibold text-slate-900">{t("partnerRules.intervals")}</legend>
            <div className="grid gap-3 sm:grid-cols-3">
              <TextField
                {...field}
                name={names.highTierMonths}
                type="number"
                inputMode="numeric"
                label={t("partnerRules.highMonths")}
                error={errorOf(names.highTierMonths)}
              />
              <TextField
                {...field}
                name={names.mediumTierMonths}
                type="number"
                inputMode="numeric"
                label={t("partnerRules.mediumMonths")}
                error={errorOf(names.mediumTierMonths)}
              />
              <TextField
                {...field}
                name={names.lowTierMonths}
                type="number"
                inputMode="numeric"
                label={t("partnerRules.lowMonths")}
                error={errorOf(names.lowTierMonths)}
              />
            </div>
          </fieldset>
          <fieldset disabled={disabled} className="space-y-3">
            <legend className="font-semibold text-slate-900">{t("partnerRules.supervisionIntervals")}</legend>
            <p className="text-sm text-slate-600">{t("partnerRules.supervisionHint")}</p>
            <div className="grid gap-3 sm:grid-cols-3">
              <TextField
                {...field}
                name={names.highTierSupervisionMonths}
                type="number"
                inputMode="numeric"
                label={t("partnerRules.highMonths")}
                error={errorOf(names.highTierSupervisionMonths)}
              />
              <TextField
                {...field}
                name={names.mediumTierSupervisionMonths}
                type="number"
                inputMode="numeric"
                label={t("partnerRules.mediumMonths")}
                error={errorOf(names.mediumTierSupervisionMonths)}
              />
              <TextField
                {...field}
                name={names.lowTierSupervisionMonths}
                type="number"
                inputMode="numeric"
                label={t("partnerRules.lowMonths")}
                error={errorOf(names.lowTierSupervisionMonths)}
              />
            </div>
          </fieldset>
          <fieldset disabled={disabled}>
            <CheckboxGroupField
              {...field}
              name={names.requiredClauseCodes}
              label={t("partnerRules.requiredClauses")}
              hint={t("partnerRules.requiredClausesHint")}
              options={d.clauses.map((c) => ({ value: c.code, label: localized(c, "title", i18n.language) }))}
              error={errorOf(names.requiredClauseCodes)}
            />
          </fieldset>
          {d.canEdit ? (
            <Button type="submit" disabled={navigation.state === "submitting"}>
              {t("common.save")}
            </Button>
          ) : (
            <p className="text-sm text-slate-600">{t("partnerRules.readOnly")}</p>
          )}
        </Form>
      </Card>
    </>
  );
}

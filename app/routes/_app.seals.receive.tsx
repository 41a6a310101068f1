import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { BackLink } from "~/components/ui/back-link";
import { requirePermission } from "~/lib/auth/auth.server";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { localDateTimeInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { listSites } from "~/lib/organizations/organizations.server";
import { MAX_RANGE } from "~/lib/seals/seal-numbers";
import { ReceiveSealsSchema } from "~/lib/seals/seal-schema";
import { listSealModels, receiveSeals } from "~/lib/seals/seal-stock.server";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["criteria", "inspections", "seals"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("seals.receive.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "seals.manage");
  const [models, sites] = await Promise.all([listSealModels(auth.db, auth.organization.id), listSites(auth.db, auth.organization.id)]);
  const active = models.filter((m) => m.model.active);
  const label = (m: (typeof active)[number]) => `${m.model.manufacturer} ${m.model.modelName} (${m.model.isoClass})`;
  return {
    now: localDateTimeInZone(new Date(), auth.organization.timeZone),
    models: active.map((m) => ({ id: m.model.id, label: label(m) })),
    // An H-class claim without the certificate that proves it: the seals can be received, but an
    // auditor will ask for the proof (ISO 17712 H for every loaded container).
    uncertifiedH: active.filter((m) => m.model.isoClass === "H" && !m.certificate).map(label),
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "seals.manage");
  const formData = await readFormData(request);
  const parsed = parseForm(formData, ReceiveSealsSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const outcome = await receiveSeals(
    auth.db,
    { ...auth.actor, timeZone: auth.organization.timeZone },
    parsed.data,
  );
  if (!outcome.ok) return data({ errors: outcome.errors, values: formDataToObject(formData) }, { status: 400 });
  const params = new URLSearchParams({ received: String(outcome.count), first: outcome.first, last: outcome.last });
  return redirect(`/seals?${params.toString()}`);
}

export default function ReceiveSealsPage() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(ReceiveSealsSchema, {
    server: actionData,
    defaults: {
      modelId: d.models.length === 1 ? d.models[0]?.id : "",
      siteId: d.sites.length === 1 ? d.sites[0]?.id : "",
      occurredAt: d.now,
    },
  });
  const names = fields(ReceiveSealsSchema);
  return (
    <>
      <PageHeader
        title={t("seals.receive.title")}
        description={t("seals.receive.description", { max: MAX_RANGE })}
        actions={
          <BackLink to="/seals">{t("seals.backToLog")}</BackLink>
        }
      />
      <Card>
        {d.models.length === 0 ? (
          <Alert tone="warning">
            {t("seals.receive.noModels")}{" "}
            <Link to="/seals/models" className="font-medium underline">
              {t("seals.models.title")}
            </Link>
          </Alert>
        ) : (
          <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
            {rejected ? <Alert tone="error">{formError ?? t("seals.notSaved")}</Alert> : null}
            {d.uncertifiedH.length > 0 ? (
              <Alert tone="warning">
                {t("seals.receive.uncertified", { models: d.uncertifiedH.join(t("common.listSeparator")) })}{" "}
                <Link to="/seals/models" className="font-medium underline">
                  {t("seals.models.title")}
                </Link>
              </Alert>
            ) : null}
            <SelectField
              form={form}
              values={values}
              name={names.modelId}
              label={t("seals.fields.model")}
              placeholder={t("seals.choose")}
              options={d.models.map((m) => ({ value: m.id, label: m.label }))}
              error={errorOf(names.modelId)}
            />
            <SelectField
              form={form}
              values={values}
              name={names.siteId}
              label={t("seals.fields.site")}
              placeholder={t("seals.noSite")}
              options={d.sites.map((s) => ({ value: s.id, label: localized(s, "name", i18n.language) }))}
              error={errorOf(names.siteId)}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                form={form}
                values={values}
                name={names.fromNumber}
                label={t("seals.fields.fromNumber")}
                placeholder="CN2026000101"
                error={errorOf(names.fromNumber)}
              />
              <TextField
                form={form}
                values={values}
                name={names.toNumber}
                label={t("seals.fields.toNumber")}
                placeholder="CN2026000150"
                hint={t("seals.receive.toHint")}
                error={errorOf(names.toNumber)}
              />
            </div>
            <TextField
              form={form}
              values={values}
              name={names.occurredAt}
              type="datetime-local"
              label={t("seals.fields.receivedAt")}
              error={errorOf(names.occurredAt)}
            />
            <TextAreaField
              form={form}
              values={values}
              name={names.note}
              label={t("seals.fields.note")}
              hint={t("seals.receive.noteHint")}
              error={errorOf(names.note)}
              rows={2}
            />
            <Button type="submit" className="min-h-14 w-full text-lg sm:w-auto" disabled={navigation.state === "submitting"}>
              {t("seals.receive.submit")}
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}

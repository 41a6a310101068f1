import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { FileField, SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { BackLink } from "~/components/ui/back-link";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { checkUpload, readUploadForm } from "~/lib/evidence/file-store.server";
import { acceptAttribute } from "~/lib/evidence/file-rules";
import { formDataToObject, parseForm, parseIntent } from "~/lib/form.server";
import { formatCalendarDate } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { translateMessage } from "~/lib/i18n/messages";
import { readCertificate } from "~/lib/seals/seal-post.server";
import { SealModelCertificateSchema, SealModelSchema } from "~/lib/seals/seal-schema";
import { isoClasses, sealTypes } from "~/lib/seals/seal-values";
import { createSealModel, listSealModels, setSealModelActive, uploadSealModelCertificate } from "~/lib/seals/seal-stock.server";
import type { PageHandle } from "~/root";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["criteria", "inspections", "seals"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("seals.models.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "seals.read");
  return { models: await listSealModels(auth.db, auth.organization.id), canManage: can(auth.membership.role, "seals.manage") };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "seals.manage");
  const upload = await readUploadForm(request);
  const uploadErrors: Record<string, string> = upload.ok ? {} : upload.errors;
  if (!upload.formData) return data({ errors: uploadErrors, values: {} }, { status: 400 });
  const formData = upload.formData;
  const actor = { ...auth.actor, timeZone: auth.organization.timeZone };
  const intent = parseIntent(formData, ["create", "activate", "deactivate", "certificate"], { whenMissing: "create" });
  if (intent === "activate" || intent === "deactivate") {
    const changed = await setSealModelActive(auth.db, actor, String(formData.get("modelId") ?? ""), intent === "activate");
    if (!changed) return data({ errors: { form: "errors.invalid" }, values: {} }, { status: 404 });
    return redirect("/seals/models");
  }
  if (intent === "certificate") {
    // A model registered without its certificate gets it here (the apply page links here when refused).
    const parsed = parseForm(formData, SealModelCertificateSchema);
    const certificate = await checkUpload(formData.get("certificate"), { required: true });
    const values = formDataToObject(formData);
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...uploadErrors, ...(certificate.ok ? {} : { certificate: certificate.error }) };
    if (!parsed.ok || !certificate.ok || !certificate.file || Object.keys(errors).length) return data({ errors, values }, { status: 400 });
    const uploaded = await uploadSealModelCertificate(auth.db, actor, parsed.data.modelId, parsed.data.certificateDate, certificate.file);
    if (!uploaded.ok) return data({ errors: uploaded.errors, values }, { status: 400 });
    return redirect("/seals/models?certified=1");
  }
  const parsed = parseForm(formData, SealModelSchema);
  const certificate = await readCertificate(formData);
  const values = formDataToObject(formData);
  const errors = { ...(parsed.ok ? {} : parsed.errors), ...uploadErrors, ...(certificate.ok ? {} : { certificate: certificate.error }) };
  if (!parsed.ok || !certificate.ok || Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  const created = await createSealModel(auth.db, actor, parsed.data, certificate.file);
  if (!created.ok) return data({ errors: created.errors, values }, { status: 400 });
  return redirect("/seals/models?created=1");
}

export default function SealModelsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const forCertificate = actionData?.values && "intent" in actionData.values && actionData.values.intent === "certificate";
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(SealModelSchema, {
    server: forCertificate ? undefined : actionData,
    defaults: { type: "bolt", isoClass: "H" },
  });
  const names = fields(SealModelSchema);
  // A refused certificate upload answers on the model it was for.
  const certificateErrorOf = (modelId: string) => {
    const sent: Record<string, unknown> | undefined = actionData?.values;
    if (!forCertificate || !actionData || sent?.modelId !== modelId) return undefined;
    const errors: Record<string, string | undefined> = actionData.errors;
    const first = errors.certificate ?? errors.certificateDate ?? errors.modelId ?? errors.form;
    return first ? translateMessage(t, first) : undefined;
  };
  return (
    <>
      <PageHeader
        title={t("seals.models.title")}
        description={t("seals.models.description")}
        actions={
          <BackLink to="/seals">{t("seals.backToLog")}</BackLink>
        }
      />
      {params.get("created") || params.get("certified") ? (
        <div className="mb-4">
          <Alert tone="success">{t(params.get("created") ? "seals.models.created" : "seals.models.certified")}</Alert>
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("seals.models.list", { count: d.models.length })}>
          {d.models.length === 0 ? (
            <p className="text-slate-600">{t("seals.models.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.models.map(({ model, certificate }) => (
                <li key={model.id} className="py-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <p className="font-medium">
                      {model.manufacturer} {model.modelName}
                    </p>
                    <span className="flex gap-2">
                      <Badge tone={model.isoClass === "H" ? "good" : "warn"}>{t(`seals.isoClass.${model.isoClass}`)}</Badge>
                      {model.active ? null : <Badge>{t("seals.models.inactive")}</Badge>}
                    </span>
                  </div>
                  <p className="text-sm text-slate-600">
                    {t(`seals.type.${model.type}`)}
                    {" · "}
                    {certificate ? (
                      <a href={`/files/${certificate.id}`} className="text-brand-700 underline">
                        {t("seals.models.certificate")}
                        {model.certificateDate ? ` (${formatCalendarDate(model.certificateDate, locale)})` : ""}
                      </a>
                    ) : (
                      <span className="text-amber-800">{t("seals.models.noCertificate")}</span>
                    )}
                  </p>
                  {d.canManage && !certificate ? (
                    <Form method="post" encType="multipart/form-data" className="mt-2 space-y-2 rounded-lg bg-slate-50 p-3">
                      <input type="hidden" name="intent" value="certificate" />
                      <input type="hidden" name="modelId" value={model.id} />
                      <label className="block text-sm font-medium text-slate-800">
                        {t("seals.models.uploadCertificate")}
                        <input type="file" name="certificate" accept={acceptAttribute} required className="mt-1 block w-full text-sm" />
                      </label>
                      <label className="block text-sm font-medium text-slate-800">
                        {t("seals.fields.certificateDate")}
                        <input type="date" name="certificateDate" className="mt-1 block min-h-11 rounded-md border border-slate-300 px-2" />
                      </label>
                      {certificateErrorOf(model.id) ? <p className="text-sm font-medium text-red-700">{certificateErrorOf(model.id)}</p> : null}
                      <Button type="submit" disabled={navigation.state === "submitting"}>
                        {t("seals.models.uploadSubmit")}
                      </Button>
                    </Form>
                  ) : null}
                  {d.canManage ? (
                    <Form method="post" className="mt-1">
                      <input type="hidden" name="modelId" value={model.id} />
                      <button
                        type="submit"
                        name="intent"
                        value={model.active ? "deactivate" : "activate"}
                        className="min-h-11 text-sm font-medium text-brand-700 underline"
                      >
                        {model.active ? t("seals.models.deactivate") : t("seals.models.activate")}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {d.canManage ? (
          <Card title={t("seals.models.new")}>
            <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="space-y-4">
              <input type="hidden" name="intent" value="create" />
              {rejected ? <Alert tone="error">{formError ?? t("seals.notSaved")}</Alert> : null}
              <TextField
                form={form}
                values={values}
                name={names.manufacturer}
                label={t("seals.fields.manufacturer")}
                error={errorOf(names.manufacturer)}
              />
              <TextField form={form} values={values} name={names.modelName} label={t("seals.fields.modelName")} error={errorOf(names.modelName)} />
              <SelectField
                form={form}
                values={values}
                name={names.type}
                label={t("seals.fields.type")}
                options={sealTypes.map((s) => ({ value: s, label: t(`seals.type.${s}`) }))}
                error={errorOf(names.type)}
              />
              <SelectField
                form={form}
                values={values}
                name={names.isoClass}
                label={t("seals.fields.isoClass")}
                hint={t("seals.models.isoHint")}
                options={isoClasses.map((c) => ({ value: c, label: t(`seals.isoClass.${c}`) }))}
                error={errorOf(names.isoClass)}
              />
              <FileField
                form={form}
                name="certificate"
                label={t("seals.fields.certificate")}
                hint={t("seals.models.certificateHint")}
                accept={acceptAttribute}
                error={errorOf("certificate")}
                reselect={actionData ? t("seals.photoReselect") : undefined}
              />
              <TextField
                form={form}
                values={values}
                name={names.certificateDate}
                type="date"
                label={t("seals.fields.certificateDate")}
                error={errorOf(names.certificateDate)}
              />
              <Button type="submit" disabled={navigation.state === "submitting"}>
                {t("seals.models.create")}
              </Button>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}

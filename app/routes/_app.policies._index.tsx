import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { FileDownloadLink } from "~/components/evidence/file-download";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { PolicyCriteriaField, PolicyIdentityFields, PolicyVersionFields } from "~/components/policies/policy-fields";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { useCan } from "~/lib/auth/use-session-user";
import { checkUpload, readUploadForm } from "~/lib/evidence/file-store.server";
import { formDataToObject, parseForm } from "~/lib/form.server";
import { formatCalendarDate, todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { can } from "~/lib/auth/permissions";
import { createPolicy, criteriaPicker, listPolicies } from "~/lib/policies/policies.server";
import { PolicyFormSchema, PolicySchema, type PickerFramework } from "~/lib/policies/policy-schema";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria", "policies"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("policies.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "policies.read");
  const today = todayInZone(auth.organization.timeZone);
  const [policies, picker] = await Promise.all([
    listPolicies(auth.db, auth.organization.id, today),
    can(auth.membership.role, "policies.manage") ? criteriaPicker(auth.db) : Promise.resolve([]),
  ]);
  return { policies, picker, today };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "policies.manage");
  const form = await readUploadForm(request);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const parsed = parseForm(form.formData, PolicySchema);
  // The file is checked even when the fields are wrong, so every problem is named in one answer.
  const upload = await checkUpload(form.formData.get("file"), { required: true });
  if (!parsed.ok || !upload.ok || !upload.file) {
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(upload.ok ? {} : { file: upload.error }) };
    return data({ errors, values: formDataToObject(form.formData) }, { status: 400 });
  }
  const actor = auth.actor;
  const result = await createPolicy(auth.db, actor, parsed.data, upload.file);
  if (!result.ok) return data({ errors: result.errors, values: formDataToObject(form.formData) }, { status: 400 });
  return redirect(`/policies/${result.id}?created=1`);
}

export default function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const { policies, picker, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const canManage = useCan("policies.manage");
  const en = i18n.language === "en";
  return (
    <>
      <PageHeader title={t("policies.title")} description={t("policies.description")} />
      <div className="space-y-4">
        <Card title={t("policies.list", { count: policies.length })}>
          {policies.length === 0 ? (
            <p className="text-slate-600">{canManage ? t("policies.emptyManager") : t("policies.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {policies.map((p) => (
                <li key={p.id} className="grid gap-2 py-3 md:grid-cols-[minmax(0,1fr)_auto] md:items-start md:gap-6">
                  <div className="min-w-0">
                    <p className="font-mono text-sm text-slate-600">{p.documentNumber}</p>
                    <Link to={`/policies/${p.id}`} className="text-lg font-medium text-brand-700 underline">
                      {localized(p, "title", i18n.language)}
                    </Link>
                    <p className="text-sm text-slate-500">{en ? p.titleZh : p.titleEn}</p>
                  </div>
                  <div className="space-y-1 text-sm text-slate-700 md:text-right">
                    {p.current ? (
                      <>
                        <p>
                          {t("policies.versionEffective", {
                            version: p.current.version,
                            date: formatCalendarDate(p.current.effectiveOn, locale),
                          })}{" "}
                          {p.current.effectiveOn > today ? <Badge tone="warn">{t("policies.notYetEffective")}</Badge> : null}
                        </p>
                        <p>{t("common.labelValue", { label: t("policies.approvedBy"), value: p.current.approvedBy })}</p>
                      </>
                    ) : null}
                    <p>
                      {p.linkCount ? (
                        <Badge tone="brand">{t("policies.linkedCount", { count: p.linkCount })}</Badge>
                      ) : (
                        <Badge tone="warn">{t("policies.notLinked")}</Badge>
                      )}
                    </p>
                    {p.current ? (
                      <FileDownloadLink
                        fileId={p.current.fileId}
                        name={p.current.fileName}
                        label={t("policies.downloadCurrent")}
                      />
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {canManage ? (
          <Card title={t("policies.new")}>
            <NewPolicyForm picker={picker} server={actionData} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

function NewPolicyForm(props: { picker: PickerFramework[]; server: ServerFormState }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(PolicyFormSchema, { server: props.server });
  const serverRefused = Object.values(props.server?.errors ?? {}).some(Boolean);
  return (
    <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="space-y-4">
      {rejected ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
      <PolicyIdentityFields form={form} values={values} errorOf={errorOf} numberHint />
      <PolicyVersionFields form={form} values={values} errorOf={errorOf} refused={serverRefused} />
      <PolicyCriteriaField form={form} values={values} errorOf={errorOf} picker={props.picker} />
      <Button type="submit" disabled={navigation.state === "submitting"}>
        {t("policies.create")}
      </Button>
    </Form>
  );
}

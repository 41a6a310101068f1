import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { FileDownloadLink, formatFileSize } from "~/components/evidence/file-download";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { PolicyCriteriaField, PolicyIdentityFields, PolicyVersionFields } from "~/components/policies/policy-fields";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useCan, useShell } from "~/lib/auth/use-session-user";
import { checkUpload, readUploadForm } from "~/lib/evidence/file-store.server";
import { formDataToObject, parseForm, parseIntent } from "~/lib/form.server";
import { formatCalendarDate, formatDateTime, todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import {
  addPolicyVersion,
  criteriaPicker,
  currentVersion,
  findPolicy,
  getPolicy,
  updatePolicyDetails,
} from "~/lib/policies/policies.server";
import {
  PolicyDetailsFormSchema,
  PolicyDetailsSchema,
  PolicyVersionFormSchema,
  PolicyVersionSchema,
  type PickerFramework,
} from "~/lib/policies/policy-schema";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria", "policies"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const policy = loaded?.policy;
  return titleFor(matches, (t, locale) =>
    policy ? `${policy.documentNumber} ${localized(policy, "title", locale)}` : t("policies.title"),
  );
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "policies.read");
  const found = await getPolicy(auth.db, auth.organization.id, uuidParam(params, "policyId"));
  if (!found) notFound();
  const today = todayInZone(auth.organization.timeZone);
  const picker = can(auth.membership.role, "policies.manage") ? await criteriaPicker(auth.db) : [];
  return { ...found, currentId: currentVersion(found.versions, today)?.id ?? null, today, picker };
}

type Intent = "version" | "details";

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "policies.manage");
  const policyId = uuidParam(params, "policyId");
  // Another organisation's policy is a 404 before its form is read, whatever was posted.
  if (!(await findPolicy(auth.db, auth.organization.id, policyId))) notFound();
  const actor = auth.actor;
  const refuse = (intent: Intent, errors: Record<string, string>, values: Record<string, string | string[]> = {}) =>
    data({ intent, errors, values }, { status: 400 });

  const form = await readUploadForm(request);
  // Only the version form carries a file, so a body refused for its size was that form's.
  if (!form.ok) return refuse("version", form.errors, form.values);
  const values = formDataToObject(form.formData);
  const intent = parseIntent(form.formData, ["version", "details"]);

  if (intent === "version") {
    const parsed = parseForm(form.formData, PolicyVersionSchema);
    const upload = await checkUpload(form.formData.get("file"), { required: true });
    if (!parsed.ok || !upload.ok || !upload.file) {
      return refuse("version", { ...(parsed.ok ? {} : parsed.errors), ...(upload.ok ? {} : { file: upload.error }) }, values);
    }
    const result = await addPolicyVersion(auth.db, actor, policyId, parsed.data, upload.file);
    if (!result) notFound();
    if (!result.ok) return refuse("version", result.errors, values);
    return redirect(`/policies/${policyId}?uploaded=1`);
  }

  // intent is "details": parseIntent refused anything else.
  const parsed = parseForm(form.formData, PolicyDetailsSchema);
  if (!parsed.ok) return refuse("details", parsed.errors, parsed.values);
  const result = await updatePolicyDetails(auth.db, actor, policyId, parsed.data);
  if (!result) notFound();
  if (!result.ok) return refuse("details", result.errors, values);
  return redirect(`/policies/${policyId}?saved=1`);
}

export default function PolicyPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const { policy, versions, links, currentId, today, picker } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const canManage = useCan("policies.manage");
  const en = i18n.language === "en";
  const current = versions.find((v) => v.id === currentId) ?? null;
  const serverFor = (intent: Intent) => (actionData?.intent === intent ? actionData : undefined);
  return (
    <>
      <PageHeader
        title={localized(policy, "title", i18n.language)}
        description={`${policy.documentNumber} · ${en ? policy.titleZh : policy.titleEn}`}
        actions={
          <Link to="/policies" className="flex min-h-11 items-center text-brand-700 underline">
            {t("policies.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {searchParams.get("created") === "1" ? <Alert tone="success">{t("policies.created")}</Alert> : null}
        {searchParams.get("uploaded") === "1" ? <Alert tone="success">{t("policies.versionUploaded")}</Alert> : null}
        {searchParams.get("saved") === "1" ? <Alert tone="success">{t("common.saved")}</Alert> : null}

        <Card title={t("policies.detailsTitle")}>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            <Item label={t("policies.documentNumber")} value={<span className="font-mono">{policy.documentNumber}</span>} />
            <Item label={t("policies.titleZh")} value={policy.titleZh} />
            <Item label={t("policies.titleEn")} value={policy.titleEn} />
            {current ? (
              <>
                <Item
                  label={t("policies.currentVersion")}
                  value={t("policies.versionEffective", {
                    version: current.version,
                    date: formatCalendarDate(current.effectiveOn, locale),
                  })}
                />
                <Item label={t("policies.approvedBy")} value={current.approvedBy} />
                <Item
                  label={t("files.download")}
                  value={
                    <FileDownloadLink
                      fileId={current.file.id}
                      name={current.file.originalName}
                      label={current.file.originalName}
                    />
                  }
                />
              </>
            ) : null}
          </dl>
        </Card>

        <Card title={t("policies.linkedTitle", { count: links.length })}>
          {links.length === 0 ? (
            <p className="text-slate-600">{t("policies.noLinks")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {links.map((l) => (
                <li key={l.criterionId} className="py-2 sm:flex sm:items-center sm:justify-between sm:gap-4">
                  <Link
                    to={`/criteria/${l.frameworkCode}/${l.key}`}
                    className="flex min-h-11 items-center gap-2 text-brand-700 underline"
                  >
                    <span className="font-mono text-sm">{l.code}</span>
                    <span>{localized(l, "title", i18n.language)}</span>
                  </Link>
                  <p className="text-sm text-slate-500 sm:shrink-0 sm:text-right">{localized(l, "frameworkName", i18n.language)}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("policies.versionsTitle", { count: versions.length })}>
          <ol className="space-y-3">
            {versions.map((v) => (
              <li
                key={v.id}
                className={`rounded-md border p-3 ${v.id === currentId ? "border-brand-300 bg-brand-50/40" : "border-slate-200"}`}
              >
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-lg font-semibold">{v.version}</span>
                  {v.id === currentId ? <Badge tone="brand">{t("policies.currentBadge")}</Badge> : null}
                  {v.effectiveOn > today ? <Badge tone="warn">{t("policies.notYetEffective")}</Badge> : null}
                </div>
                <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-2 text-sm lg:grid-cols-3">
                  <Item label={t("policies.effectiveOn")} value={formatCalendarDate(v.effectiveOn, locale)} />
                  <Item label={t("policies.approvedBy")} value={v.approvedBy} />
                  <div className="col-span-2 lg:col-span-1">
                    <Item
                      label={t("policies.uploadedAt")}
                      value={`${formatDateTime(v.uploadedAt, locale, shell.organization.timeZone)}${v.uploadedByName ? ` · ${v.uploadedByName}` : ""}`}
                    />
                  </div>
                  {v.changeNote ? (
                    <div className="col-span-2 lg:col-span-3">
                      <Item label={t("policies.changeNote")} value={v.changeNote} />
                    </div>
                  ) : null}
                  <Item label={t("files.name")} value={<span className="break-all">{v.file.originalName}</span>} />
                  <Item label={t("files.size")} value={formatFileSize(v.file.sizeBytes, locale)} />
                  <div className="col-span-2 lg:col-span-3">
                    <Item
                      label={t("files.sha256")}
                      value={<code className="break-all font-mono text-xs">{v.file.sha256}</code>}
                    />
                  </div>
                </dl>
                <FileDownloadLink fileId={v.file.id} name={v.file.originalName} />
              </li>
            ))}
          </ol>
        </Card>

        {canManage ? (
          <>
            <Card title={t("policies.uploadVersion")}>
              <p className="mb-4 text-slate-600">{t("policies.uploadVersionHint")}</p>
              {/* A new key after each upload (the redirect) empties the form for the next version. */}
              <NewVersionForm key={versions.length} server={serverFor("version")} />
            </Card>
            <Card title={t("policies.editDetails")}>
              <DetailsForm
                key={new Date(policy.updatedAt).toISOString()}
                picker={picker}
                server={serverFor("details")}
                defaults={{
                  documentNumber: policy.documentNumber,
                  titleZh: policy.titleZh,
                  titleEn: policy.titleEn,
                  criteria: links.map((l) => l.criterionId),
                }}
              />
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}

function Item(props: { label: string; value: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm font-medium text-slate-500">{props.label}</dt>
      <dd className="text-slate-900">{props.value}</dd>
    </div>
  );
}

function NewVersionForm(props: { server: ServerFormState }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(PolicyVersionFormSchema, {
    server: props.server,
  });
  const serverRefused = Object.values(props.server?.errors ?? {}).some(Boolean);
  return (
    <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="space-y-4">
      {rejected ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
      <input type="hidden" name="intent" value="version" />
      <PolicyVersionFields form={form} values={values} errorOf={errorOf} refused={serverRefused} />
      <Button type="submit" disabled={navigation.state === "submitting"}>
        {t("policies.uploadVersionSubmit")}
      </Button>
    </Form>
  );
}

function DetailsForm(props: { picker: PickerFramework[]; server: ServerFormState; defaults: Record<string, unknown> }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(PolicyDetailsFormSchema, {
    defaults: props.defaults,
    server: props.server,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
      {rejected ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
      <input type="hidden" name="intent" value="details" />
      <PolicyIdentityFields form={form} values={values} errorOf={errorOf} />
      <PolicyCriteriaField form={form} values={values} errorOf={errorOf} picker={props.picker} />
      <Button type="submit" disabled={navigation.state === "submitting"}>
        {t("common.save")}
      </Button>
    </Form>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { useCan } from "~/lib/auth/use-session-user";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { titleFor } from "~/lib/i18n/meta";
import { CopyTemplateSchema } from "~/lib/inspections/template-editor";
import { copyTemplate, listTemplates } from "~/lib/inspections/templates.server";
import { notFound } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["criteria", "inspections"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("templates.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "inspections.read");
  const templates = await listTemplates(auth.db, auth.organization.id);
  const copyFrom = new URL(request.url).searchParams.get("copy");
  return { templates, copyFrom: templates.some((t) => t.id === copyFrom) ? copyFrom : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "templates.manage");
  const formData = await readFormData(request);
  const parsed = parseForm(formData, CopyTemplateSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { sourceId, code, titleZh, titleEn } = parsed.data;
  const source = (await listTemplates(auth.db, auth.organization.id)).find((t) => t.id === sourceId);
  if (!source) notFound();
  const copied = await copyTemplate(auth.db, auth.actor, sourceId, {
    code,
    titleZh,
    titleEn,
    descriptionZh: source.descriptionZh,
    descriptionEn: source.descriptionEn,
  });
  if (!copied) notFound();
  if (!copied.ok) return data({ errors: copied.errors, values: formDataToObject(formData) }, { status: 400 });
  return redirect(`/templates/${copied.id}?copied=1`);
}

export default function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const canManage = useCan("templates.manage");
  const own = d.templates.filter((tpl) => !tpl.builtIn);
  const builtIn = d.templates.filter((tpl) => tpl.builtIn);
  const list = (items: typeof d.templates) => (
    <ul className="divide-y divide-slate-100">
      {items.map((tpl) => (
        <li key={tpl.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
          <div className="min-w-0">
            <Link to={`/templates/${tpl.id}`} className="font-medium text-brand-700 underline">
              {localized(tpl, "title", i18n.language)}
            </Link>
            <p className="text-sm text-slate-600">{localized(tpl, "description", i18n.language)}</p>
            <p className="mt-1 font-mono text-xs text-slate-500">{tpl.code}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Badge>{t("templates.versionBadge", { version: tpl.version })}</Badge>
            <Badge tone="brand">{t("inspections.form.points", { count: tpl.points })}</Badge>
          </div>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <PageHeader title={t("templates.title")} description={t("templates.description")} />
      <div className="space-y-4">
        {search.get("copy") && !d.copyFrom ? <Alert tone="error">{t("templates.sourceMissing")}</Alert> : null}
        <Card title={t("templates.own", { count: own.length })}>
          {own.length ? list(own) : <p className="text-slate-600">{t("templates.ownEmpty")}</p>}
        </Card>
        <Card title={t("templates.builtIn", { count: builtIn.length })}>{list(builtIn)}</Card>
        {canManage ? (
          <Card title={t("templates.copyTitle")}>
            <CopyForm templates={d.templates} copyFrom={d.copyFrom} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

function CopyForm(props: { templates: ReturnType<typeof useLoaderData<typeof loader>>["templates"]; copyFrom: string | null }) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const actionData = useActionData<typeof action>();
  const source = props.templates.find((tpl) => tpl.id === props.copyFrom);
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(CopyTemplateSchema, {
    server: actionData,
    defaults: {
      intent: "copy",
      sourceId: props.copyFrom ?? "",
      code: source ? `${source.code}-own` : "",
      titleZh: source ? `${source.titleZh}（本企业）` : "",
      titleEn: source ? `${source.titleEn} (ours)` : "",
    },
  });
  const names = fields(CopyTemplateSchema);
  const field = { form, values };
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2">
      {rejected ? (
        <div className="sm:col-span-2">
          <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert>
        </div>
      ) : null}
      <p className="text-sm text-slate-600 sm:col-span-2">{t("templates.copyHint")}</p>
      <input type="hidden" value="copy" {...form.register(names.intent)} />
      <SelectField
        {...field}
        name={names.sourceId}
        label={t("templates.copySource")}
        placeholder={t("common.choose")}
        options={props.templates.map((tpl) => ({ value: tpl.id, label: `${localized(tpl, "title", i18n.language)} (v${tpl.version})` }))}
        error={errorOf(names.sourceId)}
      />
      <TextField {...field} name={names.code} label={t("templates.code")} hint={t("templates.codeHint")} error={errorOf(names.code)} />
      <TextField {...field} name={names.titleZh} label={t("templates.titleZh")} error={errorOf(names.titleZh)} />
      <TextField {...field} name={names.titleEn} label={t("templates.titleEn")} error={errorOf(names.titleEn)} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {t("templates.copySubmit")}
        </Button>
      </div>
    </Form>
  );
}

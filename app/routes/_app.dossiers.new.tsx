import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { BackLink } from "~/components/ui/back-link";
import { Input } from "~/components/ui/input";
import { requirePermission } from "~/lib/auth/auth.server";
import { listCriteria, listFrameworks, isAssessable } from "~/lib/criteria/criteria.server";
import { displayCode } from "~/lib/criteria/criterion-code.server";
import { dossierRequestSchema } from "~/lib/dossiers/dossier-schema";
import { previewDossier, requestDossier } from "~/lib/dossiers/dossiers.server";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { todayInZone } from "~/lib/i18n/format";
import { translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { listSites } from "~/lib/organizations/organizations.server";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria", "policies", "dossiers"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("dossiers.new.title"));


export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "dossiers.create");
  const orgId = auth.organization.id;
  const timeZone = auth.organization.timeZone;
  const url = new URL(request.url);
  const today = todayInZone(timeZone);
  const values = {
    framework: url.searchParams.get("framework") ?? "cn-2022-advanced",
    periodFrom: url.searchParams.get("periodFrom") ?? `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`,
    periodTo: url.searchParams.get("periodTo") ?? today,
    sites: url.searchParams.getAll("sites"),
    criteria: url.searchParams.getAll("criteria"),
  };
  const [frameworks, sites] = await Promise.all([listFrameworks(auth.db), listSites(auth.db, orgId)]);
  // Every framework of the catalogue can be the subject of a dossier.
  const available = frameworks;
  const chosen = available.find((f) => f.code === values.framework) ?? available[0];
  const criteria = chosen ? (await listCriteria(auth.db, chosen.id)).filter(isAssessable) : [];
  let preview = null;
  let errors: Record<string, string> = {};
  if (url.searchParams.has("preview")) {
    const parsed = dossierRequestSchema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[issue.path.join(".") || "form"] ??= issue.message;
    } else {
      const result = await previewDossier(auth.db, orgId, timeZone, parsed.data);
      if (result.ok) preview = result.rows;
      else errors = result.errors;
    }
  }
  return {
    values,
    errors,
    preview,
    frameworks: available.map((f) => ({ code: f.code, nameZh: f.nameZh, nameEn: f.nameEn, version: f.version })),
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    criteria: criteria.map((c) => ({ key: c.key, code: displayCode(c), titleZh: c.titleZh, titleEn: c.titleEn })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "dossiers.create");
  const formData = await readFormData(request);
  const parsed = parseForm(formData, dossierRequestSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const outcome = await requestDossier(auth.db, auth.actor, auth.organization.timeZone, parsed.data);
  if (!outcome.ok) return data({ errors: outcome.errors, values: formDataToObject(formData) }, { status: 400 });
  return redirect(`/dossiers/${outcome.dossierId}`);
}

export default function NewDossierPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string> = { ...d.errors, ...(actionData?.errors ?? {}) };
  const error = (name: string) => (errors[name] ? <p className="mt-1 text-sm font-medium text-red-700">{translateMessage(t, errors[name] as string)}</p> : null);
  const chosenCriteria = new Set(d.values.criteria);
  const chosenSites = new Set(d.values.sites);
  const gaps = d.preview?.filter((r) => r.gap).length ?? 0;
  return (
    <>
      <PageHeader
        title={t("dossiers.new.title")}
        description={t("dossiers.new.description")}
        actions={
          <BackLink to="/dossiers">{t("dossiers.backToList")}</BackLink>
        }
      />
      <Form method="get" className="space-y-4">
        {Object.keys(errors).length > 0 ? <Alert tone="error">{t("dossiers.new.notQueued")}</Alert> : null}
        <Card title={t("dossiers.new.scope")}>
          <div className="grid gap-4 sm:grid-cols-3">
            <label className="block text-sm font-medium">
              {t("dossiers.fields.framework")}
              <select name="framework" defaultValue={d.values.framework} className="mt-1 block min-h-11 w-full rounded border border-slate-300 px-2">
                {d.frameworks.map((f) => (
                  <option key={f.code} value={f.code}>
                    {localized(f, "name", i18n.language)} ({f.version})
                  </option>
                ))}
              </select>
              {error("framework")}
            </label>
            <label className="block text-sm font-medium">
              {t("dossiers.fields.periodFrom")}
              <Input name="periodFrom" type="date" defaultValue={d.values.periodFrom} required />
              {error("periodFrom")}
            </label>
            <label className="block text-sm font-medium">
              {t("dossiers.fields.periodTo")}
              <Input name="periodTo" type="date" defaultValue={d.values.periodTo} required />
              {error("periodTo")}
            </label>
          </div>
          <fieldset className="mt-4">
            <legend className="text-sm font-medium">{t("dossiers.fields.sites")}</legend>
            <p className="text-sm text-slate-600">{t("dossiers.new.sitesHint")}</p>
            <div className="mt-2 flex flex-wrap gap-3">
              {d.sites.map((s) => (
                <label key={s.id} className="inline-flex min-h-11 items-center gap-2 text-sm">
                  <input type="checkbox" name="sites" value={s.id} defaultChecked={chosenSites.has(s.id)} className="h-5 w-5" />
                  {localized(s, "name", i18n.language)}
                </label>
              ))}
            </div>
            {error("sites")}
          </fieldset>
          <details className="mt-4" open={chosenCriteria.size > 0}>
            <summary className="cursor-pointer text-sm font-medium">{t("dossiers.new.criteriaSubset", { count: d.criteria.length })}</summary>
            <p className="text-sm text-slate-600">{t("dossiers.new.criteriaHint")}</p>
            <div className="mt-2 grid max-h-80 gap-1 overflow-y-auto sm:grid-cols-2">
              {d.criteria.map((c) => (
                <label key={c.key} className="inline-flex items-start gap-2 text-sm">
                  <input type="checkbox" name="criteria" value={c.key} defaultChecked={chosenCriteria.has(c.key)} className="mt-0.5 h-4 w-4" />
                  <span>
                    <span className="font-mono">{en ? c.code.en : c.code.zh}</span> {localized(c, "title", i18n.language)}
                  </span>
                </label>
              ))}
            </div>
            {error("criteria")}
          </details>
          <div className="mt-4 flex flex-wrap gap-2">
            <button type="submit" name="preview" value="1" className={buttonClass("secondary")}>
              {t("dossiers.new.preview")}
            </button>
          </div>
        </Card>
      </Form>
      {d.preview ? (
        <Card title={t("dossiers.new.previewTitle", { count: d.preview.length, gaps })}>
          <Form method="post" className="mb-4">
            <input type="hidden" name="framework" value={d.values.framework} />
            <input type="hidden" name="periodFrom" value={d.values.periodFrom} />
            <input type="hidden" name="periodTo" value={d.values.periodTo} />
            {d.values.sites.map((s) => (
              <input key={s} type="hidden" name="sites" value={s} />
            ))}
            {d.values.criteria.map((c) => (
              <input key={c} type="hidden" name="criteria" value={c} />
            ))}
            <Button type="submit" disabled={navigation.state === "submitting"}>
              {t("dossiers.new.generate")}
            </Button>
          </Form>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b text-slate-600">
                <th className="py-2 pr-2">{t("dossiers.preview.criterion")}</th>
                <th className="py-2 pr-2">{t("dossiers.preview.records")}</th>
                <th className="py-2 pr-2">{t("dossiers.preview.policies")}</th>
                <th className="py-2 pr-2">{t("dossiers.preview.exceptions")}</th>
              </tr>
            </thead>
            <tbody>
              {d.preview.map((r) => (
                <tr key={r.key} className="border-b align-top">
                  <td className="py-2 pr-2">
                    <span className="font-mono">{en ? r.code.en : r.code.zh}</span> {localized(r, "title", i18n.language)}
                  </td>
                  <td className="py-2 pr-2">
                    {r.gap ? (
                      <Badge tone="warn">{t("dossiers.preview.gap")}</Badge>
                    ) : (
                      <ul>
                        {r.byType.map((b) => (
                          <li key={b.type}>
                            {t(`evidence.types.${b.type}` as "evidence.types.policy")}: {b.count}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="py-2 pr-2">{r.policies}</td>
                  <td className="py-2 pr-2">{r.exceptions > 0 ? <Badge tone="warn">{r.exceptions}</Badge> : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ) : null}
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SelectField, TextAreaField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { ExportLink } from "~/components/ui/export-link";
import { BackLink } from "~/components/ui/back-link";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { formatDateTime } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { listSites } from "~/lib/organizations/organizations.server";
import { sealAuditReference } from "~/lib/seals/seal-numbers";
import { SealAuditSchema } from "~/lib/seals/seal-schema";
import { parseSealFilter, sealFilterSearch } from "~/lib/seals/seal-filter";
import { listSealAudits, runSealAudit } from "~/lib/seals/seal-audits.server";
import { FilterField, SiteFilterField } from "~/components/form/filter-field";
import { FilterButtons, FilterForm } from "~/components/ui/filter-bar";
import { Input } from "~/components/ui/input";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["criteria", "inspections", "seals"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("seals.audits.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "seals.read");
  const { site, from, to } = parseSealFilter(new URL(request.url).searchParams);
  const filter = { ...(site ? { site } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const [audits, sites] = await Promise.all([
    listSealAudits(auth.db, auth.organization.id, filter, auth.organization.timeZone),
    listSites(auth.db, auth.organization.id),
  ]);
  return {
    filter,
    timeZone: auth.organization.timeZone,
    canManage: can(auth.membership.role, "seals.manage"),
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    audits: audits.map((a) => ({
      id: a.audit.id,
      reference: sealAuditReference(a.audit.number),
      performedAt: a.audit.performedAt,
      balanced: a.audit.balanced,
      missing: a.audit.result.missing.length,
      unexpected: a.audit.result.unexpected.length,
      siteNameZh: a.siteNameZh,
      siteNameEn: a.siteNameEn,
      performedByName: a.performedByName,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "seals.manage");
  const formData = await readFormData(request);
  const parsed = parseForm(formData, SealAuditSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const outcome = await runSealAudit(
    auth.db,
    { ...auth.actor, timeZone: auth.organization.timeZone },
    parsed.data,
  );
  if (!outcome.ok) return data({ errors: outcome.errors, values: formDataToObject(formData) }, { status: 400 });
  return redirect(`/seals/audits/${outcome.id}`);
}

export default function SealAuditsPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const search = sealFilterSearch(d.filter);
  const filtered = search !== "";
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(SealAuditSchema, {
    server: actionData,
    defaults: { siteId: d.sites.length === 1 ? d.sites[0]?.id : "" },
  });
  const names = fields(SealAuditSchema);
  return (
    <>
      <PageHeader
        title={t("seals.audits.title")}
        description={t("seals.audits.description")}
        actions={
          <BackLink to="/seals">{t("seals.backToLog")}</BackLink>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        {d.canManage ? (
          <Card title={t("seals.audits.new")}>
            <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
              {rejected ? <Alert tone="error">{formError ?? t("seals.notSaved")}</Alert> : null}
              <SelectField
                form={form}
                values={values}
                name={names.siteId}
                label={t("seals.fields.site")}
                placeholder={t("seals.audits.allSites")}
                options={d.sites.map((s) => ({ value: s.id, label: localized(s, "name", i18n.language) }))}
                error={errorOf(names.siteId)}
              />
              <TextAreaField
                form={form}
                values={values}
                name={names.counted}
                label={t("seals.fields.counted")}
                hint={t("seals.audits.countedHint")}
                error={errorOf(names.counted)}
                rows={8}
              />
              <TextAreaField form={form} values={values} name={names.note} label={t("seals.fields.note")} error={errorOf(names.note)} rows={2} />
              <Button type="submit" disabled={navigation.state === "submitting"}>
                {t("seals.audits.submit")}
              </Button>
            </Form>
          </Card>
        ) : null}
        <Card
          title={t("seals.audits.list", { count: d.audits.length })}
          actions={
            <ExportLink href={`/seals/export.csv${search ? `${search}&` : "?"}rows=audits`}>{t("seals.audits.exportCsv")}</ExportLink>
          }
        >
          <FilterForm key={search} className="mb-4 grid gap-3 sm:grid-cols-3" label={t("seals.audits.filterLabel")}>
            <SiteFilterField label={t("seals.fields.site")} sites={d.sites} value={d.filter.site} id="fa-site" className="sm:col-span-3" />
            <FilterField label={t("seals.audits.from")} htmlFor="fa-from">
              <Input id="fa-from" name="from" type="date" defaultValue={d.filter.from ?? ""} />
            </FilterField>
            <FilterField label={t("seals.audits.to")} htmlFor="fa-to">
              <Input id="fa-to" name="to" type="date" defaultValue={d.filter.to ?? ""} />
            </FilterField>
            <div className="flex flex-wrap items-end gap-2">
              <FilterButtons apply={t("seals.applyFilter")} clear={t("seals.clearFilter")} clearTo="/seals/audits" filtered={filtered} />
            </div>
          </FilterForm>
          {d.audits.length === 0 ? (
            <p className="text-slate-600">{filtered ? t("seals.audits.emptyFilter") : t("seals.audits.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.audits.map((a) => (
                <li key={a.id} className="py-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <Link
                      to={`/seals/audits/${a.id}`}
                      className="inline-flex min-h-11 items-center font-mono font-medium text-brand-700 underline"
                    >
                      {a.reference}
                    </Link>
                    {a.balanced ? (
                      <Badge tone="good">{t("seals.audits.balanced")}</Badge>
                    ) : (
                      <Badge tone="bad">{t("seals.audits.unbalanced", { missing: a.missing, unexpected: a.unexpected })}</Badge>
                    )}
                  </div>
                  <p className="text-sm text-slate-600">
                    {formatDateTime(a.performedAt, locale, d.timeZone)} · {a.performedByName} ·{" "}
                    {localized(a, "siteName", i18n.language) ?? t("seals.audits.allSites")}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { CriterionRefLink } from "~/components/criteria/criterion-parts";
import { TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { parseForm, readFormData } from "~/lib/form.server";
import { formatDateTime } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { criterionLabels } from "~/lib/inspections/templates.server";
import { ClauseTextSchema } from "~/lib/partners/clause-schema";
import { adaptClause, getClause, listClauseVersions } from "~/lib/partners/clauses.server";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["criteria", "inspections", "partners"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t, locale) => (data ? (locale === "en" ? data.clause.titleEn : data.clause.titleZh) : t("clauses.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "partners.read");
  const clause = await getClause(auth.db, auth.organization.id, uuidParam(params, "clauseId"));
  if (!clause) notFound();
  const [versions, labels] = await Promise.all([
    listClauseVersions(auth.db, auth.organization.id, clause.code),
    criterionLabels(auth.db, clause.criteria),
  ]);
  return {
    clause: {
      id: clause.id,
      code: clause.code,
      version: clause.version,
      own: clause.organizationId !== null,
      titleZh: clause.titleZh,
      titleEn: clause.titleEn,
      textZh: clause.textZh,
      textEn: clause.textEn,
      criteria: clause.criteria,
    },
    labels,
    versions: versions.map((v) => ({ id: v.id, version: v.version, own: v.organizationId !== null, createdAt: v.createdAt })),
    canAdapt: can(auth.membership.role, "clauses.manage"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "clauses.manage");
  const clauseId = uuidParam(params, "clauseId");
  if (!(await getClause(auth.db, auth.organization.id, clauseId))) notFound();
  const parsed = parseForm(await readFormData(request), ClauseTextSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const adapted = await adaptClause(auth.db, auth.actor, clauseId, parsed.data);
  if (!adapted) notFound();
  return redirect(`/clauses/${adapted.id}?${adapted.changed ? "adapted=1" : "unchanged=1"}`);
}

export default function ClausePage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const d = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const en = i18n.language === "en";
  const c = d.clause;
  return (
    <>
      <PageHeader
        title={localized(c, "title", i18n.language)}
        description={en ? c.titleZh : c.titleEn}
        actions={
          <Link to="/clauses" className="text-sm text-brand-700 underline">
            {t("clauses.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {search.get("adapted") === "1" ? <Alert tone="success">{t("clauses.adaptedNotice", { version: c.version })}</Alert> : null}
        {search.get("unchanged") === "1" ? <Alert tone="info">{t("clauses.unchanged")}</Alert> : null}
        <Card>
          <p className="flex flex-wrap gap-2">
            <Badge>{t("partners.clauseVersion", { version: c.version })}</Badge>
            <Badge tone={c.own ? "brand" : "neutral"}>{c.own ? t("clauses.adapted") : t("clauses.builtIn")}</Badge>
            <span className="font-mono text-xs text-slate-500">{c.code}</span>
          </p>
          <h2 className="mt-4 text-sm font-semibold text-slate-500">中文</h2>
          <p className="mt-1 whitespace-pre-line text-slate-900" lang="zh-CN">
            {c.textZh}
          </p>
          <h2 className="mt-4 text-sm font-semibold text-slate-500">English</h2>
          <p className="mt-1 whitespace-pre-line text-slate-900" lang="en">
            {c.textEn}
          </p>
          <h2 className="mt-4 text-sm font-semibold text-slate-500">{t("clauses.criteria")}</h2>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {c.criteria.map((ref) => {
              const label = d.labels[`${ref.framework}/${ref.key}`];
              return (
                <li key={`${ref.framework}/${ref.key}`}>
                  <CriterionRefLink refKey={ref} label={label} />
                </li>
              );
            })}
          </ul>
        </Card>
        <Card title={t("clauses.versions", { count: d.versions.length })}>
          <ul className="divide-y divide-slate-100">
            {d.versions.map((v) => (
              <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                {v.id === c.id ? (
                  <span className="font-medium">{t("partners.clauseVersion", { version: v.version })}</span>
                ) : (
                  <Link to={`/clauses/${v.id}`} className="text-brand-700 underline">
                    {t("partners.clauseVersion", { version: v.version })}
                  </Link>
                )}
                <span className="text-slate-600">
                  {v.own ? t("clauses.adapted") : t("clauses.builtIn")} · {formatDateTime(v.createdAt, locale, shell.organization.timeZone)}
                </span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-slate-500">{t("clauses.versionsHint")}</p>
        </Card>
        {d.canAdapt ? (
          <Card title={t("clauses.adaptTitle")}>
            <AdaptForm d={d} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

function AdaptForm(props: { d: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const server = useActionData<typeof action>();
  const c = props.d.clause;
  const { form, values, errorOf, onSubmit, rejected } = useValidatedForm(ClauseTextSchema, {
    server,
    defaults: { titleZh: c.titleZh, titleEn: c.titleEn, textZh: c.textZh, textEn: c.textEn },
  });
  const names = fields(ClauseTextSchema);
  const field = { form, values };
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="space-y-3">
      {rejected ? <Alert tone="error">{t("errors.fixBelow")}</Alert> : null}
      <p className="text-sm text-slate-600">{t("clauses.adaptHint")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField {...field} name={names.titleZh} label={t("clauses.titleZh")} error={errorOf(names.titleZh)} />
        <TextField {...field} name={names.titleEn} label={t("clauses.titleEn")} error={errorOf(names.titleEn)} />
      </div>
      <TextAreaField {...field} name={names.textZh} rows={6} label={t("clauses.textZh")} error={errorOf(names.textZh)} />
      <TextAreaField {...field} name={names.textEn} rows={6} label={t("clauses.textEn")} error={errorOf(names.textEn)} />
      <Button type="submit" disabled={navigation.state === "submitting"}>
        {t("clauses.adaptSubmit")}
      </Button>
    </Form>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { AccessItemStatusBadge } from "~/components/badges/access-item-status";
import { SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { ExportLink } from "~/components/ui/export-link";
import { Input, Select } from "~/components/ui/input";
import { pageAddress, Pager } from "~/components/ui/pager";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { accessItemKinds, accessItemStatuses } from "~/lib/badges/access-item-rules";
import { accessItemFilterSearch, parseAccessItemFilter } from "~/lib/badges/badge-filter";
import { AccessItemCreateSchema } from "~/lib/badges/badge-schema";
import { BADGES_PAGE_SIZE, createAccessItems, listAccessItems } from "~/lib/badges/badges.server";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { formatDateTime } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { listSites } from "~/lib/organizations/organizations.server";
import { FilterField, SiteFilterField } from "~/components/form/filter-field";
import { FilterButtons, FilterForm } from "~/components/ui/filter-bar";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["criteria", "inspections", "badges"] } satisfies PageHandle;

// /badges: the register of employee badges, access cards, keys and visitor badges, with the current
// holder of each; adding one item or a numbered series; exports of the register and of every step.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("badges.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "badges.read");
  const orgId = auth.organization.id;
  const url = new URL(request.url);
  const filter = parseAccessItemFilter(url.searchParams);
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1));
  const [list, sites] = await Promise.all([
    listAccessItems(auth.db, orgId, filter, { limit: BADGES_PAGE_SIZE, offset: (page - 1) * BADGES_PAGE_SIZE }),
    listSites(auth.db, orgId),
  ]);
  return {
    filter,
    page,
    pages: Math.max(1, Math.ceil(list.total / BADGES_PAGE_SIZE)),
    total: list.total,
    canManage: can(auth.membership.role, "badges.manage"),
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    rows: list.rows.map((r) => ({
      id: r.item.id,
      kind: r.item.kind,
      code: r.item.code,
      description: r.item.description,
      status: r.item.status,
      issuedAt: r.item.issuedAt,
      holderEmployeeId: r.item.holderEmployeeId,
      holderName: r.holderName,
      siteNameZh: r.siteNameZh,
      siteNameEn: r.siteNameEn,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "badges.manage");
  const formData = await readFormData(request);
  const parsed = parseForm(formData, AccessItemCreateSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await createAccessItems(auth.db, auth.actor, parsed.data);
  if (!result.ok) return data({ errors: result.errors, values: formDataToObject(formData) }, { status: 400 });
  const first = result.ids[0];
  return redirect(
    result.ids.length === 1 && first ? `/badges/${first}?created=1` : `/badges?kind=${parsed.data.kind}&added=${result.ids.length}`,
  );
}

export default function BadgesPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const [search] = useSearchParams();
  const filtered = Object.keys(d.filter).length > 0;
  const added = Number(search.get("added")) || 0;
  return (
    <>
      <PageHeader title={t("badges.title")} description={t("badges.description")} />
      <div className="space-y-4">
        {added ? <Alert tone="success">{t("badges.added", { count: added })}</Alert> : null}
        <Card
          title={t("badges.register", { count: d.total })}
          actions={
            <span className="flex flex-wrap gap-4">
              <ExportLink href={`/badges/export.csv${accessItemFilterSearch(d.filter)}`}>{t("badges.exportRegister")}</ExportLink>
            </span>
          }
        >
          {/* Folded on phones unless a filter is on: the register comes first. */}
          <details open={filtered || undefined} className="mb-4">
            <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("badges.filter")}</summary>
            <FilterForm key={accessItemFilterSearch(d.filter)} className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-5" label={t("badges.filter")}>
              <FilterField label={t("badges.kind")} htmlFor="f-kind">
                <Select id="f-kind" name="kind" defaultValue={d.filter.kind ?? ""}>
                  <option value="">{t("common.all")}</option>
                  {accessItemKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`badges.kinds.${k}`)}
                    </option>
                  ))}
                </Select>
              </FilterField>
              <FilterField label={t("badges.statusLabel")} htmlFor="f-status">
                <Select id="f-status" name="status" defaultValue={d.filter.status ?? ""}>
                  <option value="">{t("common.all")}</option>
                  {accessItemStatuses.map((s) => (
                    <option key={s} value={s}>
                      {t(`badges.status.${s}`)}
                    </option>
                  ))}
                </Select>
              </FilterField>
              <SiteFilterField label={t("badges.site")} sites={d.sites} value={d.filter.site} />
              <FilterField label={t("badges.search")} htmlFor="f-q">
                <Input id="f-q" name="q" defaultValue={d.filter.q ?? ""} />
              </FilterField>
              <div className="flex flex-wrap items-end gap-2">
                <FilterButtons apply={t("badges.apply")} clear={t("badges.clear")} clearTo="/badges" filtered={filtered} />
              </div>
            </FilterForm>
          </details>
          {d.rows.length === 0 ? (
            <p className="text-slate-600">
              {filtered ? t("badges.emptyFilter") : d.canManage ? t("badges.emptyManager") : t("badges.empty")}
            </p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.rows.map((r) => (
                <li key={r.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
                  <div className="min-w-0">
                    <p>
                      <Link to={`/badges/${r.id}`} className="font-medium text-brand-700 underline">
                        <span className="mr-2 font-mono">{r.code}</span>
                        {t(`badges.kinds.${r.kind}`)}
                      </Link>
                    </p>
                    <p className="text-sm text-slate-600">
                      {[r.description, localized(r, "siteName", i18n.language)].filter(Boolean).join(" · ")}
                    </p>
                  </div>
                  <div className="text-right text-sm">
                    <AccessItemStatusBadge status={r.status} />
                    {r.holderName && r.holderEmployeeId ? (
                      <p className="mt-1">
                        <Link to={`/badges/people/${r.holderEmployeeId}`} className="text-brand-700 underline">
                          {t("badges.heldBy", { name: r.holderName })}
                        </Link>
                        {r.issuedAt ? (
                          <span className="block text-slate-500">{formatDateTime(r.issuedAt, locale, shell.organization.timeZone)}</span>
                        ) : null}
                      </p>
                    ) : r.status === "issued" && r.kind === "visitor_badge" ? (
                      <p className="mt-1 text-slate-600">{t("badges.withVisitor")}</p>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Pager
            page={d.page}
            pages={d.pages}
            label={t("badges.pages")}
            href={(p) => pageAddress("/badges", accessItemFilterSearch(d.filter), p)}
          />
        </Card>
        <Card title={t("badges.eventsExport.title")}>
          {/* A plain GET form: the browser downloads the file, with or without JavaScript. */}
          <form
            method="get"
            action="/badges/events.csv"
            className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
            aria-label={t("badges.eventsExport.title")}
          >
            <FilterField label={t("badges.eventsExport.from")} htmlFor="e-from">
              <Input id="e-from" type="date" name="from" />
            </FilterField>
            <FilterField label={t("badges.eventsExport.to")} htmlFor="e-to">
              <Input id="e-to" type="date" name="to" />
            </FilterField>
            <FilterField label={t("badges.site")} htmlFor="e-site">
              <Select id="e-site" name="site" defaultValue="">
                <option value="">{t("common.all")}</option>
                {d.sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {localized(s, "name", i18n.language)}
                  </option>
                ))}
              </Select>
            </FilterField>
            <div className="flex items-end">
              <button type="submit" className={buttonClass("secondary")}>
                {t("badges.exportEvents")}
              </button>
            </div>
          </form>
        </Card>
        {d.canManage ? (
          <Card title={t("badges.add.title")}>
            <AddItemsForm sites={d.sites} server={server} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

function AddItemsForm(props: { sites: { id: string; nameZh: string; nameEn: string }[]; server: ServerFormState }) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(AccessItemCreateSchema, {
    defaults: { kind: "key" },
    server: props.server,
  });
  const names = fields(AccessItemCreateSchema);
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4" aria-label={t("badges.add.title")}>
      {rejected ? <Alert tone="error">{formError ?? t("badges.add.notSaved")}</Alert> : null}
      <input type="hidden" name="intent" value="create" />
      <SelectField
        form={form}
        values={values}
        name={names.kind}
        label={t("badges.kind")}
        error={errorOf(names.kind)}
        options={accessItemKinds.map((k) => ({ value: k, label: t(`badges.kinds.${k}`) }))}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          form={form}
          values={values}
          name={names.code}
          label={t("badges.add.code")}
          hint={t("badges.add.codeHint")}
          error={errorOf(names.code)}
          autoComplete="off"
        />
        <TextField
          form={form}
          values={values}
          name={names.lastCode}
          label={t("badges.add.lastCode")}
          hint={t("badges.add.lastCodeHint")}
          error={errorOf(names.lastCode)}
          autoComplete="off"
        />
      </div>
      <TextField
        form={form}
        values={values}
        name={names.description}
        label={t("badges.descriptionLabel")}
        hint={t("badges.add.descriptionHint")}
        error={errorOf(names.description)}
      />
      <SelectField
        form={form}
        values={values}
        name={names.siteId}
        label={t("badges.site")}
        error={errorOf(names.siteId)}
        placeholder={t("badges.add.anySite")}
        options={props.sites.map((s) => ({ value: s.id, label: localized(s, "name", i18n.language) }))}
      />
      <Button type="submit" disabled={navigation.state === "submitting"}>
        {t("badges.add.submit")}
      </Button>
    </Form>
  );
}

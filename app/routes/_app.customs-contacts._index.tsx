import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { FilterField } from "~/components/form/filter-field";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { ExportLink } from "~/components/ui/export-link";
import { FilterButtons, FilterForm } from "~/components/ui/filter-bar";
import { Input, Select } from "~/components/ui/input";
import { pageAddress, Pager } from "~/components/ui/pager";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { titleFor } from "~/lib/i18n/meta";
import { useTranslation } from "~/lib/i18n/use-translation";
import { filterSearch } from "~/lib/filter-search";
import { parseCustomsContactFilter } from "~/lib/incidents/incident-filter";
import { customsContactKinds, customsContactReference, incidentReference } from "~/lib/incidents/incident-rules";
import { INCIDENTS_PAGE_SIZE, listCustomsContacts } from "~/lib/incidents/incidents.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["organizations", "criteria", "actions", "inspections", "incidents"] } satisfies PageHandle;

// /customs-contacts: the customs-contact log, latest first, filtered by kind and dates, with its CSV export.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("customsContacts.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "incidents.read");
  const url = new URL(request.url);
  const filter = parseCustomsContactFilter(url.searchParams);
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1));
  const list = await listCustomsContacts(auth.db, auth.organization.id, filter, {
    limit: INCIDENTS_PAGE_SIZE,
    offset: (page - 1) * INCIDENTS_PAGE_SIZE,
  });
  return {
    filter,
    page,
    pages: Math.max(1, Math.ceil(list.total / INCIDENTS_PAGE_SIZE)),
    total: list.total,
    more: list.more,
    canRecord: can(auth.membership.role, "incidents.manage"),
    rows: list.rows.map((r) => ({
      id: r.contact.id,
      reference: customsContactReference(r.contact.number),
      contactedOn: r.contact.contactedOn,
      kind: r.contact.kind,
      channel: r.contact.channel,
      customsOffice: r.contact.customsOffice,
      subject: r.contact.subject,
      incident: r.incidentNumber ? incidentReference(r.incidentNumber) : null,
    })),
  };
}

export default function CustomsContactsPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const filtered = Object.keys(d.filter).length > 0;
  const saved = search.get("saved");
  return (
    <>
      <PageHeader
        title={t("customsContacts.title")}
        description={t("customsContacts.description")}
        actions={
          d.canRecord ? (
            <Link to="/customs-contacts/new" className={buttonClass("primary")}>
              {t("customsContacts.new.start")}
            </Link>
          ) : null
        }
      />
      <div className="space-y-4">
        {saved ? <Alert tone="success">{t("customsContacts.saved", { reference: saved })}</Alert> : null}
        <Card
          title={t(d.more ? "customsContacts.list.titleMore" : "customsContacts.list.title", { count: d.total })}
          actions={<ExportLink href={`/customs-contacts/export.csv${filterSearch(d.filter)}`}>{t("customsContacts.list.exportCsv")}</ExportLink>}
        >
          <details open={filtered || undefined} className="mb-4">
            <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("incidents.list.filter")}</summary>
            <FilterForm key={filterSearch(d.filter)} className="mt-2 grid gap-3 sm:grid-cols-3" label={t("incidents.list.filter")}>
              <FilterField label={t("customsContacts.kind")} htmlFor="f-kind">
                <Select id="f-kind" name="kind" defaultValue={d.filter.kind ?? ""}>
                  <option value="">{t("customsContacts.list.allKinds")}</option>
                  {customsContactKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`customsContacts.kinds.${k}`)}
                    </option>
                  ))}
                </Select>
              </FilterField>
              <FilterField label={t("incidents.list.from")} htmlFor="f-from">
                <Input id="f-from" type="date" name="from" defaultValue={d.filter.from ?? ""} />
              </FilterField>
              <FilterField label={t("incidents.list.to")} htmlFor="f-to">
                <Input id="f-to" type="date" name="to" defaultValue={d.filter.to ?? ""} />
              </FilterField>
              <div className="flex flex-wrap items-end gap-2 sm:col-span-3">
                <FilterButtons apply={t("incidents.list.apply")} clear={t("incidents.list.clear")} clearTo="/customs-contacts" filtered={filtered} />
              </div>
            </FilterForm>
          </details>
          {d.rows.length === 0 ? (
            <p className="text-slate-600">{filtered ? t("customsContacts.list.emptyFilter") : t("customsContacts.list.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.rows.map((r) => (
                <li key={r.id} className="py-3">
                  <Link to={`/customs-contacts/${r.id}`} className="font-medium text-brand-700 underline">
                    <span className="mr-2 font-mono text-sm">{r.reference}</span>
                    {r.subject}
                  </Link>
                  <p className="mt-1 text-sm text-slate-600">
                    {[r.contactedOn, r.customsOffice, t(`customsContacts.kinds.${r.kind}`), t(`customsContacts.channels.${r.channel}`), r.incident]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Pager
            page={d.page}
            pages={d.pages}
            more={d.more}
            label={t("customsContacts.list.pages")}
            href={(p) => pageAddress("/customs-contacts", filterSearch(d.filter), p)}
          />
        </Card>
      </div>
    </>
  );
}

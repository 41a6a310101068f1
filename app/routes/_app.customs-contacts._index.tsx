import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ChoiceFilterField, DateFilterField } from "~/components/form/filter-field";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/card";
import { FilterPanel } from "~/components/ui/filter-bar";
import { RegisterList, RowDetails, RowLink } from "~/components/ui/register-list";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { titleFor } from "~/lib/i18n/meta";
import { listPage, listPaging } from "~/lib/list-filter";
import { useTranslation } from "~/lib/i18n/use-translation";
import { filterSearch } from "~/lib/list-filter";
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
  const { page, limit, offset } = listPage(url.searchParams, INCIDENTS_PAGE_SIZE);
  const list = await listCustomsContacts(auth.db, auth.organization.id, filter, { limit, offset });
  return {
    filter,
    ...listPaging(page, INCIDENTS_PAGE_SIZE, list),
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
  const filter = filterSearch(d.filter);
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
        <RegisterList
          title={t(d.more ? "customsContacts.list.titleMore" : "customsContacts.list.title", { count: d.total })}
          exportLink={{ href: `/customs-contacts/export.csv${filter}`, label: t("customsContacts.list.exportCsv") }}
          filter={
            <FilterPanel
              label={t("incidents.list.filter")}
              apply={t("incidents.list.apply")}
              clear={t("incidents.list.clear")}
              clearTo="/customs-contacts"
              search={filter}
              className="sm:grid-cols-3"
              buttonsClassName="sm:col-span-3"
            >
              <ChoiceFilterField
                label={t("customsContacts.kind")}
                name="kind"
                all={t("customsContacts.list.allKinds")}
                options={customsContactKinds.map((k) => ({ value: k, label: t(`customsContacts.kinds.${k}`) }))}
                value={d.filter.kind}
              />
              <DateFilterField label={t("incidents.list.from")} name="from" value={d.filter.from} />
              <DateFilterField label={t("incidents.list.to")} name="to" value={d.filter.to} />
            </FilterPanel>
          }
          rows={d.rows}
          empty={filter ? t("customsContacts.list.emptyFilter") : t("customsContacts.list.empty")}
          pager={{ page: d.page, pages: d.pages, more: d.more, label: t("customsContacts.list.pages"), path: "/customs-contacts", search: filter }}
          row={(r) => (
            <>
              <RowLink to={`/customs-contacts/${r.id}`} reference={r.reference}>
                {r.subject}
              </RowLink>
              <RowDetails
                parts={[r.contactedOn, r.customsOffice, t(`customsContacts.kinds.${r.kind}`), t(`customsContacts.channels.${r.channel}`), r.incident]}
              />
            </>
          )}
        />
      </div>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { Detail, DetailList } from "~/components/ui/detail-list";
import { requirePermission } from "~/lib/auth/auth.server";
import { titleFor } from "~/lib/i18n/meta";
import { useTranslation } from "~/lib/i18n/use-translation";
import { customsContactReference, incidentReference } from "~/lib/incidents/incident-rules";
import { getCustomsContact } from "~/lib/incidents/incidents.server";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["organizations", "criteria", "actions", "inspections", "incidents"] } satisfies PageHandle;

// /customs-contacts/:contactId: one contact with customs as logged.

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? `${data.contact.reference} ${data.contact.subject}` : t("customsContacts.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "incidents.read");
  const row = await getCustomsContact(auth.db, auth.organization.id, uuidParam(params, "contactId"));
  if (!row) notFound();
  const c = row.contact;
  return {
    contact: {
      reference: customsContactReference(c.number),
      contactedOn: c.contactedOn,
      kind: c.kind,
      customsOffice: c.customsOffice,
      contactPerson: c.contactPerson,
      channel: c.channel,
      subject: c.subject,
      summary: c.summary,
      followUp: c.followUp,
      incidentId: c.incidentId,
      incident: row.incidentNumber ? incidentReference(row.incidentNumber) : null,
      recordedByName: row.recordedByName,
    },
  };
}

export default function CustomsContactPage() {
  const { t } = useTranslation();
  const { contact: c } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const rows: [string, string][] = [
    [t("customsContacts.contactedOn"), c.contactedOn],
    [t("customsContacts.kind"), t(`customsContacts.kinds.${c.kind}`)],
    [t("customsContacts.customsOffice"), c.customsOffice],
    [t("customsContacts.contactPerson"), c.contactPerson || t("common.notSet")],
    [t("customsContacts.channel"), t(`customsContacts.channels.${c.channel}`)],
    [t("customsContacts.recordedBy"), c.recordedByName],
  ];
  return (
    <>
      <PageHeader
        title={`${c.reference} ${c.subject}`}
        actions={
          <Link to="/customs-contacts" className={buttonClass("secondary")}>
            {t("customsContacts.title")}
          </Link>
        }
      />
      <div className="space-y-4">
        {search.get("saved") ? <Alert tone="success">{t("customsContacts.saved", { reference: c.reference })}</Alert> : null}
        <Card>
          <DetailList rows={rows}>
            <Detail label={t("customsContacts.incident")}>
              {c.incidentId && c.incident ? (
                <Link to={`/incidents/${c.incidentId}`} className="text-brand-700 underline">
                  {c.incident}
                </Link>
              ) : (
                t("customsContacts.noIncident")
              )}
            </Detail>
            <Detail label={t("customsContacts.summary")} multiline>
              {c.summary}
            </Detail>
            <Detail label={t("customsContacts.followUp")} multiline>
              {c.followUp || t("common.notSet")}
            </Detail>
          </DetailList>
        </Card>
      </div>
    </>
  );
}

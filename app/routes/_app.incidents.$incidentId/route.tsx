import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { IncidentStatusBadge } from "~/components/incidents/incident-parts";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { Detail, DetailList } from "~/components/ui/detail-list";
import { assignableMembers } from "~/lib/actions/actions.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { formDataToObject, parseForm, parseIntent, readFormData } from "~/lib/form.server";
import { formatDateTime, localDateTimeInZone } from "~/lib/i18n/format";
import { localized } from "~/lib/i18n/localized";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { customsContactReference, customsNotificationRequired, incidentReference } from "~/lib/incidents/incident-rules";
import { IncidentActionSchema, IncidentUpdateSchema } from "~/lib/incidents/incident-schema";
import { raiseIncidentAction } from "~/lib/incidents/incident-actions.server";
import { actionsOfIncidents } from "~/lib/incidents/incident-action-list.server";
import { contactsOfIncident, getIncident, updateIncident } from "~/lib/incidents/incidents.server";
import { formatReference } from "~/lib/references";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";
import { ActionCard } from "./action-card";
import { HandlingCard } from "./handling-card";

export const handle = { i18n: ["organizations", "criteria", "actions", "inspections", "incidents"] } satisfies PageHandle;

// /incidents/:incidentId: the report as found, its handling (containment, investigation, root cause,
// customs notification, status), the corrective actions raised from it and the customs contacts about it.

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? `${data.incident.reference} ${t(`incidents.kinds.${data.incident.kind}`)}` : t("incidents.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "incidents.read");
  const orgId = auth.organization.id;
  const incidentId = uuidParam(params, "incidentId");
  const row = await getIncident(auth.db, orgId, incidentId);
  if (!row) notFound();
  const canManage = can(auth.membership.role, "incidents.manage");
  const zone = auth.organization.timeZone;
  const [actions, contacts, members] = await Promise.all([
    actionsOfIncidents(auth.db, orgId, [incidentId]),
    contactsOfIncident(auth.db, orgId, incidentId),
    canManage ? assignableMembers(auth.db, orgId) : Promise.resolve([]),
  ]);
  const i = row.incident;
  return {
    canManage,
    incident: {
      id: i.id,
      reference: incidentReference(i.number),
      kind: i.kind,
      status: i.status,
      siteNameZh: row.siteNameZh,
      siteNameEn: row.siteNameEn,
      location: i.location,
      discoveredAt: i.discoveredAt,
      discoveredBy: i.discoveredBy,
      description: i.description,
      reportedByName: row.reportedByName,
      customsRequired: customsNotificationRequired(i.kind),
      customsNotifiedAt: i.customsNotifiedAt,
      customsOffice: i.customsOffice,
      closedAt: i.closedAt,
    },
    handling: {
      status: i.status,
      containment: i.containment,
      investigation: i.investigation,
      rootCause: i.rootCause,
      customsNotifiedAt: i.customsNotifiedAt ? localDateTimeInZone(i.customsNotifiedAt, zone) : "",
      customsOffice: i.customsOffice,
    },
    actions: (actions.get(incidentId) ?? []).map((a) => ({ ...a, reference: formatReference("correctiveAction", a.number) })),
    contacts: contacts.map((c) => ({
      id: c.contact.id,
      reference: customsContactReference(c.contact.number),
      contactedOn: c.contact.contactedOn,
      kind: c.contact.kind,
      customsOffice: c.contact.customsOffice,
      subject: c.contact.subject,
    })),
    members: members.map((m) => ({ value: m.userId, label: m.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "incidents.manage");
  const incidentId = uuidParam(params, "incidentId");
  const formData = await readFormData(request);
  const intent = parseIntent(formData, ["update", "action"] as const);
  const values = formDataToObject(formData);
  const zone = auth.organization.timeZone;
  if (intent === "update") {
    const parsed = parseForm(formData, IncidentUpdateSchema);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values }, { status: 400 });
    const result = await updateIncident(auth.db, auth.actor, incidentId, parsed.data, zone);
    if (!result) notFound();
    if (!result.ok) return data({ intent, errors: result.errors, values }, { status: 400 });
    return redirect(`/incidents/${incidentId}?saved=1`);
  }
  const parsed = parseForm(formData, IncidentActionSchema);
  if (!parsed.ok) return data({ intent, errors: parsed.errors, values }, { status: 400 });
  const result = await raiseIncidentAction(auth.db, auth.actor, incidentId, parsed.data, zone);
  if (!result) notFound();
  if (!result.ok) return data({ intent, errors: result.errors, values }, { status: 400 });
  return redirect(`/incidents/${incidentId}?raised=${result.action.number}`);
}

export default function IncidentPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const [search] = useSearchParams();
  const zone = shell.organization.timeZone;
  const i = d.incident;
  const raised = Number(search.get("raised")) || null;
  const rows: [string, string][] = [
    [t("incidents.site"), localized(i, "siteName", i18n.language)],
    [t("incidents.location"), i.location || t("common.notSet")],
    [t("incidents.discoveredAt"), formatDateTime(i.discoveredAt, locale, zone)],
    [t("incidents.discoveredBy"), i.discoveredBy],
    [t("incidents.reportedBy"), i.reportedByName],
    [
      t("incidents.customsNotifiedAt"),
      i.customsNotifiedAt
        ? [formatDateTime(i.customsNotifiedAt, locale, zone), i.customsOffice].filter(Boolean).join(" · ")
        : i.customsRequired
          ? `${t("incidents.customsRequired")}: ${t("incidents.customsNotYet")}`
          : t("incidents.customsNotNeeded"),
    ],
  ];
  if (i.closedAt) rows.push([t("incidents.closedAt"), formatDateTime(i.closedAt, locale, zone)]);
  return (
    <>
      <PageHeader
        title={`${i.reference} ${t(`incidents.kinds.${i.kind}`)}`}
        actions={
          <Link to="/incidents" className={buttonClass("secondary")}>
            {t("incidents.title")}
          </Link>
        }
      />
      <div className="space-y-4">
        {search.get("reported") ? <Alert tone="success">{t("incidents.reported", { reference: i.reference })}</Alert> : null}
        {search.get("saved") ? <Alert tone="success">{t("incidents.updated", { reference: i.reference })}</Alert> : null}
        {raised ? (
          <Alert tone="success">{t("incidents.actionRaised", { reference: i.reference, action: formatReference("correctiveAction", raised) })}</Alert>
        ) : null}
        <Card title={t("incidents.detail.discovery")}>
          <p className="mb-3 flex flex-wrap gap-2">
            <IncidentStatusBadge status={i.status} />
            {i.customsRequired && !i.customsNotifiedAt ? <Badge tone="warn">{t("incidents.customsNotYet")}</Badge> : null}
          </p>
          <DetailList rows={rows}>
            <Detail label={t("incidents.descriptionField")} multiline>
              {i.description}
            </Detail>
          </DetailList>
        </Card>
        <HandlingCard
          canManage={d.canManage}
          handling={d.handling}
          customsRequired={i.customsRequired}
          server={server?.intent === "update" ? server : null}
        />
        <ActionCard canManage={d.canManage} actions={d.actions} members={d.members} server={server?.intent === "action" ? server : null} />
        <Card
          title={t("incidents.detail.contacts")}
          actions={
            d.canManage ? (
              <Link to={`/customs-contacts/new?incident=${i.id}`} className={buttonClass("secondary")}>
                {t("incidents.detail.logContact")}
              </Link>
            ) : null
          }
        >
          {d.contacts.length === 0 ? (
            <p className="text-slate-600">{t("incidents.detail.noContacts")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.contacts.map((c) => (
                <li key={c.id} className="py-2">
                  <Link to={`/customs-contacts/${c.id}`} className="text-brand-700 underline">
                    <span className="mr-2 font-mono text-sm">{c.reference}</span>
                    {c.subject}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {[c.contactedOn, c.customsOffice, t(`customsContacts.kinds.${c.kind}`)].join(" · ")}
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

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { partnerName } from "~/components/partners/partner-badges";
import { Alert } from "~/components/ui/alert";
import { Card, PageHeader } from "~/components/ui/card";
import { assignableMembers } from "~/lib/actions/actions.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { checkUpload, readUploadForm } from "~/lib/evidence/file-store.server";
import { formDataToObject, parseForm, parseIntent } from "~/lib/form.server";
import { todayInZone } from "~/lib/i18n/format";
import { message } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { listClauses } from "~/lib/partners/clauses.server";
import { createContract, listContracts } from "~/lib/partners/contracts.server";
import { prepareExemption, startEvaluation } from "~/lib/partners/evaluation-preparation.server";
import { documentsOf, listEvaluations } from "~/lib/partners/evaluation-queries.server";
import {
  ContactSchema,
  ContractSchema,
  PartnerSchema,
  PartnerSiteSchema,
  StartEvaluationSchema,
  SupervisionSchema,
} from "~/lib/partners/partner-schema";
import { getPartnerPolicy, missingClauses } from "~/lib/partners/partner-policy.server";
import {
  addContact,
  addPartnerSite,
  attachAeoCertificate,
  getPartner,
  listContacts,
  listPartnerSites,
  removePartnerDetail,
  updatePartner,
} from "~/lib/partners/partners.server";
import { listSupervision, recordSupervision } from "~/lib/partners/supervision.server";
import { actionsOfPartner } from "~/lib/actions/action-queries.server";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { isUuid } from "~/lib/value-checks";
import { partnerRights, partnerView } from "~/lib/partners/partner-view.server";
import { ActionsCard } from "./actions-card";
import { AeoCard } from "./aeo-card";
import { ContactsCard } from "./contacts-card";
import { ContractsCard } from "./contracts-card";
import { DocumentsCard } from "./documents-card";
import { EditForm } from "./edit-form";
import { EvaluationsCard } from "./evaluations-card";
import { intents, serverFor, type Intent, type ServerState } from "./forms";
import { SitesCard } from "./sites-card";
import { SummaryCard } from "./summary-card";
import { SupervisionCard } from "./supervision-card";
import type { PageHandle } from "~/root";
import { intentOf } from "~/lib/intent";

export const handle = { i18n: ["organizations", "criteria", "actions", "inspections", "partners"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t, locale) =>
    data ? `${data.partner.reference} · ${partnerName(data.partner, locale === "en")}` : t("partners.title"),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "partners.read");
  const orgId = auth.organization.id;
  const partner = await getPartner(auth.db, orgId, uuidParam(params, "partnerId"));
  if (!partner) notFound();
  const today = todayInZone(auth.organization.timeZone);
  const role = auth.membership.role;
  const [contacts, sites, evaluations, supervision, contracts, policy, documents, clauses, actions, members] = await Promise.all([
    listContacts(auth.db, orgId, partner.id),
    listPartnerSites(auth.db, orgId, partner.id),
    listEvaluations(auth.db, orgId, partner.id),
    listSupervision(auth.db, orgId, partner.id),
    listContracts(auth.db, orgId, partner.id),
    getPartnerPolicy(auth.db, orgId),
    documentsOf(auth.db, orgId, partner.id),
    listClauses(auth.db, orgId),
    actionsOfPartner(auth.db, orgId, partner.id, today),
    partnerRights(role).canManage ? assignableMembers(auth.db, orgId) : Promise.resolve([]),
  ]);
  const missing = (await missingClauses(auth.db, orgId, [partner.id], policy.requiredClauseCodes, today)).get(partner.id) ?? [];
  return partnerView(
    { partner, contacts, sites, evaluations, supervision, contracts, policy, documents, clauses, actions, members, missing },
    role,
    today,
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "partners.manage");
  const partnerId = uuidParam(params, "partnerId");
  // Another organisation's partner is a 404 before its form is read, whatever was posted.
  if (!(await getPartner(auth.db, auth.organization.id, partnerId))) notFound();
  const actor = { ...auth.actor, timeZone: auth.organization.timeZone };
  const form = await readUploadForm(request);
  // A body refused for its size may still say which form it came from, so the error lands there.
  const posted: Intent | null = intentOf(form.formData, intents);
  const refuse = (errors: Record<string, string>, values: Record<string, string | string[]> = {}) =>
    data({ intent: posted, errors, values }, { status: 400 });
  if (!form.ok) return refuse(form.errors, form.values);
  const formData = form.formData;
  const intent = parseIntent(formData, intents);
  const values = formDataToObject(formData);
  const here = `/partners/${partnerId}`;

  switch (intent) {
    case "update": {
      const parsed = parseForm(formData, PartnerSchema);
      if (!parsed.ok) return refuse(parsed.errors, parsed.values);
      const updated = await updatePartner(auth.db, actor, partnerId, parsed.data);
      if (!updated) notFound();
      if (!updated.ok) return refuse(updated.errors, values);
      return redirect(`${here}?saved=1`);
    }
    case "certificate": {
      const upload = await checkUpload(formData.get("file"), { required: true });
      if (!upload.ok || !upload.file) return refuse({ file: upload.ok ? message("files.required") : upload.error });
      if (!(await attachAeoCertificate(auth.db, actor, partnerId, upload.file))) notFound();
      return redirect(`${here}?saved=1#aeo`);
    }
    case "contact": {
      const parsed = parseForm(formData, ContactSchema);
      if (!parsed.ok) return refuse(parsed.errors, parsed.values);
      if (!(await addContact(auth.db, actor, partnerId, parsed.data))) notFound();
      return redirect(`${here}#contacts`);
    }
    case "site": {
      const parsed = parseForm(formData, PartnerSiteSchema);
      if (!parsed.ok) return refuse(parsed.errors, parsed.values);
      if (!(await addPartnerSite(auth.db, actor, partnerId, parsed.data))) notFound();
      return redirect(`${here}#sites`);
    }
    case "removeContact":
    case "removeSite": {
      const id = formData.get("id");
      if (!isUuid(id) || !(await removePartnerDetail(auth.db, actor, partnerId, intent === "removeContact" ? "contact" : "site", id)))
        notFound();
      return redirect(`${here}#${intent === "removeContact" ? "contacts" : "sites"}`);
    }
    case "evaluate": {
      const parsed = parseForm(formData, StartEvaluationSchema);
      if (!parsed.ok) return refuse(parsed.errors, parsed.values);
      const started = await startEvaluation(auth.db, actor, partnerId, parsed.data.role);
      if (!started) notFound();
      if (!started.ok) return refuse(started.errors, values);
      return redirect(`/evaluations/${started.id}`);
    }
    case "exemption": {
      const prepared = await prepareExemption(auth.db, actor, partnerId);
      if (!prepared) notFound();
      if (!prepared.ok) return refuse(prepared.errors, values);
      return redirect(`/evaluations/${prepared.id}`);
    }
    case "supervision": {
      const parsed = parseForm(formData, SupervisionSchema);
      const upload = await checkUpload(formData.get("file"), { required: false });
      if (!parsed.ok || !upload.ok)
        return refuse({ ...(parsed.ok ? {} : parsed.errors), ...(upload.ok ? {} : { file: upload.error }) }, values);
      const recorded = await recordSupervision(auth.db, actor, partnerId, parsed.data, upload.file);
      if (!recorded) notFound();
      if (!recorded.ok) return refuse(recorded.errors, values);
      return redirect(`${here}?supervised=1#supervision`);
    }
    case "contract": {
      const parsed = parseForm(formData, ContractSchema);
      const upload = await checkUpload(formData.get("file"), { required: false });
      if (!parsed.ok || !upload.ok)
        return refuse({ ...(parsed.ok ? {} : parsed.errors), ...(upload.ok ? {} : { file: upload.error }) }, values);
      const created = await createContract(auth.db, actor, partnerId, parsed.data, upload.file);
      if (!created) notFound();
      if (!created.ok) return refuse(created.errors, values);
      return redirect(`/contracts/${created.id}?created=1`);
    }
  }
}

export default function PartnerPage() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>() as ServerState;
  const [search] = useSearchParams();
  // A notice of the last success goes once a later post was answered (refused, or a link shown).
  const notice = (key: string) => !server && search.get(key) === "1";
  const en = i18n.language === "en";
  const p = d.partner;
  return (
    <>
      <PageHeader
        title={
          <>
            <span className="mr-2 font-mono text-lg font-semibold text-slate-500">{p.reference}</span>
            {partnerName(p, en)}
          </>
        }
        description={partnerName(p, !en) !== partnerName(p, en) ? partnerName(p, !en) : undefined}
        actions={
          <Link to="/partners" className="text-sm text-brand-700 underline">
            {t("partners.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {notice("created") ? <Alert tone="success">{t("partners.created")}</Alert> : null}
        {notice("saved") ? <Alert tone="success">{t("common.saved")}</Alert> : null}
        {notice("supervised") ? <Alert tone="success">{t("partners.supervisionSaved")}</Alert> : null}
        {p.status === "rejected" ? (
          <Alert tone="error" title={t("partners.rejectedTitle")}>
            {t("partners.rejectedBody")}
          </Alert>
        ) : null}
        <SummaryCard d={d} />

        <AeoCard d={d} server={server} />

        <EvaluationsCard d={d} server={server} />

        <ContractsCard d={d} server={server} />

        <SupervisionCard d={d} server={server} />

        <ActionsCard d={d} />

        <div className="grid gap-4 lg:grid-cols-2">
          <ContactsCard d={d} server={server} />
          <SitesCard d={d} server={server} />
        </div>

        {d.documents.length ? <DocumentsCard d={d} /> : null}

        {d.canManage ? (
          <Card title={t("partners.editTitle")}>
            <EditForm d={d} server={serverFor(server, "update")} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { FileDownloadLink } from "~/components/evidence/file-download";
import { CheckboxGroupField, FileField, fileInputClass, SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { ConditionFields } from "~/components/partners/condition-fields";
import { decisionTone, PartnerFields, partnerName, PartnerStatusBadges } from "~/components/partners/partner-fields";
import { Alert } from "~/components/ui/alert";
import { useHydrated } from "~/components/ui/use-hydrated";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { assignableMembers } from "~/lib/actions/actions.server";
import { actionReference } from "~/lib/assessments/result-labels";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { acceptAttribute, allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";
import { checkUpload, readUploadForm } from "~/lib/evidence/file-store.server";
import { formDataToObject, parseForm } from "~/lib/form.server";
import { formatCalendarDate, todayInZone } from "~/lib/i18n/format";
import { message, translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { listClauses } from "~/lib/partners/clauses.server";
import { createContract, listContracts } from "~/lib/partners/contracts.server";
import { countryName, countryOptions } from "~/lib/partners/countries";
import { prepareExemption, startEvaluation } from "~/lib/partners/evaluation-preparation.server";
import { documentsOf, listEvaluations } from "~/lib/partners/evaluation-queries.server";
import { evaluationReference, partnerReference } from "~/lib/partners/partner-references";
import {
  ContactSchema,
  ContractSchema,
  PartnerSchema,
  PartnerSiteSchema,
  StartEvaluationSchema,
  SupervisionSchema,
  supervisionKinds,
} from "~/lib/partners/partner-schema";
import {
  addContact,
  addPartnerSite,
  attachAeoCertificate,
  getPartner,
  getPartnerPolicy,
  listContacts,
  listPartnerSites,
  missingClauses,
  removePartnerDetail,
  updatePartner,
} from "~/lib/partners/partners.server";
import { listSupervision, recordSupervision } from "~/lib/partners/supervision.server";
import { actionsOfPartner } from "~/lib/actions/actions.server";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { isUuid } from "~/lib/value-checks";

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
    can(role, "partners.manage") ? assignableMembers(auth.db, orgId) : Promise.resolve([]),
  ]);
  const missing = (await missingClauses(auth.db, orgId, [partner.id], policy.requiredClauseCodes, today)).get(partner.id) ?? [];
  const certificate = documents.find((d) => d.file.id === partner.aeoCertificateFileId)?.file ?? null;
  return {
    today,
    partner: {
      ...partner,
      reference: partnerReference(partner.number),
      annualVolumeCny: partner.annualVolumeCny,
    },
    certificate: certificate ? { id: certificate.id, name: certificate.originalName, sha256: certificate.sha256 } : null,
    contacts,
    sites,
    evaluations: evaluations.map((e) => ({
      id: e.id,
      reference: evaluationReference(e.number),
      kind: e.kind,
      role: e.role,
      status: e.status,
      decision: e.decision,
      score: e.score,
      tier: e.tier,
      decidedAt: e.decidedAt,
      createdAt: e.createdAt,
    })),
    supervision: supervision.map(({ check, performedByName }) => ({ ...check, performedByName })),
    contracts: contracts.map((c) => ({
      id: c.id,
      contractNumber: c.contractNumber,
      title: c.title,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      acknowledgedOn: c.acknowledgedOn,
      clauseCodes: c.clauseCodes,
    })),
    missingClauses: missing,
    requiredClauses: policy.requiredClauseCodes,
    clauses: clauses.map((c) => ({
      id: c.id,
      code: c.code,
      version: c.version,
      titleZh: c.titleZh,
      titleEn: c.titleEn,
      // Required of this partner: named in the rules and written for one of its roles (or for all).
      required:
        policy.requiredClauseCodes.includes(c.code) &&
        (c.roles.length === 0 || c.roles.some((r) => (partner.roles as string[]).includes(r))),
    })),
    documents: documents.map(({ document, file }) => ({
      id: document.id,
      source: document.source,
      questionKey: document.questionKey,
      fileId: file.id,
      name: file.originalName,
      sha256: file.sha256,
    })),
    actions,
    members: members.map((m) => ({ userId: m.userId, name: m.name })),
    canManage: can(role, "partners.manage"),
  };
}

type Intent =
  "update" | "certificate" | "contact" | "removeContact" | "site" | "removeSite" | "evaluate" | "exemption" | "supervision" | "contract";

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "partners.manage");
  const partnerId = uuidParam(params, "partnerId");
  // Another organisation's partner is a 404 before its form is read, whatever was posted.
  if (!(await getPartner(auth.db, auth.organization.id, partnerId))) notFound();
  const actor = { organizationId: auth.organization.id, userId: auth.user.id, timeZone: auth.organization.timeZone };
  const form = await readUploadForm(request);
  const intent = (form.formData?.get("intent") ?? null) as Intent | null;
  const refuse = (errors: Record<string, string>, values: Record<string, string | string[]> = {}) =>
    data({ intent, errors, values }, { status: 400 });
  if (!form.ok) return refuse(form.errors, form.values);
  const formData = form.formData;
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
    default:
      return refuse({ form: message("errors.invalid") });
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ServerState =
  { intent?: string | null; errors?: Record<string, string | undefined>; values?: Record<string, string | string[]> } | undefined;

/** The action's answer for one form of the page, so each form shows only its own errors. */
function serverFor(server: ServerState, intent: Intent) {
  return server?.intent === intent ? server : null;
}

export default function PartnerPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>() as ServerState;
  const [search] = useSearchParams();
  // A notice of the last success goes once a later post was answered (refused, or a link shown).
  const notice = (key: string) => !server && search.get(key) === "1";
  const en = i18n.language === "en";
  const p = d.partner;
  const overdue = p.nextEvaluationOn !== null && p.nextEvaluationOn < d.today;
  const openEvaluation = d.evaluations.find((e) => e.status !== "decided");
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
        <Card>
          <div className="flex flex-wrap items-center gap-2">
            <PartnerStatusBadges status={p.status} tier={p.riskTier} exempt={p.exempt} />
            {d.missingClauses.length && p.status !== "rejected" ? (
              <Badge tone="warn">{t("partners.clausesMissing", { count: d.missingClauses.length })}</Badge>
            ) : null}
          </div>
          <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <Row label={t("partners.country")} value={countryName(p.countryCode, locale)} />
            <Row
              label={p.uscc ? t("partners.uscc") : t("partners.foreignRegistration")}
              value={<span className="font-mono">{p.uscc ?? p.foreignRegistrationNumber ?? "—"}</span>}
            />
            <Row label={t("partners.roles")} value={p.roles.map((r) => t(`partners.role.${r}`)).join(t("common.listSeparator"))} />
            {p.countryCode === "CN" ? <Row label={t("partners.customsCredit")} value={t(`partners.credit.${p.customsCredit}`)} /> : null}
            <Row
              label={t("partners.nextEvaluationLabel")}
              value={
                p.nextEvaluationOn ? (
                  <span className={overdue ? "font-semibold text-red-700" : undefined}>
                    {formatCalendarDate(p.nextEvaluationOn, locale)}
                    {overdue ? ` · ${t("partners.overdue")}` : ""}
                  </span>
                ) : (
                  t("partners.neverEvaluated")
                )
              }
            />
            <Row label={t("partners.lastEvaluated")} value={p.lastEvaluatedOn ? formatCalendarDate(p.lastEvaluatedOn, locale) : "—"} />
            {p.annualVolumeCny !== null ? (
              <Row label={t("partners.annualVolume")} value={new Intl.NumberFormat(locale).format(p.annualVolumeCny)} />
            ) : null}
          </dl>
          {p.notes ? <p className="mt-3 whitespace-pre-line text-sm text-slate-700">{p.notes}</p> : null}
        </Card>

        <Card title={t("partners.aeoTitle")}>
          <div id="aeo" className="space-y-3">
            {p.aeoProgramme === "none" ? (
              <p className="text-slate-600">{t("partners.noAeo")}</p>
            ) : (
              <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
                <Row
                  label={t("partners.aeoProgramme")}
                  value={
                    p.aeoProgramme === "other_mra"
                      ? (p.aeoProgrammeName ?? t("partners.aeo.other_mra"))
                      : t(`partners.aeo.${p.aeoProgramme}`)
                  }
                />
                <Row label={t("partners.aeoCertificate")} value={<span className="font-mono">{p.aeoCertificateNumber ?? "—"}</span>} />
                <Row
                  label={t("partners.aeoValidUntil")}
                  value={
                    p.aeoValidUntil ? (
                      <span className={p.aeoValidUntil < d.today ? "font-semibold text-red-700" : undefined}>
                        {formatCalendarDate(p.aeoValidUntil, locale)}
                      </span>
                    ) : (
                      "—"
                    )
                  }
                />
                <div className="sm:col-span-3">
                  <dt className="text-slate-500">{t("partners.certificateFile")}</dt>
                  <dd>
                    {d.certificate ? (
                      <span className="block">
                        <FileDownloadLink fileId={d.certificate.id} name={d.certificate.name} label={d.certificate.name} />
                        <span className="block break-all font-mono text-xs text-slate-500">SHA-256 {d.certificate.sha256}</span>
                      </span>
                    ) : (
                      <span className="text-amber-800">{t("partners.noCertificateFile")}</span>
                    )}
                  </dd>
                </div>
              </dl>
            )}
            {d.canManage && p.aeoProgramme !== "none" ? <CertificateForm server={serverFor(server, "certificate")} /> : null}
          </div>
        </Card>

        <Card title={t("partners.evaluationsTitle", { count: d.evaluations.length })}>
          {d.evaluations.length === 0 ? (
            <p className="text-slate-600">{t("partners.noEvaluations")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.evaluations.map((e) => (
                <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link to={`/evaluations/${e.id}`} className="text-brand-700 underline">
                    <span className="mr-2 font-mono text-sm">{e.reference}</span>
                    {e.kind === "exemption" ? t("partners.exemption") : t(`partners.role.${e.role}`)}
                  </Link>
                  <span className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                    {e.score !== null ? t("partners.scoreValue", { score: e.score }) : null}
                    {e.tier ? (
                      <Badge tone={e.tier === "low" ? "good" : e.tier === "medium" ? "warn" : "bad"}>{t(`partners.tier.${e.tier}`)}</Badge>
                    ) : null}
                    <Badge tone={e.decision ? decisionTone[e.decision] : "warn"}>
                      {e.decision ? t(`partners.decision.${e.decision}`) : t(`partners.evaluationStatus.${e.status}`)}
                    </Badge>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {d.canManage && !openEvaluation ? (
            <StartEvaluation d={d} server={serverFor(server, "evaluate") ?? serverFor(server, "exemption")} />
          ) : null}
          {openEvaluation ? (
            <p className="mt-3 text-sm text-slate-600">
              {t("partners.openEvaluation")}{" "}
              <Link to={`/evaluations/${openEvaluation.id}`} className="text-brand-700 underline">
                {openEvaluation.reference}
              </Link>
            </p>
          ) : null}
        </Card>

        <Card title={t("partners.contractsTitle", { count: d.contracts.length })}>
          <div id="contracts" className="space-y-3">
            {d.missingClauses.length ? (
              <Alert tone="warning" title={t("partners.clausesMissingTitle")}>
                {d.missingClauses
                  .map((code) => {
                    const clause = d.clauses.find((c) => c.code === code);
                    return clause ? (en ? clause.titleEn : clause.titleZh) : code;
                  })
                  .join(t("common.listSeparator"))}
              </Alert>
            ) : d.requiredClauses.length ? (
              <p className="text-sm text-green-800">{t("partners.clausesComplete")}</p>
            ) : null}
            {d.contracts.length ? (
              <ul className="divide-y divide-slate-100">
                {d.contracts.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <Link to={`/contracts/${c.id}`} className="text-brand-700 underline">
                      <span className="mr-2 font-mono text-sm">{c.contractNumber}</span>
                      {c.title}
                    </Link>
                    <span className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                      {formatCalendarDate(c.startsOn, locale)}
                      {c.endsOn ? ` – ${formatCalendarDate(c.endsOn, locale)}` : ""}
                      <Badge tone={c.acknowledgedOn ? "good" : "warn"}>
                        {c.acknowledgedOn
                          ? t("partners.acknowledgedOn", { date: formatCalendarDate(c.acknowledgedOn, locale) })
                          : t("partners.notAcknowledged")}
                      </Badge>
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-600">{t("partners.noContracts")}</p>
            )}
            {d.canManage ? <ContractForm d={d} server={serverFor(server, "contract")} /> : null}
          </div>
        </Card>

        <Card title={t("partners.supervisionTitle", { count: d.supervision.length })}>
          <div id="supervision" className="space-y-3">
            {d.supervision.length ? (
              <ul className="divide-y divide-slate-100">
                {d.supervision.map((s) => (
                  <li key={s.id} className="py-2">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <span className="font-medium text-slate-900">
                        {t(`partners.supervisionKind.${s.kind}`)} · {formatCalendarDate(s.performedOn, locale)}
                      </span>
                      <Badge tone={s.result === "findings" ? "warn" : "good"}>{t(`partners.supervisionResult.${s.result}`)}</Badge>
                    </div>
                    <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{s.summary}</p>
                    <p className="text-xs text-slate-500">{s.performedByName}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-600">{t("partners.noSupervision")}</p>
            )}
            {d.canManage ? <SupervisionForm d={d} server={serverFor(server, "supervision")} /> : null}
          </div>
        </Card>

        <Card title={t("partners.actionsTitle", { count: d.actions.length })}>
          {d.actions.length ? (
            <ul className="divide-y divide-slate-100">
              {d.actions.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link to={`/actions/${a.id}`} className="text-brand-700 underline">
                    <span className="mr-2 font-mono text-sm">{actionReference(a.number)}</span>
                    {a.title}
                  </Link>
                  <span className="flex items-center gap-2 text-sm text-slate-600">
                    {formatCalendarDate(a.dueOn, locale)}
                    <Badge tone={a.overdue ? "bad" : a.status === "done" ? "good" : "neutral"}>{t(`actions.status.${a.status}`)}</Badge>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-600">{t("partners.noActions")}</p>
          )}
        </Card>

        <div className="grid gap-4 lg:grid-cols-2">
          <Card title={t("partners.contactsTitle", { count: d.contacts.length })}>
            <div id="contacts" className="space-y-3">
              <ul className="divide-y divide-slate-100">
                {d.contacts.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
                    <span>
                      <span className="font-medium text-slate-900">{c.name}</span>
                      {c.position ? ` · ${c.position}` : ""}
                      <span className="block text-slate-600">{[c.email, c.phone].filter(Boolean).join(" · ")}</span>
                    </span>
                    {d.canManage ? <RemoveButton intent="removeContact" id={c.id} /> : null}
                  </li>
                ))}
              </ul>
              {d.canManage ? <ContactForm server={serverFor(server, "contact")} /> : null}
            </div>
          </Card>
          <Card title={t("partners.sitesTitle", { count: d.sites.length })}>
            <div id="sites" className="space-y-3">
              <ul className="divide-y divide-slate-100">
                {d.sites.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
                    <span>
                      <span className="font-medium text-slate-900">{s.name}</span>
                      <span className="block text-slate-600">
                        {s.address} · {countryName(s.countryCode, locale)}
                      </span>
                    </span>
                    {d.canManage ? <RemoveButton intent="removeSite" id={s.id} /> : null}
                  </li>
                ))}
              </ul>
              {d.canManage ? <SiteForm server={serverFor(server, "site")} /> : null}
            </div>
          </Card>
        </div>

        {d.documents.length ? (
          <Card title={t("partners.documentsTitle", { count: d.documents.length })}>
            <ul className="divide-y divide-slate-100">
              {d.documents.map((doc) => (
                <li key={doc.id} className="py-2 text-sm">
                  <FileDownloadLink fileId={doc.fileId} name={doc.name} label={doc.name} />
                  <span className="ml-2 text-slate-500">{doc.source === "link" ? t("partners.fromPartner") : t("partners.fromUs")}</span>
                  <span className="block break-all font-mono text-xs text-slate-500">SHA-256 {doc.sha256}</span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        {d.canManage ? (
          <Card title={t("partners.editTitle")}>
            <EditForm d={d} server={serverFor(server, "update")} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

function Row(props: { label: string; value: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500">{props.label}</dt>
      <dd className="break-words text-slate-900">{props.value}</dd>
    </div>
  );
}

function RemoveButton(props: { intent: "removeContact" | "removeSite"; id: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="id" value={props.id} />
      <button type="submit" className="min-h-9 text-sm font-medium text-red-700 underline">
        {t("partners.remove")}
      </button>
    </Form>
  );
}

function Submit(props: { children: ReactNode; variant?: "primary" | "secondary" }) {
  const navigation = useNavigation();
  return (
    <Button type="submit" variant={props.variant} disabled={navigation.state === "submitting"}>
      {props.children}
    </Button>
  );
}

function FormAlert(props: { rejected: boolean; formError: string | undefined }) {
  const { t } = useTranslation();
  return props.rejected ? <Alert tone="error">{props.formError ?? t("errors.fixBelow")}</Alert> : null;
}

function EditForm(props: { d: LoaderData; server: ServerState | null }) {
  const { t } = useTranslation();
  const p = props.d.partner;
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(PartnerSchema, {
    server: props.server,
    defaults: {
      intent: "update",
      legalNameZh: p.legalNameZh,
      legalNameEn: p.legalNameEn,
      countryCode: p.countryCode,
      uscc: p.uscc ?? "",
      foreignRegistrationNumber: p.foreignRegistrationNumber ?? "",
      roles: p.roles,
      customsCredit: p.customsCredit,
      aeoProgramme: p.aeoProgramme,
      aeoProgrammeName: p.aeoProgrammeName ?? "",
      aeoCertificateNumber: p.aeoCertificateNumber ?? "",
      aeoValidUntil: p.aeoValidUntil ?? "",
      annualVolumeCny: p.annualVolumeCny === null ? "" : String(p.annualVolumeCny),
      notes: p.notes,
    },
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
      <FormAlert rejected={rejected} formError={formError} />
      <input type="hidden" name="intent" value="update" />
      <PartnerFields form={form} values={values} errorOf={errorOf} />
      <Submit>{t("common.save")}</Submit>
    </Form>
  );
}

function CertificateForm(props: { server: ServerState | null }) {
  const { t } = useTranslation();
  const error = props.server?.errors?.file;
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-2 border-t border-slate-100 pt-3">
      <input type="hidden" name="intent" value="certificate" />
      <label htmlFor="certificate-file" className="block text-sm font-medium text-slate-800">
        {t("partners.uploadCertificate")}
      </label>
      <input
        id="certificate-file"
        name="file"
        type="file"
        accept={acceptAttribute}
        aria-invalid={error ? true : undefined}
        className={fileInputClass}
      />
      <p className="text-sm text-slate-500">{t("files.limitHint", { max: MAX_UPLOAD_MB, formats: allowedFormatsLabel })}</p>
      {error ? <p className="text-sm font-medium text-red-700">{translateMessage(t, error)}</p> : null}
      <Submit variant="secondary">{t("partners.uploadCertificateSubmit")}</Submit>
    </Form>
  );
}

function StartEvaluation(props: { d: LoaderData; server: ServerState | null }) {
  const { t } = useTranslation();
  const p = props.d.partner;
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(StartEvaluationSchema, {
    server: props.server,
    defaults: { intent: "evaluate", role: p.roles[0] },
  });
  const exemptionPossible =
    p.aeoProgramme !== "none" && props.d.certificate !== null && p.aeoValidUntil !== null && p.aeoValidUntil >= props.d.today;
  return (
    <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
      <FormAlert rejected={rejected} formError={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <input type="hidden" value="evaluate" {...form.register("intent")} />
        <div className="min-w-56">
          <SelectField
            form={form}
            values={values}
            name="role"
            idPrefix="evaluate-"
            label={t("partners.evaluateAs")}
            options={p.roles.map((r) => ({ value: r, label: t(`partners.role.${r}`) }))}
            error={errorOf("role")}
          />
        </div>
        <Submit>{t("partners.startEvaluation")}</Submit>
      </Form>
      {exemptionPossible ? (
        <Form method="post" className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="intent" value="exemption" />
          <Submit variant="secondary">{t("partners.prepareExemption")}</Submit>
          <span className="text-sm text-slate-600">{t("partners.exemptionHint")}</span>
        </Form>
      ) : p.aeoProgramme !== "none" ? (
        <p className="text-sm text-slate-600">{t("partners.exemptionNotYet")}</p>
      ) : null}
    </div>
  );
}

function ContactForm(props: { server: ServerState | null }) {
  const { t } = useTranslation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(ContactSchema, {
    server: props.server,
    defaults: { intent: "contact" },
  });
  const field = { form, values, idPrefix: "contact-" };
  return (
    <details className="rounded-md border border-slate-200 p-3" open={rejected || undefined}>
      <summary className="min-h-9 cursor-pointer font-medium text-brand-700">{t("partners.addContact")}</summary>
      <Form method="post" noValidate onSubmit={onSubmit} className="mt-3 grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <FormAlert rejected={rejected} formError={formError} />
        </div>
        <input type="hidden" value="contact" {...form.register("intent")} />
        <TextField {...field} name="name" label={t("partners.contactName")} error={errorOf("name")} />
        <TextField {...field} name="position" label={t("partners.contactPosition")} error={errorOf("position")} />
        <TextField {...field} name="email" type="email" label={t("fields.email")} error={errorOf("email")} />
        <TextField {...field} name="phone" type="tel" label={t("partners.contactPhone")} error={errorOf("phone")} />
        <div className="sm:col-span-2">
          <Submit variant="secondary">{t("partners.addContactSubmit")}</Submit>
        </div>
      </Form>
    </details>
  );
}

function SiteForm(props: { server: ServerState | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(PartnerSiteSchema, {
    server: props.server,
    defaults: { intent: "site", countryCode: "CN" },
  });
  const field = { form, values, idPrefix: "site-" };
  return (
    <details className="rounded-md border border-slate-200 p-3" open={rejected || undefined}>
      <summary className="min-h-9 cursor-pointer font-medium text-brand-700">{t("partners.addSite")}</summary>
      <Form method="post" noValidate onSubmit={onSubmit} className="mt-3 space-y-3">
        <FormAlert rejected={rejected} formError={formError} />
        <input type="hidden" value="site" {...form.register("intent")} />
        <TextField {...field} name="name" label={t("partners.siteName")} error={errorOf("name")} />
        <TextField {...field} name="address" label={t("fields.address")} error={errorOf("address")} />
        <SelectField
          {...field}
          name="countryCode"
          label={t("partners.country")}
          options={countryOptions(locale)}
          error={errorOf("countryCode")}
        />
        <Submit variant="secondary">{t("partners.addSiteSubmit")}</Submit>
      </Form>
    </details>
  );
}

function SupervisionForm(props: { d: LoaderData; server: ServerState | null }) {
  const { t } = useTranslation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(SupervisionSchema, {
    server: props.server,
    defaults: { intent: "supervision", kind: "document_review", result: "satisfactory", performedOn: props.d.today },
  });
  const field = { form, values, idPrefix: "supervision-" };
  const findings = (form.watch("result") ?? values.result) === "findings";
  const hydrated = useHydrated();
  return (
    <details className="rounded-md border border-slate-200 p-3" open={rejected || undefined}>
      <summary className="min-h-9 cursor-pointer font-medium text-brand-700">{t("partners.recordSupervision")}</summary>
      <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="mt-3 space-y-3">
        <FormAlert rejected={rejected} formError={formError} />
        <input type="hidden" value="supervision" {...form.register("intent")} />
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            {...field}
            name="kind"
            label={t("partners.supervisionKindLabel")}
            options={supervisionKinds.map((k) => ({ value: k, label: t(`partners.supervisionKind.${k}`) }))}
            error={errorOf("kind")}
          />
          <TextField {...field} name="performedOn" type="date" label={t("partners.performedOn")} error={errorOf("performedOn")} />
          <SelectField
            {...field}
            name="result"
            label={t("partners.supervisionResultLabel")}
            options={(["satisfactory", "findings"] as const).map((r) => ({ value: r, label: t(`partners.supervisionResult.${r}`) }))}
            error={errorOf("result")}
          />
        </div>
        <TextAreaField
          {...field}
          name="summary"
          label={t("partners.supervisionSummary")}
          hint={t("partners.supervisionSummaryHint")}
          error={errorOf("summary")}
        />
        <FileField
          form={form}
          name="file"
          idPrefix="supervision-"
          label={t("partners.supervisionFile")}
          hint={t("files.limitHint", { max: MAX_UPLOAD_MB, formats: allowedFormatsLabel })}
          accept={acceptAttribute}
          error={errorOf("file")}
        />
        {!hydrated || findings ? (
          <ConditionFields form={form} values={values} errorOf={errorOf} members={props.d.members} idPrefix="supervision-" />
        ) : null}
        <Submit>{t("partners.saveSupervision")}</Submit>
      </Form>
    </details>
  );
}

function ContractForm(props: { d: LoaderData; server: ServerState | null }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(ContractSchema, {
    server: props.server,
    defaults: { intent: "contract", startsOn: props.d.today, clauseIds: props.d.clauses.filter((c) => c.required).map((c) => c.id) },
  });
  const field = { form, values, idPrefix: "contract-" };
  return (
    <details className="rounded-md border border-slate-200 p-3" open={rejected || undefined}>
      <summary className="min-h-9 cursor-pointer font-medium text-brand-700">{t("partners.addContract")}</summary>
      <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="mt-3 space-y-3">
        <FormAlert rejected={rejected} formError={formError} />
        <input type="hidden" value="contract" {...form.register("intent")} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField {...field} name="contractNumber" label={t("partners.contractNumber")} error={errorOf("contractNumber")} />
          <TextField {...field} name="title" label={t("partners.contractTitle")} error={errorOf("title")} />
          <TextField {...field} name="startsOn" type="date" label={t("partners.startsOn")} error={errorOf("startsOn")} />
          <TextField {...field} name="endsOn" type="date" label={t("partners.endsOn")} error={errorOf("endsOn")} />
        </div>
        <CheckboxGroupField
          {...field}
          name="clauseIds"
          label={t("partners.contractClauses")}
          hint={t("partners.contractClausesHint")}
          options={props.d.clauses.map((c) => ({
            value: c.id,
            label: `${en ? c.titleEn : c.titleZh} (v${c.version})${c.required ? ` · ${t("partners.requiredClause")}` : ""}`,
          }))}
          error={errorOf("clauseIds")}
        />
        <FileField
          form={form}
          name="file"
          idPrefix="contract-"
          label={t("partners.contractFile")}
          hint={t("files.limitHint", { max: MAX_UPLOAD_MB, formats: allowedFormatsLabel })}
          accept={acceptAttribute}
          error={errorOf("file")}
        />
        <Submit>{t("partners.saveContract")}</Submit>
      </Form>
    </details>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { FileDownloadLink } from "~/components/evidence/file-download";
import { FileField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { partnerName, PartnerStatusBadges } from "~/components/partners/partner-badges";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { acceptAttribute, allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";
import { checkUpload, readUploadForm } from "~/lib/evidence/file-store.server";
import { formDataToObject, parseForm } from "~/lib/form.server";
import { formatCalendarDate, todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { acknowledgeContract, getContract } from "~/lib/partners/contracts.server";
import { AcknowledgementSchema } from "~/lib/partners/partner-schema";
import { partnerReference } from "~/lib/partners/partner-references";
import { getPartnerPolicy } from "~/lib/partners/partner-policy.server";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["criteria", "inspections", "partners"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? `${data.contract.contractNumber} · ${data.contract.title}` : t("partners.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "partners.read");
  const found = await getContract(auth.db, auth.organization.id, uuidParam(params, "contractId"));
  if (!found || !found.partner) notFound();
  const policy = await getPartnerPolicy(auth.db, auth.organization.id);
  const { contract, partner, clauses, files } = found;
  const fileInfo = (id: string | null) => {
    const file = files.find((f) => f.id === id);
    return file ? { id: file.id, name: file.originalName, sha256: file.sha256 } : null;
  };
  const included = new Set(clauses.map((c) => c.code));
  return {
    today: todayInZone(auth.organization.timeZone),
    contract: {
      id: contract.id,
      contractNumber: contract.contractNumber,
      title: contract.title,
      startsOn: contract.startsOn,
      endsOn: contract.endsOn,
      acknowledgedOn: contract.acknowledgedOn,
      acknowledgedBy: contract.acknowledgedBy,
      file: fileInfo(contract.fileId),
      acknowledgementFile: fileInfo(contract.acknowledgementFileId),
    },
    partner: {
      id: partner.id,
      reference: partnerReference(partner.number),
      legalNameZh: partner.legalNameZh,
      legalNameEn: partner.legalNameEn,
      status: partner.status,
      riskTier: partner.riskTier,
      exempt: partner.exempt,
    },
    clauses: clauses.map((c) => ({
      id: c.id,
      code: c.code,
      version: c.version,
      own: c.organizationId !== null,
      titleZh: c.titleZh,
      titleEn: c.titleEn,
      textZh: c.textZh,
      textEn: c.textEn,
      required: policy.requiredClauseCodes.includes(c.code),
    })),
    missingRequired: policy.requiredClauseCodes.filter((code) => !included.has(code)),
    canManage: can(auth.membership.role, "partners.manage"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "partners.manage");
  const contractId = uuidParam(params, "contractId");
  if (!(await getContract(auth.db, auth.organization.id, contractId))) notFound();
  const form = await readUploadForm(request);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const parsed = parseForm(form.formData, AcknowledgementSchema);
  const upload = await checkUpload(form.formData.get("file"), { required: false });
  if (!parsed.ok || !upload.ok) {
    return data(
      {
        errors: { ...(parsed.ok ? {} : parsed.errors), ...(upload.ok ? {} : { file: upload.error }) },
        values: formDataToObject(form.formData),
      },
      { status: 400 },
    );
  }
  const actor = { ...auth.actor, timeZone: auth.organization.timeZone };
  const done = await acknowledgeContract(auth.db, actor, contractId, parsed.data, upload.file);
  if (!done) notFound();
  if (!done.ok) return data({ errors: done.errors, values: formDataToObject(form.formData) }, { status: 400 });
  return redirect(`/contracts/${contractId}?acknowledged=1`);
}

export default function ContractPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const answered = useActionData<typeof action>();
  // A notice of the last success goes once a later post was answered (refused, or a link shown).
  const notice = (key: string) => !answered && search.get(key) === "1";
  const en = i18n.language === "en";
  const c = d.contract;
  const ended = c.endsOn !== null && c.endsOn < d.today;
  return (
    <>
      <PageHeader
        title={
          <>
            <span className="mr-2 font-mono text-lg font-semibold text-slate-500">{c.contractNumber}</span>
            {c.title}
          </>
        }
        description={
          <Link to={`/partners/${d.partner.id}#contracts`} className="text-brand-700 underline">
            {d.partner.reference} {partnerName(d.partner, en)}
          </Link>
        }
      />
      <div className="space-y-4">
        {notice("created") ? <Alert tone="success">{t("partners.contractCreated")}</Alert> : null}
        {notice("acknowledged") ? <Alert tone="success">{t("partners.acknowledgedNotice")}</Alert> : null}
        {d.partner.status === "rejected" ? <Alert tone="error">{t("partners.rejectedBody")}</Alert> : null}
        <Card>
          <div className="flex flex-wrap items-center gap-2">
            <PartnerStatusBadges status={d.partner.status} tier={d.partner.riskTier} exempt={d.partner.exempt} />
            <Badge tone={c.acknowledgedOn ? "good" : "warn"}>
              {c.acknowledgedOn
                ? t("partners.acknowledgedOn", { date: formatCalendarDate(c.acknowledgedOn, locale) })
                : t("partners.notAcknowledged")}
            </Badge>
            {ended ? <Badge tone="bad">{t("partners.contractEnded")}</Badge> : null}
          </div>
          <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            <Row label={t("partners.startsOn")} value={formatCalendarDate(c.startsOn, locale)} />
            <Row label={t("partners.endsOn")} value={c.endsOn ? formatCalendarDate(c.endsOn, locale) : t("partners.openEnded")} />
            {c.acknowledgedBy ? <Row label={t("partners.signatory")} value={c.acknowledgedBy} /> : null}
            <Row label={t("partners.contractFile")} value={c.file ? <FileLine file={c.file} /> : "—"} />
            {c.acknowledgementFile ? (
              <Row label={t("partners.acknowledgementFile")} value={<FileLine file={c.acknowledgementFile} />} />
            ) : null}
          </dl>
          {d.missingRequired.length ? (
            <p className="mt-3 text-sm text-amber-800">{t("partners.contractMissingRequired", { count: d.missingRequired.length })}</p>
          ) : null}
        </Card>
        <Card title={t("partners.contractClausesTitle", { count: d.clauses.length })}>
          <ol className="space-y-4">
            {d.clauses.map((clause) => (
              <li key={clause.id} className="rounded-md border border-slate-200 p-3">
                <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                  <Link to={`/clauses/${clause.id}`} className="text-brand-700 underline">
                    {localized(clause, "title", i18n.language)}
                  </Link>
                  <Badge>{t("partners.clauseVersion", { version: clause.version })}</Badge>
                  {clause.required ? <Badge tone="brand">{t("partners.requiredClause")}</Badge> : null}
                </p>
                <p className="mt-2 whitespace-pre-line text-sm text-slate-800">{clause.textZh}</p>
                <p className="mt-2 whitespace-pre-line text-sm text-slate-600">{clause.textEn}</p>
              </li>
            ))}
          </ol>
        </Card>
        {!c.acknowledgedOn && d.canManage ? (
          <Card title={t("partners.acknowledgeTitle")}>
            <AcknowledgeForm today={d.today} />
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

function FileLine(props: { file: { id: string; name: string; sha256: string } }) {
  return (
    <span className="block">
      <FileDownloadLink fileId={props.file.id} name={props.file.name} label={props.file.name} />
      <span className="block break-all font-mono text-xs text-slate-500">SHA-256 {props.file.sha256}</span>
    </span>
  );
}

function AcknowledgeForm(props: { today: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const server = useActionData<typeof action>();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(AcknowledgementSchema, {
    server,
    defaults: { intent: "acknowledge", acknowledgedOn: props.today },
  });
  const names = fields(AcknowledgementSchema);
  const field = { form, values };
  return (
    <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="space-y-3">
      {rejected ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
      <p className="text-sm text-slate-600">{t("partners.acknowledgeHint")}</p>
      <input type="hidden" value="acknowledge" {...form.register(names.intent)} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          {...field}
          name={names.acknowledgedOn}
          type="date"
          label={t("partners.acknowledgedOnLabel")}
          error={errorOf(names.acknowledgedOn)}
        />
        <TextField
          {...field}
          name={names.acknowledgedBy}
          label={t("partners.signatory")}
          hint={t("partners.signatoryHint")}
          error={errorOf(names.acknowledgedBy)}
        />
      </div>
      <FileField
        form={form}
        name="file"
        label={t("partners.acknowledgementFile")}
        hint={t("files.limitHint", { max: MAX_UPLOAD_MB, formats: allowedFormatsLabel })}
        accept={acceptAttribute}
        error={errorOf("file")}
      />
      <Button type="submit" disabled={navigation.state === "submitting"}>
        {t("partners.acknowledgeSubmit")}
      </Button>
    </Form>
  );
}

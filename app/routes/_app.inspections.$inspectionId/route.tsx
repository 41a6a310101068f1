import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { CodeBadge, criterionCode, frameworkShort } from "~/components/criteria/criterion-parts";
import { FileDownloadLink, formatFileSize } from "~/components/evidence/file-download";
import { TextAreaField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { ReleaseBadge, ResultBadge } from "~/components/inspections/inspection-badges";
import { InspectionSeals } from "~/components/seals/inspection-seals";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { actionReference } from "~/lib/assessments/result-labels";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { readFormData, parseForm } from "~/lib/form.server";
import { formatCalendarDate, formatDateTime } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { canOverrideRelease, canRelease, canSignOff, OVERRIDE_REASON_MIN } from "~/lib/inspections/inspection-rules";
import { OverrideSchema, SignOffSchema } from "~/lib/inspections/inspection-schema";
import { getInspectionView } from "~/lib/inspections/inspection-queries.server";
import { releaseInspection, signOffInspection } from "~/lib/inspections/inspection-release.server";
import { allItems, headerFieldKeys } from "~/lib/inspections/template-definition";
import { message } from "~/lib/i18n/messages";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { sealsForInspection } from "~/lib/seals/seal-queries.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t, locale) =>
    data ? `${data.reference} · ${locale === "en" ? data.template.titleEn : data.template.titleZh}` : t("inspections.title"),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "inspections.read");
  const view = await getInspectionView(auth.db, auth.organization.id, uuidParam(params, "inspectionId"));
  if (!view) notFound();
  const { inspection, template, release } = view;
  const role = auth.membership.role;
  const answers = new Map(view.answers.map((a) => [a.itemKey, a]));
  const header = view.header as Record<string, unknown>;
  return {
    reference: view.reference,
    id: inspection.id,
    occurredAt: inspection.occurredAt,
    submittedAt: inspection.submittedAt,
    result: inspection.result,
    failedPoints: inspection.failedPoints,
    site: view.site,
    inspectorName: view.inspectorName,
    signedOff: inspection.signedOffAt ? { at: inspection.signedOffAt, by: view.signedOffByName, note: inspection.signoffNote } : null,
    released: inspection.releasedAt
      ? { at: inspection.releasedAt, by: view.releasedByName, overrideReason: inspection.releaseOverrideReason }
      : null,
    template: {
      id: template.id,
      code: template.code,
      version: template.version,
      titleZh: template.titleZh,
      titleEn: template.titleEn,
      builtIn: template.organizationId === null,
      supervisorSignoff: template.definition.supervisorSignoff,
      releaseGate: template.definition.releaseGate,
    },
    header: headerFieldKeys
      .filter((key) => key !== "driverIdNumber" && header[key] !== undefined)
      .map((key) => ({ key, value: header[key] as string | boolean | string[] }))
      .concat(header.driverIdNumberMasked ? [{ key: "driverIdNumber" as const, value: header.driverIdNumberMasked as string }] : []),
    points: allItems(template.definition)
      .filter((item) => answers.has(item.key) || view.photos.some((p) => p.itemKey === item.key))
      .map((item) => ({
        key: item.key,
        number: item.number,
        promptZh: item.promptZh,
        promptEn: item.promptEn,
        answerType: item.answer,
        unit: item.unit ?? null,
        value: answers.get(item.key)?.value ?? null,
        failed: answers.get(item.key)?.failed ?? false,
        note: answers.get(item.key)?.note ?? null,
        photos: view.photos.filter((p) => p.itemKey === item.key),
      })),
    actions: view.actions.map(({ action, ownerName }) => ({
      id: action.id,
      reference: actionReference(action.number),
      itemKey: action.sourceItemKey,
      status: action.status,
      dueOn: action.dueOn,
      ownerName,
    })),
    evidence: view.evidence,
    release,
    can: {
      release: canRelease(role, release),
      override: canOverrideRelease(role, auth.user.id, inspection.inspectorUserId, release),
      signOff: canSignOff(role, auth.user.id, {
        inspectorUserId: inspection.inspectorUserId,
        signedOff: inspection.signedOffAt !== null,
        supervisorSignoff: template.definition.supervisorSignoff,
      }),
    },
    isInspector: inspection.inspectorUserId === auth.user.id,
    // Step 5: the seals applied after a container inspection, and the way to apply one.
    seals:
      template.kind === "container" && inspection.status === "submitted"
        ? { list: await sealsForInspection(auth.db, auth.organization.id, inspection.id), canApply: can(role, "seals.record") }
        : null,
    containerNumber: inspection.containerNumber,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "inspections.read");
  const inspectionId = uuidParam(params, "inspectionId");
  // Another organisation's inspection is a 404 whatever was posted.
  if (!(await getInspectionView(auth.db, auth.organization.id, inspectionId))) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const actor = { ...auth.actor, role: auth.membership.role };
  const refuse = (errors: Record<string, string>, values: Record<string, string | string[]> = {}) =>
    data({ intent: typeof intent === "string" ? intent : null, errors, values }, { status: 400 });
  let outcome: Awaited<ReturnType<typeof releaseInspection>>;
  if (intent === "signoff") {
    const parsed = parseForm(formData, SignOffSchema);
    if (!parsed.ok) return refuse(parsed.errors, parsed.values);
    outcome = await signOffInspection(auth.db, actor, inspectionId, parsed.data.note);
  } else if (intent === "release") {
    outcome = await releaseInspection(auth.db, actor, inspectionId);
  } else if (intent === "override") {
    const parsed = parseForm(formData, OverrideSchema);
    if (!parsed.ok) return refuse(parsed.errors, parsed.values);
    outcome = await releaseInspection(auth.db, actor, inspectionId, parsed.data.reason);
  } else {
    return refuse({ form: message("errors.invalid") });
  }
  if (!outcome) notFound();
  if (!outcome.ok)
    return refuse(
      outcome.errors,
      Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>,
    );
  return redirect(`/inspections/${inspectionId}?done=${intent}`);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function InspectionPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const en = i18n.language === "en";
  const timeZone = useShell().organization.timeZone;
  const done = search.get("done");
  return (
    <>
      <PageHeader
        title={`${d.reference} · ${en ? d.template.titleEn : d.template.titleZh}`}
        description={`${d.site ? (en ? d.site.nameEn : d.site.nameZh) : ""}${d.occurredAt ? ` · ${formatDateTime(d.occurredAt, locale, timeZone)}` : ""}`}
        actions={
          <Link to="/inspections" className="text-sm text-brand-700 underline">
            {t("inspections.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {search.get("submitted") === "1" ? (
          <Alert tone="success">{t("inspections.submittedNotice", { reference: d.reference })}</Alert>
        ) : null}
        {done === "signoff" ? <Alert tone="success">{t("inspections.signedNotice")}</Alert> : null}
        {done === "release" || done === "override" ? <Alert tone="success">{t("inspections.releasedNotice")}</Alert> : null}
        {actionData?.errors?.form ? <Alert tone="error">{t(actionData.errors.form.split("|")[0] as "errors.invalid")}</Alert> : null}
        <Card>
          <div className="flex flex-wrap items-center gap-3">
            <ResultBadge result={d.result} failedPoints={d.failedPoints} />
            <ReleaseBadge release={d.release} />
            {d.signedOff ? <Badge tone="good">{t("inspections.signedOffBadge")}</Badge> : null}
          </div>
          <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            <Row label={t("inspections.inspector")} value={d.inspectorName ?? "—"} />
            <Row label={t("inspections.submittedAt")} value={d.submittedAt ? formatDateTime(d.submittedAt, locale, timeZone) : "—"} />
            <Row
              label={t("inspections.templateUsed")}
              value={
                <Link to={`/templates/${d.template.id}`} className="text-brand-700 underline">
                  {t("inspections.templateVersion", { title: en ? d.template.titleEn : d.template.titleZh, version: d.template.version })}
                </Link>
              }
            />
            {d.signedOff ? (
              <Row
                label={t("inspections.signedOffBy")}
                value={`${d.signedOff.by ?? "—"} · ${formatDateTime(d.signedOff.at, locale, timeZone)}${d.signedOff.note ? ` · ${d.signedOff.note}` : ""}`}
              />
            ) : null}
            {d.header.map((h) => (
              <Row key={h.key} label={t(`inspections.header.${h.key}`)} value={<HeaderValue field={h.key} value={h.value} />} />
            ))}
          </dl>
        </Card>
        <ReleasePanel d={d} server={actionData ?? null} />
        {d.seals ? <InspectionSeals inspectionId={d.id} containerNumber={d.containerNumber} seals={d.seals.list} canApply={d.seals.canApply} blocked={d.release.state === "blocked"} /> : null}
        <SignOffPanel d={d} server={actionData ?? null} />
        <Card title={t("inspections.pointsTitle", { count: d.points.length })}>
          <ol className="divide-y divide-slate-100">
            {d.points.map((p) => (
              <li
                key={p.key}
                className={`py-3 ${p.failed ? "-mx-2 border-l-4 border-red-600 bg-red-50 pl-1 pr-2 sm:-mx-3 sm:pl-2 sm:pr-3" : ""}`}
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="font-medium text-slate-900">
                    <span className="mr-2 font-mono text-sm text-slate-600">{p.number}</span>
                    {en ? p.promptEn : p.promptZh}
                  </p>
                  <AnswerValue point={p} />
                </div>
                {p.note ? <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{p.note}</p> : null}
                {p.photos.length ? (
                  <ul className="mt-2 grid gap-3 sm:grid-cols-2">
                    {p.photos.map((photo) => (
                      <li key={photo.id} className="rounded-md border border-slate-200 bg-white">
                        <a href={`/files/${photo.fileId}/thumbnail?size=960`} target="_blank" rel="noreferrer">
                          <img
                            src={`/files/${photo.fileId}/thumbnail?size=320`}
                            alt={t("inspections.photoOf", { point: p.number })}
                            className="aspect-[4/3] w-full rounded-t-md object-cover"
                            loading="lazy"
                          />
                        </a>
                        <div className="space-y-1 p-2 text-xs text-slate-600">
                          <p className="break-all font-mono">SHA-256 {photo.sha256}</p>
                          <p>
                            {photo.name} · {formatFileSize(photo.sizeBytes, locale)}
                          </p>
                          <FileDownloadLink
                            fileId={photo.fileId}
                            name={photo.name}
                            label={t("inspections.downloadOriginal")}
                            className="inline-flex min-h-9 items-center gap-1 text-brand-700 underline"
                          />
                        </div>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>
        <Card title={t("inspections.actionsTitle", { count: d.actions.length })}>
          {d.actions.length === 0 ? (
            <p className="text-slate-600">{t("inspections.noActions")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.actions.map((a) => {
                const point = d.points.find((p) => p.key === a.itemKey);
                return (
                  <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <Link to={`/actions/${a.id}`} className="text-brand-700 underline">
                      <span className="mr-2 font-mono text-sm">{a.reference}</span>
                      {point ? `${point.number}. ${en ? point.promptEn : point.promptZh}` : ""}
                    </Link>
                    <span className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                      {a.ownerName} · {formatCalendarDate(a.dueOn, locale)}
                      <Badge tone={a.status === "done" ? "good" : a.status === "cancelled" ? "neutral" : "warn"}>
                        {t(`actions.status.${a.status}`)}
                      </Badge>
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
        <Card title={t("inspections.evidenceTitle")}>
          {d.evidence.length === 0 ? (
            <p className="text-slate-600">{t("inspections.noEvidence")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.evidence.map((c) => (
                <li key={`${c.frameworkCode}/${c.key}`}>
                  <Link
                    to={`/criteria/${c.frameworkCode}/${encodeURIComponent(c.key)}`}
                    className="flex min-h-11 items-center gap-3 py-1 hover:bg-slate-50"
                  >
                    <span className="w-32 shrink-0 text-sm text-slate-500">{frameworkShort(t, c.frameworkCode)}</span>
                    <span className="flex w-16 shrink-0">
                      <CodeBadge>{criterionCode(t, c)}</CodeBadge>
                    </span>
                    <span className="text-sm text-brand-800 underline decoration-brand-100 underline-offset-2">
                      {en ? c.titleEn : c.titleZh}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
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

function HeaderValue(props: { field: string; value: string | boolean | string[] }) {
  const { t } = useTranslation();
  const { value } = props;
  if (typeof value === "boolean") return <>{value ? t("inspections.answer.yes") : t("inspections.answer.no")}</>;
  if (Array.isArray(value)) return <span className="font-mono">{value.join(", ")}</span>;
  if (props.field === "driverIdType") return <>{t(`inspections.idType.${value as "passport"}`)}</>;
  const mono = ["containerNumber", "truckPlate", "trailerNumber", "shipmentRef", "driverIdNumber", "sealAtDeparture"].includes(props.field);
  return <span className={mono ? "font-mono" : undefined}>{value.replace("T", " ")}</span>;
}

function AnswerValue(props: { point: LoaderData["points"][number] }) {
  const { t } = useTranslation();
  const p = props.point;
  if (p.answerType === "photo") return <Badge tone="brand">{t("inspections.photoCount", { count: p.photos.length })}</Badge>;
  if (p.value === null) return <Badge>{t("inspections.notAnswered")}</Badge>;
  if (p.answerType === "pass_fail_na" || p.answerType === "yes_no") {
    const tone = p.failed ? "bad" : p.value === "na" ? "neutral" : "good";
    return <Badge tone={tone}>{t(`inspections.answer.${p.value as "pass"}`)}</Badge>;
  }
  if (p.answerType === "number") return <Badge tone={p.failed ? "bad" : "good"}>{`${p.value}${p.unit ? ` ${p.unit}` : ""}`}</Badge>;
  return <p className="w-full whitespace-pre-line text-sm text-slate-700">{p.value}</p>;
}

type PanelServer = {
  intent?: string | null;
  errors?: Record<string, string | undefined>;
  values?: Record<string, string | string[]>;
} | null;

function ReleasePanel(props: { d: LoaderData; server: PanelServer }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeZone = useShell().organization.timeZone;
  const navigation = useNavigation();
  const { d } = props;
  const server = props.server?.intent === "override" ? props.server : null;
  const { form, values, errorOf, onSubmit, rejected } = useValidatedForm(OverrideSchema, { server, defaults: { intent: "override" } });
  if (!d.template.releaseGate) return null;
  const state = d.release.state;
  return (
    <Card title={t("inspections.releaseTitle")}>
      {d.released ? (
        <div className="space-y-2">
          <p>{t("inspections.releasedBy", { name: d.released.by ?? "—", at: formatDateTime(d.released.at, locale, timeZone) })}</p>
          {d.released.overrideReason ? (
            <Alert tone="warning" title={t("inspections.overrideTitle")}>
              {d.released.overrideReason}
            </Alert>
          ) : null}
        </div>
      ) : (
        <div className="space-y-4">
          <p className={state === "ready" ? "text-green-800" : "text-red-800"}>
            {t(`inspections.releaseState.${state}`, { count: d.release.state === "blocked" ? d.release.openActions : 0 })}
          </p>
          {d.can.release ? (
            <Form method="post">
              <input type="hidden" name="intent" value="release" />
              <Button type="submit" disabled={navigation.state === "submitting"}>
                {t("inspections.release")}
              </Button>
            </Form>
          ) : null}
          {state === "blocked" && d.can.override ? (
            <Form method="post" noValidate onSubmit={onSubmit} className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3">
              {rejected ? <Alert tone="error">{t("errors.fixBelow")}</Alert> : null}
              <input type="hidden" value="override" {...form.register("intent")} />
              <TextAreaField
                form={form}
                values={values}
                name="reason"
                label={t("inspections.overrideReason")}
                hint={t("inspections.overrideHint", { min: OVERRIDE_REASON_MIN })}
                error={errorOf("reason")}
              />
              <Button type="submit" variant="danger" disabled={navigation.state === "submitting"}>
                {t("inspections.overrideSubmit")}
              </Button>
            </Form>
          ) : state === "blocked" ? (
            <p className="text-sm text-slate-600">{d.isInspector ? t("inspections.overrideNotYou") : t("inspections.overrideWho")}</p>
          ) : null}
          {state === "blocked" ? (
            <Link to="/actions" className={buttonClass("secondary")}>
              {t("inspections.toActions")}
            </Link>
          ) : null}
        </div>
      )}
    </Card>
  );
}

function SignOffPanel(props: { d: LoaderData; server: PanelServer }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { d } = props;
  const server = props.server?.intent === "signoff" ? props.server : null;
  const { form, values, errorOf, onSubmit } = useValidatedForm(SignOffSchema, { server, defaults: { intent: "signoff" } });
  if (d.template.supervisorSignoff === "none" || d.signedOff) return null;
  return (
    <Card title={t("inspections.signoffTitle")}>
      <p className="mb-3 text-slate-700">
        {d.template.supervisorSignoff === "required" ? t("inspections.signoffRequired") : t("inspections.signoffOptional")}
      </p>
      {d.can.signOff ? (
        <Form method="post" noValidate onSubmit={onSubmit} className="space-y-3">
          <input type="hidden" value="signoff" {...form.register("intent")} />
          <TextAreaField form={form} values={values} name="note" label={t("inspections.signoffNote")} error={errorOf("note")} rows={2} />
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("inspections.signoffSubmit")}
          </Button>
        </Form>
      ) : (
        <p className="text-sm text-slate-600">{d.isInspector ? t("inspections.signoffNotYou") : t("inspections.signoffWho")}</p>
      )}
    </Card>
  );
}

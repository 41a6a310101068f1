import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SourceLink } from "~/components/actions/action-source-link";
import { SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { frameworkShort } from "~/components/criteria/criterion-parts";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { Input } from "~/components/ui/input";
import { actionStatuses, UpdateActionSchema, type ActionStatus } from "~/lib/actions/action-schema";
import { criterionDisplayCode, daysOverdue, getAction } from "~/lib/actions/action-queries.server";
import { assignableMembers, canUpdateAction, updateAction } from "~/lib/actions/actions.server";
import { actionReference } from "~/lib/assessments/result-labels";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { acceptAttribute, allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";
import { checkUpload, readUploadForm } from "~/lib/evidence/file-store.server";
import { formDataToObject, parseForm } from "~/lib/form.server";
import { formatCalendarDate, formatDateTime, todayInZone } from "~/lib/i18n/format";
import { message } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { notFound, uuidParam } from "~/lib/route-params.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t, locale) => (data ? `${data.action.reference} · ${locale === "en" ? data.action.titles.en : data.action.titles.zh}` : t("actions.title")));

/** Enough of the criterion's text to recognise it; the criterion page has the rest. */
const EXCERPT_CHARS = 280;
function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS).trimEnd()}…` : text;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "actions.read");
  const found = await getAction(auth.db, auth.organization.id, uuidParam(params, "actionId"));
  if (!found) notFound();
  const { action, criterion, parent, source, closingFile } = found;
  const today = todayInZone(auth.organization.timeZone);
  const role = auth.membership.role;
  return {
    action: {
      id: action.id,
      reference: actionReference(action.number),
      title: action.title,
      titles: found.titles,
      description: action.description,
      status: action.status as ActionStatus,
      dueOn: action.dueOn,
      daysOverdue: daysOverdue(action, today),
      ownerName: found.ownerName,
      createdByName: found.createdByName,
      createdAt: action.createdAt,
      closedByName: found.closedByName,
      closedAt: action.closedAt,
      closingNote: action.closingNote,
      updatedAt: action.updatedAt,
    },
    criterion:
      criterion && found.frameworkCode
        ? {
            frameworkCode: found.frameworkCode,
            frameworkVersion: found.frameworkVersion,
            key: criterion.key,
            code: criterionDisplayCode(criterion, parent?.code && parent.level ? { code: parent.code, part: parent.part, level: parent.level } : null),
            titleZh: criterion.titleZh,
            titleEn: criterion.titleEn,
            textZh: excerpt(criterion.textZh),
            textEn: excerpt(criterion.textEn),
          }
        : null,
    source: source ? { type: source.type, href: source.href, reference: source.reference } : null,
    closingFile: closingFile
      ? { id: closingFile.id, name: closingFile.originalName, sha256: closingFile.sha256, sizeBytes: closingFile.sizeBytes }
      : null,
    isOwner: action.ownerUserId === auth.user.id,
    ownerUserId: action.ownerUserId,
    canUpdate: canUpdateAction(role, auth.user.id, action),
    canCancel: can(role, "actions.manage"),
    members: can(role, "actions.manage") ? (await assignableMembers(auth.db, auth.organization.id)).map((m) => ({ userId: m.userId, name: m.name })) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "actions.read");
  const actionId = uuidParam(params, "actionId");
  const role = auth.membership.role;
  // Ownership and the right to update are settled before the body is read: another organisation's
  // action is a 404 and someone else's a 403, whatever was posted.
  const found = await getAction(auth.db, auth.organization.id, actionId);
  if (!found) notFound();
  if (!canUpdateAction(role, auth.user.id, found.action)) {
    return data({ errors: { form: message("actions.notYours") }, values: {} }, { status: 403 });
  }
  const form = await readUploadForm(request);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const formData = form.formData;
  const parsed = parseForm(formData, UpdateActionSchema);
  const upload = await checkUpload(formData.get("file"), { required: false });
  if (!parsed.ok || !upload.ok) {
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(upload.ok ? {} : { file: upload.error }) };
    return data({ errors, values: formDataToObject(formData) }, { status: 400 });
  }
  const actor = { ...auth.actor, role };
  const updated = await updateAction(auth.db, actor, actionId, parsed.data, upload.file);
  if (!updated) notFound();
  if (!updated.ok) return data({ errors: updated.errors, values: formDataToObject(formData) }, { status: 400 });
  return redirect(`/actions/${actionId}?saved=1`);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

const statusTone = { open: "neutral", in_progress: "warn", done: "good", cancelled: "neutral" } as const;

function formatSize(bytes: number, locale: string): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${number.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes / 1024 / 1024)} MB`;
}

function Row(props: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 py-2 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-slate-500">{props.label}</dt>
      <dd className="min-w-0 text-slate-900">{props.children}</dd>
    </div>
  );
}

export default function ActionPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const en = i18n.language === "en";
  const a = d.action;
  const zone = shell.organization.timeZone;
  return (
    <>
      <PageHeader
        title={
          <>
            <span className="mr-2 font-mono text-lg font-semibold text-slate-500">{a.reference}</span>
            {en ? a.titles.en : a.titles.zh}
          </>
        }
        actions={
          <Link to="/actions" className="flex min-h-11 items-center text-brand-700 underline">
            {t("actions.backToList")}
          </Link>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3 lg:items-start">
        <div className="space-y-4 lg:col-span-2">
          {searchParams.get("saved") === "1" ? <Alert tone="success">{t("common.saved")}</Alert> : null}
          {a.daysOverdue > 0 ? (
            <Alert tone="error" title={t("actions.overdueDays", { count: a.daysOverdue })}>
              {t("actions.overdueBody", { date: formatCalendarDate(a.dueOn, locale) })}
            </Alert>
          ) : null}
          <Card title={t("actions.details")}>
            <p className="whitespace-pre-line text-slate-800">{a.description || <span className="text-slate-500">{t("actions.noDescription")}</span>}</p>
            <dl className="mt-4 divide-y divide-slate-100 border-t border-slate-100">
              <Row label={t("actions.statusLabel")}>
                <span className="flex flex-wrap items-center gap-2">
                  <Badge tone={statusTone[a.status]}>{t(`actions.status.${a.status}`)}</Badge>
                  {a.daysOverdue > 0 ? <Badge tone="bad">{t("actions.overdueDays", { count: a.daysOverdue })}</Badge> : null}
                </span>
              </Row>
              <Row label={t("actions.owner")}>{a.ownerName}</Row>
              <Row label={t("actions.dueOn")}>
                <span className={a.daysOverdue > 0 ? "font-semibold text-red-700" : undefined}>{formatCalendarDate(a.dueOn, locale)}</span>
              </Row>
              {d.source ? (
                <Row label={t("actions.source")}>
                  <SourceLink source={d.source} />
                </Row>
              ) : null}
              <Row label={t("actions.createdBy")}>
                {a.createdByName ?? t("common.notSet")} · {formatDateTime(a.createdAt, locale, zone)}
              </Row>
              {a.closedAt ? (
                <Row label={t("actions.closedBy")}>
                  {a.closedByName ?? t("common.notSet")} · {formatDateTime(a.closedAt, locale, zone)}
                </Row>
              ) : null}
              {a.closingNote ? (
                <Row label={t("actions.closingNote")}>
                  <span className="whitespace-pre-line">{a.closingNote}</span>
                </Row>
              ) : null}
              <Row label={t("actions.closingFile")}>
                {d.closingFile ? (
                  <span className="block space-y-1">
                    {/* A resource route: a document request, not a client-side navigation. */}
                    <a href={`/files/${d.closingFile.id}`} className="break-all text-brand-700 underline">
                      {d.closingFile.name}
                    </a>
                    <span className="block text-sm text-slate-600">
                      {t("files.size")}: {formatSize(d.closingFile.sizeBytes, locale)}
                    </span>
                    <span className="block break-all font-mono text-xs text-slate-600">
                      {t("files.sha256")} {d.closingFile.sha256}
                    </span>
                  </span>
                ) : (
                  <span className="text-slate-500">{t("actions.noClosingFile")}</span>
                )}
              </Row>
            </dl>
          </Card>
        </div>
        {/* On a phone the form comes right after the details (the owner is there to update it); on a wide screen it sits beside them. */}
        <div className="space-y-4 lg:col-start-3 lg:row-span-2 lg:row-start-1">
          {d.canUpdate ? (
            <Card title={t("actions.update")}>
              <UpdateActionForm key={String(a.updatedAt)} d={d} server={actionData} />
            </Card>
          ) : (
            <Card>
              <p className="text-slate-600">
                {a.status === "cancelled" && d.isOwner ? t("actions.readOnlyCancelled") : t("actions.readOnly", { owner: a.ownerName })}
              </p>
            </Card>
          )}
        </div>
        <div className="lg:col-span-2">
          {d.criterion ? (
            <Card title={t("actions.criterion")}>
              <p className="font-medium text-slate-900">
                {frameworkShort(t, d.criterion.frameworkCode)}{" "}
                {en ? d.criterion.code.en : d.criterion.code.zh} {en ? d.criterion.titleEn : d.criterion.titleZh}
              </p>
              {(en ? d.criterion.textEn : d.criterion.textZh) ? (
                <blockquote className="mt-2 whitespace-pre-line border-l-4 border-slate-200 pl-3 text-sm text-slate-700">
                  {en ? d.criterion.textEn : d.criterion.textZh}
                </blockquote>
              ) : null}
              <Link to={`/criteria/${d.criterion.frameworkCode}/${d.criterion.key}`} className="mt-3 inline-flex min-h-11 items-center text-brand-700 underline">
                {t("actions.readCriterion")}
              </Link>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

function UpdateActionForm(props: { d: LoaderData; server: ServerFormState }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { d } = props;
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(UpdateActionSchema, {
    defaults: { status: d.action.status, closingNote: d.action.closingNote ?? "", ownerUserId: d.ownerUserId, dueOn: d.action.dueOn },
    server: props.server,
  });
  const field = { form, values };
  // Only managers may cancel; a cancelled action stays listed so that a manager can see and reopen it.
  const options = actionStatuses
    .filter((s) => s !== "cancelled" || d.canCancel)
    .map((s) => ({ value: s, label: t(`actions.status.${s}`) }));
  const fileError = errorOf("file");
  return (
    // multipart: the closing evidence file travels with the fields, with or without JavaScript.
    <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="space-y-4">
      {formError ? <Alert tone="error">{formError}</Alert> : rejected ? <Alert tone="error">{t("errors.fixBelow")}</Alert> : null}
      <SelectField {...field} name="status" label={t("actions.statusLabel")} options={options} error={errorOf("status")} />
      {d.members.length ? (
        <>
          <SelectField
            {...field}
            name="ownerUserId"
            label={t("actions.owner")}
            options={d.members.map((m) => ({ value: m.userId, label: m.name }))}
            error={errorOf("ownerUserId")}
          />
          <TextField {...field} name="dueOn" type="date" label={t("actions.dueOn")} error={errorOf("dueOn")} />
        </>
      ) : null}
      <TextAreaField {...field} name="closingNote" rows={4} label={t("actions.closingNote")} hint={t("actions.closingNoteHint")} error={errorOf("closingNote")} />
      <div className="space-y-1">
        <label htmlFor="file" className="block text-sm font-medium text-slate-800">
          {t("actions.closingFileField")}
        </label>
        <Input
          id="file"
          type="file"
          name="file"
          accept={acceptAttribute}
          className="text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
        />
        <p id="file-hint" className="text-sm text-slate-500">
          {t("files.limitHint", { max: MAX_UPLOAD_MB, formats: allowedFormatsLabel })}
          {d.closingFile ? <span className="block">{t("actions.closingFileReplace", { name: d.closingFile.name })}</span> : null}
        </p>
        {fileError ? (
          <p id="file-error" className="text-sm font-medium text-red-700">
            {fileError}
          </p>
        ) : null}
      </div>
      <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
        {t("common.save")}
      </Button>
    </Form>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { FileDownloadLink } from "~/components/evidence/file-download";
import { FileField, SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { EmployeeFields } from "~/components/personnel/employee-fields";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { listItemsHeldBy } from "~/lib/badges/badges.server";
import { acceptAttribute, allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";
import { checkUpload, readUploadForm } from "~/lib/evidence/file-store.server";
import { formDataToObject, parseForm } from "~/lib/form.server";
import { formatCalendarDate, formatDateTime, todayInZone } from "~/lib/i18n/format";
import { message } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { listSites } from "~/lib/organizations/organizations.server";
import { backgroundReference, employeeReference, offboardingReference, prehireReference } from "~/lib/personnel/personnel-references";
import {
  isOffboardingOverdue,
  isPrehire,
  RECHECK_MONTHS,
  recheckMonths,
  recheckState,
  registerKindsFor,
} from "~/lib/personnel/personnel-rules";
import {
  backgroundResults,
  BackgroundCheckSchema,
  backgroundTypes,
  ConductSchema,
  EmployeeSchema,
  ExitSchema,
  OffboardingItemSchema,
  PrehireCheckSchema,
  prehireKinds,
  prehireResults,
} from "~/lib/personnel/personnel-schema";
import { addBackgroundCheck, addConductAcknowledgement, addPrehireCheck, employeeRecords } from "~/lib/personnel/personnel-checks.server";
import { revealIdNumber, setLeaveDate, updateEmployee } from "~/lib/personnel/personnel-employees.server";
import { completeOffboardingItem, getOffboarding, linkedMembership } from "~/lib/personnel/personnel-offboarding.server";
import { getEmployee, listMemberAccounts } from "~/lib/personnel/personnel-queries.server";
import { notFound, uuidParam } from "~/lib/route-params.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? `${data.employee.reference} · ${data.employee.name}` : t("personnel.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "personnel.read");
  const orgId = auth.organization.id;
  const employeeId = uuidParam(params, "employeeId");
  const e = await getEmployee(auth.db, orgId, employeeId);
  if (!e) notFound();
  const role = auth.membership.role;
  const canManage = can(role, "personnel.manage");
  const canIdentity = can(role, "personnel.identity");
  const today = todayInZone(auth.organization.timeZone);
  const [records, offboarding, held, member, sites, members] = await Promise.all([
    employeeRecords(auth.db, orgId, employeeId),
    getOffboarding(auth.db, orgId, employeeId),
    listItemsHeldBy(auth.db, { orgId, employeeId }),
    linkedMembership(auth.db, orgId, e.userId),
    canManage ? listSites(auth.db, orgId) : Promise.resolve([]),
    canManage ? listMemberAccounts(auth.db, orgId) : Promise.resolve([]),
  ]);
  const site =
    sites.find((s) => s.id === e.siteId) ?? (e.siteId ? (await listSites(auth.db, orgId)).find((s) => s.id === e.siteId) : undefined);
  return {
    today,
    timeZone: auth.organization.timeZone,
    canManage,
    canIdentity,
    canOffboard: can(role, "personnel.offboard"),
    canManageMembers: can(role, "members.manage"),
    employee: {
      id: e.id,
      reference: employeeReference(e.number),
      name: e.name,
      position: e.position,
      department: e.department,
      siteId: e.siteId,
      siteNameZh: site?.nameZh ?? null,
      siteNameEn: site?.nameEn ?? null,
      securitySensitive: e.securitySensitive,
      keyRole: e.keyRole,
      hireDate: e.hireDate,
      leaveDate: e.leaveDate,
      idDocumentType: e.idDocumentType,
      idNumberMasked: e.idNumberMasked,
      hasIdNumber: e.idNumberCiphertext !== null,
      // The date of birth is personal data: the year is enough for everyone else (age checks).
      dateOfBirth: canIdentity ? e.dateOfBirth : null,
      birthYear: e.dateOfBirth ? e.dateOfBirth.slice(0, 4) : null,
      userId: canManage ? e.userId : null,
      nextBackgroundCheckOn: e.nextBackgroundCheckOn,
      recheck: recheckState(e.nextBackgroundCheckOn, today, e.leaveDate !== null && e.leaveDate < today),
    },
    member: member ? { id: member.id, status: member.status, email: member.email } : null,
    held,
    offboarding: offboarding
      ? {
          reference: offboardingReference(offboarding.exit.number),
          status: offboarding.exit.status,
          leaveDate: offboarding.exit.leaveDate,
          deadline: offboarding.exit.deadline,
          overdue: isOffboardingOverdue(offboarding.exit.deadline, today, offboarding.exit.status),
          doneAt: offboarding.exit.doneAt,
          items: offboarding.items.map((i) => ({ item: i.item.item, doneAt: i.item.doneAt, doneByName: i.doneByName, note: i.item.note })),
        }
      : null,
    prehire: records.prehire.map((r) => ({
      ...r.check,
      reference: prehireReference(r.check.number),
      byName: r.byName,
      fileName: r.fileName,
    })),
    background: records.background.map((r) => ({
      ...r.check,
      reference: backgroundReference(r.check.number),
      byName: r.byName,
      fileName: r.fileName,
    })),
    conduct: records.conduct.map((r) => ({ ...r.ack, byName: r.byName, fileName: r.fileName })),
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    members,
  };
}

type Intent = "update" | "reveal" | "exit" | "item" | "prehire" | "background" | "conduct";
const permissionOf = {
  update: "personnel.manage",
  reveal: "personnel.identity",
  exit: "personnel.manage",
  item: "personnel.offboard",
  prehire: "personnel.manage",
  background: "personnel.manage",
  conduct: "personnel.manage",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "personnel.read");
  const employeeId = uuidParam(params, "employeeId");
  // Another organisation's employee is a 404 before its form is read, whatever was posted.
  if (!(await getEmployee(auth.db, auth.organization.id, employeeId))) notFound();
  const form = await readUploadForm(request);
  const intent = (form.formData?.get("intent") ?? null) as Intent | null;
  const refuse = (errors: Record<string, string>, values: Record<string, string | string[]> = {}) =>
    data({ intent, errors, values, revealed: null }, { status: 400 });
  if (!form.ok) return refuse(form.errors, form.values);
  if (!intent || !(intent in permissionOf)) return refuse({ form: message("errors.invalid") });
  await requirePermission(request, permissionOf[intent]);
  const formData = form.formData;
  const values = formDataToObject(formData);
  const actor = { organizationId: auth.organization.id, userId: auth.user.id };
  const today = todayInZone(auth.organization.timeZone);
  const here = `/personnel/${employeeId}`;
  const withFile = async <T,>(
    parsed: ReturnType<typeof parseForm<never>> | { ok: true; data: T } | { ok: false; errors: Record<string, string> },
  ) => {
    const upload = await checkUpload(formData.get("file"), { required: false });
    if (!parsed.ok || !upload.ok) return { errors: { ...(parsed.ok ? {} : parsed.errors), ...(upload.ok ? {} : { file: upload.error }) } };
    return { file: upload.file };
  };

  switch (intent) {
    case "reveal": {
      const shown = await revealIdNumber(auth.db, actor, employeeId);
      if (!shown) notFound();
      // The answer holds the full number: no cache (shared or the browser's) may keep it.
      return data({ intent, errors: {}, values: {}, revealed: shown.idNumber }, { headers: { "Cache-Control": "no-store" } });
    }
    case "update": {
      const parsed = parseForm(formData, EmployeeSchema);
      if (!parsed.ok) return refuse(parsed.errors, parsed.values);
      const updated = await updateEmployee(auth.db, actor, employeeId, parsed.data);
      if (!updated) notFound();
      if (!updated.ok) return refuse(updated.errors, values);
      return redirect(`${here}?saved=1`);
    }
    case "exit": {
      const parsed = parseForm(formData, ExitSchema);
      if (!parsed.ok) return refuse(parsed.errors, parsed.values);
      const set = await setLeaveDate(auth.db, actor, employeeId, parsed.data.leaveDate);
      if (!set) notFound();
      if (!set.ok) return refuse(set.errors, values);
      return redirect(`${here}#exit`);
    }
    case "item": {
      const parsed = parseForm(formData, OffboardingItemSchema);
      if (!parsed.ok) return refuse(parsed.errors, parsed.values);
      const done = await completeOffboardingItem(
        auth.db,
        { ...actor, role: auth.membership.role, canManageMembers: can(auth.membership.role, "members.manage") },
        employeeId,
        parsed.data,
      );
      if (!done) notFound();
      if (!done.ok) return refuse(done.errors, values);
      return redirect(`${here}${done.done ? "?exitDone=1" : ""}#exit`);
    }
    case "prehire": {
      const parsed = parseForm(formData, PrehireCheckSchema);
      const checked = await withFile(parsed);
      if (!parsed.ok || "errors" in checked) return refuse("errors" in checked ? checked.errors : {}, values);
      const added = await addPrehireCheck(auth.db, actor, employeeId, parsed.data, checked.file, today);
      if (!added) notFound();
      if (!added.ok) return refuse(added.errors, values);
      return redirect(`${here}#prehire`);
    }
    case "background": {
      const parsed = parseForm(formData, BackgroundCheckSchema);
      const checked = await withFile(parsed);
      if (!parsed.ok || "errors" in checked) return refuse("errors" in checked ? checked.errors : {}, values);
      const added = await addBackgroundCheck(auth.db, actor, employeeId, parsed.data, checked.file, today);
      if (!added) notFound();
      if (!added.ok) return refuse(added.errors, values);
      return redirect(`${here}#background`);
    }
    case "conduct": {
      const parsed = parseForm(formData, ConductSchema);
      const checked = await withFile(parsed);
      if (!parsed.ok || "errors" in checked) return refuse("errors" in checked ? checked.errors : {}, values);
      const added = await addConductAcknowledgement(auth.db, actor, employeeId, parsed.data, checked.file, today);
      if (!added) notFound();
      if (!added.ok) return refuse(added.errors, values);
      return redirect(`${here}#conduct`);
    }
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ServerState =
  | {
      intent?: string | null;
      errors?: Record<string, string | undefined>;
      values?: Record<string, string | string[]>;
      revealed?: string | null;
    }
  | undefined;

function serverFor(server: ServerState, intent: Intent): ServerFormState {
  return server?.intent === intent ? server : null;
}

export default function EmployeePage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>() as ServerState;
  const [params] = useSearchParams();
  const e = d.employee;
  const en = i18n.language === "en";
  const left = e.leaveDate !== null && e.leaveDate < d.today;
  return (
    <>
      <PageHeader
        title={
          <>
            <span className="mr-2 font-mono text-lg text-slate-600">{e.reference}</span>
            {e.name}
          </>
        }
        description={`${e.position}${e.department ? ` · ${e.department}` : ""}`}
        actions={
          <Link to="/personnel" className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
            {t("personnel.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {params.get("created") ? <Alert tone="success">{t("personnel.created")}</Alert> : null}
        {params.get("saved") ? <Alert tone="success">{t("personnel.saved")}</Alert> : null}
        {params.get("exitDone") ? <Alert tone="success">{t("personnel.offboarding.allDone")}</Alert> : null}
        <Card title={t("personnel.detailsTitle")}>
          <div className="mb-3 flex flex-wrap gap-1">
            {e.securitySensitive ? <Badge tone="brand">{t("personnel.sensitiveBadge")}</Badge> : null}
            {e.keyRole ? <Badge>{t(`personnel.keyRole.${e.keyRole}`)}</Badge> : null}
            {left ? <Badge>{t("personnel.status.left")}</Badge> : <Badge tone="good">{t("personnel.status.employed")}</Badge>}
            {e.recheck && e.recheck !== "current" ? (
              <Badge tone={e.recheck === "due" ? "warn" : "bad"}>{t(`personnel.recheck.${e.recheck}`)}</Badge>
            ) : null}
          </div>
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <Item label={t("personnel.fields.site")}>{e.siteNameZh ? (en ? e.siteNameEn : e.siteNameZh) : t("personnel.noSite")}</Item>
            <Item label={t("personnel.fields.hireDate")}>{formatCalendarDate(e.hireDate, locale)}</Item>
            <Item label={t("personnel.fields.leaveDate")}>{e.leaveDate ? formatCalendarDate(e.leaveDate, locale) : "—"}</Item>
            <Item label={t("personnel.fields.dateOfBirth")}>
              {e.dateOfBirth
                ? formatCalendarDate(e.dateOfBirth, locale)
                : e.birthYear
                  ? t("personnel.birthYearOnly", { year: e.birthYear })
                  : "—"}
            </Item>
            <Item label={t("personnel.fields.idNumber")}>
              {e.idDocumentType ? <span className="mr-2">{t(`personnel.idType.${e.idDocumentType}`)}</span> : null}
              <span className="font-mono" data-testid="id-number">
                {server?.intent === "reveal" && server.revealed ? server.revealed : (e.idNumberMasked ?? "—")}
              </span>
              {d.canIdentity && e.hasIdNumber && !(server?.intent === "reveal" && server.revealed) ? (
                <Form method="post" className="mt-1">
                  <input type="hidden" name="intent" value="reveal" />
                  <Button type="submit" variant="secondary">
                    {t("personnel.reveal")}
                  </Button>
                  <p className="mt-1 text-xs text-slate-500">{t("personnel.revealHint")}</p>
                </Form>
              ) : null}
            </Item>
            <Item label={t("personnel.nextCheckLabel")}>
              {e.nextBackgroundCheckOn ? formatCalendarDate(e.nextBackgroundCheckOn, locale) : t("personnel.recheck.missing")}
              <span className="block text-xs text-slate-500">
                {t("personnel.recheckFor", { months: recheckMonths(e.securitySensitive) })}
              </span>
            </Item>
            {d.member ? (
              <Item label={t("personnel.fields.userId")}>
                {d.member.email} · {t(`personnel.memberStatus.${d.member.status}`)}
              </Item>
            ) : null}
          </dl>
        </Card>
        <ExitCard d={d} server={server} />
        <PrehireCard d={d} server={server} />
        <BackgroundCard d={d} server={server} />
        <ConductCard d={d} server={server} />
        {d.canManage ? <EditCard d={d} server={server} /> : null}
      </div>
    </>
  );
}

function Item(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{props.label}</dt>
      <dd className="font-medium text-slate-900">{props.children}</dd>
    </div>
  );
}

function useFileHint() {
  const { t } = useTranslation();
  return t("personnel.fileHint", { formats: allowedFormatsLabel, max: MAX_UPLOAD_MB });
}

function ExitCard({ d, server }: { d: LoaderData; server: ServerState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const exitForm = useValidatedForm(ExitSchema, { server: serverFor(server, "exit"), defaults: { intent: "exit", leaveDate: d.today } });
  const o = d.offboarding;
  const itemServer = serverFor(server, "item");
  return (
    <section id="exit">
      <Card
        title={o ? `${t("personnel.offboarding.title")} ${o.reference}` : t("personnel.offboarding.title")}
        className={o?.overdue ? "border-red-300" : undefined}
      >
        {!o ? (
          <>
            <p className="mb-3 text-sm text-slate-600">{t("personnel.offboarding.none")}</p>
            {d.canManage ? (
              <Form method="post" noValidate onSubmit={exitForm.onSubmit} className="space-y-3">
                <input type="hidden" name="intent" value="exit" />
                <TextField
                  form={exitForm.form}
                  values={exitForm.values}
                  name="leaveDate"
                  idPrefix="exit-"
                  type="date"
                  label={t("personnel.fields.leaveDate")}
                  error={exitForm.errorOf("leaveDate")}
                />
                <Button type="submit" className="min-h-14 w-full sm:w-auto">
                  {t("personnel.offboarding.start")}
                </Button>
              </Form>
            ) : null}
          </>
        ) : (
          <>
            <p className="mb-1 text-sm">
              {t("personnel.offboarding.deadline", {
                leave: formatCalendarDate(o.leaveDate, locale),
                deadline: formatCalendarDate(o.deadline, locale),
              })}{" "}
              <Badge tone={o.status === "done" ? "good" : o.overdue ? "bad" : "warn"}>
                {o.overdue ? t("personnel.offboarding.overdueBadge") : t(`personnel.offboarding.status.${o.status}`)}
              </Badge>
            </p>
            <p className="mb-3 text-xs text-slate-500">{t("personnel.offboarding.rule")}</p>
            <ul className="grid gap-3 lg:grid-cols-2">
              {o.items.map((i) => (
                <ExitItem key={i.item} d={d} item={i} server={itemServer} />
              ))}
            </ul>
          </>
        )}
      </Card>
    </section>
  );
}

function ExitItem({
  d,
  item,
  server,
}: {
  d: LoaderData;
  item: NonNullable<LoaderData["offboarding"]>["items"][number];
  server: ServerFormState;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const mine = server?.values?.item === item.item ? server : null;
  const f = useValidatedForm(OffboardingItemSchema, { server: mine, defaults: { intent: "item", item: item.item } });
  const kinds = registerKindsFor[item.item] as readonly string[] | undefined;
  const held = kinds ? d.held.filter((h) => kinds.includes(h.kind)) : [];
  const error = mine?.errors?.item ?? mine?.errors?.deactivateMember;
  return (
    <li className={`rounded-md border p-3 ${item.doneAt ? "border-green-200 bg-green-50" : "border-slate-200"}`} data-item={item.item}>
      <p className="font-medium">
        {item.doneAt ? "✓ " : ""}
        {t(`personnel.offboarding.item.${item.item}`)}
      </p>
      {item.doneAt ? (
        <p className="text-sm text-slate-700">
          {t("personnel.offboarding.doneBy", { name: item.doneByName ?? "", at: formatDateTime(item.doneAt, locale, d.timeZone) })}
          {item.note ? ` · ${item.note}` : ""}
        </p>
      ) : (
        <>
          {held.length ? (
            <div className="my-2">
              <Alert tone="warning">
                {t("personnel.offboarding.registerHolds", {
                  items: held.map((h) => `${h.code}${h.description ? ` (${h.description})` : ""}`).join(t("common.listSeparator")),
                })}{" "}
                <Link to="/badges" className="underline">
                  {t("personnel.offboarding.toRegister")}
                </Link>
              </Alert>
            </div>
          ) : null}
          {item.item === "it_access_revoked" && d.member ? (
            <p className="my-2 text-sm text-slate-700">
              {t("personnel.offboarding.hasAccount", { email: d.member.email, status: t(`personnel.memberStatus.${d.member.status}`) })}{" "}
              {!d.canManageMembers ? (
                <Link className="underline" to={`/settings/members/${d.member.id}`}>
                  {t("personnel.offboarding.askAdmin")}
                </Link>
              ) : null}
            </p>
          ) : null}
          {d.canOffboard ? (
            <Form method="post" noValidate onSubmit={f.onSubmit} className="mt-2 space-y-2">
              <input type="hidden" name="intent" value="item" />
              <input type="hidden" name="item" value={item.item} />
              {error ? (
                <p className="text-sm font-medium text-red-700" role="alert">
                  {f.errorOf("item") ?? f.errorOf("deactivateMember")}
                </p>
              ) : null}
              <TextField
                form={f.form}
                values={f.values}
                name="note"
                idPrefix={`${item.item}-`}
                label={t("personnel.offboarding.note")}
                error={f.errorOf("note")}
              />
              {item.item === "it_access_revoked" && d.member?.status === "active" && d.canManageMembers ? (
                <label className="flex min-h-11 items-center gap-3 text-sm">
                  <input
                    type="checkbox"
                    value="1"
                    defaultChecked
                    className="size-5 accent-brand-700"
                    {...f.form.register("deactivateMember")}
                  />
                  {t("personnel.offboarding.deactivate", { email: d.member.email })}
                </label>
              ) : null}
              <Button type="submit" className="min-h-14 w-full sm:w-auto">
                {t("personnel.offboarding.markDone")}
              </Button>
            </Form>
          ) : null}
        </>
      )}
    </li>
  );
}

function PrehireCard({ d, server }: { d: LoaderData; server: ServerState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fileHint = useFileHint();
  const f = useValidatedForm(PrehireCheckSchema, {
    server: serverFor(server, "prehire"),
    defaults: { intent: "prehire", checkedOn: d.today },
  });
  return (
    <section id="prehire">
      <Card title={t("personnel.prehire.title")}>
        <p className="mb-3 text-sm text-slate-600">{t("personnel.prehire.description")}</p>
        {d.prehire.length === 0 ? <p className="mb-3 text-slate-600">{t("personnel.prehire.empty")}</p> : null}
        <ul className="mb-4 divide-y divide-slate-100">
          {d.prehire.map((c) => (
            <li key={c.id} className="py-2 text-sm">
              <p>
                <span className="mr-2 font-mono text-slate-600">{c.reference}</span>
                <span className="font-medium">{t(`personnel.prehire.kind.${c.kind}`)}</span> · {c.source}{" "}
                <Badge tone={c.result === "verified" ? "good" : c.result === "discrepancy" ? "bad" : "warn"}>
                  {t(`personnel.prehire.result.${c.result}`)}
                </Badge>{" "}
                {isPrehire(c.checkedOn, d.employee.hireDate) ? (
                  <Badge>{t("personnel.prehire.beforeHire")}</Badge>
                ) : (
                  <Badge tone="warn">{t("personnel.prehire.afterHire")}</Badge>
                )}
              </p>
              <p className="text-slate-600">
                {t("personnel.checkedBy", { name: c.byName, date: formatCalendarDate(c.checkedOn, locale) })}
                {c.note ? ` · ${c.note}` : ""}
              </p>
              {c.fileId && c.fileName ? <FileDownloadLink fileId={c.fileId} name={c.fileName} /> : null}
            </li>
          ))}
        </ul>
        {d.canManage ? (
          <Form method="post" encType="multipart/form-data" noValidate onSubmit={f.onSubmit} className="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="intent" value="prehire" />
            <SelectField
              form={f.form}
              values={f.values}
              name="kind"
              idPrefix="ph-"
              label={t("personnel.prehire.kindLabel")}
              error={f.errorOf("kind")}
              placeholder={t("personnel.choose")}
              options={prehireKinds.map((k) => ({ value: k, label: t(`personnel.prehire.kind.${k}`) }))}
            />
            <TextField
              form={f.form}
              values={f.values}
              name="source"
              idPrefix="ph-"
              label={t("personnel.prehire.source")}
              error={f.errorOf("source")}
            />
            <TextField
              form={f.form}
              values={f.values}
              name="checkedOn"
              idPrefix="ph-"
              type="date"
              label={t("personnel.checkedOn")}
              error={f.errorOf("checkedOn")}
            />
            <SelectField
              form={f.form}
              values={f.values}
              name="result"
              idPrefix="ph-"
              label={t("personnel.resultLabel")}
              error={f.errorOf("result")}
              placeholder={t("personnel.choose")}
              options={prehireResults.map((k) => ({ value: k, label: t(`personnel.prehire.result.${k}`) }))}
            />
            <div className="sm:col-span-2">
              <TextAreaField
                form={f.form}
                values={f.values}
                name="note"
                idPrefix="ph-"
                label={t("personnel.note")}
                error={f.errorOf("note")}
                rows={2}
              />
            </div>
            <div className="sm:col-span-2">
              <FileField
                form={f.form}
                name="file"
                idPrefix="ph-"
                accept={acceptAttribute}
                label={t("personnel.file")}
                hint={fileHint}
                error={f.errorOf("file")}
              />
            </div>
            <Button type="submit" className="min-h-14 sm:col-span-2 sm:w-auto">
              {t("personnel.prehire.add")}
            </Button>
          </Form>
        ) : null}
      </Card>
    </section>
  );
}

function BackgroundCard({ d, server }: { d: LoaderData; server: ServerState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fileHint = useFileHint();
  const f = useValidatedForm(BackgroundCheckSchema, {
    server: serverFor(server, "background"),
    defaults: { intent: "background", checkedOn: d.today, type: "criminal_record" },
  });
  return (
    <section id="background">
      <Card title={t("personnel.background.title")}>
        <p className="mb-3 text-sm text-slate-600">
          {t("personnel.recheckRule", { sensitive: RECHECK_MONTHS.sensitive, standard: RECHECK_MONTHS.standard })}
        </p>
        {d.background.length === 0 ? <p className="mb-3 text-slate-600">{t("personnel.background.empty")}</p> : null}
        <ul className="mb-4 divide-y divide-slate-100">
          {d.background.map((c) => (
            <li key={c.id} className="py-2 text-sm">
              <p>
                <span className="mr-2 font-mono text-slate-600">{c.reference}</span>
                <span className="font-medium">{t(`personnel.background.type.${c.type}`)}</span> · {c.provider}{" "}
                <Badge tone={c.result === "clear" ? "good" : c.result === "failed" ? "bad" : "warn"}>
                  {t(`personnel.background.result.${c.result}`)}
                </Badge>{" "}
                {isPrehire(c.checkedOn, d.employee.hireDate) ? <Badge>{t("personnel.prehire.beforeHire")}</Badge> : null}
              </p>
              <p className="text-slate-600">
                {t("personnel.checkedBy", { name: c.byName, date: formatCalendarDate(c.checkedOn, locale) })} ·{" "}
                {t("personnel.nextCheck", { date: formatCalendarDate(c.nextCheckOn, locale) })}
                {c.note ? ` · ${c.note}` : ""}
              </p>
              {c.fileId && c.fileName ? <FileDownloadLink fileId={c.fileId} name={c.fileName} /> : null}
            </li>
          ))}
        </ul>
        {d.canManage ? (
          <Form method="post" encType="multipart/form-data" noValidate onSubmit={f.onSubmit} className="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="intent" value="background" />
            <SelectField
              form={f.form}
              values={f.values}
              name="type"
              idPrefix="bg-"
              label={t("personnel.background.typeLabel")}
              error={f.errorOf("type")}
              options={backgroundTypes.map((k) => ({ value: k, label: t(`personnel.background.type.${k}`) }))}
            />
            <TextField
              form={f.form}
              values={f.values}
              name="provider"
              idPrefix="bg-"
              label={t("personnel.background.provider")}
              hint={t("personnel.background.providerHint")}
              error={f.errorOf("provider")}
            />
            <TextField
              form={f.form}
              values={f.values}
              name="checkedOn"
              idPrefix="bg-"
              type="date"
              label={t("personnel.checkedOn")}
              error={f.errorOf("checkedOn")}
            />
            <SelectField
              form={f.form}
              values={f.values}
              name="result"
              idPrefix="bg-"
              label={t("personnel.resultLabel")}
              error={f.errorOf("result")}
              placeholder={t("personnel.choose")}
              options={backgroundResults.map((k) => ({ value: k, label: t(`personnel.background.result.${k}`) }))}
            />
            <div className="sm:col-span-2">
              <TextAreaField
                form={f.form}
                values={f.values}
                name="note"
                idPrefix="bg-"
                label={t("personnel.note")}
                error={f.errorOf("note")}
                rows={2}
              />
            </div>
            <div className="sm:col-span-2">
              <FileField
                form={f.form}
                name="file"
                idPrefix="bg-"
                accept={acceptAttribute}
                label={t("personnel.background.certificate")}
                hint={fileHint}
                error={f.errorOf("file")}
              />
            </div>
            <Button type="submit" className="min-h-14 sm:col-span-2 sm:w-auto">
              {t("personnel.background.add")}
            </Button>
          </Form>
        ) : null}
      </Card>
    </section>
  );
}

function ConductCard({ d, server }: { d: LoaderData; server: ServerState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fileHint = useFileHint();
  const f = useValidatedForm(ConductSchema, {
    server: serverFor(server, "conduct"),
    defaults: { intent: "conduct", acknowledgedOn: d.today },
  });
  return (
    <section id="conduct">
      <Card title={t("personnel.conduct.title")}>
        {d.conduct.length === 0 ? <p className="mb-3 text-slate-600">{t("personnel.conduct.empty")}</p> : null}
        <ul className="mb-4 divide-y divide-slate-100">
          {d.conduct.map((c) => (
            <li key={c.id} className="py-2 text-sm">
              <p className="font-medium">{c.codeVersion}</p>
              <p className="text-slate-600">
                {t("personnel.conduct.on", { date: formatCalendarDate(c.acknowledgedOn, locale), name: c.byName })}
              </p>
              {c.fileId && c.fileName ? <FileDownloadLink fileId={c.fileId} name={c.fileName} /> : null}
            </li>
          ))}
        </ul>
        {d.canManage ? (
          <Form method="post" encType="multipart/form-data" noValidate onSubmit={f.onSubmit} className="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="intent" value="conduct" />
            <TextField
              form={f.form}
              values={f.values}
              name="codeVersion"
              idPrefix="cc-"
              label={t("personnel.conduct.codeVersion")}
              placeholder={t("personnel.conduct.codeVersionPlaceholder")}
              error={f.errorOf("codeVersion")}
            />
            <TextField
              form={f.form}
              values={f.values}
              name="acknowledgedOn"
              idPrefix="cc-"
              type="date"
              label={t("personnel.conduct.acknowledgedOn")}
              error={f.errorOf("acknowledgedOn")}
            />
            <div className="sm:col-span-2">
              <FileField
                form={f.form}
                name="file"
                idPrefix="cc-"
                accept={acceptAttribute}
                label={t("personnel.conduct.signed")}
                hint={fileHint}
                error={f.errorOf("file")}
              />
            </div>
            <Button type="submit" className="min-h-14 sm:col-span-2 sm:w-auto">
              {t("personnel.conduct.add")}
            </Button>
          </Form>
        ) : null}
      </Card>
    </section>
  );
}

function EditCard({ d, server }: { d: LoaderData; server: ServerState }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const e = d.employee;
  const f = useValidatedForm(EmployeeSchema, {
    server: serverFor(server, "update"),
    defaults: {
      name: e.name,
      position: e.position,
      department: e.department,
      siteId: e.siteId ?? "",
      hireDate: e.hireDate,
      leaveDate: e.leaveDate ?? "",
      idDocumentType: e.idDocumentType ?? "",
      dateOfBirth: e.dateOfBirth ?? "",
      keyRole: e.keyRole ?? "",
      userId: e.userId ?? "",
      securitySensitive: e.securitySensitive,
    },
  });
  return (
    <section id="edit">
      <Card>
        {/* Closed until wanted (or refused): the page is long on a phone and the checklist comes first. */}
        <details open={f.rejected}>
          <summary className="flex min-h-11 cursor-pointer items-center text-lg font-semibold text-slate-900">
            {t("personnel.editTitle")}
          </summary>
          <div className="mt-3">
            <Form method="post" noValidate onSubmit={f.onSubmit} className="space-y-4">
              <input type="hidden" name="intent" value="update" />
              {f.rejected ? <Alert tone="error">{f.formError ?? t("errors.fixBelow")}</Alert> : null}
              <EmployeeFields
                form={f.form}
                values={f.values}
                errorOf={f.errorOf}
                sites={d.sites}
                members={d.members}
                maskedOnFile={e.idNumberMasked}
              />
              <Button type="submit" className="min-h-14 w-full sm:w-auto" disabled={navigation.state === "submitting"}>
                {t("personnel.save")}
              </Button>
            </Form>
          </div>
        </details>
      </Card>
    </section>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { CodeBadge, criterionLabel, frameworkShort } from "~/components/criteria/criterion-parts";
import { FileDownloadLink, formatFileSize } from "~/components/evidence/file-download";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { CategoryBadge, MaterialsInput, SessionFields, type SiteOption } from "~/components/training/training-parts";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { Input, Select } from "~/components/ui/input";
import { useHydrated } from "~/components/ui/use-hydrated";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { readUploadForm } from "~/lib/evidence/file-store.server";
import { formDataToObject, parseForm } from "~/lib/form.server";
import { formatCalendarDate, formatDateTime } from "~/lib/i18n/format";
import { message, translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { criterionLabels } from "~/lib/inspections/templates.server";
import { listSites } from "~/lib/organizations/organizations.server";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { parseAttendeeFilter } from "~/lib/training/training-filter";
import { checkMaterials, parseSessionForm } from "~/lib/training/training-post.server";
import { sessionCriteria, sessionReference } from "~/lib/training/training-rules";
import {
  AttendFormSchema,
  AttendSchema,
  DrillSchema,
  SessionSchema,
  TestResultSchema,
  UnattendSchema,
} from "~/lib/training/training-schema";
import { addAttendance, removeAttendance, setTestResult } from "~/lib/training/training-attendance.server";
import { attendeeCandidates, employeeDepartments, getSession } from "~/lib/training/training-queries.server";
import { addMaterials, deleteSession, updateSession } from "~/lib/training/training-sessions.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? `${data.session.reference} ${data.session.topic}` : t("training.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "training.read");
  const sessionId = uuidParam(params, "sessionId");
  const orgId = auth.organization.id;
  const found = await getSession(auth.db, orgId, sessionId);
  if (!found) notFound();
  const { session } = found;
  const canManage = can(auth.membership.role, "training.manage");
  const picker = parseAttendeeFilter(new URL(request.url).searchParams);
  const [labels, sites, candidates, departments] = await Promise.all([
    criterionLabels(auth.db, sessionCriteria(session.category, session.testGiven)),
    listSites(auth.db, orgId),
    canManage ? attendeeCandidates(auth.db, orgId, session.id, session.heldOn, picker) : Promise.resolve({ rows: [], more: false }),
    canManage ? employeeDepartments(auth.db, orgId) : Promise.resolve([]),
  ]);
  return {
    canManage,
    timeZone: auth.organization.timeZone,
    session: {
      id: session.id,
      reference: sessionReference(session.number),
      drill: session.category === "crisis_drill",
      category: session.category,
      topic: session.topic,
      heldOn: session.heldOn,
      startTime: session.startTime,
      durationMinutes: session.durationMinutes,
      siteId: session.siteId,
      siteNameZh: found.siteNameZh,
      siteNameEn: found.siteNameEn,
      trainer: session.trainer,
      provider: session.provider,
      testGiven: session.testGiven,
      notes: session.notes,
      scenario: session.scenario,
      observations: session.observations,
      lessonsLearned: session.lessonsLearned,
      followUp: session.followUp,
      recordedByName: found.recordedByName,
      createdAt: session.createdAt,
    },
    criteria: Object.entries(labels).map(([ref, label]) => {
      const [framework = "", key = ""] = ref.split("/");
      return { framework, key, ...label };
    }),
    materials: found.materials,
    attendance: found.attendance,
    picker,
    candidates: candidates.rows,
    moreCandidates: candidates.more,
    departments,
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "training.manage");
  const sessionId = uuidParam(params, "sessionId");
  const actor = { organizationId: auth.organization.id, userId: auth.user.id };
  const form = await readUploadForm(request);
  if (!form.ok) return data({ intent: "form", errors: form.errors, values: form.values }, { status: 400 });
  const formData = form.formData;
  const intent = String(formData.get("intent") ?? "");
  const url = new URL(request.url);
  const back = (notice: string) => {
    const next = new URLSearchParams(url.search);
    next.delete("created");
    next.set("done", notice);
    return redirect(`/training/${sessionId}?${next.toString()}`);
  };
  const refusedWith = (errors: Record<string, string>) => data({ intent, errors, values: formDataToObject(formData) }, { status: 400 });

  if (intent === "details") {
    const found = await getSession(auth.db, auth.organization.id, sessionId);
    if (!found) notFound();
    const post = await parseSessionForm(formData, found.session.category === "crisis_drill" ? "drill" : "session");
    if (!post.ok) return refusedWith(post.errors);
    const result = await updateSession(auth.db, actor, sessionId, post.input, auth.organization.timeZone);
    if (!result) notFound();
    if (!result.ok) return refusedWith(result.errors);
    return back("details");
  }
  if (intent === "attend") {
    const parsed = parseForm(formData, AttendSchema);
    if (!parsed.ok) return refusedWith(parsed.errors);
    const result = await addAttendance(auth.db, actor, sessionId, parsed.data.employeeIds);
    if (!result) notFound();
    if (!result.ok) return refusedWith(result.errors);
    return back(`added-${result.added}`);
  }
  if (intent === "unattend") {
    const parsed = parseForm(formData, UnattendSchema);
    if (!parsed.ok) notFound();
    const result = await removeAttendance(auth.db, actor, sessionId, parsed.data.attendanceId);
    if (!result) notFound();
    return back("removed");
  }
  if (intent === "result") {
    const parsed = parseForm(formData, TestResultSchema);
    if (!parsed.ok) return refusedWith(parsed.errors);
    const passed = parsed.data.passed === "unknown" ? null : parsed.data.passed === "yes";
    const result = await setTestResult(auth.db, actor, sessionId, parsed.data.attendanceId, passed);
    if (!result) notFound();
    if (!result.ok) return refusedWith(result.errors);
    return back("result");
  }
  if (intent === "delete") {
    const result = await deleteSession(auth.db, actor, sessionId);
    if (!result) notFound();
    return redirect(result.drill ? "/training/drills?deleted=1" : "/training?deleted=1");
  }
  if (intent === "materials") {
    const materials = await checkMaterials(formData.getAll("materials"));
    if (!materials.ok) return refusedWith({ materials: materials.error });
    if (!materials.files.length) return refusedWith({ materials: message("files.required") });
    const result = await addMaterials(auth.db, actor, sessionId, materials.files);
    if (!result) notFound();
    return back("materials");
  }
  return refusedWith({ form: message("errors.invalid") });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = { intent?: string; errors?: Record<string, string>; values?: Record<string, string | string[]> } | undefined;

export default function TrainingSessionPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const en = i18n.language === "en";
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>() as ActionData;
  const [params] = useSearchParams();
  const s = d.session;
  const done = params.get("done");
  const added = done?.startsWith("added-") ? Number(done.slice(6)) : null;
  const serverFor = (intent: string): ServerFormState => (server?.intent === intent ? server : undefined);
  const materialsError = server?.intent === "materials" ? server.errors?.materials : undefined;
  return (
    <>
      <PageHeader
        title={
          <>
            <span className="mr-2 font-mono text-slate-500">{s.reference}</span>
            {s.topic}
          </>
        }
        description={<CategoryBadge category={s.category} />}
        actions={
          <Link to={s.drill ? "/training/drills" : "/training"} className={buttonClass("secondary")}>
            {t("training.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {params.get("created") ? <Alert tone="success">{t(s.drill ? "training.createdDrill" : "training.created")}</Alert> : null}
        {added !== null ? <Alert tone="success">{t("training.attendance.added", { count: added })}</Alert> : null}
        {done === "removed" ? <Alert tone="success">{t("training.attendance.removed")}</Alert> : null}
        {done === "details" || done === "materials" || done === "result" ? <Alert tone="success">{t("common.saved")}</Alert> : null}

        <Card title={t(s.drill ? "training.drillDetails" : "training.details")}>
          <dl className="grid gap-3 sm:grid-cols-2">
            <Detail label={t("training.fields.heldOn")}>
              {formatCalendarDate(s.heldOn, locale)}
              {s.startTime ? ` ${s.startTime}` : ""}
              {s.durationMinutes ? ` · ${t("training.minutes", { count: s.durationMinutes })}` : ""}
            </Detail>
            <Detail label={t("training.fields.site")}>
              {s.siteNameZh ? (en ? s.siteNameEn : s.siteNameZh) : t("training.fields.noSite")}
            </Detail>
            <Detail label={t(s.drill ? "training.fields.drillLead" : "training.fields.trainer")}>
              {s.trainer}
              {s.provider ? ` (${s.provider})` : ""}
            </Detail>
            <Detail label={t("training.fields.testGiven")}>{s.testGiven ? t("training.yes") : t("training.no")}</Detail>
            {s.drill ? (
              <>
                <Detail label={t("training.fields.scenario")} wide>
                  {s.scenario}
                </Detail>
                <Detail label={t("training.fields.observations")} wide>
                  {s.observations ?? t("common.notSet")}
                </Detail>
                <Detail label={t("training.fields.lessonsLearned")} wide>
                  {s.lessonsLearned ?? t("common.notSet")}
                </Detail>
                <Detail label={t("training.fields.followUp")} wide>
                  {s.followUp ?? t("common.notSet")}
                </Detail>
              </>
            ) : null}
            {s.notes ? (
              <Detail label={t("training.fields.notes")} wide>
                {s.notes}
              </Detail>
            ) : null}
            <Detail label={t("training.recordedBy")} wide>
              {s.recordedByName} · {formatDateTime(s.createdAt, locale, d.timeZone)}
            </Detail>
          </dl>
          <div className="mt-4 border-t border-slate-100 pt-3">
            <h3 className="text-sm font-semibold text-slate-800">{t("training.evidenceFor")}</h3>
            {d.criteria.length === 0 ? (
              <p className="text-sm text-slate-600">{t("training.evidenceNone")}</p>
            ) : (
              <ul className="mt-1 space-y-1">
                {d.criteria.map((c) => (
                  <li key={`${c.framework}/${c.key}`} className="flex flex-wrap items-center gap-2 text-sm">
                    <span>
                      <CodeBadge>{frameworkShort(t, c.framework)}</CodeBadge>
                    </span>
                    <Link
                      to={`/criteria/${c.framework}/${encodeURIComponent(c.key)}`}
                      className="inline-flex min-h-11 items-center text-brand-700 underline"
                    >
                      {criterionLabel(t, c, en ? c.titleEn : c.titleZh)}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </Card>

        <AttendanceCard d={d} server={serverFor("attend")} />

        <Card title={t("training.materials.title", { count: d.materials.length })}>
          {d.materials.length === 0 ? (
            <p className="text-slate-600">{t("training.materials.none")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.materials.map((m) => (
                <li key={m.id} className="py-2">
                  <FileDownloadLink fileId={m.id} name={m.name} label={m.name} />
                  <p className="text-sm text-slate-500">{formatFileSize(m.sizeBytes, locale)}</p>
                  <p className="break-all font-mono text-xs text-slate-500">SHA-256 {m.sha256}</p>
                </li>
              ))}
            </ul>
          )}
          {d.canManage ? (
            <Form method="post" encType="multipart/form-data" className="mt-3 space-y-3 border-t border-slate-100 pt-3">
              <input type="hidden" name="intent" value="materials" />
              <MaterialsInput
                label={t("training.materials.add")}
                error={materialsError ? translateMessage(t, materialsError) : undefined}
              />
              <Button type="submit" variant="secondary">
                {t("training.materials.upload")}
              </Button>
            </Form>
          ) : null}
        </Card>

        {d.canManage ? (
          <Card title={t("training.correct")}>
            <details open={server?.intent === "details"}>
              <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">
                {t("training.correctHint")}
              </summary>
              <DetailsForm d={d} server={serverFor("details")} />
            </details>
            <details className="mt-3 border-t border-slate-100 pt-3">
              <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-700">
                {t("training.delete.title")}
              </summary>
              <Form method="post" className="mt-2 space-y-3">
                <input type="hidden" name="intent" value="delete" />
                <p className="text-sm text-slate-700">{t("training.delete.explain")}</p>
                <Button type="submit" variant="danger">
                  {t("training.delete.confirm")}
                </Button>
              </Form>
            </details>
          </Card>
        ) : null}
      </div>
    </>
  );
}

function Detail(props: { label: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={props.wide ? "sm:col-span-2" : undefined}>
      <dt className="text-sm text-slate-500">{props.label}</dt>
      <dd className="whitespace-pre-line text-slate-900">{props.children}</dd>
    </div>
  );
}

function DetailsForm(props: { d: LoaderData; server: ServerFormState }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const s = props.d.session;
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(s.drill ? DrillSchema : SessionSchema, {
    defaults: {
      category: s.category,
      topic: s.topic,
      heldOn: s.heldOn,
      startTime: s.startTime ?? "",
      durationMinutes: s.durationMinutes ? String(s.durationMinutes) : "",
      siteId: s.siteId ?? "",
      trainer: s.trainer,
      provider: s.provider ?? "",
      testGiven: s.testGiven,
      notes: s.notes ?? "",
      scenario: s.scenario ?? "",
      observations: s.observations ?? "",
      lessonsLearned: s.lessonsLearned ?? "",
      followUp: s.followUp ?? "",
    },
    server: props.server,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="mt-3 space-y-4">
      <input type="hidden" name="intent" value="details" />
      {rejected ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
      <SessionFields
        kind={s.drill ? "drill" : "session"}
        form={form}
        values={values}
        errorOf={errorOf}
        sites={props.d.sites}
        materials={false}
      />
      <Button type="submit" disabled={navigation.state === "submitting"}>
        {t("common.save")}
      </Button>
    </Form>
  );
}

function AttendanceCard(props: { d: LoaderData; server: ServerFormState }) {
  const { t } = useTranslation();
  const d = props.d;
  const s = d.session;
  return (
    <Card title={t("training.attendance.title", { count: d.attendance.length })}>
      <div id="attendance" />
      {d.attendance.length === 0 ? (
        <p className="font-medium text-amber-800">{t("training.attendance.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {d.attendance.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <Link
                  to={`/training/people/${a.employeeId}`}
                  className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
                >
                  {a.name}
                </Link>
                <p className="text-sm text-slate-600">
                  {[a.position, a.department].filter(Boolean).join(" · ")}
                  {a.keyRole ? (
                    <>
                      {" "}
                      <Badge tone="brand">{t(`personnel.keyRole.${a.keyRole}`)}</Badge>
                    </>
                  ) : null}
                </p>
              </div>
              {d.canManage ? (
                <div className="flex flex-wrap items-center gap-2">
                  {s.testGiven ? (
                    <Form method="post" className="flex items-center gap-1" aria-label={t("training.attendance.testFor", { name: a.name })}>
                      <input type="hidden" name="intent" value="result" />
                      <input type="hidden" name="attendanceId" value={a.id} />
                      <Button
                        type="submit"
                        name="passed"
                        value="yes"
                        variant={a.testPassed === true ? "primary" : "secondary"}
                        aria-pressed={a.testPassed === true}
                      >
                        {t("training.attendance.passed")}
                      </Button>
                      <Button
                        type="submit"
                        name="passed"
                        value="no"
                        variant={a.testPassed === false ? "danger" : "secondary"}
                        aria-pressed={a.testPassed === false}
                      >
                        {t("training.attendance.failed")}
                      </Button>
                    </Form>
                  ) : null}
                  <Form method="post">
                    <input type="hidden" name="intent" value="unattend" />
                    <input type="hidden" name="attendanceId" value={a.id} />
                    <Button type="submit" variant="ghost" aria-label={t("training.attendance.removeNamed", { name: a.name })}>
                      {t("training.attendance.remove")}
                    </Button>
                  </Form>
                </div>
              ) : s.testGiven && a.testPassed !== null ? (
                <Badge tone={a.testPassed ? "good" : "bad"}>
                  {t(a.testPassed ? "training.attendance.passed" : "training.attendance.failed")}
                </Badge>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {d.canManage ? <AttendeePicker d={d} server={props.server} /> : null}
    </Card>
  );
}

function AttendeePicker(props: { d: LoaderData; server: ServerFormState }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const navigation = useNavigation();
  const d = props.d;
  const { form, errorOf, onSubmit } = useValidatedForm(AttendFormSchema, { server: props.server });
  const hydrated = useHydrated();
  const ticked = form.watch("employeeIds") as string[] | string | false | undefined;
  const tickedCount = Array.isArray(ticked) ? ticked.length : ticked ? 1 : 0;
  const allTicked = tickedCount === d.candidates.length && d.candidates.length > 0;
  const picked = (props.server?.values?.employeeIds ?? []) as string[] | string;
  const pickedSet = new Set(Array.isArray(picked) ? picked : [picked]);
  const filtered = Boolean(d.picker.site || d.picker.department || d.picker.name);
  const error = errorOf("employeeIds");
  return (
    <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
      <h3 className="text-base font-semibold text-slate-900">{t("training.attendance.add")}</h3>
      <Form method="get" className="grid gap-3 sm:grid-cols-4" aria-label={t("training.attendance.filterLabel")}>
        <div className="space-y-1">
          <label htmlFor="p-site" className="block text-sm font-medium text-slate-700">
            {t("training.fields.site")}
          </label>
          <Select id="p-site" name="asite" defaultValue={d.picker.site ?? ""}>
            <option value="">{t("common.all")}</option>
            {d.sites.map((site: SiteOption) => (
              <option key={site.id} value={site.id}>
                {en ? site.nameEn : site.nameZh}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="p-department" className="block text-sm font-medium text-slate-700">
            {t("training.attendance.department")}
          </label>
          <Select id="p-department" name="department" defaultValue={d.picker.department ?? ""}>
            <option value="">{t("common.all")}</option>
            {d.departments.map((dep) => (
              <option key={dep} value={dep}>
                {dep}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="p-name" className="block text-sm font-medium text-slate-700">
            {t("training.attendance.name")}
          </label>
          <Input id="p-name" name="name" type="search" defaultValue={d.picker.name ?? ""} />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass("secondary", "w-full")}>
            {t("training.attendance.show")}
          </button>
        </div>
      </Form>
      {d.candidates.length === 0 ? (
        <p className="text-slate-600">{filtered ? t("training.attendance.noneMatch") : t("training.attendance.noCandidates")}</p>
      ) : (
        <>
          <Form method="post" noValidate onSubmit={onSubmit} className="space-y-3">
            <input type="hidden" name="intent" value="attend" />
            <fieldset aria-describedby={error ? "employeeIds-error" : undefined}>
              <legend className="mb-2 text-sm text-slate-600">{t("training.attendance.tick", { count: d.candidates.length })}</legend>
              {/* With JavaScript: tick everyone shown, then untick the few who were absent. */}
              {hydrated ? (
                <Button
                  variant="ghost"
                  className="mb-2"
                  onClick={() => form.setValue("employeeIds", allTicked ? [] : d.candidates.map((c) => c.id), { shouldDirty: true })}
                >
                  {t(allTicked ? "training.attendance.untickAll" : "training.attendance.tickAll")}
                </Button>
              ) : null}
              <div className="grid gap-2 sm:grid-cols-2">
                {d.candidates.map((c) => (
                  <label key={c.id} className="flex min-h-14 items-center gap-3 rounded-md border border-slate-200 px-3 py-2">
                    <input
                      type="checkbox"
                      value={c.id}
                      defaultChecked={pickedSet.has(c.id)}
                      className="size-6 shrink-0 accent-brand-700"
                      {...form.register("employeeIds")}
                    />
                    <span className="min-w-0">
                      <span className="block font-medium">
                        {c.name} {c.keyRole ? <Badge tone="brand">{t(`personnel.keyRole.${c.keyRole}`)}</Badge> : null}
                      </span>
                      <span className="block text-sm text-slate-600">{[c.position, c.department].filter(Boolean).join(" · ")}</span>
                    </span>
                  </label>
                ))}
              </div>
              {error ? (
                <p id="employeeIds-error" className="mt-2 text-sm font-medium text-red-700">
                  {error}
                </p>
              ) : null}
            </fieldset>
            <Button type="submit" className="min-h-14 w-full text-lg sm:w-auto" disabled={navigation.state === "submitting"}>
              {t("training.attendance.addTicked")}
            </Button>
          </Form>
          {/* Everyone the filter shows, in one tap, with or without JavaScript. */}
          <Form method="post">
            <input type="hidden" name="intent" value="attend" />
            {d.candidates.map((c) => (
              <input key={c.id} type="hidden" name="employeeIds" value={c.id} />
            ))}
            <Button type="submit" variant="secondary" className="w-full sm:w-auto" disabled={navigation.state === "submitting"}>
              {t("training.attendance.addAllShown", { count: d.candidates.length })}
            </Button>
          </Form>
          {d.moreCandidates ? <p className="text-sm text-slate-600">{t("training.attendance.more")}</p> : null}
        </>
      )}
    </div>
  );
}

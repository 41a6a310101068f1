import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useCan } from "~/lib/auth/use-session-user";
import { formDataToObject, parseForm, parseIntent, readFormData } from "~/lib/form.server";
import { formatCalendarDate, todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { frequencies } from "~/lib/inspections/schedule-rules";
import { ScheduleSchema } from "~/lib/inspections/schedule-schema";
import { createSchedule, deleteSchedule, listSchedules, setScheduleActive } from "~/lib/inspections/schedules.server";
import { listTemplates } from "~/lib/inspections/templates.server";
import { listSites } from "~/lib/organizations/organizations.server";
import { notFound } from "~/lib/route-params.server";
import { isUuid } from "~/lib/value-checks";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["criteria", "inspections"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("schedules.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "inspections.read");
  const orgId = auth.organization.id;
  const timeZone = auth.organization.timeZone;
  const [schedules, templates, sites] = await Promise.all([
    listSchedules(auth.db, orgId, timeZone),
    listTemplates(auth.db, orgId),
    listSites(auth.db, orgId),
  ]);
  return {
    today: todayInZone(timeZone),
    canRecord: can(auth.membership.role, "inspections.record"),
    schedules: schedules.map((s) => ({
      id: s.schedule.id,
      siteId: s.schedule.siteId,
      templateCode: s.schedule.templateCode,
      frequency: s.schedule.frequency,
      startsOn: s.schedule.startsOn,
      active: s.schedule.active,
      siteNameZh: s.siteNameZh,
      siteNameEn: s.siteNameEn,
      templateTitleZh: s.templateTitleZh,
      templateTitleEn: s.templateTitleEn,
      lastDoneOn: s.lastDoneOn,
      status: s.status,
    })),
    templates: templates.map((t) => ({ code: t.code, titleZh: t.titleZh, titleEn: t.titleEn })),
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "schedules.manage");
  const actor = auth.actor;
  const formData = await readFormData(request);
  const intent = parseIntent(formData, ["create", "pause", "resume", "delete"]);
  if (intent === "create") {
    const parsed = parseForm(formData, ScheduleSchema);
    if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    const created = await createSchedule(auth.db, actor, parsed.data);
    if (!created.ok) return data({ errors: created.errors, values: formDataToObject(formData) }, { status: 400 });
    return redirect("/schedules?created=1");
  }
  const scheduleId = formData.get("scheduleId");
  // Another organisation's schedule, or a malformed id, is one that does not exist here.
  if (!isUuid(scheduleId)) notFound();
  if (intent === "pause" || intent === "resume") {
    if (!(await setScheduleActive(auth.db, actor, scheduleId, intent === "resume"))) notFound();
    return redirect("/schedules");
  }
  if (!(await deleteSchedule(auth.db, actor, scheduleId))) notFound();
  return redirect("/schedules?deleted=1");
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function SchedulesPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const canManage = useCan("schedules.manage");
  return (
    <>
      <PageHeader title={t("schedules.title")} description={t("schedules.description")} />
      <div className="space-y-4">
        {search.get("created") === "1" ? <Alert tone="success">{t("schedules.created")}</Alert> : null}
        {search.get("deleted") === "1" ? <Alert tone="info">{t("schedules.deleted")}</Alert> : null}
        <Card title={t("schedules.list", { count: d.schedules.length })}>
          {d.schedules.length === 0 ? (
            <p className="text-slate-600">{canManage ? t("schedules.emptyManager") : t("schedules.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.schedules.map((s) => (
                <li key={s.id} className="py-3">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <p className="font-medium text-slate-900">{localized(s, "templateTitle", i18n.language)}</p>
                      <p className="text-sm text-slate-600">
                        {localized(s, "siteName", i18n.language)} · {t(`schedules.frequency.${s.frequency}`)} ·{" "}
                        {s.lastDoneOn
                          ? t("schedules.lastDone", { date: formatCalendarDate(s.lastDoneOn, locale) })
                          : t("schedules.neverDone")}
                      </p>
                    </div>
                    <StatusBadge schedule={s} />
                  </div>
                  <div className="mt-2 flex flex-wrap items-center gap-2">
                    {d.canRecord && s.active && (s.status.state === "due" || s.status.state === "overdue") ? (
                      <Link
                        to={`/inspections/new?template=${encodeURIComponent(s.templateCode)}&site=${s.siteId}`}
                        className={buttonClass("primary")}
                      >
                        {t("schedules.startNow")}
                      </Link>
                    ) : null}
                    {canManage ? (
                      <>
                        <Form method="post">
                          <input type="hidden" name="scheduleId" value={s.id} />
                          <button type="submit" name="intent" value={s.active ? "pause" : "resume"} className={buttonClass("secondary")}>
                            {s.active ? t("schedules.pause") : t("schedules.resume")}
                          </button>
                        </Form>
                        <Form method="post">
                          <input type="hidden" name="scheduleId" value={s.id} />
                          <button type="submit" name="intent" value="delete" className={buttonClass("ghost", "text-red-700")}>
                            {t("schedules.delete")}
                          </button>
                        </Form>
                      </>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {canManage ? (
          <Card title={t("schedules.new")}>
            <NewScheduleForm d={d} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

function StatusBadge(props: { schedule: LoaderData["schedules"][number] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const s = props.schedule;
  if (!s.active) return <Badge>{t("schedules.paused")}</Badge>;
  const status = s.status;
  if (status.state === "overdue")
    return <Badge tone="bad">{t("schedules.overdue", { date: formatCalendarDate(status.missed.end, locale) })}</Badge>;
  if (status.state === "due")
    return <Badge tone="warn">{t("schedules.dueBy", { date: formatCalendarDate(status.period.end, locale) })}</Badge>;
  if (status.state === "done")
    return <Badge tone="good">{t("schedules.doneUntil", { date: formatCalendarDate(status.next.start, locale) })}</Badge>;
  return <Badge>{t("schedules.startsOn", { date: formatCalendarDate(status.startsOn, locale) })}</Badge>;
}

function NewScheduleForm(props: { d: LoaderData }) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const actionData = useActionData<typeof action>();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(ScheduleSchema, {
    server: actionData,
    defaults: {
      intent: "create",
      frequency: "daily",
      startsOn: props.d.today,
      siteId: props.d.sites.length === 1 ? props.d.sites[0]?.id : "",
    },
  });
  const names = fields(ScheduleSchema);
  const field = { form, values };
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2">
      {rejected ? (
        <div className="sm:col-span-2">
          <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert>
        </div>
      ) : null}
      <input type="hidden" value="create" {...form.register(names.intent)} />
      <SelectField
        {...field}
        name={names.siteId}
        label={t("inspections.site")}
        placeholder={t("common.choose")}
        options={props.d.sites.map((s) => ({ value: s.id, label: localized(s, "name", i18n.language) }))}
        error={errorOf(names.siteId)}
      />
      <SelectField
        {...field}
        name={names.templateCode}
        label={t("inspections.template")}
        placeholder={t("common.choose")}
        options={props.d.templates.map((tpl) => ({ value: tpl.code, label: localized(tpl, "title", i18n.language) }))}
        error={errorOf(names.templateCode)}
      />
      <SelectField
        {...field}
        name={names.frequency}
        label={t("schedules.frequencyLabel")}
        options={frequencies.map((f) => ({ value: f, label: t(`schedules.frequency.${f}`) }))}
        hint={t("schedules.frequencyHint")}
        error={errorOf(names.frequency)}
      />
      <TextField {...field} name={names.startsOn} type="date" label={t("schedules.startsOnLabel")} error={errorOf(names.startsOn)} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {t("schedules.create")}
        </Button>
      </div>
    </Form>
  );
}

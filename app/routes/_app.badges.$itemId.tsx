import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { AccessItemStatusBadge } from "~/components/badges/access-item-status";
import { SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { accessItemEventReference, allowedSteps, type AccessItemStep } from "~/lib/badges/access-item-rules";
import { AccessItemStepSchema } from "~/lib/badges/badge-schema";
import { getAccessItem, listAccessItemEvents, listIssuableEmployees, recordAccessItemStep } from "~/lib/badges/badges.server";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { formatDateTime, todayInZone, zonedDateTimeToUtc } from "~/lib/i18n/format";
import { message, translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["criteria", "inspections", "badges"] } satisfies PageHandle;

// /badges/:itemId: one badge, card or key: who holds it, its whole history, and the steps its status
// allows (issue, return, lost, found, revoke, retire). A visitor badge goes out and comes back at the
// gatehouse sign-in and sign-out, so only its other steps are offered here.

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? data.item.code : t("badges.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "badges.read");
  const orgId = auth.organization.id;
  const itemId = uuidParam(params, "itemId");
  const row = await getAccessItem(auth.db, orgId, itemId);
  if (!row) notFound();
  const canManage = can(auth.membership.role, "badges.manage");
  const steps = canManage
    ? allowedSteps(row.item.status).filter((s) => !(row.item.kind === "visitor_badge" && (s === "issue" || s === "return")))
    : [];
  const [events, employees] = await Promise.all([
    listAccessItemEvents(auth.db, orgId, { itemId }),
    steps.includes("issue") ? listIssuableEmployees(auth.db, orgId, todayInZone(auth.organization.timeZone)) : Promise.resolve([]),
  ]);
  return {
    item: {
      id: row.item.id,
      kind: row.item.kind,
      code: row.item.code,
      description: row.item.description,
      status: row.item.status,
      issuedAt: row.item.issuedAt,
      holderEmployeeId: row.item.holderEmployeeId,
      holderName: row.holderName,
      siteNameZh: row.siteNameZh,
      siteNameEn: row.siteNameEn,
    },
    steps,
    employees: employees.map((e) => ({ id: e.id, name: e.name, department: e.department })),
    events: events.map((e) => ({
      id: e.event.id,
      reference: accessItemEventReference(e.event.number),
      kind: e.event.kind,
      occurredAt: e.event.occurredAt,
      note: e.event.note,
      employeeId: e.event.employeeId,
      employeeName: e.employeeName,
      recordedByName: e.recordedByName,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "badges.manage");
  const itemId = uuidParam(params, "itemId");
  const formData = await readFormData(request);
  const values = formDataToObject(formData);
  const parsed = parseForm(formData, AccessItemStepSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const timeZone = auth.organization.timeZone;
  const now = new Date();
  const occurredAt = parsed.data.occurredAt ? zonedDateTimeToUtc(parsed.data.occurredAt, timeZone) : now;
  // A step is recorded when it happened or afterwards, never ahead (a minute's grace for clocks).
  if (occurredAt.getTime() > now.getTime() + 60_000)
    return data({ errors: { occurredAt: message("badges.errors.future") }, values }, { status: 400 });
  const result = await recordAccessItemStep(
    auth.db,
    auth.actor,
    itemId,
    { step: parsed.data.step, employeeId: parsed.data.employeeId, occurredAt, note: parsed.data.note },
    todayInZone(timeZone, now),
  );
  if (!result) notFound();
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  return redirect(`/badges/${itemId}?done=${parsed.data.step}`);
}

export default function AccessItemPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const [search] = useSearchParams();
  const zone = shell.organization.timeZone;
  const done = search.get("done");
  const postedStep = typeof server?.values?.step === "string" ? server.values.step : null;
  const stepRefusal = server?.errors && "step" in server.errors ? server.errors.step : undefined;
  return (
    <>
      <PageHeader
        title={`${d.item.code} · ${t(`badges.kinds.${d.item.kind}`)}`}
        description={d.item.description || undefined}
        actions={
          <Link to="/badges" className={buttonClass("secondary")}>
            {t("badges.backToRegister")}
          </Link>
        }
      />
      <div className="space-y-4">
        {search.get("created") ? <Alert tone="success">{t("badges.created", { code: d.item.code })}</Alert> : null}
        {done ? <Alert tone="success">{t(`badges.done.${done as AccessItemStep}`, { code: d.item.code })}</Alert> : null}
        {stepRefusal ? <Alert tone="error">{translateMessage(t, stepRefusal)}</Alert> : null}
        <Card>
          <div className="flex flex-wrap items-center gap-3">
            <AccessItemStatusBadge status={d.item.status} />
            {d.item.holderName && d.item.holderEmployeeId ? (
              <span>
                <Link to={`/badges/people/${d.item.holderEmployeeId}`} className="font-medium text-brand-700 underline">
                  {t("badges.heldBy", { name: d.item.holderName })}
                </Link>
                {d.item.issuedAt ? (
                  <span className="ml-2 text-sm text-slate-600">
                    {t("badges.since", { at: formatDateTime(d.item.issuedAt, locale, zone) })}
                  </span>
                ) : null}
              </span>
            ) : d.item.status === "issued" && d.item.kind === "visitor_badge" ? (
              <span className="text-slate-700">{t("badges.withVisitor")}</span>
            ) : null}
          </div>
          {d.item.siteNameZh ? (
            <p className="mt-2 text-sm text-slate-600">
              {t("common.labelValue", { label: t("badges.site"), value: localized(d.item, "siteName", i18n.language) })}
            </p>
          ) : null}
          {d.item.kind === "visitor_badge" ? <p className="mt-2 text-sm text-slate-600">{t("badges.visitorBadgeHint")}</p> : null}
        </Card>

        {d.steps.includes("issue") ? (
          <Card title={t("badges.steps.issue")}>
            {d.employees.length === 0 ? (
              <p className="text-slate-600">{t("badges.noEmployees")}</p>
            ) : (
              <StepForm step="issue" employees={d.employees} server={postedStep === "issue" ? server : undefined} />
            )}
          </Card>
        ) : null}
        {d.steps.filter((s) => s !== "issue").length ? (
          <Card title={t("badges.otherSteps")}>
            <div className="grid gap-4 md:grid-cols-2">
              {d.steps
                .filter((s) => s !== "issue")
                .map((s) => (
                  <StepForm key={s} step={s} employees={[]} server={postedStep === s ? server : undefined} />
                ))}
            </div>
          </Card>
        ) : null}

        <Card title={t("badges.history", { count: d.events.length })}>
          {d.events.length === 0 ? (
            <p className="text-slate-600">{t("badges.noHistory")}</p>
          ) : (
            <ol className="divide-y divide-slate-100">
              {d.events.map((e) => (
                <li key={e.id} className="py-2">
                  <p>
                    <span className="mr-2 font-mono text-sm text-slate-500">{e.reference}</span>
                    <span className="font-medium">{t(`badges.events.${e.kind}`)}</span>
                    {e.employeeName && e.employeeId ? (
                      <>
                        {" · "}
                        <Link to={`/badges/people/${e.employeeId}`} className="text-brand-700 underline">
                          {e.employeeName}
                        </Link>
                      </>
                    ) : null}
                  </p>
                  <p className="text-sm text-slate-600">
                    {[formatDateTime(e.occurredAt, locale, zone), t("badges.recordedBy", { name: e.recordedByName }), e.note || null]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}

function StepForm(props: { step: AccessItemStep; employees: { id: string; name: string; department: string }[]; server: ServerFormState }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit } = useValidatedForm(AccessItemStepSchema, {
    defaults: { step: props.step },
    server: props.server,
  });
  const names = fields(AccessItemStepSchema);
  const prefix = `${props.step}-`;
  const needsReason = props.step === "lost" || props.step === "revoke";
  const body = (
    <Form
      method="post"
      noValidate
      onSubmit={onSubmit}
      className="space-y-3 rounded-md border border-slate-200 p-3"
      aria-label={t(`badges.steps.${props.step}`)}
    >
      <input type="hidden" value={props.step} {...form.register(names.step)} />
      {props.step === "issue" ? (
        <SelectField
          form={form}
          values={values}
          name={names.employeeId}
          idPrefix={prefix}
          label={t("badges.employee")}
          error={errorOf(names.employeeId)}
          placeholder={t("common.choose")}
          options={props.employees.map((e) => ({ value: e.id, label: e.department ? `${e.name}（${e.department}）` : e.name }))}
        />
      ) : null}
      <TextField
        form={form}
        values={values}
        name={names.note}
        idPrefix={prefix}
        label={needsReason ? t("badges.reason") : t("badges.note")}
        hint={t(`badges.stepHints.${props.step}`)}
        error={errorOf(names.note)}
      />
      <TextField
        form={form}
        values={values}
        name={names.occurredAt}
        idPrefix={prefix}
        type="datetime-local"
        label={t("badges.occurredAt")}
        hint={t("badges.occurredAtHint")}
        error={errorOf(names.occurredAt)}
      />
      <Button
        type="submit"
        variant={
          props.step === "issue" || props.step === "return" || props.step === "found"
            ? "primary"
            : props.step === "retire"
              ? "secondary"
              : "danger"
        }
        disabled={navigation.state === "submitting"}
      >
        {t(`badges.steps.${props.step}`)}
      </Button>
    </Form>
  );
  // The everyday steps are open; the rare ones (lost, revoke, retire) unfold on a tap, or after a refusal.
  if (props.step === "issue" || props.step === "return" || props.step === "found") return body;
  return (
    <details open={props.server ? true : undefined} className="group">
      <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t(`badges.steps.${props.step}`)}</summary>
      {body}
    </details>
  );
}

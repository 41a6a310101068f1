import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Card, PageHeader } from "~/components/ui/card";
import { UpdateActionSchema, VerifyActionSchema } from "~/lib/actions/action-schema";
import { releaseGateOf, verifyAction } from "~/lib/actions/action-verification.server";
import { can } from "~/lib/auth/permissions";
import { actionView, canManageActions } from "~/lib/actions/action-view.server";
import { getAction } from "~/lib/actions/action-queries.server";
import { assignableMembers, canUpdateAction, updateAction } from "~/lib/actions/actions.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { useShell } from "~/lib/auth/use-session-user";
import { checkUpload, readUploadForm } from "~/lib/evidence/file-store.server";
import { formDataToObject, parseForm } from "~/lib/form.server";
import { formatCalendarDate, todayInZone } from "~/lib/i18n/format";
import { message } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { CriterionCard } from "./criterion-card";
import { DetailsCard } from "./details-card";
import { UpdateActionForm } from "./update-form";
import { VerifyCard } from "./verify-card";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["organizations", "criteria", "actions", "inspections"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t, locale) => (data ? `${data.action.reference} · ${locale === "en" ? data.action.titles.en : data.action.titles.zh}` : t("actions.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "actions.read");
  const found = await getAction(auth.db, auth.organization.id, uuidParam(params, "actionId"));
  if (!found) notFound();
  const role = auth.membership.role;
  const members = canManageActions(role) ? await assignableMembers(auth.db, auth.organization.id) : [];
  const gate = await releaseGateOf(auth.db, auth.organization.id, found.action);
  return actionView(found, { userId: auth.user.id, role, today: todayInZone(auth.organization.timeZone) }, members, gate);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "actions.read");
  const actionId = uuidParam(params, "actionId");
  const role = auth.membership.role;
  // Ownership and the right to update are settled before the body is read: another organisation's
  // action is a 404 and someone else's a 403, whatever was posted.
  const found = await getAction(auth.db, auth.organization.id, actionId);
  if (!found) notFound();
  const mayUpdate = canUpdateAction(role, auth.user.id, found.action);
  if (!mayUpdate && !can(role, "inspections.supervise")) {
    return data({ errors: { form: message("actions.notYours") }, values: {} }, { status: 403 });
  }
  const form = await readUploadForm(request);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const formData = form.formData;
  const actor = { ...auth.actor, role };
  if (formData.get("intent") === "verify") {
    const verify = parseForm(formData, VerifyActionSchema);
    if (!verify.ok) return data({ intent: "verify", errors: verify.errors, values: verify.values }, { status: 400 });
    const verified = await verifyAction(auth.db, actor, actionId, verify.data);
    if (!verified) notFound();
    if (!verified.ok) return data({ intent: "verify", errors: verified.errors, values: formDataToObject(formData) }, { status: 400 });
    return redirect(`/actions/${actionId}?verified=${verify.data.decision}`);
  }
  if (!mayUpdate) return data({ errors: { form: message("actions.notYours") }, values: {} }, { status: 403 });
  const parsed = parseForm(formData, UpdateActionSchema);
  const upload = await checkUpload(formData.get("file"), { required: false });
  if (!parsed.ok || !upload.ok) {
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(upload.ok ? {} : { file: upload.error }) };
    return data({ errors, values: formDataToObject(formData) }, { status: 400 });
  }
  const updated = await updateAction(auth.db, actor, actionId, parsed.data, upload.file);
  if (!updated) notFound();
  if (!updated.ok) return data({ errors: updated.errors, values: formDataToObject(formData) }, { status: 400 });
  return redirect(`/actions/${actionId}?saved=1`);
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
          {searchParams.get("verified") === "accept" ? <Alert tone="success">{t("actions.verifiedNotice")}</Alert> : null}
          {searchParams.get("verified") === "reject" ? <Alert tone="success">{t("actions.returnedNotice")}</Alert> : null}
          {a.status === "awaiting_verification" ? (
            <Alert tone="info" title={t("actions.awaitingTitle")}>
              {d.verifyBlockedBy ? t(d.verifyBlockedBy) : t("actions.awaitingBody")}
            </Alert>
          ) : null}
          {a.daysOverdue > 0 ? (
            <Alert tone="error" title={t("actions.overdueDays", { count: a.daysOverdue })}>
              {t("actions.overdueBody", { date: formatCalendarDate(a.dueOn, locale) })}
            </Alert>
          ) : null}
          <DetailsCard d={d} zone={shell.organization.timeZone} />
        </div>
        {/* On a phone the form comes right after the details (the owner is there to update it); on a wide screen it sits beside them. */}
        <div className="space-y-4 lg:col-start-3 lg:row-span-2 lg:row-start-1">
          {d.canVerify ? (
            <Card title={t("actions.verifyTitle")}>
              <VerifyCard server={actionData && "intent" in actionData ? actionData : undefined} />
            </Card>
          ) : null}
          {d.canUpdate ? (
            <Card title={t("actions.update")}>
              <UpdateActionForm key={String(a.updatedAt)} d={d} server={actionData && "intent" in actionData ? undefined : actionData} />
            </Card>
          ) : (
            <Card>
              <p className="text-slate-600">
                {a.status === "cancelled" && d.isOwner ? t("actions.readOnlyCancelled") : t("actions.readOnly", { owner: a.ownerName })}
              </p>
            </Card>
          )}
        </div>
        <div className="lg:col-span-2">{d.criterion ? <CriterionCard criterion={d.criterion} /> : null}</div>
      </div>
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { canAssignRole, roles } from "~/lib/auth/permissions";
import { useCan, useShell } from "~/lib/auth/use-session-user";
import { parseForm, parseIntent, readFormData } from "~/lib/form.server";
import { formatDateTime } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { message } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { inviteMember, listMembers, listPendingInvitations, revokeInvitation } from "~/lib/organizations/members.server";
import { InviteSchema } from "~/lib/organizations/organization-schema";
import { appBaseUrl } from "~/lib/request-origin.server";
import { isUuid, notFound } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["organizations"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("members.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "members.read");
  const orgId = auth.organization.id;
  const [members, invitations] = await Promise.all([
    listMembers(auth.db, orgId),
    listPendingInvitations(auth.db, orgId),
  ]);
  return { members, invitations };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "members.manage");
  const formData = await readFormData(request);
  const actor = { ...auth.actor, role: auth.membership.role, name: auth.user.name };
  const intent = parseIntent(formData, ["revoke", "invite"], { whenMissing: "invite" });
  if (intent === "revoke") {
    const invitationId = formData.get("invitationId");
    if (!isUuid(invitationId) || !(await revokeInvitation(auth.db, actor, invitationId))) notFound();
    return redirect("/settings/members?revoked=1");
  }
  const parsed = parseForm(formData, InviteSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await inviteMember(auth.db, actor, {
    ...parsed.data,
    locale: await resolveLocale(request, auth.user.locale),
    baseUrl: appBaseUrl(request),
  });
  if (!result.ok) {
    const errors =
      result.error === "alreadyMember"
        ? { email: message("errors.alreadyMember") }
        : { role: message("errors.roleNotAllowed") };
    return data({ errors, values: parsed.data }, { status: 400 });
  }
  return redirect("/settings/members?invited=1");
}

export default function MembersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const { members, invitations } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const canManage = useCan("members.manage");
  return (
    <>
      <PageHeader title={t("members.title")} description={t("members.description")} />
      <div className="space-y-4">
        {searchParams.get("invited") === "1" ? <Alert tone="success">{t("members.invited")}</Alert> : null}
        {searchParams.get("revoked") === "1" ? <Alert tone="success">{t("members.revoked")}</Alert> : null}
        <Card title={t("members.list", { count: members.length })}>
          <ul className="divide-y divide-slate-100">
            {members.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div className="min-w-0">
                  <p className="font-medium">{m.name}</p>
                  <p className="break-all text-sm text-slate-600">{m.email}</p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone="brand">{t(`roles.${m.role}`)}</Badge>
                  {m.status === "deactivated" ? <Badge tone="bad">{t("members.deactivated")}</Badge> : null}
                  {canManage && m.userId !== shell.user.id ? (
                    <Link to={`/settings/members/${m.id}`} className="flex min-h-11 items-center px-2 text-brand-700 underline">
                      {t("common.manage")}
                    </Link>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </Card>
        {canManage ? (
          <Card title={t("members.pending", { count: invitations.length })}>
            {invitations.length === 0 ? (
              <p className="text-slate-600">{t("members.noPending")}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {invitations.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                    <div>
                      <p className="break-all font-medium">{i.email}</p>
                      <p className="text-sm text-slate-600">
                        {t(`roles.${i.role}`)} · {t("members.expires", { date: formatDateTime(i.expiresAt, locale, shell.organization.timeZone) })}
                      </p>
                    </div>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <Button type="submit" variant="secondary">
                        {t("members.revoke")}
                      </Button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}
        {canManage ? <InviteCard key={location.key} /> : null}
      </div>
    </>
  );
}

function InviteCard() {
  const { t } = useTranslation();
  const shell = useShell();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit } = useValidatedForm(InviteSchema, { server: actionData, defaults: { role: "security" } });
  const names = fields(InviteSchema);
  const assignable = roles.filter((r) => canAssignRole(shell.role, null, r));
  return (
    <Card title={t("members.invite")}>
      <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
        <input type="hidden" name="intent" value="invite" />
        <div className="grid gap-4 md:grid-cols-2">
          <TextField form={form} values={values} name={names.email} type="email" inputMode="email" autoComplete="off" label={t("fields.email")} error={errorOf(names.email)} />
          <SelectField form={form} values={values} name={names.role} label={t("fields.role")} options={assignable.map((r) => ({ value: r, label: t(`roles.${r}`) }))} error={errorOf(names.role)} hint={t(`roleDescriptions.${(form.watch("role") as "owner") ?? "security"}`)} />
        </div>
        <p className="text-sm text-slate-600">{t("members.inviteHint")}</p>
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {t("members.sendInvitation")}
        </Button>
      </Form>
    </Card>
  );
}

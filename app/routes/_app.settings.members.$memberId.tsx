import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SelectField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { canAssignRole, roles } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { parseForm, parseIntent, readFormData } from "~/lib/form.server";
import { message, type MessageKey } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { getMember, updateMember, type MemberChangeError } from "~/lib/organizations/members.server";
import { MemberRoleSchema } from "~/lib/organizations/organization-schema";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["organizations"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("members.manageTitle"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "members.manage");
  const member = await getMember(auth.db, auth.organization.id, uuidParam(params, "memberId"));
  if (!member) notFound();
  return { member };
}

const changeErrors: Record<Exclude<MemberChangeError, "notFound">, MessageKey> = {
  lastOwner: "errors.lastOwner",
  roleNotAllowed: "errors.roleNotAllowed",
  self: "errors.cannotDeactivateSelf",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "members.manage");
  const memberId = uuidParam(params, "memberId");
  const actor = { ...auth.actor, role: auth.membership.role };
  const formData = await readFormData(request);
  const intent = parseIntent(formData, ["role", "deactivate", "reactivate"], { whenMissing: "role" });
  let change: Parameters<typeof updateMember>[3];
  if (intent === "deactivate" || intent === "reactivate") {
    change = { status: intent === "deactivate" ? "deactivated" : "active" };
  } else {
    const parsed = parseForm(formData, MemberRoleSchema);
    if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    change = { role: parsed.data.role };
  }
  const result = await updateMember(auth.db, actor, memberId, change);
  if (!result.ok) {
    if (result.error === "notFound") notFound();
    return data({ errors: { form: message(changeErrors[result.error]) }, values: {} }, { status: 400 });
  }
  return redirect(`/settings/members/${memberId}?saved=1`);
}

export default function MemberPage() {
  const { t } = useTranslation();
  const shell = useShell();
  const { member } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, formError } = useValidatedForm(MemberRoleSchema, {
    defaults: { role: member.role },
    server: actionData,
  });
  const names = fields(MemberRoleSchema);
  const assignable = roles.filter((r) => r === member.role || canAssignRole(shell.role, member.role, r));
  return (
    <>
      <PageHeader
        title={member.name}
        description={member.email}
        actions={
          <Link to="/settings/members" className="text-brand-700 underline">
            {t("members.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <Card title={t("members.role")}>
          <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4" key={member.role}>
            <input type="hidden" name="intent" value="role" />
            <SelectField form={form} values={values} name={names.role} label={t("fields.role")} options={assignable.map((r) => ({ value: r, label: t(`roles.${r}`) }))} error={errorOf(names.role)} />
            <Button type="submit" disabled={navigation.state === "submitting"}>
              {t("members.changeRole")}
            </Button>
          </Form>
        </Card>
        <Card title={t("members.access")}>
          <p className="mb-3">
            {member.status === "active" ? <Badge tone="good">{t("members.active")}</Badge> : <Badge tone="bad">{t("members.deactivated")}</Badge>}
          </p>
          <Form method="post">
            {member.status === "active" ? (
              <>
                <p className="mb-3 text-slate-600">{t("members.deactivateHint")}</p>
                <Button type="submit" name="intent" value="deactivate" variant="danger">
                  {t("members.deactivate")}
                </Button>
              </>
            ) : (
              <Button type="submit" name="intent" value="reactivate" variant="secondary">
                {t("members.reactivate")}
              </Button>
            )}
          </Form>
        </Card>
      </div>
    </>
  );
}

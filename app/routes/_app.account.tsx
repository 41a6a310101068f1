import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { changePassword, updateUserProfile } from "~/lib/auth/accounts.server";
import { ChangePasswordSchema, ProfileSchema } from "~/lib/auth/auth-schema";
import { requireAuth } from "~/lib/auth/auth.server";
import { switchSessionOrganization } from "~/lib/auth/session.server";
import { useShell } from "~/lib/auth/use-session-user";
import { parseForm, parseIntent, readFormData } from "~/lib/form.server";
import { message } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { listUserOrganizations } from "~/lib/organizations/organizations.server";
import { PASSWORD_MIN } from "~/lib/value-checks";
import type { PageHandle } from "~/root";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["auth"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("account.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAuth(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireAuth(request);
  const formData = await readFormData(request);
  const intent = parseIntent(formData, ["profile", "password", "switch-organization"]);
  if (intent === "profile") {
    const parsed = parseForm(formData, ProfileSchema);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    await updateUserProfile(auth.db, auth.user.id, parsed.data);
    return redirect("/account?saved=profile");
  }
  if (intent === "password") {
    const parsed = parseForm(formData, ChangePasswordSchema);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const result = await changePassword(auth.db, {
      userId: auth.user.id,
      currentSessionId: auth.sessionId,
      currentPassword: parsed.data.currentPassword,
      newPassword: parsed.data.newPassword,
    });
    if (!result.ok) {
      return data({ intent, errors: { currentPassword: message("errors.currentPasswordWrong") }, values: {} }, { status: 400 });
    }
    return redirect("/account?saved=password");
  }
  // intent is "switch-organization": parseIntent refused anything else.
  const target = formData.get("organizationId");
  const allowed = await listUserOrganizations(auth.db, auth.user.id);
  if (typeof target !== "string" || !allowed.some((o) => o.id === target)) {
    return data({ intent, errors: { form: message("errors.organizationNotAvailable") }, values: {} }, { status: 400 });
  }
  await switchSessionOrganization(auth.db, auth.sessionId, target);
  return redirect("/");
}

export default function AccountPage() {
  const { t } = useTranslation();
  const shell = useShell();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  return (
    <>
      <PageHeader title={t("account.title")} description={shell.user.email} />
      <div className="space-y-4">
        {saved === "profile" ? <Alert tone="success">{t("account.profileSaved")}</Alert> : null}
        {saved === "password" ? <Alert tone="success">{t("account.passwordChanged")}</Alert> : null}
        <ProfileCard />
        <PasswordCard />
        {shell.organizations.length > 1 ? <OrganizationSwitchCard /> : null}
      </div>
    </>
  );
}

function useIntentData(intent: string) {
  const actionData = useActionData<typeof action>();
  return actionData?.intent === intent ? actionData : undefined;
}

function ProfileCard() {
  const { t } = useTranslation();
  const shell = useShell();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit } = useValidatedForm(ProfileSchema, {
    defaults: { name: shell.user.name },
    server: useIntentData("profile"),
  });
  const names = fields(ProfileSchema);
  return (
    <Card title={t("account.profile")}>
      <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
        <input type="hidden" name="intent" value="profile" />
        <TextField form={form} values={values} name={names.name} autoComplete="name" label={t("fields.yourName")} error={errorOf(names.name)} />
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, formError } = useValidatedForm(ChangePasswordSchema, {
    server: useIntentData("password"),
  });
  const names = fields(ChangePasswordSchema);
  return (
    <Card title={t("account.changePassword")}>
      <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <input type="hidden" name="intent" value="password" />
        <TextField form={form} values={values} name={names.currentPassword} type="password" autoComplete="current-password" label={t("fields.currentPassword")} error={errorOf(names.currentPassword)} />
        <TextField form={form} values={values} name={names.newPassword} type="password" autoComplete="new-password" label={t("fields.newPassword")} hint={t("fields.passwordHint", { min: PASSWORD_MIN })} error={errorOf(names.newPassword)} />
        <TextField form={form} values={values} name={names.confirmPassword} type="password" autoComplete="new-password" label={t("fields.confirmPassword")} error={errorOf(names.confirmPassword)} />
        <p className="text-sm text-slate-600">{t("account.otherSessionsSignedOut")}</p>
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {t("account.changePassword")}
        </Button>
      </Form>
    </Card>
  );
}

function OrganizationSwitchCard() {
  const { t, i18n } = useTranslation();
  const shell = useShell();
  return (
    <Card title={t("account.organizations")}>
      <ul className="space-y-2">
        {shell.organizations.map((o) => (
          <li key={o.id} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              {i18n.language === "en" ? o.legalNameEn : o.legalNameZh} · {t(`roles.${o.role}`)}
            </span>
            {o.id === shell.organization.id ? (
              <span className="text-sm text-slate-500">{t("account.current")}</span>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="switch-organization" />
                <input type="hidden" name="organizationId" value={o.id} />
                <Button type="submit" variant="secondary">
                  {t("account.switch")}
                </Button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

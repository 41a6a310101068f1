import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { AcceptInvitationExistingUserSchema, AcceptInvitationNewUserSchema } from "~/lib/auth/auth-schema";
import { clientAddress } from "~/lib/auth/auth.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData } from "~/lib/form.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { message } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { acceptInvitation, findOpenInvitation } from "~/lib/organizations/members.server";
import { PASSWORD_MIN } from "~/lib/value-checks";
import type { PageHandle } from "~/root";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["auth", "organizations"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("invite.title"));

export async function loader({ params }: LoaderFunctionArgs) {
  const open = await findOpenInvitation(await getDb(), params.token ?? "");
  if (!open) return { valid: false as const };
  return {
    valid: true as const,
    email: open.invitation.email,
    role: open.invitation.role,
    organizationNameZh: open.organizationNameZh,
    organizationNameEn: open.organizationNameEn,
    existingUser: open.existingUser !== null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = await getDb();
  const token = params.token ?? "";
  const open = await findOpenInvitation(db, token);
  if (!open) return data({ errors: { form: message("errors.invitationInvalid") }, values: {} }, { status: 400 });
  const formData = await readFormData(request);
  const parsed = open.existingUser
    ? parseForm(formData, AcceptInvitationExistingUserSchema)
    : parseForm(formData, AcceptInvitationNewUserSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await acceptInvitation(db, request, {
    token,
    name: "name" in parsed.data && typeof parsed.data.name === "string" ? parsed.data.name : undefined,
    password: parsed.data.password,
    locale: await resolveLocale(request),
    address: clientAddress(request),
  });
  if (!result.ok) {
    const errors =
      result.error === "wrongPassword"
        ? { password: message("errors.loginInvalid") }
        : result.error === "blocked"
          ? { form: message("errors.loginBlockedAccount", { minutes: result.retryAfterMinutes ?? 1 }) }
          : { form: message("errors.invitationInvalid") };
    return data({ errors, values: {} }, { status: result.error === "blocked" ? 429 : 400 });
  }
  return redirect("/", { headers: { "Set-Cookie": result.setCookie } });
}

export default function InvitePage() {
  const { t, i18n } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  if (!loaderData.valid) {
    return (
      <Card title={t("invite.title")}>
        <Alert tone="error">{t("errors.invitationInvalid")}</Alert>
        <p className="mt-6 text-sm">
          <Link to="/login" className="text-brand-700 underline">
            {t("reset.backToLogin")}
          </Link>
        </p>
      </Card>
    );
  }
  const organization = i18n.language === "en" ? loaderData.organizationNameEn : loaderData.organizationNameZh;
  return (
    <Card title={t("invite.title")}>
      <p className="mb-4 text-slate-700">
        {t("invite.intro", { organization, role: t(`roles.${loaderData.role}`), email: loaderData.email })}
      </p>
      {loaderData.existingUser ? <ExistingUserForm /> : <NewUserForm />}
    </Card>
  );
}

function NewUserForm() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, formError } = useValidatedForm(AcceptInvitationNewUserSchema, { server: actionData });
  const names = fields(AcceptInvitationNewUserSchema);
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField form={form} values={values} name={names.name} autoComplete="name" label={t("fields.yourName")} error={errorOf(names.name)} />
      <TextField form={form} values={values} name={names.password} type="password" autoComplete="new-password" label={t("fields.newPassword")} hint={t("fields.passwordHint", { min: PASSWORD_MIN })} error={errorOf(names.password)} />
      <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
        {t("invite.accept")}
      </Button>
    </Form>
  );
}

function ExistingUserForm() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, formError } = useValidatedForm(AcceptInvitationExistingUserSchema, { server: actionData });
  const names = fields(AcceptInvitationExistingUserSchema);
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <p className="text-slate-600">{t("invite.existingAccount")}</p>
      <TextField form={form} values={values} name={names.password} type="password" autoComplete="current-password" label={t("fields.password")} error={errorOf(names.password)} />
      <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
        {t("invite.accept")}
      </Button>
    </Form>
  );
}

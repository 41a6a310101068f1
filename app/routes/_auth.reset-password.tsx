import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { completePasswordReset, isResetTokenUsable, requestPasswordReset } from "~/lib/auth/accounts.server";
import { ForgotPasswordSchema, ResetPasswordSchema } from "~/lib/auth/auth-schema";
import { clearSessionCookie } from "~/lib/auth/session.server";
import { getDb } from "~/lib/db.server";
import { parseForm, parseIntent, readFormData } from "~/lib/form.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { message } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { appBaseUrl } from "~/lib/request-origin.server";
import { PASSWORD_MIN } from "~/lib/value-checks";
import type { PageHandle } from "~/root";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["auth"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("reset.title"));

// One address, two steps: without a token it asks for the email; with ?token= it sets the password.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  if (!token) return { step: "request" as const, token: null, usable: false };
  return { step: "reset" as const, token, usable: await isResetTokenUsable(await getDb(), token) };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const db = await getDb();
  // The form asking for a link posts no intent; the one setting the new password posts "reset".
  const intent = parseIntent(formData, ["reset", "request"], { whenMissing: "request" });
  if (intent === "reset") {
    const parsed = parseForm(formData, ResetPasswordSchema);
    if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, sent: false }, { status: 400 });
    const result = await completePasswordReset(db, { token: parsed.data.token, newPassword: parsed.data.newPassword });
    if (!result.ok) {
      return data({ errors: { form: message("errors.resetLinkInvalid") }, values: {}, sent: false }, { status: 400 });
    }
    return redirect("/login?reset=1", { headers: { "Set-Cookie": await clearSessionCookie(request) } });
  }
  const parsed = parseForm(formData, ForgotPasswordSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, sent: false }, { status: 400 });
  await requestPasswordReset(db, {
    email: parsed.data.email,
    locale: await resolveLocale(request),
    baseUrl: appBaseUrl(request),
  });
  return { errors: {}, values: { email: parsed.data.email }, sent: true };
}

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  return (
    <Card title={t("reset.title")}>
      {loaderData.step === "request" ? (
        <RequestStep />
      ) : loaderData.usable && loaderData.token ? (
        <ResetStep token={loaderData.token} />
      ) : (
        <div className="space-y-4">
          <Alert tone="error">{t("errors.resetLinkInvalid")}</Alert>
          <Link to="/reset-password" className="text-brand-700 underline">
            {t("reset.requestAgain")}
          </Link>
        </div>
      )}
      <p className="mt-6 text-sm">
        <Link to="/login" className="text-brand-700 underline">
          {t("reset.backToLogin")}
        </Link>
      </p>
    </Card>
  );
}

function RequestStep() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit } = useValidatedForm(ForgotPasswordSchema, { server: actionData });
  const names = fields(ForgotPasswordSchema);
  if (actionData?.sent) return <Alert tone="success">{t("reset.sent")}</Alert>;
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
      <p className="text-slate-600">{t("reset.intro")}</p>
      <TextField form={form} values={values} name={names.email} type="email" autoComplete="email" inputMode="email" label={t("fields.email")} error={errorOf(names.email)} />
      <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
        {t("reset.send")}
      </Button>
    </Form>
  );
}

function ResetStep(props: { token: string }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, formError } = useValidatedForm(ResetPasswordSchema, {
    server: actionData,
    defaults: { token: props.token },
  });
  const names = fields(ResetPasswordSchema);
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" value={props.token} {...form.register(names.token)} />
      <input type="hidden" name="intent" value="reset" />
      <TextField form={form} values={values} name={names.newPassword} type="password" autoComplete="new-password" label={t("fields.newPassword")} hint={t("fields.passwordHint", { min: PASSWORD_MIN })} error={errorOf(names.newPassword)} />
      <TextField form={form} values={values} name={names.confirmPassword} type="password" autoComplete="new-password" label={t("fields.confirmPassword")} error={errorOf(names.confirmPassword)} />
      <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
        {t("reset.submit")}
      </Button>
    </Form>
  );
}

import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { signUp } from "~/lib/auth/accounts.server";
import { SignupSchema } from "~/lib/auth/auth-schema";
import { clientAddress, requireGuest } from "~/lib/auth/auth.server";
import { createSession } from "~/lib/auth/session.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData } from "~/lib/form.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { message } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { PASSWORD_MIN } from "~/lib/value-checks";

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("signup.title"));

// Public, with nothing personal in it: a browser may keep it (Back, bfcache) but asks again
// before reusing it. Pages behind the login default to "private, no-store" (entry.server.tsx).
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-cache" });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireGuest(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(await readFormData(request), SignupSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const db = await getDb();
  const result = await signUp(db, { ...parsed.data, locale: await resolveLocale(request) });
  if (!result.ok) {
    const { password: _password, ...values } = parsed.data;
    return data({ errors: { email: message("errors.emailTaken") }, values }, { status: 400 });
  }
  const setCookie = await createSession(db, request, {
    userId: result.userId,
    organizationId: result.organizationId,
    ipAddress: clientAddress(request),
    userAgent: request.headers.get("User-Agent"),
  });
  return redirect("/settings/organization?welcome=1", { headers: { "Set-Cookie": setCookie } });
}

export default function SignupPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, formError } = useValidatedForm(SignupSchema, { server: actionData });
  const field = { form, values };
  return (
    <Card title={t("signup.title")}>
      <p className="mb-4 text-slate-600">{t("signup.intro")}</p>
      <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <TextField {...field} name="organizationNameZh" label={t("fields.legalNameZh")} error={errorOf("organizationNameZh")} placeholder="深圳某某进出口有限公司" />
        <TextField {...field} name="organizationNameEn" label={t("fields.legalNameEn")} error={errorOf("organizationNameEn")} placeholder="Shenzhen Example Trading Co., Ltd." />
        <TextField {...field} name="name" autoComplete="name" label={t("fields.yourName")} error={errorOf("name")} />
        <TextField {...field} name="email" type="email" autoComplete="email" inputMode="email" label={t("fields.email")} error={errorOf("email")} />
        <TextField {...field} name="password" type="password" autoComplete="new-password" label={t("fields.newPassword")} hint={t("fields.passwordHint", { min: PASSWORD_MIN })} error={errorOf("password")} />
        <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
          {t("signup.submit")}
        </Button>
      </Form>
      <p className="mt-6 text-sm">
        <Link to="/login" className="text-brand-700 underline">
          {t("signup.loginLink")}
        </Link>
      </p>
    </Card>
  );
}

import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { noticeSignupAttempt, signUp } from "~/lib/auth/accounts.server";
import { SignupSchema } from "~/lib/auth/auth-schema";
import { clientAddress, requireGuest } from "~/lib/auth/auth.server";
import { createSession } from "~/lib/auth/session.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData } from "~/lib/form.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { titleFor } from "~/lib/i18n/meta";
import { appBaseUrl } from "~/lib/request-origin.server";
import { PASSWORD_MIN } from "~/lib/value-checks";
import type { PageHandle } from "~/root";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["auth"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("signup.title"));

// Public, with nothing personal in it: a browser may keep it (Back, bfcache) but asks again
// before reusing it. Pages behind the login default to "private, no-store" (entry.server.tsx).
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-cache" });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireGuest(request);
  return null;
}

// An address that already has an account is not named as such. Signing up creates the organisation
// and logs its owner in at once, so a fresh address and a taken one cannot get the same answer without
// lying (the one is logged in, the other cannot be): that difference is what remains, and only
// confirming the address by email before anything is created would remove it (a product change:
// outbox emails without an organisation, pending signups; not made here). What is done instead:
//   - the page never says the address is taken (it used to, on the email field): it says to check the
//     inbox of that address, which is true: the account is sent an email (in a job, at most three an
//     hour) saying someone tried to sign up with it, with a link to log in and one to reset;
//   - the password is hashed before the address is looked up, either way;
//   - probing is not free: each address found free creates a real organisation in its name
//     (audited), and each one found taken tells its owner.
export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(await readFormData(request), SignupSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, checkEmail: false }, { status: 400 });
  const db = await getDb();
  const locale = await resolveLocale(request);
  const result = await signUp(db, { ...parsed.data, locale });
  if (!result.ok) {
    await noticeSignupAttempt(db, { email: parsed.data.email, locale, baseUrl: appBaseUrl(request) });
    const { password: _password, ...values } = parsed.data;
    return data({ errors: {}, values, checkEmail: true });
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
  const names = fields(SignupSchema);
  const field = { form, values };
  if (actionData?.checkEmail) {
    return (
      <Card title={t("signup.title")}>
        <Alert tone="success">{t("signup.checkEmail", { email: String(actionData.values.email ?? "") })}</Alert>
        <p className="mt-6 text-sm">
          <Link to="/login" className="text-brand-700 underline">
            {t("signup.loginLink")}
          </Link>
        </p>
      </Card>
    );
  }
  return (
    <Card title={t("signup.title")}>
      <p className="mb-4 text-slate-600">{t("signup.intro")}</p>
      <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <TextField {...field} name={names.organizationNameZh} label={t("fields.legalNameZh")} error={errorOf(names.organizationNameZh)} placeholder="深圳某某进出口有限公司" />
        <TextField {...field} name={names.organizationNameEn} label={t("fields.legalNameEn")} error={errorOf(names.organizationNameEn)} placeholder="Shenzhen Example Trading Co., Ltd." />
        <TextField {...field} name={names.name} autoComplete="name" label={t("fields.yourName")} error={errorOf(names.name)} />
        <TextField {...field} name={names.email} type="email" autoComplete="email" inputMode="email" label={t("fields.email")} error={errorOf(names.email)} />
        <TextField {...field} name={names.password} type="password" autoComplete="new-password" label={t("fields.newPassword")} hint={t("fields.passwordHint", { min: PASSWORD_MIN })} error={errorOf(names.password)} />
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

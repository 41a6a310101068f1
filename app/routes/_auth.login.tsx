import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { logIn } from "~/lib/auth/accounts.server";
import { LoginSchema } from "~/lib/auth/auth-schema";
import { clientAddress, requireGuest } from "~/lib/auth/auth.server";
import { createSession, deleteExpiredSessions, deleteSessionByToken, readSessionToken } from "~/lib/auth/session.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData } from "~/lib/form.server";
import { message } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { safeRedirectPath } from "~/lib/safe-redirect";
import type { PageHandle } from "~/root";
import { fields } from "~/lib/form-fields";

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("login.title"));

// No JavaScript: the server checks the form and answers every mistake in the reader's language.
export const handle: PageHandle = { scripts: false, i18n: ["auth"] };

// Public, with nothing personal in it: a browser may keep it (Back, bfcache) but asks again
// before reusing it. Pages behind the login default to "private, no-store" (entry.server.tsx).
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-cache" });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireGuest(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(await readFormData(request), LoginSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const db = await getDb();
  const { email, password } = parsed.data;
  const result = await logIn(db, { email, password, address: clientAddress(request) });
  const values = { email };
  if (!result.ok) {
    const form =
      result.error === "blocked"
        ? message(result.block.scope === "account" ? "errors.loginBlockedAccount" : "errors.loginBlockedAddress", {
            minutes: result.block.retryAfterMinutes,
          })
        : result.error === "noActiveMembership"
          ? message("errors.noActiveMembership")
          : message("errors.loginInvalid");
    return data({ errors: { form }, values }, { status: result.error === "blocked" ? 429 : 400 });
  }
  // Rotation: whatever session this browser held is dropped and a new one issued.
  const previous = await readSessionToken(request);
  if (previous) await deleteSessionByToken(db, previous);
  await deleteExpiredSessions(db);
  const setCookie = await createSession(db, request, {
    userId: result.userId,
    organizationId: result.organizationId,
    ipAddress: clientAddress(request),
    userAgent: request.headers.get("User-Agent"),
  });
  return redirect(safeRedirectPath(parsed.data.redirectTo, "/"), { headers: { "Set-Cookie": setCookie } });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, formError } = useValidatedForm(LoginSchema, { server: actionData });
  const names = fields(LoginSchema);
  return (
    <Card title={<span>{t("login.title")}</span>}>
      <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {searchParams.get("reset") === "1" ? <Alert tone="success">{t("login.passwordWasReset")}</Alert> : null}
        {searchParams.get("loggedOut") === "1" ? <Alert tone="info">{t("common.loggedOut")}</Alert> : null}
        <input type="hidden" name={names.redirectTo} value={searchParams.get("redirectTo") ?? "/"} />
        <TextField form={form} values={values} name={names.email} type="email" autoComplete="username" inputMode="email" label={t("fields.email")} error={errorOf(names.email)} />
        <TextField form={form} values={values} name={names.password} type="password" autoComplete="current-password" label={t("fields.password")} error={errorOf(names.password)} />
        <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </Button>
      </Form>
      <div className="mt-6 flex flex-wrap justify-between gap-2 text-sm">
        <Link to="/reset-password" className="text-brand-700 underline">
          {t("login.forgot")}
        </Link>
        <Link to="/signup" className="text-brand-700 underline">
          {t("login.signupLink")}
        </Link>
      </div>
    </Card>
  );
}

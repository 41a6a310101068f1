import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requireAuth } from "~/lib/auth/auth.server";
import { useShell } from "~/lib/auth/use-session-user";
import { parseForm, readFormData } from "~/lib/form.server";
import { localized } from "~/lib/i18n/localized";
import { titleFor } from "~/lib/i18n/meta";
import { useTranslation } from "~/lib/i18n/use-translation";
import { personKinds, PreferencesSchema } from "~/lib/notifications/notification-schema";
import { preferencesOf, savePreferences } from "~/lib/notifications/notifications.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["notifications"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("notifications.preferences.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireAuth(request);
  return { preferences: await preferencesOf(auth.db, auth.organization.id, auth.user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireAuth(request);
  const parsed = parseForm(await readFormData(request), PreferencesSchema);
  // Every combination of boxes is a valid choice: only a forged value can fail, and changes nothing.
  if (!parsed.ok) return redirect("/account/notifications");
  await savePreferences(auth.db, auth.organization.id, auth.user.id, parsed.data);
  return redirect("/account/notifications?saved=1");
}

export default function NotificationPreferencesPage() {
  const { t, i18n } = useTranslation();
  const shell = useShell();
  const { preferences } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  return (
    <>
      <BackLink to="/notifications">{t("notifications.title")}</BackLink>
      <PageHeader
        title={t("notifications.preferences.title")}
        description={t("notifications.preferences.description", { organization: localized(shell.organization, "legalName", i18n.language) })}
      />
      <div className="space-y-4">
        {searchParams.get("saved") ? <Alert tone="success">{t("notifications.preferences.saved")}</Alert> : null}
        <Card>
          <Form method="post" className="space-y-4">
            <table className="w-full text-left">
              <thead>
                <tr className="border-b border-slate-200 text-sm text-slate-600">
                  <th scope="col" className="py-2 pr-2 font-medium">
                    {t("notifications.preferences.kindColumn")}
                  </th>
                  <th scope="col" className="w-24 py-2 text-center font-medium">
                    {t("notifications.preferences.inApp")}
                  </th>
                  <th scope="col" className="w-24 py-2 text-center font-medium">
                    {t("notifications.preferences.email")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {personKinds.map((kind) => (
                  <tr key={kind} className="border-b border-slate-100">
                    <th scope="row" className="py-3 pr-2 font-normal">
                      {t(`notifications.preferences.kinds.${kind}`)}
                    </th>
                    <td className="text-center">
                      <input
                        type="checkbox"
                        name="inAppKinds"
                        value={kind}
                        defaultChecked={preferences.inAppKinds.includes(kind)}
                        aria-label={`${t(`notifications.preferences.kinds.${kind}`)}: ${t("notifications.preferences.inApp")}`}
                        className="size-6 accent-brand-700"
                      />
                    </td>
                    <td className="text-center">
                      <input
                        type="checkbox"
                        name="emailKinds"
                        value={kind}
                        defaultChecked={preferences.emailKinds.includes(kind)}
                        aria-label={`${t(`notifications.preferences.kinds.${kind}`)}: ${t("notifications.preferences.email")}`}
                        className="size-6 accent-brand-700"
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <label className="flex min-h-11 items-center gap-3">
              <input type="checkbox" name="weeklyDigest" defaultChecked={preferences.weeklyDigest} className="size-6 accent-brand-700" />
              <span>{t("notifications.preferences.weeklyDigest")}</span>
            </label>
            <Button type="submit" disabled={navigation.state === "submitting"}>
              {t("common.save")}
            </Button>
          </Form>
        </Card>
      </div>
    </>
  );
}

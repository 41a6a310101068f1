import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requireAuth } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { parseIntent, readFormData } from "~/lib/form.server";
import { formatDateTime } from "~/lib/i18n/format";
import { localized } from "~/lib/i18n/localized";
import { message } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { listNotifications, markAllRead, markRead } from "~/lib/notifications/notifications.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { isUuid } from "~/lib/value-checks";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["notifications"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("notifications.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireAuth(request);
  return {
    notifications: await listNotifications(auth.db, auth.organization.id, auth.user.id),
    canManage: can(auth.membership.role, "notifications.manage"),
  };
}

/** Mark one read (and, with "open", go to it), or all. Only the person's own notices are touched. */
export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireAuth(request);
  const formData = await readFormData(request);
  const intent = parseIntent(formData, ["read", "open", "all-read"]);
  if (intent === "all-read") {
    await markAllRead(auth.db, auth.organization.id, auth.user.id);
    return redirect("/notifications?read=all");
  }
  const id = formData.get("id");
  if (typeof id !== "string" || !isUuid(id)) return data({ errors: { form: message("errors.invalid") } }, { status: 400 });
  const href = await markRead(auth.db, auth.organization.id, auth.user.id, id);
  if (href === null) throw data(null, { status: 404 });
  return redirect(intent === "open" ? safeRedirectPath(href, "/notifications") : "/notifications");
}

export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const { notifications, canManage } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        description={t("notifications.description")}
        actions={
          <div className="flex flex-wrap gap-3 text-sm">
            <Link to="/account/notifications" className="font-medium text-brand-700 underline">
              {t("notifications.preferencesLink")}
            </Link>
            {canManage ? (
              <Link to="/settings/notifications" className="font-medium text-brand-700 underline">
                {t("notifications.settingsLink")}
              </Link>
            ) : null}
          </div>
        }
      />
      <div className="space-y-4">
        {searchParams.get("read") === "all" ? <Alert tone="success">{t("notifications.allRead")}</Alert> : null}
        <Card
          title={t("notifications.unread", { count: unread })}
          actions={
            unread ? (
              <Form method="post">
                <input type="hidden" name="intent" value="all-read" />
                <Button type="submit" variant="secondary">
                  {t("notifications.markAllRead")}
                </Button>
              </Form>
            ) : null
          }
        >
          {notifications.length === 0 ? (
            <p className="text-slate-600">{t("notifications.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {notifications.map((n) => (
                <li key={n.id} className={`flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between ${n.readAt ? "" : "border-l-4 border-brand-600 pl-3"}`}>
                  <div className="min-w-0 flex-1">
                    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                      {n.readAt ? null : <Badge tone="brand">{t("notifications.new")}</Badge>}
                      <span>{t(`notifications.kind.${n.kind}`)}</span>
                      <span>{formatDateTime(n.createdAt, locale, shell.organization.timeZone)}</span>
                    </p>
                    <p className={`mt-1 break-words ${n.readAt ? "text-slate-700" : "font-semibold text-slate-900"}`}>{localized(n, "title", i18n.language)}</p>
                  </div>
                  <Form method="post" className="flex gap-2">
                    <input type="hidden" name="id" value={n.id} />
                    <Button type="submit" name="intent" value="open" variant="secondary">
                      {t("notifications.open")}
                    </Button>
                    {n.readAt ? null : (
                      <Button type="submit" name="intent" value="read" variant="ghost">
                        {t("notifications.markRead")}
                      </Button>
                    )}
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

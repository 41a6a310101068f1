import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Badge } from "~/components/ui/badge";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { useShell } from "~/lib/auth/use-session-user";
import { listOutbox } from "~/lib/email/email.server";
import { formatDateTime } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["organizations"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("outbox.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "outbox.read");
  return { emails: await listOutbox(auth.db, auth.organization.id) };
}

const statusTone = { stored: "brand", queued: "warn", sending: "warn", sent: "good", failed: "bad" } as const;

export default function OutboxPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const { emails } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("outbox.title")} description={t("outbox.description")} />
      <Card title={t("outbox.list", { count: emails.length })}>
        {emails.length === 0 ? (
          <p className="text-slate-600">{t("outbox.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {emails.map((e) => (
              <li key={e.id} className="py-3">
                <Link to={`/settings/outbox/${e.id}`} className="font-medium text-brand-700 underline">
                  {e.subject}
                </Link>
                <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                  <span className="break-all">{e.to}</span>
                  <Badge tone={statusTone[e.status]}>{t(`outbox.status.${e.status}`)}</Badge>
                  <span>{formatDateTime(e.createdAt, locale, shell.organization.timeZone)}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

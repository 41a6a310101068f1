import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { useShell } from "~/lib/auth/use-session-user";
import { getOutboxEmail } from "~/lib/email/email.server";
import { mayRevealResetLink, withholdResetLinks } from "~/lib/email/outbox-policy.server";
import { Alert } from "~/components/ui/alert";
import { formatDateTime } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["organizations"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("outbox.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "outbox.read");
  const email = await getOutboxEmail(auth.db, auth.organization.id, uuidParam(params, "emailId"));
  if (!email) notFound();
  const withheld =
    email.kind === "password_reset" &&
    !(await mayRevealResetLink(auth.db, auth.organization.id, auth.membership.role, email.to));
  const text = withheld ? withholdResetLinks(email.text, "[…]") : email.text;
  const html = withheld ? withholdResetLinks(email.html, "#") : email.html;
  const links = [...text.matchAll(/https?:\/\/[^\s\])]+/g)].map((m) => m[0]);
  return { email: { ...email, text, html }, links: [...new Set(links)], withheld };
}

export default function OutboxEmailPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const { email, links, withheld } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={email.subject}
        actions={
          <Link to="/settings/outbox" className="text-brand-700 underline">
            {t("outbox.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {withheld ? <Alert tone="warning">{t("outbox.resetLinkWithheld")}</Alert> : null}
        <Card>
          <dl className="grid gap-1 text-sm sm:grid-cols-[8rem_1fr]">
            <dt className="text-slate-500">{t("outbox.to")}</dt>
            <dd className="break-all">{email.to}</dd>
            <dt className="text-slate-500">{t("outbox.created")}</dt>
            <dd>{formatDateTime(email.createdAt, locale, shell.organization.timeZone)}</dd>
            <dt className="text-slate-500">{t("outbox.statusLabel")}</dt>
            <dd>
              {t(`outbox.status.${email.status}`)}
              {email.error ? ` — ${email.error === "outbox.interrupted" ? t("outbox.interrupted") : email.error}` : ""}
            </dd>
          </dl>
          {links.length ? (
            <div className="mt-4">
              <p className="text-sm font-semibold">{t("outbox.links")}</p>
              <ul>
                {links.map((href) => (
                  <li key={href}>
                    <a href={href} className="break-all text-brand-700 underline">
                      {href}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
        <Card title={t("outbox.rendered")}>
          {/* Sandboxed: no scripts, no same-origin access. */}
          <iframe title={email.subject} sandbox="" srcDoc={email.html} className="h-[32rem] w-full rounded border border-slate-200 bg-white" />
        </Card>
      </div>
    </>
  );
}

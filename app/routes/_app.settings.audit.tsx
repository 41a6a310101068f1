import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { AuditEventSummary } from "~/components/audit/audit-event-summary";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { Pager } from "~/components/ui/pager";
import { Input, Select } from "~/components/ui/input";
import { AUDIT_PAGE_SIZE, AuditFilterSchema } from "~/lib/audit/audit-schema";
import { listAuditEntityTypes, listAuditEvents, verifyOrganizationChain } from "~/lib/audit/audit.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { useShell } from "~/lib/auth/use-session-user";
import { parseForm } from "~/lib/form.server";
import { formatDateTime, startOfDayInZone } from "~/lib/i18n/format";
import { translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["audit"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("audit.title"));

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "audit.read");
  const orgId = auth.organization.id;
  const url = new URL(request.url);
  const form = new FormData();
  for (const [key, value] of url.searchParams) if (key !== "lng") form.append(key, value);
  const parsed = parseForm(form, AuditFilterSchema);
  const filter = parsed.ok ? parsed.data : { page: 1 };
  const zone = auth.organization.timeZone;
  const [events, entityTypes, chain] = await Promise.all([
    listAuditEvents(
      auth.db,
      orgId,
      {
        entityType: "entityType" in filter ? filter.entityType : undefined,
        action: "action" in filter ? filter.action : undefined,
        from: "from" in filter && filter.from ? startOfDayInZone(filter.from, zone) : undefined,
        to: "to" in filter && filter.to ? startOfDayInZone(nextDay(filter.to), zone) : undefined,
      },
      filter.page,
    ),
    listAuditEntityTypes(auth.db, orgId),
    verifyOrganizationChain(auth.db, orgId),
  ]);
  const pages = Math.max(1, Math.ceil(events.total / AUDIT_PAGE_SIZE));
  // Events up to the cut-over are plain SHA-256, later ones HMAC-SHA-256 under the installation key.
  const legacySeq = auth.organization.auditLegacySeq;
  return { events, entityTypes, chain, legacySeq, page: filter.page, pages, errors: parsed.ok ? {} : parsed.errors };
}

export default function AuditPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const { events, entityTypes, chain, legacySeq, page, pages, errors } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const pageLink = (p: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(p));
    return `?${next.toString()}`;
  };
  const errorList = Object.values(errors);
  return (
    <>
      <PageHeader title={t("audit.title")} description={t("audit.description")} />
      <div className="space-y-4">
        {chain.ok ? (
          <Alert tone="success" title={t("audit.chainOk")}>
            {t("audit.chainOkBody", { count: chain.events })}
          </Alert>
        ) : (
          <Alert tone="error" title={t("audit.chainBroken")}>
            {t(`audit.chainProblem.${chain.problem.reason}`, { seq: chain.problem.seq })}
          </Alert>
        )}
        <Card title={t("audit.filter")}>
          <Form method="get" className="grid gap-3 md:grid-cols-5 md:items-end">
            <label className="space-y-1 text-sm font-medium">
              <span>{t("audit.entityType")}</span>
              <Select name="entityType" defaultValue={searchParams.get("entityType") ?? ""}>
                <option value="">{t("common.all")}</option>
                {entityTypes.map((type) => (
                  <option key={type} value={type}>
                    {t(`audit.entities.${type}` as "audit.entities.site", { defaultValue: type })}
                  </option>
                ))}
              </Select>
            </label>
            <label className="space-y-1 text-sm font-medium">
              <span>{t("audit.action")}</span>
              <Select name="action" defaultValue={searchParams.get("action") ?? ""}>
                <option value="">{t("common.all")}</option>
                {(["create", "update", "delete"] as const).map((a) => (
                  <option key={a} value={a}>
                    {t(`audit.actionNames.${a}`)}
                  </option>
                ))}
              </Select>
            </label>
            <label className="space-y-1 text-sm font-medium">
              <span>{t("audit.from")}</span>
              <Input type="date" name="from" defaultValue={searchParams.get("from") ?? ""} />
            </label>
            <label className="space-y-1 text-sm font-medium">
              <span>{t("audit.to")}</span>
              <Input type="date" name="to" defaultValue={searchParams.get("to") ?? ""} />
            </label>
            <button type="submit" className={buttonClass("secondary")}>
              {t("audit.apply")}
            </button>
          </Form>
          {errorList.length ? (
            <div className="mt-3">
              <Alert tone="error">{errorList.map((e) => translateMessage(t, e)).join(" ")}</Alert>
            </div>
          ) : null}
        </Card>
        <Card title={t("audit.events", { count: events.total })}>
          {events.rows.length === 0 ? (
            <p className="text-slate-600">{t("audit.empty")}</p>
          ) : (
            <ol className="divide-y divide-slate-100">
              {events.rows.map((e) => (
                <li key={e.id} className={`py-3 ${!chain.ok && chain.problem.seq === e.seq ? "border-l-4 border-red-600 pl-3" : ""}`}>
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <AuditEventSummary event={e} />
                    {!chain.ok && chain.problem.seq === e.seq ? <Badge tone="bad">{t("audit.breaksHere")}</Badge> : null}
                    <span className="text-xs text-slate-500">
                      #{e.seq} · {formatDateTime(e.occurredAt, locale, shell.organization.timeZone)}
                    </span>
                  </div>
                  <details className="mt-1">
                    <summary className="cursor-pointer text-sm text-brand-700">{t("audit.details")}</summary>
                    <div className="mt-2 grid gap-2 md:grid-cols-2">
                      <div>
                        <p className="text-xs font-semibold text-slate-500">{t("audit.before")}</p>
                        <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(e.before, null, 2)}</pre>
                      </div>
                      <div>
                        <p className="text-xs font-semibold text-slate-500">{t("audit.after")}</p>
                        <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(e.after, null, 2)}</pre>
                      </div>
                    </div>
                    <p className="mt-1 break-all font-mono text-xs text-slate-500">
                      {e.seq > legacySeq ? "HMAC-SHA-256" : "SHA-256"} {e.hash}
                    </p>
                  </details>
                </li>
              ))}
            </ol>
          )}
          <Pager page={page} pages={pages} label={t("audit.pagination")} href={pageLink} />
        </Card>
      </div>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { formatCalendarDate } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { getInternalAudit } from "~/lib/internal-audits/internal-audits.server";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["organizations", "criteria", "actions", "inspections", "internalAudits"] } satisfies PageHandle;

// /internal-audits/:auditId: one internal audit, its findings and the actions they raised.

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) =>
  titleFor(matches, (t) => (loaded ? `${loaded.reference} ${t("internalAudits.title")}` : t("internalAudits.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "internalAudits.read");
  const found = await getInternalAudit(auth.db, auth.organization.id, uuidParam(params, "auditId"));
  if (!found) notFound();
  return found;
}

const severityTone = { major: "bad", minor: "warn", observation: "neutral" } as const;
const resultTone = { conforms: "good", conforms_with_findings: "warn", does_not_conform: "bad" } as const;

export default function InternalAuditPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const a = d.audit;
  return (
    <>
      <PageHeader
        title={`${d.reference} · ${formatCalendarDate(a.auditedOn, locale)}`}
        description={t("internalAudits.title")}
        actions={
          <Link to="/internal-audits" className={buttonClass("secondary")}>
            {t("internalAudits.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {params.get("created") ? <Alert tone="success">{t("internalAudits.created")}</Alert> : null}
        <Card>
          <dl className="grid gap-3 md:grid-cols-[12rem_minmax(0,1fr)]">
            <dt className="font-medium text-slate-600">{t("internalAudits.scope")}</dt>
            <dd className="whitespace-pre-line">{a.scope}</dd>
            <dt className="font-medium text-slate-600">{t("internalAudits.auditors")}</dt>
            <dd>{a.auditors}</dd>
            <dt className="font-medium text-slate-600">{t("internalAudits.result")}</dt>
            <dd>
              <Badge tone={resultTone[a.result]}>{t(`internalAudits.results.${a.result}`)}</Badge>
            </dd>
            <dt className="font-medium text-slate-600">{t("internalAudits.conclusion")}</dt>
            <dd className="whitespace-pre-line">{a.conclusion}</dd>
          </dl>
          {d.recordedByName ? <p className="mt-3 text-sm text-slate-500">{t("internalAudits.recordedBy", { name: d.recordedByName })}</p> : null}
        </Card>
        <Card title={t("internalAudits.findings")}>
          {d.findings.length === 0 ? (
            <p className="text-slate-600">{t("internalAudits.noFindings")}</p>
          ) : (
            <ol className="divide-y divide-slate-100">
              {d.findings.map((f) => (
                <li key={f.id} className="grid gap-2 py-3 md:grid-cols-[minmax(0,1fr)_16rem] md:gap-6">
                  <div className="min-w-0">
                    <p className="text-sm text-slate-500">
                      {t("internalAudits.findingRow", { number: f.position })}{" "}
                      <Badge tone={severityTone[f.severity]}>{t(`internalAudits.severities.${f.severity}`)}</Badge>
                    </p>
                    <p className="whitespace-pre-line">{f.description}</p>
                  </div>
                  <div className="text-sm md:text-right">
                    {f.actionId && f.actionReference ? (
                      <>
                        <Link to={`/actions/${f.actionId}`} className="font-mono text-brand-700 underline">
                          {f.actionReference}
                        </Link>
                        <p className="text-slate-600">{t(`actions.status.${f.actionStatus ?? "open"}`)}</p>
                        {f.actionOwnerName ? <p className="text-slate-500">{f.actionOwnerName}</p> : null}
                      </>
                    ) : (
                      <p className="text-slate-500">{t("internalAudits.noAction")}</p>
                    )}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}

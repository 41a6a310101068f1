import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Card, PageHeader } from "~/components/ui/card";
import { BackLink } from "~/components/ui/back-link";
import { requirePermission } from "~/lib/auth/auth.server";
import { formatDateTime } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { sealAuditReference } from "~/lib/seals/seal-numbers";
import { getSealAudit } from "~/lib/seals/seal-audits.server";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria", "inspections", "seals"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => t("seals.audits.resultTitle", { reference: data?.reference ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "seals.read");
  const row = await getSealAudit(auth.db, auth.organization.id, uuidParam(params, "auditId"));
  if (!row) notFound();
  return { ...row, reference: sealAuditReference(row.audit.number), timeZone: auth.organization.timeZone };
}

const countKeys = ["received", "inStock", "issued", "applied", "arrived", "compromised", "voided"] as const;

export default function SealAuditPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const r = d.audit.result;
  return (
    <>
      <PageHeader
        title={t("seals.audits.resultTitle", { reference: d.reference })}
        description={`${formatDateTime(d.audit.performedAt, locale, d.timeZone)} · ${d.performedByName} · ${localized(d, "siteName", i18n.language) ?? t("seals.audits.allSites")}`}
        actions={
          <BackLink to="/seals/audits">{t("seals.audits.backToList")}</BackLink>
        }
      />
      <div className="mb-4">
        {d.audit.balanced ? (
          <Alert tone="success">{t("seals.audits.balancedLong", { counted: r.counted })}</Alert>
        ) : (
          <Alert tone="error">{t("seals.audits.unbalancedLong", { missing: r.missing.length, unexpected: r.unexpected.length })}</Alert>
        )}
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("seals.audits.counts")}>
          <table className="w-full text-sm">
            <tbody>
              {countKeys.map((key) => (
                <tr key={key} className={key === "received" ? "border-b border-slate-200 font-semibold" : ""}>
                  <th scope="row" className="py-1 text-left font-normal">
                    {key === "received" ? "" : "+ "}
                    {t(`seals.audits.count.${key}`)}
                  </th>
                  <td className="py-1 text-right font-mono">{r.counts[key]}</td>
                </tr>
              ))}
              <tr className="border-t border-slate-200">
                <th scope="row" className="py-1 text-left font-normal">
                  {t("seals.audits.count.counted")}
                </th>
                <td className="py-1 text-right font-mono">{r.counted}</td>
              </tr>
            </tbody>
          </table>
          <p className="mt-2 text-sm text-slate-600">{t("seals.audits.formula")}</p>
        </Card>
        <Card title={t("seals.audits.missing", { count: r.missing.length })}>
          {r.missing.length === 0 ? (
            <p className="text-slate-600">{t("seals.audits.noneMissing")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {r.missing.map((m) => (
                <li key={m.number}>
                  <span className="font-mono font-semibold text-red-800">{m.number}</span> ·{" "}
                  {m.status === "issued" && m.custodian
                    ? t("seals.chain.to", { name: m.custodian })
                    : t(`seals.status.${m.status as "in_stock"}`)}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("seals.audits.unexpected", { count: r.unexpected.length })}>
          {r.unexpected.length === 0 ? (
            <p className="text-slate-600">{t("seals.audits.noneUnexpected")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {r.unexpected.map((u) => (
                <li key={u.number}>
                  <span className="font-mono font-semibold text-amber-800">{u.number}</span> ·{" "}
                  {u.status
                    ? t("seals.audits.recordedAs", { status: t(`seals.status.${u.status as "in_stock"}`) })
                    : t("seals.audits.unknown")}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      {d.audit.note ? (
        <Card title={t("seals.fields.note")} className="mt-4">
          <p className="whitespace-pre-wrap">{d.audit.note}</p>
        </Card>
      ) : null}
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/card";
import { RegisterList, SPLIT_ROW } from "~/components/ui/register-list";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { formatCalendarDate } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { listInternalAudits } from "~/lib/internal-audits/internal-audits.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["organizations", "criteria", "actions", "inspections", "internalAudits"] } satisfies PageHandle;

// /internal-audits: the yearly internal audits (CN-2022 (10)/(11)), newest first.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("internalAudits.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "internalAudits.read");
  return {
    audits: await listInternalAudits(auth.db, auth.organization.id),
    canManage: can(auth.membership.role, "internalAudits.manage"),
  };
}

const resultTone = { conforms: "good", conforms_with_findings: "warn", does_not_conform: "bad" } as const;

export default function InternalAuditsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t("internalAudits.title")}
        description={t("internalAudits.description")}
        actions={
          d.canManage ? (
            <Link to="/internal-audits/new" className={buttonClass("primary")}>
              {t("internalAudits.new")}
            </Link>
          ) : null
        }
      />
      <RegisterList
        title={t("internalAudits.list", { count: d.audits.length })}
        exportLink={d.audits.length ? { href: "/internal-audits/export.csv", label: t("internalAudits.export") } : null}
        rows={d.audits}
        empty={t("internalAudits.empty")}
        rowClassName={SPLIT_ROW}
        row={(a) => (
          <>
            <div className="min-w-0">
              <p className="font-mono text-sm text-slate-600">{a.reference}</p>
              <Link to={`/internal-audits/${a.id}`} className="text-lg font-medium text-brand-700 underline">
                {formatCalendarDate(a.auditedOn, locale)}
              </Link>
              <p className="line-clamp-2 text-sm text-slate-700">{a.scope}</p>
              <p className="text-sm text-slate-500">{t("common.labelValue", { label: t("internalAudits.auditors"), value: a.auditors })}</p>
            </div>
            <div className="space-y-1 text-sm md:text-right">
              <Badge tone={resultTone[a.result]}>{t(`internalAudits.results.${a.result}`)}</Badge>
              <p className="text-slate-700">{t("internalAudits.findingCount", { count: a.findingCount })}</p>
            </div>
          </>
        )}
      />
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Badge } from "~/components/ui/badge";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { titleFor } from "~/lib/i18n/meta";
import { listClauses } from "~/lib/partners/clauses.server";
import { getPartnerPolicy } from "~/lib/partners/partner-policy.server";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["partners"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("clauses.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "partners.read");
  const [clauses, policy] = await Promise.all([
    listClauses(auth.db, auth.organization.id),
    getPartnerPolicy(auth.db, auth.organization.id),
  ]);
  return {
    canSetRules: can(auth.membership.role, "partners.policy"),
    clauses: clauses.map((c) => ({
      id: c.id,
      code: c.code,
      version: c.version,
      own: c.organizationId !== null,
      titleZh: c.titleZh,
      titleEn: c.titleEn,
      textZh: c.textZh,
      textEn: c.textEn,
      roles: c.roles,
      required: policy.requiredClauseCodes.includes(c.code),
    })),
  };
}

export default function ClausesPage() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("clauses.title")} description={t("clauses.description")} />
      <Card
        title={t("clauses.list", { count: d.clauses.length })}
        actions={
          d.canSetRules ? (
            <Link to="/settings/partners" className="text-sm text-brand-700 underline">
              {t("clauses.requiredSettings")}
            </Link>
          ) : null
        }
      >
        <ul className="divide-y divide-slate-100">
          {d.clauses.map((c) => (
            <li key={c.id} className="py-3">
              <p className="flex flex-wrap items-center gap-2">
                <Link to={`/clauses/${c.id}`} className="font-medium text-brand-700 underline">
                  {localized(c, "title", i18n.language)}
                </Link>
                <Badge>{t("partners.clauseVersion", { version: c.version })}</Badge>
                {c.own ? <Badge tone="brand">{t("clauses.adapted")}</Badge> : null}
                {c.required ? <Badge tone="warn">{t("partners.requiredClause")}</Badge> : null}
              </p>
              <p className="mt-1 line-clamp-2 text-sm text-slate-600">{localized(c, "text", i18n.language)}</p>
              {c.roles.length ? (
                <p className="mt-1 text-xs text-slate-500">
                  {c.roles.map((r) => t(`partners.role.${r as "other"}`)).join(t("common.listSeparator"))}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}

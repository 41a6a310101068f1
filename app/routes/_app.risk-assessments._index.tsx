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
import { listRiskAssessments } from "~/lib/risk-assessments/risk-assessments.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "inspections", "riskAssessments"] } satisfies PageHandle;

// /risk-assessments: the supply-chain risk assessments (CTPAT 2.1/2.3), newest first.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("riskAssessments.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "risk.read");
  return {
    assessments: await listRiskAssessments(auth.db, auth.organization.id),
    canManage: can(auth.membership.role, "risk.manage"),
  };
}

const levelTone = { low: "good", medium: "warn", high: "bad" } as const;

export default function RiskAssessmentsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t("riskAssessments.title")}
        description={t("riskAssessments.description")}
        actions={
          d.canManage ? (
            <Link to="/risk-assessments/new" className={buttonClass("primary")}>
              {t("riskAssessments.new")}
            </Link>
          ) : null
        }
      />
      <RegisterList
        title={t("riskAssessments.list", { count: d.assessments.length })}
        exportLink={d.assessments.length ? { href: "/risk-assessments/export.csv", label: t("riskAssessments.export") } : null}
        rows={d.assessments}
        empty={t("riskAssessments.empty")}
        rowClassName={SPLIT_ROW}
        row={(a) => (
          <>
            <div className="min-w-0">
              <p className="font-mono text-sm text-slate-600">
                {a.reference} · {t(`riskAssessments.subjectKinds.${a.subjectKind}`)}
              </p>
              <Link to={`/risk-assessments/${a.id}`} className="text-lg font-medium text-brand-700 underline">
                {a.subject}
              </Link>
              <p className="text-sm text-slate-500">
                {formatCalendarDate(a.assessedOn, locale)} · {t("riskAssessments.nextReviewOn")} {formatCalendarDate(a.nextReviewOn, locale)}
              </p>
            </div>
            <div className="space-y-1 text-sm md:text-right">
              <Badge tone={a.status === "approved" ? "good" : "neutral"}>{t(`riskAssessments.statuses.${a.status}`)}</Badge>{" "}
              <Badge tone={levelTone[a.topLevel]}>{t("riskAssessments.topScore", { score: a.topScore })}</Badge>
            </div>
          </>
        )}
      />
    </>
  );
}

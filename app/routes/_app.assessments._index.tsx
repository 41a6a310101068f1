import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { listAssessments } from "~/lib/assessments/assessment-queries.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { useCan } from "~/lib/auth/use-session-user";
import { formatCalendarDate } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria", "assessments"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("assessments.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "assessments.read");
  const rows = await listAssessments(auth.db, auth.organization.id);
  return {
    assessments: rows.map(({ assessment, framework, outcome, reference }) => ({
      id: assessment.id,
      reference,
      title: assessment.title,
      assessedOn: assessment.assessedOn,
      status: assessment.status,
      framework: { code: framework.code, version: framework.version, nameZh: framework.nameZh, nameEn: framework.nameEn },
      outcome: {
        rule: outcome.rule,
        passed: outcome.passed,
        score: outcome.score,
        answered: outcome.answered,
        total: outcome.total,
        partlyMet: outcome.partlyMet.length,
        failed: outcome.failed.length,
      },
    })),
  };
}

export default function AssessmentsPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const { assessments } = useLoaderData<typeof loader>();
  const canManage = useCan("assessments.manage");
  return (
    <>
      <PageHeader
        title={t("assessments.title")}
        description={t("assessments.description")}
        actions={
          canManage ? (
            <Link to="/assessments/new" className={buttonClass("primary")}>
              {t("assessments.new")}
            </Link>
          ) : null
        }
      />
      <Card title={t("assessments.list", { count: assessments.length })}>
        {assessments.length === 0 ? (
          <p className="text-slate-600">{t("assessments.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {assessments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div className="min-w-0">
                  <Link to={`/assessments/${a.id}`} className="font-medium text-brand-700 underline">
                    {a.title}
                  </Link>
                  <p className="text-sm text-slate-600">
                    <span className="font-mono">{a.reference}</span> · {localized(a.framework, "name", i18n.language)} (
                    {a.framework.version}) · {formatCalendarDate(a.assessedOn, locale)}
                  </p>
                  <p className="text-sm text-slate-600">
                    {t("assessments.progress", { answered: a.outcome.answered, total: a.outcome.total })}
                    {a.outcome.score !== null ? ` · ${t("assessments.scoreValue", { score: a.outcome.score })}` : ""}
                    {` · ${t("assessments.partlyFailedCounts", { partly: a.outcome.partlyMet, failed: a.outcome.failed })}`}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={a.status === "final" ? "brand" : "neutral"}>{t(`assessments.status.${a.status}`)}</Badge>
                  {a.outcome.passed === null ? null : (
                    <Badge tone={a.outcome.passed ? "good" : "bad"}>
                      {t(a.outcome.passed ? "assessments.passes" : "assessments.fails")}
                    </Badge>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

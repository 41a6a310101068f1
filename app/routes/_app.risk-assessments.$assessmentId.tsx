import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ApprovalCard } from "~/components/form/approval-card";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { ApprovalSchema } from "~/lib/auth/four-eyes";
import { can } from "~/lib/auth/permissions";
import { parseForm, readFormData } from "~/lib/form.server";
import { formatCalendarDate } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { approveRiskAssessment, getRiskAssessment } from "~/lib/risk-assessments/risk-assessments.server";
import { canApprove } from "~/lib/risk-assessments/risk-rules";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "inspections", "riskAssessments"] } satisfies PageHandle;

// /risk-assessments/:assessmentId: one assessment, its threats by score, and the approval of a
// manager who did not write it.

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) =>
  titleFor(matches, (t) => (loaded ? `${loaded.reference} ${loaded.assessment.subject}` : t("riskAssessments.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "risk.read");
  const found = await getRiskAssessment(auth.db, auth.organization.id, uuidParam(params, "assessmentId"));
  if (!found) notFound();
  return {
    ...found,
    mayApprove: can(auth.membership.role, "risk.approve") && canApprove(found.assessment, auth.user.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "risk.approve");
  const id = uuidParam(params, "assessmentId");
  const parsed = parseForm(await readFormData(request), ApprovalSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await approveRiskAssessment(auth.db, auth.actor, id, parsed.data.note);
  if (!result) notFound();
  if (!result.ok) return data({ errors: result.errors, values: {} }, { status: 400 });
  return redirect(`/risk-assessments/${id}?approved=1`);
}

const levelTone = { low: "good", medium: "warn", high: "bad" } as const;

export default function RiskAssessmentPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const [params] = useSearchParams();
  const a = d.assessment;
  return (
    <>
      <PageHeader
        title={`${d.reference} · ${a.subject}`}
        description={`${t(`riskAssessments.subjectKinds.${a.subjectKind}`)} · ${formatCalendarDate(a.assessedOn, locale)}`}
        actions={
          <Link to="/risk-assessments" className={buttonClass("secondary")}>
            {t("riskAssessments.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {params.get("created") ? <Alert tone="success">{t("riskAssessments.created")}</Alert> : null}
        {params.get("approved") ? <Alert tone="success">{t("riskAssessments.approved")}</Alert> : null}
        <Card>
          <dl className="grid gap-3 md:grid-cols-[12rem_minmax(0,1fr)]">
            <dt className="font-medium text-slate-600">{t("riskAssessments.status")}</dt>
            <dd>
              <Badge tone={a.status === "approved" ? "good" : "neutral"}>{t(`riskAssessments.statuses.${a.status}`)}</Badge>
            </dd>
            <dt className="font-medium text-slate-600">{t("riskAssessments.nextReviewOn")}</dt>
            <dd>{formatCalendarDate(a.nextReviewOn, locale)}</dd>
            <dt className="font-medium text-slate-600">{t("riskAssessments.summary")}</dt>
            <dd className="whitespace-pre-line">{a.summary}</dd>
          </dl>
          <p className="mt-3 text-sm text-slate-500">
            {d.authorName ? t("riskAssessments.author", { name: d.authorName }) : null}
            {d.approverName ? ` · ${t("riskAssessments.approvedBy", { name: d.approverName })}` : null}
          </p>
          {a.approvalNote ? <p className="mt-1 text-sm text-slate-600">{a.approvalNote}</p> : null}
        </Card>
        <Card title={t("riskAssessments.threats")}>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600">
                <tr>
                  <th className="py-2 pr-3">#</th>
                  <th className="py-2 pr-3">{t("riskAssessments.threat")}</th>
                  <th className="py-2 pr-3">{t("riskAssessments.likelihood")}</th>
                  <th className="py-2 pr-3">{t("riskAssessments.impact")}</th>
                  <th className="py-2 pr-3">{t("riskAssessments.score")}</th>
                  <th className="py-2">{t("riskAssessments.mitigation")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.threats.map((th) => (
                  <tr key={th.id} className="align-top">
                    <td className="py-2 pr-3">{th.position}</td>
                    <td className="py-2 pr-3">{th.threat}</td>
                    <td className="py-2 pr-3">{th.likelihood}</td>
                    <td className="py-2 pr-3">{th.impact}</td>
                    <td className="py-2 pr-3">
                      <Badge tone={levelTone[th.level]}>
                        {th.score} {t(`riskAssessments.levels.${th.level}`)}
                      </Badge>
                    </td>
                    <td className="whitespace-pre-line py-2">{th.mitigation}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        {a.status === "draft" ? (
          <ApprovalCard
            title={t("riskAssessments.approveTitle")}
            noteLabel={t("riskAssessments.approvalNote")}
            approveLabel={t("riskAssessments.approve")}
            awaiting={t("riskAssessments.awaitingApproval")}
            mayApprove={d.mayApprove}
            server={server}
          />
        ) : null}
      </div>
    </>
  );
}

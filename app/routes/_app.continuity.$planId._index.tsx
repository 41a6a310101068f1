import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ApprovalCard } from "~/components/form/approval-card";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { DetailList } from "~/components/ui/detail-list";
import { requirePermission } from "~/lib/auth/auth.server";
import { ApprovalSchema, canApproveDraft } from "~/lib/auth/four-eyes";
import { can } from "~/lib/auth/permissions";
import { approveContinuityPlan } from "~/lib/continuity/continuity-plans.server";
import { getContinuityPlan } from "~/lib/continuity/continuity-queries.server";
import { parseForm, readFormData } from "~/lib/form.server";
import { formatCalendarDate } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "inspections", "continuity"] } satisfies PageHandle;

// /continuity/:planId: one continuity plan, its tests with their findings and actions, and the
// approval of a manager who did not write it.

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) =>
  titleFor(matches, (t) => (loaded ? `${loaded.reference} ${loaded.plan.title}` : t("continuity.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "continuity.read");
  const found = await getContinuityPlan(auth.db, auth.organization.id, uuidParam(params, "planId"));
  if (!found) notFound();
  return {
    ...found,
    mayApprove: can(auth.membership.role, "continuity.approve") && canApproveDraft(found.plan, auth.user.id),
    canManage: can(auth.membership.role, "continuity.manage"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "continuity.approve");
  const id = uuidParam(params, "planId");
  const parsed = parseForm(await readFormData(request), ApprovalSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await approveContinuityPlan(auth.db, auth.actor, id, parsed.data.note);
  if (!result) notFound();
  if (!result.ok) return data({ errors: result.errors, values: {} }, { status: 400 });
  return redirect(`/continuity/${id}?approved=1`);
}

const resultTone = { passed: "good", passed_with_findings: "warn", failed: "bad" } as const;

export default function ContinuityPlanPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const [params] = useSearchParams();
  const p = d.plan;
  return (
    <>
      <PageHeader
        title={`${d.reference} · ${p.title}`}
        description={t("continuity.versionOf", { version: p.version, date: formatCalendarDate(p.revisedOn, locale) })}
        actions={
          <Link to="/continuity" className={buttonClass("secondary")}>
            {t("continuity.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {params.get("created") ? <Alert tone="success">{t("continuity.created")}</Alert> : null}
        {params.get("approved") ? <Alert tone="success">{t("continuity.approved")}</Alert> : null}
        {params.get("tested") ? <Alert tone="success">{t("continuity.testRecorded")}</Alert> : null}
        <Card>
          <DetailList
            multiline
            rows={[
              [t("continuity.status"), <Badge key="status" tone={p.status === "approved" ? "good" : "neutral"}>{t(`continuity.statuses.${p.status}`)}</Badge>],
              [t("continuity.scope"), p.scope],
              [t("continuity.disruptionsCovered"), p.disruptions.map((k) => t(`continuity.disruptions.${k}` as "continuity.disruptions.it_outage")).join(" · ")],
              [t("continuity.recoveryHours"), t("continuity.recovery", { hours: p.recoveryHours })],
              [t("continuity.contacts"), p.contacts],
              [t("continuity.securityMeasures"), p.securityMeasures],
              [t("continuity.nextReviewOn"), formatCalendarDate(p.nextReviewOn, locale)],
              [t("continuity.tests.nextTestOn"), formatCalendarDate(p.nextTestOn, locale)],
              [
                t("continuity.document"),
                p.fileId ? (
                  <a key="document" href={`/files/${p.fileId}`} className="text-brand-700 underline">
                    {d.fileName}
                  </a>
                ) : (
                  <span key="document" className="text-slate-500">{t("continuity.noDocument")}</span>
                ),
              ],
            ]}
          />
          <p className="mt-3 text-sm text-slate-500">
            {d.authorName ? t("continuity.author", { name: d.authorName }) : null}
            {d.approverName ? ` · ${t("continuity.approvedBy", { name: d.approverName })}` : null}
          </p>
          {p.approvalNote ? <p className="mt-1 text-sm text-slate-600">{p.approvalNote}</p> : null}
        </Card>
        {p.status === "draft" ? (
          <ApprovalCard
            title={t("continuity.approveTitle")}
            noteLabel={t("continuity.approvalNote")}
            approveLabel={t("continuity.approve")}
            awaiting={t("continuity.awaitingApproval")}
            mayApprove={d.mayApprove}
            server={server}
          />
        ) : null}
        <Card
          title={t("continuity.tests.title", { count: d.tests.length })}
          actions={
            d.canManage ? (
              <Link to={`/continuity/${p.id}/tests/new`} className={buttonClass("primary")}>
                {t("continuity.tests.record")}
              </Link>
            ) : null
          }
        >
          {d.tests.length === 0 ? (
            <p className="text-slate-600">{t("continuity.tests.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.tests.map((test) => (
                <li key={test.id} id={`test-${test.id}`} className="space-y-1 py-3">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <p className="min-w-0 font-medium">
                      <span className="mr-2 font-mono text-sm text-slate-600">{test.reference}</span>
                      {t(`continuity.kinds.${test.kind}`)} · {formatCalendarDate(test.testedOn, locale)}
                    </p>
                    <Badge tone={resultTone[test.result]}>{t(`continuity.results.${test.result}`)}</Badge>
                  </div>
                  <p className="whitespace-pre-line text-sm text-slate-800">{test.scenario}</p>
                  <p className="text-sm text-slate-600">
                    {t("continuity.tests.participantsLine", { names: test.participants })}
                  </p>
                  {test.notes ? <p className="whitespace-pre-line text-sm text-slate-600">{test.notes}</p> : null}
                  {test.findings.length ? (
                    <ol className="list-decimal space-y-1 pl-5 text-sm">
                      {test.findings.map((f) => (
                        <li key={f.position}>
                          <span className="whitespace-pre-line">{f.description}</span>
                          {f.actionId ? (
                            <>
                              {" · "}
                              <Link to={`/actions/${f.actionId}`} className="text-brand-700 underline">
                                {t("continuity.tests.action", { reference: f.actionReference })}
                              </Link>
                              {f.actionOwnerName && f.actionDueOn ? t("continuity.tests.actionOwnerDue", { name: f.actionOwnerName, date: formatCalendarDate(f.actionDueOn, locale) }) : null}
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ol>
                  ) : null}
                  <p className="text-sm text-slate-500">
                    {[test.recordedByName ? t("continuity.tests.recordedBy", { name: test.recordedByName }) : null, t("continuity.tests.next", { date: formatCalendarDate(test.nextTestOn, locale) })]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

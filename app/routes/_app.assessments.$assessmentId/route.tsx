import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMemo, useState } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { NewActionSchema } from "~/lib/actions/action-schema";
import { assignableMembers, createActionFromAssessment } from "~/lib/actions/actions.server";
import { assessmentEditable, openCriteria } from "~/lib/assessments/assessment-page-rules";
import { ResultSchema } from "~/lib/assessments/assessment-schema";
import { compareWithPrevious, getAssessmentView } from "~/lib/assessments/assessment-queries.server";
import { finalizeAssessment, removeResultFile, saveResult } from "~/lib/assessments/assessments.server";
import { scoreAssessment, type AssessmentResultValue } from "~/lib/assessments/scoring";
import { requirePermission } from "~/lib/auth/auth.server";
import { useCan } from "~/lib/auth/use-session-user";
import { checkUpload, readUploadForm } from "~/lib/evidence/file-store.server";
import { formDataToObject, parseForm, parseIntent } from "~/lib/form.server";
import { formatCalendarDate, formatDateTime, todayInZone } from "~/lib/i18n/format";
import { translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { policyOptions } from "~/lib/policies/policies.server";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { assessmentPageView } from "~/lib/assessments/assessment-view.server";
import type { ActionResult } from "./shared";
import { ComparisonCard } from "./comparison-card";
import { CriterionForm, HeadingRow } from "./criterion-form";
import { ImprovementPlan } from "./improvement-plan";
import { MobileScoreBar, OutcomePanel } from "./outcome-panel";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria", "policies", "assessments", "actions", "inspections"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? `${data.reference} · ${data.assessment.title}` : t("assessments.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "assessments.read");
  const orgId = auth.organization.id;
  const view = await getAssessmentView(auth.db, orgId, uuidParam(params, "assessmentId"));
  if (!view) notFound();
  const [comparison, policies, members] = await Promise.all([
    compareWithPrevious(auth.db, orgId, view),
    policyOptions(auth.db, orgId),
    assignableMembers(auth.db, orgId),
  ]);
  return assessmentPageView({ view, comparison, policies, members }, todayInZone(auth.organization.timeZone), auth.organization.timeZone);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "assessments.manage");
  const assessmentId = uuidParam(params, "assessmentId");
  const actor = auth.actor;
  const form = await readUploadForm(request);
  if (!form.ok) {
    const criterion = typeof form.values.criterion === "string" ? form.values.criterion : "";
    return data({ intent: "result", criterion, errors: form.errors, values: form.values }, { status: 400 });
  }
  const formData = form.formData;
  const intent = parseIntent(formData, ["result", "removeFile", "action", "finalize"]);
  const back = (query: string, hash = "") => redirect(`/assessments/${assessmentId}?${query}${hash}`);

  if (intent === "result") {
    const parsed = parseForm(formData, ResultSchema);
    const criterion = String(formData.get("criterion") ?? "");
    if (!parsed.ok) return data({ intent, criterion, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const upload = await checkUpload(formData.get("file"), { required: false });
    if (!upload.ok)
      return data(
        {
          intent,
          criterion,
          errors: { file: upload.error },
          values: formDataToObject(formData),
        },
        { status: 400 },
      );
    const saved = await saveResult(auth.db, actor, assessmentId, parsed.data, upload.file);
    if (!saved) notFound();
    if (!saved.ok)
      return data(
        {
          intent,
          criterion,
          errors: saved.errors,
          values: formDataToObject(formData),
        },
        { status: 400 },
      );
    return back(`saved=${encodeURIComponent(criterion)}`, `#c-${criterion}`);
  }
  if (intent === "removeFile") {
    const criterion = String(formData.get("criterion") ?? "");
    const fileId = String(formData.get("fileId") ?? "");
    const removed = await removeResultFile(auth.db, actor, assessmentId, criterion, fileId);
    if (!removed) notFound();
    if (!removed.ok) return data({ intent, criterion, errors: removed.errors, values: {} }, { status: 400 });
    return back(`saved=${encodeURIComponent(criterion)}`, `#c-${criterion}`);
  }
  if (intent === "action") {
    const parsed = parseForm(formData, NewActionSchema);
    const criterion = String(formData.get("criterion") ?? "");
    if (!parsed.ok) return data({ intent, criterion, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const created = await createActionFromAssessment(auth.db, actor, assessmentId, parsed.data);
    if (!created) notFound();
    if (!created.ok)
      return data(
        {
          intent,
          criterion,
          errors: created.errors,
          values: formDataToObject(formData),
        },
        { status: 400 },
      );
    return back("actionAdded=1", `#plan-${criterion}`);
  }
  // intent is "finalize": parseIntent refused anything else. Finalising cannot be undone, so the
  // form carries a confirmation box (required in the browser, checked on the server without JavaScript too).
  const done = await finalizeAssessment(auth.db, actor, assessmentId, formData.get("confirm") === "yes");
  if (!done) notFound();
  if (!done.ok)
    return data({ intent, criterion: "", errors: done.errors, values: {}, unplanned: "unplanned" in done ? done.unplanned : [] }, { status: 400 });
  return back("finalized=1");
}

export default function AssessmentPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const [searchParams] = useSearchParams();
  const canManage = useCan("assessments.manage");
  const editable = assessmentEditable(canManage, d.assessment.status);
  const en = i18n.language === "en";
  const rule = d.framework.scoringRule;

  // Results chosen on the page but not saved yet: the outcome follows them at once.
  const [pending, setPending] = useState<Record<string, AssessmentResultValue>>({});
  const saved = useMemo(
    () => Object.fromEntries(Object.entries(d.results).map(([k, r]) => [k, r.result as AssessmentResultValue | null])),
    [d.results],
  );
  const live = useMemo(() => ({ ...saved, ...pending }), [saved, pending]);
  const outcome = useMemo(() => scoreAssessment(rule, d.scoring, live), [rule, d.scoring, live]);
  const savedOutcome = useMemo(() => scoreAssessment(rule, d.scoring, saved), [rule, d.scoring, saved]);
  const unsaved = Object.entries(pending).filter(([k, v]) => saved[k] !== v).length;
  // ?open=1 lists only the criteria without a saved result (and the headings above them).
  const onlyOpen = searchParams.get("open") === "1";
  const savedCount = savedOutcome.answered;
  const planned = new Set(d.actions.filter((a) => a.status !== "cancelled").map((a) => a.criterionKey));
  const unplanned = savedOutcome.toImprove.some((key) => !planned.has(key));
  const visibleCriteria = useMemo(
    () => (onlyOpen ? openCriteria(d.criteria, d.scoring, saved) : d.criteria),
    [onlyOpen, d.criteria, d.scoring, saved],
  );
  const byKey = useMemo(() => new Map(d.criteria.map((c) => [c.key, c])), [d.criteria]);
  const codeOf = (key: string) => {
    const c = byKey.get(key);
    return c ? (en ? c.code.en : c.code.zh) : key;
  };

  return (
    <>
      <PageHeader
        title={d.assessment.title}
        description={`${d.reference} · ${localized(d.framework, "name", i18n.language)} (${d.framework.version}) · ${formatCalendarDate(d.assessment.assessedOn, locale)}`}
        actions={
          <div className="flex flex-wrap gap-2">
            <a href={`/assessments/${d.assessment.id}/report.pdf`} className={buttonClass("secondary")} download>
              {t("assessments.downloadReport")}
            </a>
            <Link to="/assessments" className={buttonClass("ghost")}>
              {t("assessments.backToList")}
            </Link>
          </div>
        }
      />
      <div className="space-y-4 pb-12 lg:pb-0">
        {searchParams.get("finalized") === "1" ? <Alert tone="success">{t("assessments.finalizedNotice")}</Alert> : null}
        {searchParams.get("actionAdded") === "1" ? <Alert tone="success">{t("assessments.actionAdded")}</Alert> : null}
        {actionData?.intent === "finalize" && actionData.errors?.form ? (
          <Alert tone="error">
            {translateMessage(t, actionData.errors.form)}
            {actionData.unplanned?.length ? (
              <ul className="mt-1 list-disc pl-5" data-testid="unplanned">
                {actionData.unplanned.map((key) => (
                  <li key={key}>
                    <a href={`#plan-${key}`} className="underline">
                      {codeOf(key)} {localized(byKey.get(key) ?? { titleZh: "", titleEn: "" }, "title", i18n.language)}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
        {d.assessment.status === "final" ? (
          <Alert tone="info">
            {t("assessments.finalBanner", {
              name: d.finalizedBy ?? "—",
              at: d.assessment.finalizedAt ? formatDateTime(d.assessment.finalizedAt, locale, d.timeZone) : "—",
            })}
          </Alert>
        ) : null}

        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="order-2 space-y-4 lg:order-1">
            <ImprovementPlan d={d} savedOutcome={savedOutcome} codeOf={codeOf} actionData={actionData} editable={canManage} />
            {d.comparison ? <ComparisonCard d={d} /> : null}
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="text-slate-600">{t("assessments.progress", { answered: savedCount, total: outcome.total })}</span>
              {onlyOpen ? (
                <Link to={`/assessments/${d.assessment.id}`} className="min-h-11 content-center text-brand-700 underline">
                  {t("assessments.showAll")}
                </Link>
              ) : (
                <Link to={`/assessments/${d.assessment.id}?open=1`} className="min-h-11 content-center text-brand-700 underline">
                  {t("assessments.showOpen", { count: outcome.total - savedCount })}
                </Link>
              )}
            </div>
            <ol className="space-y-3" aria-label={t("assessments.criteriaList")}>
              {visibleCriteria.map((c) =>
                c.options.length === 0 ? (
                  <HeadingRow key={c.key} c={c} derived={outcome.derived[c.key]} rule={rule} />
                ) : (
                  <CriterionForm
                    key={`${c.key}-${d.results[c.key]?.updatedAt ?? ""}`}
                    c={c}
                    d={d}
                    editable={editable}
                    actionData={actionData?.criterion === c.key && actionData.intent !== "action" ? actionData : undefined}
                    justSaved={searchParams.get("saved") === c.key}
                    onChoose={(value) => setPending((p) => ({ ...p, [c.key]: value }))}
                  />
                ),
              )}
            </ol>
          </div>
          <MobileScoreBar outcome={outcome} />
          <aside className="order-1 lg:order-2">
            <div className="space-y-4 lg:sticky lg:top-4">
              <OutcomePanel outcome={outcome} rule={rule} codeOf={codeOf} unsaved={unsaved} />
              {editable ? (
                <Card>
                  <Form method="post">
                    <input type="hidden" name="intent" value="finalize" />
                    <p className="mb-3 text-sm text-slate-600">{t("assessments.finalizeHint")}</p>
                    {unplanned ? <p className="mb-3 text-sm font-medium text-amber-800">{t("assessments.finalizeNeedsPlan")}</p> : null}
                    <label className="mb-3 flex min-h-11 items-start gap-2 text-sm text-slate-800">
                      <input type="checkbox" name="confirm" value="yes" required className="mt-1 size-5 shrink-0 accent-brand-700" />
                      <span>{t("assessments.finalizeConfirm")}</span>
                    </label>
                    <Button type="submit" variant="secondary" disabled={!outcome.complete || unsaved > 0} className="w-full">
                      {t("assessments.finalize")}
                    </Button>
                  </Form>
                </Card>
              ) : null}
            </div>
          </aside>
        </div>
      </div>
    </>
  );
}

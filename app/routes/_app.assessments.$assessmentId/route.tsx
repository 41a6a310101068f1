import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useMemo, useState } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/card";
import { NewActionSchema } from "~/lib/actions/action-schema";
import { assignableMembers, createActionFromAssessment } from "~/lib/actions/actions.server";
import { assessmentEditable, openCriteria } from "~/lib/assessments/assessment-page-rules";
import { ImprovementNotifiedSchema, parseResultsForm, resultField, ResultSchema } from "~/lib/assessments/assessment-schema";
import { compareWithPrevious, getAssessmentView } from "~/lib/assessments/assessment-queries.server";
import { finalizeAssessment, removeResultFile, saveResult, saveResults, setImprovementNotifiedOn } from "~/lib/assessments/assessments.server";
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
import { coverageForFramework } from "~/lib/evidence/evidence.server";
import { criteriaFedByTemplates } from "~/lib/inspections/templates.server";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { assessmentPageView } from "~/lib/assessments/assessment-view.server";
import type { ActionResult } from "./shared";
import { ComparisonCard } from "./comparison-card";
import { CriterionFields, HeadingRow, NotOurBusinessRow, RemoveFileForms } from "./criterion-fields";
import { ImprovementPlan } from "./improvement-plan";
import { ImprovementPeriod } from "./improvement-period";
import { FinalizeCard, FinalizeRefused } from "./finalize-card";
import { MobileScoreBar, OutcomePanel, progressText } from "./outcome-panel";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["organizations", "criteria", "policies", "assessments", "actions", "inspections"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? `${data.reference} · ${data.assessment.title}` : t("assessments.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "assessments.read");
  const orgId = auth.organization.id;
  const view = await getAssessmentView(auth.db, orgId, uuidParam(params, "assessmentId"));
  if (!view) notFound();
  const [comparison, policies, members, coverage, fedByTemplates] = await Promise.all([
    compareWithPrevious(auth.db, orgId, view),
    policyOptions(auth.db, orgId),
    assignableMembers(auth.db, orgId),
    coverageForFramework(auth.db, orgId, view.framework.id),
    criteriaFedByTemplates(auth.db, orgId),
  ]);
  return assessmentPageView(
    { view, comparison, policies, members, coverage, fedByTemplates },
    todayInZone(auth.organization.timeZone),
    auth.organization.timeZone,
  );
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
  const intent = parseIntent(formData, ["results", "result", "removeFile", "action", "notified", "finalize"]);
  const back = (query: string, hash = "") => redirect(`/assessments/${assessmentId}?${query}${hash}`);

  if (intent === "results") {
    // The whole assessment in one post: every criterion's answer, explanation, policies and file.
    const values = formDataToObject(formData);
    const parsed = parseResultsForm(values);
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
    const entries = [];
    for (const entry of parsed.ok ? parsed.entries : []) {
      const upload = await checkUpload(formData.get(resultField("file", entry.criterion)), { required: false });
      if (!upload.ok) errors[resultField("file", entry.criterion)] = upload.error;
      else entries.push({ ...entry, file: upload.file });
    }
    if (Object.keys(errors).length) return data({ intent, criterion: "", errors, values }, { status: 400 });
    const saved = await saveResults(auth.db, actor, assessmentId, entries);
    if (!saved) notFound();
    if (!saved.ok) return data({ intent, criterion: "", errors: saved.errors, values }, { status: 400 });
    return back(`saved=all&changed=${saved.changed}`);
  }
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
  if (intent === "notified") {
    const parsed = parseForm(formData, ImprovementNotifiedSchema);
    if (!parsed.ok) return data({ intent, criterion: "", errors: parsed.errors, values: parsed.values }, { status: 400 });
    const saved = await setImprovementNotifiedOn(auth.db, actor, assessmentId, parsed.data);
    if (!saved) notFound();
    if (!saved.ok) return data({ intent, criterion: "", errors: saved.errors, values: formDataToObject(formData) }, { status: 400 });
    return back("notified=1", "#improvement-period");
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
  const navigation = useNavigation();
  const resultsData = actionData?.intent === "results" || actionData?.intent === "removeFile" ? actionData : undefined;
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
  const notOurBusiness = useMemo(() => new Set(d.notOurBusiness), [d.notOurBusiness]);
  const visibleCriteria = useMemo(
    () => (onlyOpen ? openCriteria(d.criteria, d.scoring, saved) : d.criteria),
    [onlyOpen, d.criteria, d.scoring, saved],
  );
  const byKey = useMemo(() => new Map(d.criteria.map((c) => [c.key, c])), [d.criteria]);
  const codeOf = (key: string) => {
    const c = byKey.get(key);
    return c ? (en ? c.code.en : c.code.zh) : key;
  };
  const titleOf = (key: string) => {
    const c = byKey.get(key);
    return c ? localized(c, "title", i18n.language) : "";
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
        {searchParams.get("notified") === "1" ? <Alert tone="success">{t("assessments.notifiedSaved")}</Alert> : null}
        {searchParams.get("actionAdded") === "1" ? <Alert tone="success">{t("assessments.actionAdded")}</Alert> : null}
        {actionData?.intent === "finalize" ? <FinalizeRefused actionData={actionData} codeOf={codeOf} titleOf={titleOf} /> : null}
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
            <ImprovementPeriod d={d} actionData={actionData} editable={canManage} />
            <ImprovementPlan d={d} savedOutcome={savedOutcome} codeOf={codeOf} actionData={actionData} editable={canManage} />
            {d.comparison ? <ComparisonCard d={d} /> : null}
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="text-slate-600">{progressText(t, savedCount, outcome.total, d.notOurBusiness.length)}</span>
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
            {d.notOurBusiness.length ? (
              <p className="text-sm text-slate-600">
                {t("assessments.askedCount", { asked: d.asked, total: outcome.total, skipped: d.notOurBusiness.length })}
              </p>
            ) : null}
            {searchParams.get("saved") === "all" && !actionData ? (
              <Alert tone="success">{t("assessments.savedAll", { count: Number(searchParams.get("changed") ?? 0) })}</Alert>
            ) : null}
            {resultsData?.errors && Object.keys(resultsData.errors).length ? (
              <Alert tone="error">
                {resultsData.errors.form ? translateMessage(t, resultsData.errors.form) : t("assessments.fixFields", { count: Object.keys(resultsData.errors).length })}
              </Alert>
            ) : null}
            {/* One form for every criterion: answers, explanations, policies and files are saved together. */}
            <Form method="post" encType="multipart/form-data" className="space-y-3" key={String(d.assessment.updatedAt)}>
              <input type="hidden" name="intent" value="results" />
              <ol className="space-y-3" aria-label={t("assessments.criteriaList")}>
                {visibleCriteria.map((c) =>
                  c.options.length === 0 ? (
                    <HeadingRow key={c.key} c={c} derived={outcome.derived[c.key]} rule={rule} />
                  ) : notOurBusiness.has(c.key) ? (
                    <NotOurBusinessRow key={c.key} c={c} />
                  ) : (
                    <CriterionFields
                      key={c.key}
                      c={c}
                      d={d}
                      editable={editable}
                      server={resultsData}
                      onChoose={(value) => setPending((p) => ({ ...p, [c.key]: value }))}
                    />
                  ),
                )}
              </ol>
              {editable ? (
                <div className="sticky bottom-10 z-20 flex items-center gap-3 rounded-lg border border-slate-200 bg-white/95 p-2 shadow-lg sm:p-3 lg:bottom-2">
                  <Button type="submit" disabled={navigation.state === "submitting"}>
                    {navigation.state === "submitting" ? t("assessments.saving") : t("assessments.saveAll")}
                  </Button>
                  {unsaved ? (
                    <span className="text-sm font-medium text-amber-800">{t("assessments.unsaved", { count: unsaved })}</span>
                  ) : (
                    // On a phone the bar stays one line: the hint is for wider screens.
                    <span className="hidden text-sm text-slate-600 sm:inline">{t("assessments.saveAllHint")}</span>
                  )}
                </div>
              ) : null}
            </Form>
            {editable ? <RemoveFileForms d={d} /> : null}
          </div>
          <MobileScoreBar outcome={outcome} skipped={d.notOurBusiness.length} />
          <aside className="order-1 lg:order-2">
            <div className="space-y-4 lg:sticky lg:top-4">
              <OutcomePanel outcome={outcome} rule={rule} codeOf={codeOf} unsaved={unsaved} skipped={d.notOurBusiness.length} />
              {editable ? <FinalizeCard disabled={!outcome.complete || unsaved > 0} unplanned={unplanned} /> : null}
            </div>
          </aside>
        </div>
      </div>
    </>
  );
}

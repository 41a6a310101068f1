import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useMemo, useState } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { reasonText } from "~/lib/assessments/reason-text";
import { SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { Textarea } from "~/components/ui/input";
import { improvementDeadline, NewActionSchema } from "~/lib/actions/action-schema";
import { assignableMembers, createActionFromAssessment } from "~/lib/actions/actions.server";
import { ResultSchema } from "~/lib/assessments/assessment-schema";
import {
  compareWithPrevious,
  finalizeAssessment,
  getAssessmentView,
  removeResultFile,
  saveResult,
} from "~/lib/assessments/assessments.server";
import { displayCode } from "~/lib/criteria/criterion-code.server";
import { actionReference, resultLabel, resultWithPoints } from "~/lib/assessments/result-labels";
import { scoreAssessment, type AssessmentResultValue, type Outcome } from "~/lib/assessments/scoring";
import { requirePermission } from "~/lib/auth/auth.server";
import { useCan } from "~/lib/auth/use-session-user";
import { acceptAttribute, allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";
import { checkUpload, readUploadForm } from "~/lib/evidence/file-store.server";
import { formDataToObject, parseForm } from "~/lib/form.server";
import { formatCalendarDate, formatDateTime, todayInZone } from "~/lib/i18n/format";
import { translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { policyOptions } from "~/lib/policies/policies.server";
import { notFound, uuidParam } from "~/lib/route-params.server";

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
  const days = view.framework.improvementDays;
  return {
    reference: view.reference,
    assessment: view.assessment,
    framework: view.framework,
    criteria: view.criteria.map((c) => ({
      id: c.id,
      key: c.key,
      code: displayCode(c),
      level: c.level,
      depth: c.depth,
      part: c.part,
      titleZh: c.titleZh,
      titleEn: c.titleEn,
      textZh: c.textZh,
      textEn: c.textEn,
      options: c.options as AssessmentResultValue[],
      improvable: c.improvable,
      requirement: c.requirement,
      provenance: c.provenance,
      noteZh: c.noteZh,
      noteEn: c.noteEn,
    })),
    scoring: view.scoring,
    results: view.results,
    actions: view.actions,
    createdBy: view.createdBy,
    finalizedBy: view.finalizedBy,
    comparison,
    policies,
    members: members.map((m) => ({ userId: m.userId, name: m.name })),
    deadline: days === null ? null : improvementDeadline(view.assessment.assessedOn, days),
    improvementDays: days,
    today: todayInZone(auth.organization.timeZone),
    timeZone: auth.organization.timeZone,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "assessments.manage");
  const assessmentId = uuidParam(params, "assessmentId");
  const actor = { organizationId: auth.organization.id, userId: auth.user.id };
  const form = await readUploadForm(request);
  if (!form.ok) {
    const criterion = typeof form.values.criterion === "string" ? form.values.criterion : "";
    return data({ intent: "result", criterion, errors: form.errors, values: form.values }, { status: 400 });
  }
  const formData = form.formData;
  const intent = formData.get("intent");
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
  if (intent === "finalize") {
    const done = await finalizeAssessment(auth.db, actor, assessmentId);
    if (!done) notFound();
    if (!done.ok) return data({ intent, criterion: "", errors: done.errors, values: {} }, { status: 400 });
    return back("finalized=1");
  }
  throw data({ errors: { form: "errors.invalid" }, values: {} }, { status: 400 });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type CriterionRow = LoaderData["criteria"][number];
type ActionResult = {
  intent?: unknown;
  criterion?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
};

export default function AssessmentPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const [searchParams] = useSearchParams();
  const canManage = useCan("assessments.manage");
  const editable = canManage && d.assessment.status === "draft";
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
  const visibleCriteria = useMemo(() => {
    if (!onlyOpen) return d.criteria;
    const parentOf = new Map(d.scoring.map((c) => [c.key, c.parentKey]));
    const keep = new Set<string>();
    for (const c of d.criteria) {
      if (c.options.length === 0 || saved[c.key]) continue;
      for (let key: string | null | undefined = c.key; key; key = parentOf.get(key)) keep.add(key);
    }
    return d.criteria.filter((c) => keep.has(c.key));
  }, [onlyOpen, d.criteria, d.scoring, saved]);
  const byKey = useMemo(() => new Map(d.criteria.map((c) => [c.key, c])), [d.criteria]);
  const codeOf = (key: string) => {
    const c = byKey.get(key);
    return c ? (en ? c.code.en : c.code.zh) : key;
  };

  return (
    <>
      <PageHeader
        title={d.assessment.title}
        description={`${d.reference} · ${en ? d.framework.nameEn : d.framework.nameZh} (${d.framework.version}) · ${formatCalendarDate(d.assessment.assessedOn, locale)}`}
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
          <Alert tone="error">{translateMessage(t, actionData.errors.form)}</Alert>
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

function OutcomePanel(props: { outcome: Outcome; rule: string; codeOf: (key: string) => string; unsaved: number }) {
  const { t } = useTranslation();
  const o = props.outcome;
  const list = (keys: string[]) => (keys.length ? keys.map(props.codeOf).join("、") : t("assessments.none"));
  const colon = t("assessments.colon");
  return (
    <Card title={t("assessments.outcome")}>
      <div className="space-y-3" aria-live="polite">
        {o.passed === null ? (
          <Badge tone="neutral">{t("assessments.noPassMark")}</Badge>
        ) : (
          <p className={`text-xl font-bold ${o.passed ? "text-green-800" : "text-red-800"}`} data-testid="verdict">
            {t(o.passed ? "assessments.passes" : "assessments.fails")}
            {o.complete ? "" : ` · ${t("assessments.provisional")}`}
          </p>
        )}
        {o.score !== null ? (
          <p className="text-3xl font-bold text-slate-900" data-testid="score">
            {t("assessments.scoreValue", { score: o.score })}
            {o.bonus ? (
              <span className="ml-2 text-base font-normal text-slate-600">
                {t("assessments.bonusIncluded", { bonus: o.bonus })}
              </span>
            ) : null}
          </p>
        ) : null}
        <p className="text-sm text-slate-700">{t("assessments.progress", { answered: o.answered, total: o.total })}</p>
        {props.unsaved ? (
          <p className="text-sm font-medium text-amber-800">{t("assessments.unsaved", { count: props.unsaved })}</p>
        ) : null}
        {o.basicCounts ? (
          <dl className="grid grid-cols-2 gap-2 text-sm">
            <div className={o.basicCounts.general > 3 ? "text-red-800" : ""}>
              <dt className="text-slate-600">{t("assessments.basicGeneral")}</dt>
              <dd className="text-lg font-semibold" data-testid="basic-general">
                {o.basicCounts.general} / 3
              </dd>
            </div>
            <div className={o.basicCounts.business_type > 3 ? "text-red-800" : ""}>
              <dt className="text-slate-600">{t("assessments.basicBusiness")}</dt>
              <dd className="text-lg font-semibold">{o.basicCounts.business_type} / 3</dd>
            </div>
          </dl>
        ) : null}
        <dl className="space-y-1 text-sm">
          <div>
            <dt className="inline font-medium">
              {t(props.rule === "cn-2022-advanced" ? "assessments.basicItems" : "assessments.partlyItems")}
              {colon}
            </dt>
            <dd className="inline" data-testid="partly-list">
              {list(o.partlyMet)}
            </dd>
          </div>
          <div>
            <dt className="inline font-medium">
              {t("assessments.failedItems")}
              {colon}
            </dt>
            <dd className="inline" data-testid="failed-list">
              {list(o.failed)}
            </dd>
          </div>
          {o.blocking.length ? (
            <div className="text-red-800">
              <dt className="inline font-medium">
                {t("assessments.blockingItems")}
                {colon}
              </dt>
              <dd className="inline">{list(o.blocking)}</dd>
            </div>
          ) : null}
        </dl>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {o.reasons.map((r, i) => (
            <li key={i}>{reasonText(t, r)}</li>
          ))}
        </ul>
      </div>
    </Card>
  );
}

/** On a phone the outcome panel scrolls away: a thin bar at the bottom keeps the live result in view. */
function MobileScoreBar(props: { outcome: Outcome }) {
  const { t } = useTranslation();
  const o = props.outcome;
  return (
    <div
      className="fixed inset-x-0 bottom-0 z-10 border-t border-slate-200 bg-white/95 px-4 py-2 text-sm shadow-lg lg:hidden"
      aria-hidden="true"
    >
      <span className="font-semibold">
        {o.passed === null ? t("assessments.noPassMark") : t(o.passed ? "assessments.passes" : "assessments.fails")}
      </span>
      {o.score !== null ? <span className="ml-2 font-bold">{t("assessments.scoreValue", { score: o.score })}</span> : null}
      <span className="ml-2 text-slate-600">{t("assessments.progress", { answered: o.answered, total: o.total })}</span>
    </div>
  );
}

function HeadingRow(props: {
  c: CriterionRow;
  derived: AssessmentResultValue | null | undefined;
  rule: LoaderData["framework"]["scoringRule"];
}) {
  const { i18n, t } = useTranslation();
  const en = i18n.language === "en";
  const c = props.c;
  const code = en ? c.code.en : c.code.zh;
  const size = c.level === "class" ? "text-lg" : "text-base";
  return (
    <li id={`c-${c.key}`} className={`pt-2 ${c.level === "class" ? "border-t-2 border-slate-300" : ""}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className={`${size} font-semibold text-slate-900`}>
          {code}
          {c.level === "class" ? "、" : " "}
          {en ? c.titleEn : c.titleZh} <span className="text-sm font-normal text-slate-500">{en ? c.titleZh : c.titleEn}</span>
        </h2>
        {props.derived !== undefined ? (
          <Badge tone={toneOf(props.derived)}>
            {t("common.labelValue", {
              label: t("assessments.derived"),
              value: labelIn(en, resultLabel(props.rule, props.derived)),
            })}
          </Badge>
        ) : null}
      </div>
      {c.textZh ? <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{en ? c.textEn : c.textZh}</p> : null}
    </li>
  );
}

function CriterionForm(props: {
  c: CriterionRow;
  d: LoaderData;
  editable: boolean;
  actionData: ActionResult | undefined;
  justSaved: boolean;
  onChoose: (value: AssessmentResultValue) => void;
}) {
  const { t, i18n } = useTranslation();
  const fetcher = useFetcher<ActionResult>();
  const en = i18n.language === "en";
  const { c, d } = props;
  const rule = d.framework.scoringRule;
  const saved = d.results[c.key];
  const server = (fetcher.data as ActionResult | undefined) ?? props.actionData;
  const errors = server?.errors ?? {};
  const values = server?.values ?? {};
  const current = (typeof values.result === "string" ? values.result : saved?.result) ?? null;
  const explanation = typeof values.explanation === "string" ? values.explanation : (saved?.explanation ?? "");
  const cited = new Set((saved?.evidence ?? []).filter((e) => e.recordType === "policy").map((e) => e.recordId));
  const files = (saved?.evidence ?? []).filter((e) => e.recordType === "file");
  const code = en ? c.code.en : c.code.zh;
  const err = (name: string) => (errors[name] ? translateMessage(t, errors[name]) : null);
  const busy = fetcher.state !== "idle";
  return (
    <li
      id={`c-${c.key}`}
      className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-criterion={c.key}
    >
      <fetcher.Form method="post" encType="multipart/form-data" className="space-y-3">
        <input type="hidden" name="intent" value="result" />
        <input type="hidden" name="criterion" value={c.key} />
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h3 className="font-semibold text-slate-900">
            <span className="mr-2 font-mono">{code}</span>
            {en ? c.titleEn : c.titleZh}
            <span className="ml-2 text-sm font-normal text-slate-500">{en ? c.titleZh : c.titleEn}</span>
          </h3>
          <div className="flex flex-wrap gap-1">
            {c.requirement ? (
              <Badge tone={c.requirement === "must" ? "brand" : "neutral"}>{t(`assessments.requirement.${c.requirement}`)}</Badge>
            ) : null}
            {!c.improvable && c.options.includes("fails") ? <Badge tone="warn">{t("assessments.notImprovable")}</Badge> : null}
            {saved?.result ? (
              <Badge tone={toneOf(saved.result)}>{labelIn(en, resultWithPoints(rule, saved.result))}</Badge>
            ) : (
              <Badge>{labelIn(en, resultLabel(rule, null))}</Badge>
            )}
          </div>
        </div>
        <details className="text-sm text-slate-700">
          <summary className="cursor-pointer text-brand-700">{t("assessments.showText")}</summary>
          <p className="mt-2 whitespace-pre-line">{c.textZh}</p>
          <p className="mt-2 whitespace-pre-line text-slate-500">{c.textEn}</p>
        </details>
        {c.provenance !== "official" && c.noteZh ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            ※{" "}
            {t("common.labelValue", {
              label: t(`assessments.provenance.${c.provenance}`),
              value: en ? c.noteEn : c.noteZh,
            })}
          </p>
        ) : null}
        {props.justSaved && !server?.errors ? <Alert tone="success">{t("common.saved")}</Alert> : null}
        {err("form") ? <Alert tone="error">{err("form")}</Alert> : null}
        <fieldset disabled={!props.editable} aria-describedby={err("result") ? `${c.key}-result-error` : undefined}>
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("assessments.result")}</legend>
          <div className="flex flex-wrap gap-2">
            {c.options.map((option) => (
              <label
                key={option}
                className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
              >
                <input
                  type="radio"
                  name="result"
                  value={option}
                  defaultChecked={current === option}
                  onChange={() => props.onChoose(option)}
                  className="size-5 accent-brand-700"
                />
                <span>{labelIn(en, resultWithPoints(rule, option))}</span>
              </label>
            ))}
          </div>
          {err("result") ? (
            <p id={`${c.key}-result-error`} className="mt-1 text-sm font-medium text-red-700">
              {err("result")}
            </p>
          ) : null}
        </fieldset>
        <div className="space-y-1">
          <label htmlFor={`explanation-${c.key}`} className="block text-sm font-medium text-slate-800">
            {t("assessments.explanation")}
          </label>
          <Textarea
            id={`explanation-${c.key}`}
            name="explanation"
            rows={3}
            defaultValue={explanation}
            disabled={!props.editable}
            placeholder={t("assessments.explanationHint")}
          />
          {err("explanation") ? <p className="text-sm font-medium text-red-700">{err("explanation")}</p> : null}
        </div>
        {d.policies.length ? (
          <details className="text-sm" open={cited.size > 0}>
            <summary className="cursor-pointer font-medium text-slate-800">
              {t("assessments.citedPolicies", { count: cited.size })}
            </summary>
            <div className="mt-2 grid gap-1 sm:grid-cols-2">
              {d.policies.map((p) => (
                <label key={p.id} className="flex min-h-11 items-center gap-2 rounded border border-slate-200 px-2">
                  <input
                    type="checkbox"
                    name="policies"
                    value={p.id}
                    defaultChecked={cited.has(p.id)}
                    disabled={!props.editable}
                    className="size-5 accent-brand-700"
                  />
                  <span>
                    <span className="font-mono">{p.documentNumber}</span> {en ? p.titleEn : p.titleZh}
                  </span>
                </label>
              ))}
            </div>
          </details>
        ) : (
          <p className="text-sm text-slate-500">{t("assessments.noPolicies")}</p>
        )}
        {files.length ? (
          <ul className="space-y-1 text-sm">
            {files.map((f) => (
              <li key={f.recordId} className="flex flex-wrap items-center gap-2">
                <a href={`/files/${f.recordId}`} className="text-brand-700 underline">
                  {f.label}
                </a>
                <span className="font-mono text-xs text-slate-500" title={f.sha256}>
                  SHA-256 {f.sha256?.slice(0, 12)}…
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {props.editable ? (
          <div className="space-y-1">
            <label htmlFor={`file-${c.key}`} className="block text-sm font-medium text-slate-800">
              {t("assessments.addFile")}
            </label>
            <input id={`file-${c.key}`} type="file" name="file" accept={acceptAttribute} className="block w-full text-sm" />
            <p className="text-xs text-slate-500">
              {t("files.limitHint", {
                max: MAX_UPLOAD_MB,
                formats: allowedFormatsLabel,
              })}
            </p>
            {err("file") ? <p className="text-sm font-medium text-red-700">{err("file")}</p> : null}
          </div>
        ) : null}
        {props.editable ? (
          <Button type="submit" disabled={busy}>
            {busy ? t("assessments.saving") : t("assessments.saveResult")}
          </Button>
        ) : null}
      </fetcher.Form>
      {props.editable && files.length ? (
        <div className="mt-2 flex flex-wrap gap-2">
          {files.map((f) => (
            <Form method="post" key={f.recordId}>
              <input type="hidden" name="intent" value="removeFile" />
              <input type="hidden" name="criterion" value={c.key} />
              <input type="hidden" name="fileId" value={f.recordId} />
              <button type="submit" className="min-h-11 text-sm text-red-700 underline">
                {t("assessments.removeFile", { name: f.label })}
              </button>
            </Form>
          ))}
        </div>
      ) : null}
    </li>
  );
}

function ImprovementPlan(props: {
  d: LoaderData;
  /** The plan follows what is stored, not choices not saved yet. */
  savedOutcome: Outcome;
  codeOf: (key: string) => string;
  actionData: ActionResult | undefined;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const en = i18n.language === "en";
  const { d, savedOutcome } = props;
  if (!savedOutcome.toImprove.length && !savedOutcome.blocking.length) return null;
  const byKey = new Map(d.criteria.map((c) => [c.key, c]));
  return (
    <Card title={t("assessments.plan")}>
      {savedOutcome.toImprove.length ? (
        <p className="mb-3 text-sm text-slate-600">
          {d.deadline
            ? t("assessments.planHint", {
                days: d.improvementDays ?? 90,
                deadline: formatCalendarDate(d.deadline, locale),
              })
            : t("assessments.planHintNoDeadline")}
        </p>
      ) : null}
      {savedOutcome.blocking.length ? (
        <Alert tone="error" title={t("assessments.blockingTitle")}>
          <ul className="list-disc pl-5">
            {savedOutcome.blocking.map((key) => {
              const c = byKey.get(key);
              return (
                <li key={key} data-testid="blocking-item">
                  {props.codeOf(key)} {c ? (en ? c.titleEn : c.titleZh) : ""}
                </li>
              );
            })}
          </ul>
          <p className="mt-1 text-sm">{t("assessments.blockingExplained")}</p>
        </Alert>
      ) : null}
      <ul className="mt-3 space-y-4">
        {savedOutcome.toImprove.map((key) => {
          const c = byKey.get(key);
          const actions = d.actions.filter((a) => a.criterionKey === key);
          return (
            <li key={key} id={`plan-${key}`} className="rounded border border-slate-200 p-3">
              <p className="font-medium">
                {props.codeOf(key)} {c ? (en ? c.titleEn : c.titleZh) : ""}{" "}
                <Badge tone={toneOf(d.results[key]?.result ?? null)}>
                  {labelIn(en, resultLabel(d.framework.scoringRule, (d.results[key]?.result as AssessmentResultValue) ?? null))}
                </Badge>
              </p>
              {actions.length ? (
                <ul className="mt-2 space-y-1 text-sm">
                  {actions.map((a) => (
                    <li key={a.id}>
                      <Link to={`/actions/${a.id}`} className="text-brand-700 underline">
                        {actionReference(a.number)} {a.title}
                      </Link>{" "}
                      · {a.ownerName} ·{" "}
                      {t("assessments.dueOn", {
                        date: formatCalendarDate(a.dueOn, locale),
                      })}{" "}
                      · {t(`assessments.actionStatus.${a.status}`)}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-1 text-sm font-medium text-amber-800">{t("assessments.needsAction")}</p>
              )}
              {props.editable ? (
                <NewActionForm
                  criterion={key}
                  d={d}
                  server={
                    props.actionData?.intent === "action" && props.actionData.criterion === key ? props.actionData : undefined
                  }
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function NewActionForm(props: { criterion: string; d: LoaderData; server: ActionResult | undefined }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { form, values, errorOf, onSubmit } = useValidatedForm(NewActionSchema, {
    defaults: {
      intent: "action",
      criterion: props.criterion,
      title: "",
      description: "",
      ownerUserId: "",
      dueOn: "",
    },
    server: props.server as never,
  });
  const locale = useLocale();
  const field = { form, values, idPrefix: `action-${props.criterion}-` };
  return (
    <details className="mt-2" open={!!props.server}>
      <summary className="cursor-pointer text-sm text-brand-700">{t("assessments.addAction")}</summary>
      <Form key={location.key} method="post" noValidate onSubmit={onSubmit} className="mt-2 space-y-3">
        <input type="hidden" name="intent" value="action" />
        <input type="hidden" name="criterion" value={props.criterion} />
        {errorOf("form") ? <Alert tone="error">{errorOf("form")}</Alert> : null}
        <TextField {...field} name="title" label={t("assessments.actionTitle")} error={errorOf("title")} required />
        <TextAreaField
          {...field}
          name="description"
          label={t("assessments.actionDescription")}
          error={errorOf("description")}
          rows={2}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            {...field}
            name="ownerUserId"
            label={t("assessments.actionOwner")}
            placeholder={t("common.choose")}
            options={props.d.members.map((m) => ({
              value: m.userId,
              label: m.name,
            }))}
            error={errorOf("ownerUserId")}
          />
          <TextField
            {...field}
            name="dueOn"
            type="date"
            label={t("assessments.actionDue")}
            hint={
              props.d.deadline
                ? t("assessments.actionDueHint", {
                    deadline: formatCalendarDate(props.d.deadline, locale),
                  })
                : undefined
            }
            error={errorOf("dueOn")}
            required
          />
        </div>
        <Button type="submit" variant="secondary">
          {t("assessments.addAction")}
        </Button>
      </Form>
    </details>
  );
}

function ComparisonCard(props: { d: LoaderData }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const en = i18n.language === "en";
  const cmp = props.d.comparison!;
  const rule = props.d.framework.scoringRule;
  const prev = cmp.previous.outcome;
  return (
    <Card title={t("assessments.comparison", { reference: cmp.previous.reference })}>
      <p className="text-sm text-slate-600">
        <Link to={`/assessments/${cmp.previous.id}`} className="text-brand-700 underline">
          {cmp.previous.reference}
        </Link>{" "}
        · {formatCalendarDate(cmp.previous.assessedOn, locale)} ·{" "}
        {t("assessments.frameworkVersion", {
          version: cmp.previous.frameworkVersion,
        })}
        {prev.score !== null ? ` · ${t("assessments.scoreValue", { score: prev.score })}` : ""}
        {prev.passed !== null ? ` · ${t(prev.passed ? "assessments.passes" : "assessments.fails")}` : ""}
      </p>
      {cmp.changes.length === 0 ? (
        <p className="mt-2 text-sm">{t("assessments.noChanges")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {cmp.changes.map((ch) => (
            <li key={ch.key} className="flex flex-wrap justify-between gap-2 py-1">
              <span>
                <span className="font-mono">{ch.code}</span> {en ? ch.titleEn : ch.titleZh}
              </span>
              <span>
                {labelIn(en, resultLabel(rule, ch.before))} → <strong>{labelIn(en, resultLabel(rule, ch.after))}</strong>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function labelIn(en: boolean, label: { zh: string; en: string }): string {
  return en ? label.en : label.zh;
}

function toneOf(result: AssessmentResultValue | null | undefined): "good" | "bad" | "warn" | "neutral" | "brand" {
  if (result === "meets") return "good";
  if (result === "conforms") return "brand";
  if (result === "fails") return "bad";
  if (result === "partly_meets") return "warn";
  return "neutral";
}

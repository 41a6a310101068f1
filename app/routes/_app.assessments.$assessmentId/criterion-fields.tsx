import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Badge } from "~/components/ui/badge";
import { Textarea } from "~/components/ui/input";
import { resultLabel, resultWithPoints } from "~/lib/assessments/result-labels";
import type { AssessmentResultValue } from "~/lib/assessments/scoring";
import { acceptAttribute, allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";
import { translateMessage } from "~/lib/i18n/messages";
import type { AssessmentPageView } from "~/lib/assessments/assessment-view.server";
import { labelIn, toneOf, type ActionResult, type CriterionRow } from "./shared";
import { localized } from "~/lib/i18n/localized";
import { resultField } from "~/lib/assessments/assessment-schema";
import { EvidencePanel } from "./evidence-panel";

export function HeadingRow(props: {
  c: CriterionRow;
  derived: AssessmentResultValue | null | undefined;
  rule: AssessmentPageView["framework"]["scoringRule"];
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
          {localized(c, "title", i18n.language)} <span className="text-sm font-normal text-slate-500">{en ? c.titleZh : c.titleEn}</span>
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
      {c.textZh ? <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{localized(c, "text", i18n.language)}</p> : null}
    </li>
  );
}

/**
 * A business-type criterion outside the organisation's business types: not asked, shown as not
 * applicable with the reason (no form fields, so the save leaves it alone).
 */
export function NotOurBusinessRow(props: { c: CriterionRow }) {
  const { i18n, t } = useTranslation();
  const en = i18n.language === "en";
  const c = props.c;
  return (
    <li id={`c-${c.key}`} className="rounded-lg border border-slate-200 bg-slate-50 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-medium text-slate-700">
          {en ? c.code.en : c.code.zh} {localized(c, "title", i18n.language)}
        </h3>
        <Badge tone="neutral">{t("assessments.notOurBusiness")}</Badge>
      </div>
    </li>
  );
}

/**
 * One criterion's part of the assessment form (the page posts every criterion in one save): its
 * result, explanation, cited policies and a new file, with what already evidences it beside them.
 * Field names carry the criterion's key (result_21); errors come back under the same names.
 */
export function CriterionFields(props: {
  c: CriterionRow;
  d: AssessmentPageView;
  editable: boolean;
  server: ActionResult | undefined;
  onChoose: (value: AssessmentResultValue) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const { c, d } = props;
  const rule = d.framework.scoringRule;
  const saved = d.results[c.key];
  const errors = props.server?.errors ?? {};
  const values = props.server?.values;
  const name = (field: "result" | "explanation" | "policies" | "file") => resultField(field, c.key);
  const posted = (field: "result" | "explanation") => {
    const v = values?.[name(field)];
    return typeof v === "string" ? v : undefined;
  };
  const current = (values ? (posted("result") ?? null) : saved?.result) ?? null;
  const explanation = values ? (posted("explanation") ?? "") : (saved?.explanation ?? "");
  const postedPolicies = values ? [values[name("policies")] ?? []].flat() : null;
  const cited = new Set(postedPolicies ?? (saved?.evidence ?? []).filter((e) => e.recordType === "policy").map((e) => e.recordId));
  const files = (saved?.evidence ?? []).filter((e) => e.recordType === "file");
  const code = en ? c.code.en : c.code.zh;
  const err = (field: "result" | "explanation" | "policies" | "file") => (errors[name(field)] ? translateMessage(t, errors[name(field)]!) : null);
  const evidence = d.evidence[c.key];
  return (
    <li
      id={`c-${c.key}`}
      className={`scroll-mt-4 rounded-lg border bg-white p-4 shadow-sm ${Object.keys(errors).some((k) => k.endsWith(`_${c.key}`)) ? "border-red-400" : "border-slate-200"}`}
      data-criterion={c.key}
    >
      <input type="hidden" name="criteria" value={c.key} />
      <div className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h3 className="font-semibold text-slate-900">
            <span className="mr-2 font-mono">{code}</span>
            {localized(c, "title", i18n.language)}
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
              value: localized(c, "note", i18n.language),
            })}
          </p>
        ) : null}
        {evidence ? <EvidencePanel evidence={evidence} href={`/criteria/${d.framework.code}/${c.key}`} /> : null}
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
                  name={name("result")}
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
            name={name("explanation")}
            rows={3}
            defaultValue={explanation}
            disabled={!props.editable}
            placeholder={t("assessments.explanationHint")}
            aria-invalid={err("explanation") ? true : undefined}
          />
          {err("explanation") ? <p className="text-sm font-medium text-red-700">{err("explanation")}</p> : null}
        </div>
        {d.policies.length ? (
          <details className="text-sm" open={cited.size > 0 || !!err("policies")}>
            <summary className="cursor-pointer font-medium text-slate-800">{t("assessments.citedPolicies", { count: cited.size })}</summary>
            <div className="mt-2 grid gap-1 sm:grid-cols-2">
              {d.policies.map((p) => (
                <label key={p.id} className="flex min-h-11 items-center gap-2 rounded border border-slate-200 px-2">
                  <input
                    type="checkbox"
                    name={name("policies")}
                    value={p.id}
                    defaultChecked={cited.has(p.id)}
                    disabled={!props.editable}
                    className="size-5 accent-brand-700"
                  />
                  <span>
                    <span className="font-mono">{p.documentNumber}</span> {localized(p, "title", i18n.language)}
                  </span>
                </label>
              ))}
            </div>
            {err("policies") ? <p className="text-sm font-medium text-red-700">{err("policies")}</p> : null}
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
                {props.editable ? (
                  // Submits the small remove form after the assessment form (forms cannot nest).
                  <button type="submit" form={`remove-${c.key}-${f.recordId}`} className="min-h-11 text-sm text-red-700 underline">
                    {t("assessments.removeFile", { name: f.label })}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {props.editable ? (
          <div className="space-y-1">
            <label htmlFor={`file-${c.key}`} className="block text-sm font-medium text-slate-800">
              {t("assessments.addFile")}
            </label>
            <input id={`file-${c.key}`} type="file" name={name("file")} accept={acceptAttribute} className="block w-full text-sm" />
            <p className="text-xs text-slate-500">
              {t("files.limitHint", {
                max: MAX_UPLOAD_MB,
                formats: allowedFormatsLabel,
              })}
            </p>
            {err("file") ? <p className="text-sm font-medium text-red-700">{err("file")}</p> : null}
          </div>
        ) : null}
      </div>
    </li>
  );
}

/** The forms that remove a cited file, outside the assessment form; its buttons point at them by id. */
export function RemoveFileForms(props: { d: AssessmentPageView }) {
  const forms = Object.entries(props.d.results).flatMap(([key, r]) =>
    r.evidence.filter((e) => e.recordType === "file").map((f) => ({ key, fileId: f.recordId })),
  );
  return (
    <>
      {forms.map((f) => (
        <Form method="post" key={`${f.key}-${f.fileId}`} id={`remove-${f.key}-${f.fileId}`} hidden>
          <input type="hidden" name="intent" value="removeFile" />
          <input type="hidden" name="criterion" value={f.key} />
          <input type="hidden" name="fileId" value={f.fileId} />
        </Form>
      ))}
    </>
  );
}

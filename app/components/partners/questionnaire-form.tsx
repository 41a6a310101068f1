import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Badge } from "~/components/ui/badge";
import { Textarea } from "~/components/ui/input";
import type { ScoreReason } from "~/lib/partners/partner-scoring";
import { localized } from "~/lib/i18n/localized";

// The questionnaire's questions as radio groups with a comment each: the reviewer's form on the
// evaluation page and the partner's form behind its link. Plain inputs, so both work without
// JavaScript; the page decides what happens around them.

export interface FormQuestion {
  key: string;
  category: "compliance" | "security" | "qualification";
  textZh: string;
  textEn: string;
  helpZh?: string;
  helpEn?: string;
  documentZh?: string;
  documentEn?: string;
  /** Weights and scores are the reviewer's: the partner's page is given none. */
  weight?: number;
  options: readonly { key: string; labelZh: string; labelEn: string; score?: number | null; critical?: boolean }[];
}

export function QuestionList(props: {
  questions: readonly FormQuestion[];
  answers: Record<string, { option: string; comment?: string }>;
  /** What the partner answered through its link, shown beside a different answer of the reviewer. */
  partnerAnswers?: Record<string, { option: string; comment?: string }> | null;
  errors: Record<string, string | undefined>;
  disabled?: boolean;
  /** Shows weights and scores (the reviewer); the partner sees the questions only. */
  reviewer: boolean;
  onChange?: (key: string, option: string) => void;
  /** Per question, e.g. the partner's upload field. */
  extra?: (question: FormQuestion) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const categories = ["compliance", "security", "qualification"] as const;
  // One numbering through the categories, so "question 7" names one question.
  const ordered = categories.flatMap((category) => props.questions.filter((q) => q.category === category));
  const numberOf = new Map(ordered.map((q, i) => [q.key, i + 1]));
  return (
    <div className="space-y-6">
      {categories.map((category) => {
        const questions = props.questions.filter((q) => q.category === category);
        if (!questions.length) return null;
        return (
          <section key={category} className="space-y-3">
            <h2 className="text-lg font-semibold text-slate-900">{t(`partners.category.${category}`)}</h2>
            {questions.map((q) => {
              const name = `answer_${q.key}`;
              const error = props.errors[name];
              const current = props.answers[q.key];
              const partner = props.partnerAnswers?.[q.key];
              const partnerOption = partner ? q.options.find((o) => o.key === partner.option) : undefined;
              return (
                <fieldset
                  key={q.key}
                  id={`question-${q.key}`}
                  className={`rounded-lg border bg-white p-4 ${error ? "border-red-300 ring-1 ring-red-200" : "border-slate-200"}`}
                  aria-describedby={error ? `${name}-error` : undefined}
                >
                  <legend className="sr-only">{localized(q, "text", i18n.language)}</legend>
                  <p className="font-medium text-slate-900" aria-hidden="true">
                    <span className="mr-2 text-sm text-slate-500">{numberOf.get(q.key)}.</span>
                    {localized(q, "text", i18n.language)}
                  </p>
                  {localized(q, "help", i18n.language) ? <p className="mt-1 text-sm text-slate-600">{localized(q, "help", i18n.language)}</p> : null}
                  {props.reviewer ? <p className="mt-1 text-xs text-slate-500">{t("partners.weight", { weight: q.weight })}</p> : null}
                  <div className="mt-3 grid gap-2 sm:grid-cols-2">
                    {q.options.map((o) => (
                      <label
                        key={o.key}
                        className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-slate-200 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                      >
                        <input
                          type="radio"
                          name={name}
                          value={o.key}
                          defaultChecked={current?.option === o.key}
                          disabled={props.disabled}
                          onChange={() => props.onChange?.(q.key, o.key)}
                          className="size-5 accent-brand-700"
                        />
                        <span className="flex-1">{localized(o, "label", i18n.language)}</span>
                        {props.reviewer ? (
                          <span className="text-xs text-slate-500">
                            {o.score === null ? t("partners.notScored") : t("partners.points", { score: o.score })}
                          </span>
                        ) : null}
                        {props.reviewer && o.critical ? <Badge tone="bad">{t("partners.critical")}</Badge> : null}
                      </label>
                    ))}
                  </div>
                  {partnerOption && partner?.option !== current?.option ? (
                    <p className="mt-2 text-sm text-amber-800">
                      {t("partners.partnerAnswered", { answer: localized(partnerOption, "label", i18n.language) })}
                    </p>
                  ) : null}
                  {partner?.comment ? (
                    <p className="mt-1 text-sm text-slate-600">{t("partners.partnerComment", { comment: partner.comment })}</p>
                  ) : null}
                  {error ? (
                    <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700">
                      {error}
                    </p>
                  ) : null}
                  <label className="mt-3 block text-sm text-slate-700">
                    {t("partners.comment")}
                    <Textarea
                      name={`comment_${q.key}`}
                      rows={2}
                      defaultValue={current?.comment ?? ""}
                      disabled={props.disabled}
                      className="mt-1"
                    />
                  </label>
                  {props.extra?.(q)}
                </fieldset>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}

/** Why the tier is what it is, in words. */
type LooseReason = { kind: string; questionKey?: string; score?: number; min?: number; tier?: string };

export function ScoreReasons(props: { reasons: readonly (ScoreReason | LooseReason)[]; questions: readonly FormQuestion[] }) {
  const { t, i18n } = useTranslation();
  const text = (key?: string) => {
    const q = props.questions.find((x) => x.key === key);
    return q ? localized(q, "text", i18n.language) : (key ?? "");
  };
  if (!props.reasons.length) return null;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
      {(props.reasons as readonly LooseReason[]).map((r, i) => (
        <li key={i}>
          {r.kind === "critical"
            ? t("partners.reason.critical", { question: text(r.questionKey) })
            : r.kind === "weak"
              ? t("partners.reason.weak", { question: text(r.questionKey), score: r.score ?? 0 })
              : r.kind === "exempt"
                ? t("partners.reason.exempt")
                : t(r.tier === "high" ? "partners.reason.below" : "partners.reason.reaches", {
                    score: r.score ?? 0,
                    min: r.min ?? 0,
                    tier: t(`partners.tier.${(r.tier ?? "low") as "low"}`),
                  })}
        </li>
      ))}
    </ul>
  );
}

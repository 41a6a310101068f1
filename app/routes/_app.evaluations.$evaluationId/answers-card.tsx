import { Form, useNavigation } from "@remix-run/react";
import { useMemo, useState } from "react";
import { QuestionList, ScoreReasons } from "~/components/partners/questionnaire-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { translateMessage } from "~/lib/i18n/messages";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { EvaluationView } from "~/lib/partners/evaluation-view.server";
import { scoreEvaluation } from "~/lib/partners/partner-scoring";
import type { ServerState } from "./forms";

/** The answers, the live score and tier, and Save / Ready for decision. */
export function AnswersCard(props: { d: EvaluationView; server: ServerState | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { d } = props;
  const questions = d.questionnaire!.questions;
  const [answers, setAnswers] = useState<Record<string, { option: string }>>(() => {
    const server = props.server?.values ?? {};
    const merged: Record<string, { option: string }> = { ...d.evaluation.answers };
    for (const q of questions) {
      const posted = server[`answer_${q.key}`];
      if (typeof posted === "string") merged[q.key] = { option: posted };
    }
    return merged;
  });
  const score = useMemo(() => scoreEvaluation(questions, answers, d.policy), [questions, answers, d.policy]);
  const errors = Object.fromEntries(
    Object.entries(props.server?.errors ?? {}).map(([k, v]) => [k, v ? translateMessage(t, v) : undefined]),
  );
  const shown =
    d.evaluation.status === "decided" || d.evaluation.status === "prepared"
      ? { score: d.evaluation.score, tier: d.evaluation.tier, reasons: d.evaluation.reasons }
      : score;
  return (
    <Card title={t("partners.answersTitle")}>
      <div className="mb-4 rounded-md border border-slate-200 bg-slate-50 p-3" aria-live="polite">
        <p className="font-semibold text-slate-900">
          {shown.score === null ? t("partners.noScoreYet") : t("partners.scoreValue", { score: shown.score })}
          {shown.tier ? <span className="ml-2">{t(`partners.tierLong.${shown.tier}`)}</span> : null}
        </p>
        {d.can.edit ? (
          <p className="text-sm text-slate-600">{t("partners.answeredOf", { answered: score.answered, total: questions.length })}</p>
        ) : null}
        <div className="mt-2">
          <ScoreReasons reasons={shown.reasons} questions={questions} />
        </div>
      </div>
      <Form method="post" noValidate className="space-y-4">
        {Object.keys(errors).length ? (
          <Alert tone="error">{t("partners.answersMissing", { count: Object.keys(errors).length })}</Alert>
        ) : null}
        <QuestionList
          questions={questions}
          answers={d.evaluation.answers}
          partnerAnswers={d.evaluation.partnerAnswers}
          errors={errors}
          disabled={!d.can.edit}
          reviewer
          onChange={(key, option) => setAnswers((a) => ({ ...a, [key]: { option } }))}
        />
        {d.can.edit ? (
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="intent" value="save" variant="secondary" disabled={navigation.state === "submitting"}>
              {t("partners.saveAnswers")}
            </Button>
            <Button type="submit" name="intent" value="prepare" disabled={navigation.state === "submitting"}>
              {t("partners.prepare")}
            </Button>
            <p className="w-full text-sm text-slate-600">{t("partners.prepareHint")}</p>
          </div>
        ) : null}
      </Form>
      {d.can.reopen ? (
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="reopen" />
          <Button type="submit" variant="ghost">
            {t("partners.reopen")}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

import { Form, useNavigation } from "@remix-run/react";
import { SelectField, TextAreaField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { ConditionFields } from "~/components/partners/condition-fields";
import { ScoreReasons } from "~/components/partners/questionnaire-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { useHydrated } from "~/components/ui/use-hydrated";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { EvaluationView } from "~/lib/partners/evaluation-view.server";
import { DecisionSchema, decisions } from "~/lib/partners/partner-schema";
import type { ServerState } from "./forms";

export function DecisionCard(props: { d: EvaluationView; server: ServerState | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { d } = props;
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(DecisionSchema, {
    server: props.server,
    defaults: { intent: "decide", decision: "approved" },
  });
  const field = { form, values, idPrefix: "decide-" };
  const decision = form.watch("decision") ?? values.decision;
  const hydrated = useHydrated();
  return (
    <Card title={t("partners.decisionTitle")}>
      <div className="mb-4 rounded-md border border-slate-200 bg-slate-50 p-3">
        <p className="font-semibold text-slate-900">
          {d.evaluation.score === null ? t("partners.noScoreYet") : t("partners.scoreValue", { score: d.evaluation.score })}
          {d.evaluation.tier ? <span className="ml-2">{t(`partners.tierLong.${d.evaluation.tier}`)}</span> : null}
        </p>
        <div className="mt-2">
          <ScoreReasons reasons={d.evaluation.reasons} questions={d.questionnaire?.questions ?? []} />
        </div>
      </div>
      {!d.can.decide ? (
        <p className="text-slate-600">
          {d.can.isPreparer ? t("partners.fourEyesHint") : d.can.decideRole ? t("partners.notPreparedHint") : t("partners.decideWho")}
        </p>
      ) : (
        <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
          {rejected ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
          <input type="hidden" value="decide" {...form.register("intent")} />
          <SelectField
            {...field}
            name="decision"
            label={t("partners.decisionLabel")}
            options={decisions.map((x) => ({ value: x, label: t(`partners.decision.${x}`) }))}
            error={errorOf("decision")}
          />
          {!hydrated || decision === "approved_with_conditions" ? (
            <ConditionFields form={form} values={values} errorOf={errorOf} members={d.members} idPrefix="decide-" />
          ) : null}
          <TextAreaField
            {...field}
            name="note"
            label={decision === "rejected" ? t("partners.rejectionReasonLabel") : t("partners.decisionNote")}
            error={errorOf("note")}
          />
          <Button type="submit" variant={decision === "rejected" ? "danger" : "primary"} disabled={navigation.state === "submitting"}>
            {t("partners.decide")}
          </Button>
        </Form>
      )}
    </Card>
  );
}

import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { NewActionSchema } from "~/lib/actions/action-schema";
import { actionReference, resultLabel } from "~/lib/assessments/result-labels";
import type { AssessmentResultValue, Outcome } from "~/lib/assessments/scoring";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import type { AssessmentPageView } from "~/lib/assessments/assessment-view.server";
import { labelIn, toneOf, type ActionResult } from "./shared";
import { localized } from "~/lib/i18n/localized";
import { fields } from "~/lib/form-fields";

export function ImprovementPlan(props: {
  d: AssessmentPageView;
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
          {d.improvement.window
            ? t(d.improvement.window.fromNotified ? "assessments.planHintNotified" : "assessments.planHint", {
                days: d.improvement.window.days,
                from: formatCalendarDate(d.improvement.window.from, locale),
                deadline: formatCalendarDate(d.improvement.window.deadline, locale),
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
                  {props.codeOf(key)} {c ? localized(c, "title", i18n.language) : ""}
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
                {props.codeOf(key)} {c ? localized(c, "title", i18n.language) : ""}{" "}
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
                      · {t(`actions.status.${a.status}`)}
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

function NewActionForm(props: { criterion: string; d: AssessmentPageView; server: ActionResult | undefined }) {
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
  const names = fields(NewActionSchema);
  const locale = useLocale();
  const field = { form, values, idPrefix: `action-${props.criterion}-` };
  return (
    <details className="mt-2" open={!!props.server}>
      <summary className="cursor-pointer text-sm text-brand-700">{t("assessments.addAction")}</summary>
      <Form key={location.key} method="post" noValidate onSubmit={onSubmit} className="mt-2 space-y-3">
        <input type="hidden" name="intent" value="action" />
        <input type="hidden" name={names.criterion} value={props.criterion} />
        {errorOf("form") ? <Alert tone="error">{errorOf("form")}</Alert> : null}
        <TextField {...field} name={names.title} label={t("assessments.actionTitle")} error={errorOf(names.title)} required />
        <TextAreaField
          {...field}
          name={names.description}
          label={t("assessments.actionDescription")}
          error={errorOf(names.description)}
          rows={2}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            {...field}
            name={names.ownerUserId}
            label={t("assessments.actionOwner")}
            placeholder={t("common.choose")}
            options={props.d.members.map((m) => ({
              value: m.userId,
              label: m.name,
            }))}
            error={errorOf(names.ownerUserId)}
          />
          <TextField
            {...field}
            name={names.dueOn}
            type="date"
            label={t("assessments.actionDue")}
            hint={
              props.d.deadline
                ? t("assessments.actionDueHint", {
                    deadline: formatCalendarDate(props.d.deadline, locale),
                  })
                : undefined
            }
            error={errorOf(names.dueOn)}
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

import { Form, useLocation } from "@remix-run/react";
import { TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ImprovementNotifiedSchema } from "~/lib/assessments/assessment-schema";
import type { AssessmentPageView } from "~/lib/assessments/assessment-view.server";
import { fields } from "~/lib/form-fields";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { ActionResult } from "./shared";

// The improvement period (规范改进) as the framework's catalogue states it: the rule with its source
// paragraph, or the note that the official text sets none; where there is a period, the date it
// counts from (customs' notice, else the assessment date, labelled as such) and the form to enter it.
export function ImprovementPeriod(props: { d: AssessmentPageView; actionData: ActionResult | undefined; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const en = i18n.language === "en";
  const { improvement } = props.d;
  const server = props.actionData?.intent === "notified" ? props.actionData : undefined;
  const { form, values, errorOf, onSubmit } = useValidatedForm(ImprovementNotifiedSchema, {
    defaults: { intent: "notified", improvementNotifiedOn: props.d.assessment.improvementNotifiedOn ?? "" },
    server: server as never,
  });
  const location = useLocation();
  const names = fields(ImprovementNotifiedSchema);
  const window = improvement.window;
  const source = en ? improvement.sourceEn : improvement.sourceZh;
  const note = en ? improvement.noteEn : improvement.noteZh;
  return (
    <Card title={t("assessments.periodTitle")}>
      <div id="improvement-period" className="space-y-2 text-sm" data-testid="improvement-period">
        {window ? (
          <>
            <p>
              {t(window.fromNotified ? "assessments.periodFromNotified" : "assessments.periodFromAssessment", {
                days: window.days,
                from: formatCalendarDate(window.from, locale),
                deadline: formatCalendarDate(window.deadline, locale),
              })}
            </p>
            {source ? <p className="text-slate-600">{t("assessments.periodSource", { source })}</p> : null}
            {props.editable ? (
              <Form key={location.key} method="post" noValidate onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
                <input type="hidden" name="intent" value="notified" />
                {errorOf("form") ? <Alert tone="error">{errorOf("form")}</Alert> : null}
                <TextField
                  form={form}
                  values={values}
                  name={names.improvementNotifiedOn}
                  type="date"
                  label={t("assessments.notifiedOn")}
                  hint={t("assessments.notifiedOnHint")}
                  error={errorOf(names.improvementNotifiedOn)}
                />
                <Button type="submit" variant="secondary">
                  {t("assessments.notifiedSave")}
                </Button>
              </Form>
            ) : null}
          </>
        ) : (
          <p className="text-slate-600">{note ?? t("assessments.periodNone")}</p>
        )}
      </div>
    </Card>
  );
}

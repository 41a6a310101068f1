import { Form, useNavigation } from "@remix-run/react";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { SessionFields } from "~/components/training/training-parts";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { SessionView } from "~/lib/training/session-view.server";
import { DrillSchema, SessionSchema } from "~/lib/training/training-schema";
import { serverFor, type ActionData } from "./forms";

/** Correcting the session's details, and deleting it. */
export function CorrectCard({ d, server }: { d: SessionView; server: ActionData }) {
  const { t } = useTranslation();
  return (
    <Card title={t("training.correct")}>
      <details open={server?.intent === "details"}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">
          {t("training.correctHint")}
        </summary>
        <DetailsForm d={d} server={serverFor(server, "details")} />
      </details>
      <details className="mt-3 border-t border-slate-100 pt-3">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-700">
          {t("training.delete.title")}
        </summary>
        <Form method="post" className="mt-2 space-y-3">
          <input type="hidden" name="intent" value="delete" />
          <p className="text-sm text-slate-700">{t("training.delete.explain")}</p>
          <Button type="submit" variant="danger">
            {t("training.delete.confirm")}
          </Button>
        </Form>
      </details>
    </Card>
  );
}

function DetailsForm(props: { d: SessionView; server: ServerFormState }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const s = props.d.session;
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(s.drill ? DrillSchema : SessionSchema, {
    defaults: {
      category: s.category,
      topic: s.topic,
      heldOn: s.heldOn,
      startTime: s.startTime ?? "",
      durationMinutes: s.durationMinutes ? String(s.durationMinutes) : "",
      siteId: s.siteId ?? "",
      trainer: s.trainer,
      provider: s.provider ?? "",
      testGiven: s.testGiven,
      notes: s.notes ?? "",
      scenario: s.scenario ?? "",
      observations: s.observations ?? "",
      lessonsLearned: s.lessonsLearned ?? "",
      followUp: s.followUp ?? "",
    },
    server: props.server,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="mt-3 space-y-4">
      <input type="hidden" name="intent" value="details" />
      {rejected ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
      <SessionFields
        kind={s.drill ? "drill" : "session"}
        form={form}
        values={values}
        errorOf={errorOf}
        sites={props.d.sites}
        materials={false}
      />
      <Button type="submit" disabled={navigation.state === "submitting"}>
        {t("common.save")}
      </Button>
    </Form>
  );
}

import { Form, Link, useNavigation } from "@remix-run/react";
import { TextAreaField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { useShell } from "~/lib/auth/use-session-user";
import { formatDateTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { OVERRIDE_REASON_MIN } from "~/lib/inspections/inspection-rules";
import { OverrideSchema } from "~/lib/inspections/inspection-schema";
import type { InspectionPageView } from "~/lib/inspections/inspection-view.server";
import type { PanelServer } from "./forms";

/** Release for loading, where the template gates it: the release itself, or a supervisor's override with a reason. */
export function ReleasePanel(props: { d: InspectionPageView; server: PanelServer }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeZone = useShell().organization.timeZone;
  const navigation = useNavigation();
  const { d } = props;
  const server = props.server?.intent === "override" ? props.server : null;
  const { form, values, errorOf, onSubmit, rejected } = useValidatedForm(OverrideSchema, { server, defaults: { intent: "override" } });
  if (!d.template.releaseGate) return null;
  const state = d.release.state;
  const awaiting = d.actions.filter((a) => a.status === "awaiting_verification").length;
  return (
    <Card title={t("inspections.releaseTitle")}>
      {d.released ? (
        <div className="space-y-2">
          <p>{t("inspections.releasedBy", { name: d.released.by ?? "—", at: formatDateTime(d.released.at, locale, timeZone) })}</p>
          {d.released.overrideReason ? (
            <Alert tone="warning" title={t("inspections.overrideTitle")}>
              {d.released.overrideReason}
            </Alert>
          ) : null}
        </div>
      ) : (
        <div className="space-y-4">
          <p className={state === "ready" ? "text-green-800" : "text-red-800"}>
            {t(`inspections.releaseState.${state}`, { count: d.release.state === "blocked" ? d.release.openActions : 0 })}
          </p>
          {state === "blocked" && awaiting > 0 ? (
            // Closed by the inspector, not yet verified: the release waits for a supervisor, not for more work.
            <p className="text-sm text-amber-800">{t("inspections.awaitingVerification", { count: awaiting })}</p>
          ) : null}
          {d.can.release ? (
            <Form method="post">
              <input type="hidden" name="intent" value="release" />
              <Button type="submit" disabled={navigation.state === "submitting"}>
                {t("inspections.release")}
              </Button>
            </Form>
          ) : null}
          {state === "blocked" && d.can.override ? (
            <Form method="post" noValidate onSubmit={onSubmit} className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3">
              {rejected ? <Alert tone="error">{t("errors.fixBelow")}</Alert> : null}
              <input type="hidden" value="override" {...form.register("intent")} />
              <TextAreaField
                form={form}
                values={values}
                name="reason"
                label={t("inspections.overrideReason")}
                hint={t("inspections.overrideHint", { min: OVERRIDE_REASON_MIN })}
                error={errorOf("reason")}
              />
              <Button type="submit" variant="danger" disabled={navigation.state === "submitting"}>
                {t("inspections.overrideSubmit")}
              </Button>
            </Form>
          ) : state === "blocked" ? (
            <p className="text-sm text-slate-600">{d.isInspector ? t("inspections.overrideNotYou") : t("inspections.overrideWho")}</p>
          ) : null}
          {state === "blocked" ? (
            <Link to="/actions" className={buttonClass("secondary")}>
              {t("inspections.toActions")}
            </Link>
          ) : null}
        </div>
      )}
    </Card>
  );
}

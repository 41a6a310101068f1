import { Form, useNavigation } from "@remix-run/react";
import { TextAreaField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SignOffSchema } from "~/lib/inspections/inspection-schema";
import type { InspectionPageView } from "~/lib/inspections/inspection-view.server";
import type { PanelServer } from "./forms";

/** A supervisor's signature, where the template asks for one (or offers it), until it is given. */
export function SignOffPanel(props: { d: InspectionPageView; server: PanelServer }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { d } = props;
  const server = props.server?.intent === "signoff" ? props.server : null;
  const { form, values, errorOf, onSubmit } = useValidatedForm(SignOffSchema, { server, defaults: { intent: "signoff" } });
  if (d.template.supervisorSignoff === "none" || d.signedOff) return null;
  return (
    <Card title={t("inspections.signoffTitle")}>
      <p className="mb-3 text-slate-700">
        {d.template.supervisorSignoff === "required" ? t("inspections.signoffRequired") : t("inspections.signoffOptional")}
      </p>
      {d.can.signOff ? (
        <Form method="post" noValidate onSubmit={onSubmit} className="space-y-3">
          <input type="hidden" value="signoff" {...form.register("intent")} />
          <TextAreaField form={form} values={values} name="note" label={t("inspections.signoffNote")} error={errorOf("note")} rows={2} />
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("inspections.signoffSubmit")}
          </Button>
        </Form>
      ) : (
        <p className="text-sm text-slate-600">{d.isInspector ? t("inspections.signoffNotYou") : t("inspections.signoffWho")}</p>
      )}
    </Card>
  );
}

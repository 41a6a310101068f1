import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { PartnerFields } from "~/components/partners/partner-fields";
import { PartnerSchema } from "~/lib/partners/partner-schema";
import type { PartnerView } from "~/lib/partners/partner-view.server";
import { FormAlert, Submit, type ServerState } from "./forms";

export function EditForm(props: { d: PartnerView; server: ServerState | null }) {
  const { t } = useTranslation();
  const p = props.d.partner;
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(PartnerSchema, {
    server: props.server,
    defaults: {
      intent: "update",
      legalNameZh: p.legalNameZh,
      legalNameEn: p.legalNameEn,
      countryCode: p.countryCode,
      uscc: p.uscc ?? "",
      foreignRegistrationNumber: p.foreignRegistrationNumber ?? "",
      roles: p.roles,
      customsCredit: p.customsCredit,
      aeoProgramme: p.aeoProgramme,
      aeoProgrammeName: p.aeoProgrammeName ?? "",
      aeoCertificateNumber: p.aeoCertificateNumber ?? "",
      aeoValidUntil: p.aeoValidUntil ?? "",
      annualVolumeCny: p.annualVolumeCny === null ? "" : String(p.annualVolumeCny),
      notes: p.notes,
    },
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
      <FormAlert rejected={rejected} formError={formError} />
      <input type="hidden" name="intent" value="update" />
      <PartnerFields form={form} values={values} errorOf={errorOf} />
      <Submit>{t("common.save")}</Submit>
    </Form>
  );
}

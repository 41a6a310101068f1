import { Form, useNavigation } from "@remix-run/react";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { EmployeeFields } from "~/components/personnel/employee-fields";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { EmployeeView } from "~/lib/personnel/employee-view.server";
import { EmployeeSchema } from "~/lib/personnel/personnel-schema";
import { serverFor, type ServerState } from "./forms";

export function EditCard({ d, server }: { d: EmployeeView; server: ServerState }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const e = d.employee;
  const f = useValidatedForm(EmployeeSchema, {
    server: serverFor(server, "update"),
    defaults: {
      name: e.name,
      position: e.position,
      department: e.department,
      siteId: e.siteId ?? "",
      hireDate: e.hireDate,
      leaveDate: e.leaveDate ?? "",
      idDocumentType: e.idDocumentType ?? "",
      dateOfBirth: e.dateOfBirth ?? "",
      keyRoles: e.keyRoles,
      userId: e.userId ?? "",
      securitySensitive: e.securitySensitive,
    },
  });
  return (
    <section id="edit">
      <Card>
        {/* Closed until wanted (or refused): the page is long on a phone and the checklist comes first. */}
        <details open={f.rejected}>
          <summary className="flex min-h-11 cursor-pointer items-center text-lg font-semibold text-slate-900">
            {t("personnel.editTitle")}
          </summary>
          <div className="mt-3">
            <Form method="post" noValidate onSubmit={f.onSubmit} className="space-y-4">
              <input type="hidden" name="intent" value="update" />
              {f.rejected ? <Alert tone="error">{f.formError ?? t("errors.fixBelow")}</Alert> : null}
              <EmployeeFields
                form={f.form}
                values={f.values}
                errorOf={f.errorOf}
                sites={d.sites}
                members={d.members}
                maskedOnFile={e.idNumberMasked}
              />
              <Button type="submit" className="min-h-14 w-full sm:w-auto" disabled={navigation.state === "submitting"}>
                {t("personnel.save")}
              </Button>
            </Form>
          </div>
        </details>
      </Card>
    </section>
  );
}

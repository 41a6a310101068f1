import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { PartnerFields } from "~/components/partners/partner-fields";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { titleFor } from "~/lib/i18n/meta";
import { PartnerSchema } from "~/lib/partners/partner-schema";
import { createPartner } from "~/lib/partners/partners.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["partners"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("partners.new"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "partners.manage");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "partners.manage");
  const formData = await readFormData(request);
  const parsed = parseForm(formData, PartnerSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const created = await createPartner(auth.db, auth.actor, parsed.data);
  if (!created.ok) return data({ errors: created.errors, values: formDataToObject(formData) }, { status: 400 });
  return redirect(`/partners/${created.id}?created=1`);
}

export default function NewPartnerPage() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const actionData = useActionData<typeof action>();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(PartnerSchema, {
    server: actionData,
    defaults: { countryCode: "CN", customsCredit: "unknown", aeoProgramme: "none", roles: [] },
  });
  return (
    <>
      <PageHeader
        title={t("partners.new")}
        description={t("partners.newDescription")}
        actions={
          <Link to="/partners" className="text-sm text-brand-700 underline">
            {t("partners.backToList")}
          </Link>
        }
      />
      <Card>
        <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
          {rejected ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
          <PartnerFields form={form} values={values} errorOf={errorOf} />
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("partners.create")}
          </Button>
        </Form>
      </Card>
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { EmployeeFields } from "~/components/personnel/employee-fields";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { BackLink } from "~/components/ui/back-link";
import { requirePermission } from "~/lib/auth/auth.server";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { titleFor } from "~/lib/i18n/meta";
import { listSites } from "~/lib/organizations/organizations.server";
import { EmployeeSchema } from "~/lib/personnel/personnel-schema";
import { createEmployee } from "~/lib/personnel/personnel-employees.server";
import { listMemberAccounts } from "~/lib/personnel/personnel-queries.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "inspections", "personnel"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("personnel.new"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "personnel.manage");
  const [sites, members] = await Promise.all([listSites(auth.db, auth.organization.id), listMemberAccounts(auth.db, auth.organization.id)]);
  return { sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })), members };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "personnel.manage");
  const formData = await readFormData(request);
  const parsed = parseForm(formData, EmployeeSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const created = await createEmployee(auth.db, auth.actor, parsed.data);
  if (!created.ok) return data({ errors: created.errors, values: formDataToObject(formData) }, { status: 400 });
  return redirect(`/personnel/${created.id}?created=1`);
}

export default function NewEmployeePage() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(EmployeeSchema, { server: actionData });
  return (
    <>
      <PageHeader
        title={t("personnel.new")}
        description={t("personnel.newDescription")}
        actions={
          <BackLink to="/personnel">{t("personnel.backToList")}</BackLink>
        }
      />
      <Card>
        <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
          {rejected ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
          <EmployeeFields form={form} values={values} errorOf={errorOf} sites={d.sites} members={d.members} />
          <Button type="submit" className="min-h-14 w-full sm:w-auto" disabled={navigation.state === "submitting"}>
            {t("personnel.create")}
          </Button>
        </Form>
      </Card>
    </>
  );
}

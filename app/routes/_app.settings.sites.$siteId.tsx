import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SiteForm } from "~/components/organizations/site-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { parseForm, parseIntent, readFormData } from "~/lib/form.server";
import { titleFor } from "~/lib/i18n/meta";
import { SiteSchema } from "~/lib/organizations/organization-schema";
import { deleteSite, getSite, updateSite } from "~/lib/organizations/organizations.server";
import { message } from "~/lib/i18n/messages";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["organizations"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("sites.edit"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "sites.manage");
  const site = await getSite(auth.db, auth.organization.id, uuidParam(params, "siteId"));
  if (!site) notFound();
  return { site };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "sites.manage");
  const siteId = uuidParam(params, "siteId");
  const actor = auth.actor;
  const formData = await readFormData(request);
  const intent = parseIntent(formData, ["delete", "update"], { whenMissing: "update" });
  if (intent === "delete") {
    const deleted = await deleteSite(auth.db, actor, siteId);
    if (deleted === "not_found") notFound();
    if (deleted === "has_records") return data({ intent: "delete", errors: { form: message("sites.hasRecords") }, values: {} }, { status: 400 });
    return redirect("/settings/sites?deleted=1");
  }
  const parsed = parseForm(formData, SiteSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  if (!(await updateSite(auth.db, actor, siteId, parsed.data))) notFound();
  return redirect(`/settings/sites/${siteId}?saved=1`);
}

export default function EditSitePage() {
  const { t, i18n } = useTranslation();
  const { site } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved") === "1";
  return (
    <>
      <PageHeader
        title={i18n.language === "en" ? site.nameEn : site.nameZh}
        actions={
          <Link to="/settings/sites" className="text-brand-700 underline">
            {t("sites.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {saved ? <Alert tone="success">{t("common.saved")}</Alert> : null}
        <Card title={t("sites.edit")}>
          <SiteForm
            key={site.updatedAt.toString()}
            defaults={{ ...site, securityContactName: site.securityContactName ?? "", securityContactPhone: site.securityContactPhone ?? "" }}
            server={actionData}
            submitLabel={t("common.save")}
            intent="update"
          />
        </Card>
        <Card title={t("sites.deleteTitle")}>
          {actionData && "intent" in actionData && actionData.intent === "delete" ? <Alert tone="error">{t("sites.hasRecords")}</Alert> : null}
          <p className="mb-3 text-slate-600">{t("sites.deleteWarning")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <Button type="submit" variant="danger">
              {t("sites.delete")}
            </Button>
          </Form>
        </Card>
      </div>
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SiteForm } from "~/components/organizations/site-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { useCan } from "~/lib/auth/use-session-user";
import { parseForm, readFormData } from "~/lib/form.server";
import { titleFor } from "~/lib/i18n/meta";
import { SiteSchema } from "~/lib/organizations/organization-schema";
import { createSite, listSites } from "~/lib/organizations/organizations.server";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["organizations"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("sites.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "sites.read");
  return { sites: await listSites(auth.db, auth.organization.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "sites.manage");
  const parsed = parseForm(await readFormData(request), SiteSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  await createSite(auth.db, auth.actor, parsed.data);
  return redirect("/settings/sites?added=1");
}

export default function SitesPage() {
  const { t, i18n } = useTranslation();
  const { sites } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const canManage = useCan("sites.manage");
  const en = i18n.language === "en";
  return (
    <>
      <PageHeader title={t("sites.title")} description={t("sites.description")} />
      <div className="space-y-4">
        {searchParams.get("added") === "1" ? <Alert tone="success">{t("sites.added")}</Alert> : null}
        {searchParams.get("deleted") === "1" ? <Alert tone="success">{t("sites.deleted")}</Alert> : null}
        <Card title={t("sites.list", { count: sites.length })}>
          {sites.length === 0 ? (
            <p className="text-slate-600">{t("sites.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {sites.map((s) => (
                <li key={s.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
                  <div>
                    <p className="font-medium">
                      {localized(s, "name", i18n.language)} <span className="text-slate-500">· {en ? s.nameZh : s.nameEn}</span>
                    </p>
                    <p className="text-sm text-slate-600">{s.address}</p>
                    {s.securityContactName ? (
                      <p className="text-sm text-slate-600">
                        {t("common.labelValue", {
                          label: t("fields.securityContactName"),
                          value: [s.securityContactName, s.securityContactPhone].filter(Boolean).join(" "),
                        })}
                      </p>
                    ) : null}
                  </div>
                  <div className="flex items-center gap-2">
                    <Badge tone="brand">{t(`siteKind.${s.kind}`)}</Badge>
                    {canManage ? (
                      <Link to={`/settings/sites/${s.id}`} className="flex min-h-11 items-center px-2 text-brand-700 underline">
                        {t("common.edit")}
                      </Link>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {canManage ? (
          <Card title={t("sites.add")}>
            {/* A new key after each successful add (the redirect) empties the form for the next site. */}
            <SiteForm key={location.key} server={actionData} submitLabel={t("sites.add")} intent="create" />
          </Card>
        ) : null}
      </div>
    </>
  );
}

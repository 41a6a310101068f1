import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { formDataToObject, readFormData } from "~/lib/form.server";
import { message } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { allItems } from "~/lib/inspections/template-definition";
import { definitionFromEditor } from "~/lib/inspections/template-editor";
import { templatePageView } from "~/lib/inspections/template-view.server";
import {
  criterionLabels,
  getTemplateVersion,
  listTemplateVersions,
  saveTemplateVersion,
  unknownCriterionRefs,
} from "~/lib/inspections/templates.server";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { OverviewCard } from "./overview-card";
import { SectionCard } from "./section-card";
import { TemplateEditor } from "./template-editor";
import { VersionsCard } from "./versions-card";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria", "inspections"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t, locale) => (data ? (locale === "en" ? data.template.titleEn : data.template.titleZh) : t("templates.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "inspections.read");
  const orgId = auth.organization.id;
  const template = await getTemplateVersion(auth.db, orgId, uuidParam(params, "templateId"));
  if (!template) notFound();
  const versions = await listTemplateVersions(auth.db, orgId, template.code);
  const labels = await criterionLabels(
    auth.db,
    allItems(template.definition).flatMap((i) => i.criteria),
  );
  return templatePageView({ template, versions, labels }, orgId, auth.membership.role);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "templates.manage");
  const templateId = uuidParam(params, "templateId");
  const template = await getTemplateVersion(auth.db, auth.organization.id, templateId);
  // A built-in cannot be edited (copy it), and another organisation's template is not there.
  if (!template || template.organizationId !== auth.organization.id) notFound();
  const formData = await readFormData(request);
  const values = formDataToObject(formData);
  const converted = definitionFromEditor(values, template.definition);
  if (!converted.ok) return data({ errors: converted.errors, values }, { status: 400 });
  const unknown = await unknownCriterionRefs(
    auth.db,
    allItems(converted.definition).flatMap((i) => i.criteria),
  );
  if (unknown.length)
    return data({ errors: { form: message("templates.unknownCriterion", { ref: unknown.join(", ") }) }, values }, { status: 400 });
  const saved = await saveTemplateVersion(
    auth.db,
    auth.actor,
    templateId,
    converted.texts,
    converted.definition,
  );
  if (!saved) notFound();
  if (!saved.ok) return data({ errors: saved.errors, values }, { status: 400 });
  return redirect(`/templates/${saved.id}?${saved.changed ? "saved=1" : "unchanged=1"}`);
}

export default function TemplatePage() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const tpl = d.template;
  return (
    <>
      <PageHeader
        title={localized(tpl, "title", i18n.language)}
        description={localized(tpl, "description", i18n.language)}
        actions={
          <Link to="/templates" className="text-sm text-brand-700 underline">
            {t("templates.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {search.get("copied") === "1" ? <Alert tone="success">{t("templates.copied")}</Alert> : null}
        {search.get("saved") === "1" ? <Alert tone="success">{t("templates.savedVersion", { version: tpl.version })}</Alert> : null}
        {search.get("unchanged") === "1" ? <Alert tone="info">{t("templates.unchanged")}</Alert> : null}
        {d.newestId !== tpl.id ? (
          <Alert tone="warning">
            {t("templates.olderVersion", { version: tpl.version })}{" "}
            <Link to={`/templates/${d.newestId}`} className="underline">
              {t("templates.toNewest")}
            </Link>
          </Alert>
        ) : null}
        <OverviewCard d={d} />
        {tpl.definition.sections.map((section) => (
          <SectionCard key={section.key} section={section} labels={d.labels} />
        ))}
        <VersionsCard d={d} />
        {d.canEdit ? (
          <Card title={t("templates.editTitle")}>
            <TemplateEditor d={d} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

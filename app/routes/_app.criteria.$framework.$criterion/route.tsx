import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { CodeBadge, criterionCode, frameworkShort } from "~/components/criteria/criterion-parts";
import { PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { criteriaFedByTemplates } from "~/lib/inspections/templates.server";
import {
  coverageView,
  getFramework,
  isAssessable,
  listCriteria,
  listFrameworks,
  mappingsForFramework,
  topicsForCriterion,
} from "~/lib/criteria/criteria.server";
import { criterionView, linkedPolicyIds } from "~/lib/criteria/criterion-view.server";
import { coverageForFramework } from "~/lib/evidence/evidence.server";
import { todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { listPolicies } from "~/lib/policies/policies.server";
import { notFound } from "~/lib/route-params.server";
import { Breadcrumb } from "./breadcrumb";
import { ChildrenCard } from "./children-card";
import { CoverageCard } from "./coverage-card";
import { expectedDocumentOf } from "~/lib/evidence/fed-criteria.server";
import { MappingsCard } from "./mappings-card";
import { PagerCard } from "./pager-card";
import { roleParagraphs } from "~/lib/criteria/business-types.server";
import { TextCard } from "./text-card";
import { TopicsCard } from "./topics-card";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria", "policies", "inspections"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) =>
    data ? `${frameworkShort(t, data.framework.code)} ${criterionCode(t, data.criterion)} · ${t("criteria.title")}` : t("criteria.title"),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "criteria.read");
  const framework = await getFramework(auth.db, params.framework ?? "");
  if (!framework) notFound();
  const criteria = await listCriteria(auth.db, framework.id);
  const criterion = criteria.find((c) => c.key === params.criterion);
  if (!criterion) notFound();
  const orgId = auth.organization.id;
  const timeZone = auth.organization.timeZone;

  const [mappings, topics, coverage, frameworks, fedByTemplates] = await Promise.all([
    mappingsForFramework(auth.db, framework.id),
    topicsForCriterion(auth.db, criterion.id),
    coverageForFramework(auth.db, orgId, framework.id),
    listFrameworks(auth.db),
    criteriaFedByTemplates(auth.db, orgId),
  ]);
  const ownCoverage = isAssessable(criterion) ? coverageView(framework.code, criterion, coverage.get(criterion.id), timeZone, fedByTemplates) : null;
  // The policy list is read only when the coverage links to any.
  const policies = linkedPolicyIds(ownCoverage).size ? await listPolicies(auth.db, orgId, todayInZone(timeZone)) : [];
  return {
    ...criterionView({ framework, criteria, criterion, mappings, topics, frameworks, coverage: ownCoverage, policies }),
    // CN-2014 items written per enterprise type: the organisation's own paragraph, shown first.
    roleParagraph: framework.code === "cn-2014-general" ? roleParagraphs(criterion.textZh, criterion.textEn, auth.organization.cn2014Role) : null,
    // A criterion no record type feeds: the policy or document the standard expects instead.
    expectedDocument: expectedDocumentOf(framework.code, criterion.stableKey),
  };
}

export default function CriterionPage() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { criterion: c, evidence } = data;
  const en = i18n.language === "en";

  return (
    <>
      <Breadcrumb data={data} />

      <PageHeader
        title={
          <span className="flex items-start gap-3">
            <CodeBadge className="mt-1 text-base">{criterionCode(t, c)}</CodeBadge>
            <span>{localized(c, "title", i18n.language)}</span>
          </span>
        }
        description={<span lang={en ? "zh-CN" : "en"}>{en ? c.titleZh : c.titleEn}</span>}
      />

      {/* On a phone: text, then the organisation's evidence, then the cross-walk. On a wide screen the
          evidence and the way on sit in a column beside the text. */}
      <div className="grid gap-4 lg:grid-cols-3 lg:items-start">
        <TextCard data={data} roleParagraph={data.roleParagraph} />
        <div className="space-y-4 lg:col-start-3 lg:row-span-4 lg:row-start-1">
          {evidence ? <CoverageCard evidence={evidence} expectedDocument={data.expectedDocument} /> : null}
          <PagerCard data={data} />
        </div>
        {data.children.length ? <ChildrenCard data={data} /> : null}
        <MappingsCard groups={data.mappingGroups} />
        <TopicsCard topics={data.topics} />
      </div>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { frameworkShort } from "~/components/criteria/criterion-parts";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { criteriaFedByTemplates } from "~/lib/inspections/templates.server";
import { getFramework, listCriteria, mappingsForFramework } from "~/lib/criteria/criteria.server";
import { frameworkCriteriaFilter, frameworkCriteriaView } from "~/lib/criteria/framework-criteria-view.server";
import { coverageForFramework } from "~/lib/evidence/evidence.server";
import { coverageSeries } from "~/lib/charts/coverage-series.server";
import { coverageChart } from "~/lib/charts/chart-views.server";
import { todayInZone } from "~/lib/i18n/format";
import { CoverageHeatMap } from "~/components/charts/coverage-heat-map";
import { titleFor } from "~/lib/i18n/meta";
import { notFound } from "~/lib/route-params.server";
import { CriterionRow } from "./criterion-row";
import { FrameworkCard } from "./framework-card";
import { HeadingRow } from "./heading-row";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["charts", "criteria", "inspections"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? `${frameworkShort(t, data.framework.code)} · ${t("criteria.title")}` : t("criteria.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "criteria.read");
  const framework = await getFramework(auth.db, params.framework ?? "");
  if (!framework) notFound();
  const filter = frameworkCriteriaFilter(new URL(request.url));
  const [criteria, mappings, coverage, fedByTemplates, series] = await Promise.all([
    listCriteria(auth.db, framework.id),
    mappingsForFramework(auth.db, framework.id),
    coverageForFramework(auth.db, auth.organization.id, framework.id),
    criteriaFedByTemplates(auth.db, auth.organization.id),
    coverageSeries(auth.db, auth.organization.id, framework.id, todayInZone(auth.organization.timeZone)),
  ]);
  return {
    ...frameworkCriteriaView(
      { framework, criteria, mappings, coverage, fedByTemplates, businessTypes: auth.organization.cn2022BusinessTypes },
      filter,
      auth.organization.timeZone,
    ),
    coverageChart: coverageChart(series),
  };
}

export default function FrameworkCriteria() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { framework, filter, nodes } = data;
  const en = i18n.language === "en";
  return (
    <>
      <PageHeader
        title={localized(framework, "name", i18n.language)}
        description={en ? framework.nameZh : framework.nameEn}
        actions={
          <Link to="/criteria" className="text-brand-700 underline">
            {t("criteria.title")}
          </Link>
        }
      />
      <div className="space-y-4">
        <FrameworkCard data={data} />
        <Card>
          <CoverageHeatMap chart={data.coverageChart} />
        </Card>

        {nodes.length === 0 ? (
          <Card>
            <p className="text-slate-600">{filter.gapsOnly && !filter.q ? t("criteria.noGaps") : t("criteria.noMatch")}</p>
          </Card>
        ) : (
          <ol className="space-y-2">
            {nodes.map((n, i) => (
              <Fragment key={n.key}>
                {n.part && n.part !== nodes[i - 1]?.part ? (
                  <li className="pt-4">
                    <h2 className="rounded-md bg-brand-700 px-3 py-2 text-lg font-bold text-white">{t(`criteria.part.${n.part}`)}</h2>
                    {n.part === "business_type" ? <p className="mt-1 text-sm text-slate-600">{t("criteria.part.businessHint")}</p> : null}
                  </li>
                ) : null}
                {n.assessable ? (
                  <CriterionRow node={n} frameworkCode={framework.code} rule={framework.scoringRule} />
                ) : (
                  <HeadingRow node={n} frameworkCode={framework.code} rule={framework.scoringRule} />
                )}
              </Fragment>
            ))}
          </ol>
        )}
      </div>
    </>
  );
}

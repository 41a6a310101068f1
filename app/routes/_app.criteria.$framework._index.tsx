import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import {
  CodeBadge,
  CollapsibleText,
  criterionCode,
  frameworkShort,
  headingCode,
  MappingBadges,
  ProvenanceNote,
  type MappingLink,
} from "~/components/criteria/criterion-parts";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { Input } from "~/components/ui/input";
import type { AssessmentResultValue } from "~/lib/assessments/scoring";
import { resultWithPoints } from "~/lib/assessments/result-labels";
import { requirePermission } from "~/lib/auth/auth.server";
import { criteriaFedByTemplates } from "~/lib/inspections/templates.server";
import {
  coverageView,
  getFramework,
  isAssessable,
  listCriteria,
  mappingsForFramework,
  searchTerms,
  visibleCriteria,
  type CoverageView,
} from "~/lib/criteria/criteria.server";
import { coverageForFramework } from "~/lib/evidence/evidence.server";
import { COVERAGE_MONTHS } from "~/lib/evidence/evidence-registry";
import { formatCalendarDate } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { notFound } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "inspections"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? `${frameworkShort(t, data.framework.code)} · ${t("criteria.title")}` : t("criteria.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "criteria.read");
  const framework = await getFramework(auth.db, params.framework ?? "");
  if (!framework) notFound();
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const gapsOnly = url.searchParams.get("gaps") === "1";
  const [all, mappings, coverage, fedByTemplates] = await Promise.all([
    listCriteria(auth.db, framework.id),
    mappingsForFramework(auth.db, framework.id),
    coverageForFramework(auth.db, auth.organization.id, framework.id),
    criteriaFedByTemplates(auth.db, auth.organization.id),
  ]);
  const timeZone = auth.organization.timeZone;
  const views = new Map<string, CoverageView>();
  for (const c of all) if (isAssessable(c)) views.set(c.id, coverageView(framework.code, c, coverage.get(c.id), timeZone, fedByTemplates));
  const shown = visibleCriteria(all, searchTerms(q), (c) => !gapsOnly || views.get(c.id)?.lacksEvidence === true);

  // Result options are printed once where they are the same for a whole class (or framework), as the
  // standard's own table headers do, instead of on every row.
  const assessable = all.filter(isAssessable);
  const same = (list: typeof assessable) =>
    list.length > 0 && list.every((c) => c.options.join() === list[0]!.options.join()) ? list[0]!.options : null;
  const frameworkOptions = same(assessable);
  const topOf = new Map<string, string>();
  for (const c of all) topOf.set(c.id, c.parentId ? (topOf.get(c.parentId) ?? c.parentId) : c.id);
  const classOptions = new Map<string, string[] | null>();
  if (!frameworkOptions) {
    for (const c of all.filter((c) => !c.parentId && !isAssessable(c))) {
      classOptions.set(c.id, same(assessable.filter((a) => topOf.get(a.id) === c.id)));
    }
  }

  return {
    framework: {
      code: framework.code,
      version: framework.version,
      nameZh: framework.nameZh,
      nameEn: framework.nameEn,
      sourceZh: framework.sourceZh,
      sourceEn: framework.sourceEn,
      scoringRule: framework.scoringRule,
      improvementDays: framework.improvementDays,
      options: frameworkOptions,
    },
    filter: { q, gapsOnly },
    totals: {
      assessable: assessable.length,
      shown: shown.filter(isAssessable).length,
      gaps: [...views.values()].filter((v) => v.lacksEvidence).length,
    },
    nodes: shown.map((c) => {
      const own = isAssessable(c);
      const printedAbove = frameworkOptions !== null || (classOptions.get(topOf.get(c.id) ?? "") ?? null) !== null;
      return {
        key: c.key,
        code: c.code,
        level: c.level,
        depth: c.depth,
        part: c.part,
        titleZh: c.titleZh,
        titleEn: c.titleEn,
        textZh: c.textZh,
        textEn: c.textEn,
        assessable: own,
        /** Options on this row: only where no heading above already states them. */
        options: own && !printedAbove ? c.options : [],
        /** Options stated on this class heading for everything under it. */
        headingOptions: !c.parentId ? (classOptions.get(c.id) ?? []) : [],
        /** A failure here stands: shown only where the framework has an improvement period at all. */
        notImprovable: framework.improvementDays !== null && own && !c.improvable && c.options.includes("fails"),
        requirement: c.requirement,
        provenance: c.provenance,
        noteZh: c.noteZh,
        noteEn: c.noteEn,
        mappings: (mappings.get(c.id) ?? []).map(
          (m): MappingLink => ({ frameworkCode: m.frameworkCode, key: m.key, code: m.code, part: m.part, titleZh: m.titleZh, titleEn: m.titleEn }),
        ),
        coverage: views.get(c.id) ?? null,
      };
    }),
  };
}

type Node = ReturnType<typeof useLoaderData<typeof loader>>["nodes"][number];

const indent = ["", "ml-2 sm:ml-5", "ml-4 sm:ml-10", "ml-6 sm:ml-14"];

function OptionsLine(props: { options: readonly string[]; rule: string }) {
  const { t, i18n } = useTranslation();
  if (!props.options.length) return null;
  const labels = props.options.map((o) => {
    const label = resultWithPoints(props.rule as "qualitative", o as AssessmentResultValue);
    return i18n.language === "en" ? label.en : label.zh;
  });
  return (
    <p className="text-sm text-slate-600">
      {t("common.labelValue", { label: t("criteria.options"), value: labels.join(" · ") })}
    </p>
  );
}

function Evidence(props: { coverage: CoverageView }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const c = props.coverage;
  const en = i18n.language === "en";
  return (
    <div className="space-y-1 rounded-md bg-slate-50 px-3 py-2 text-sm">
      {c.recent > 0 ? (
        <p className="text-green-800">
          {t("criteria.coverage.records", { count: c.recent, months: COVERAGE_MONTHS })}
          {c.newestDay ? ` · ${t("criteria.coverage.newest", { date: formatCalendarDate(c.newestDay, locale) })}` : null}
        </p>
      ) : (
        <p className="font-medium text-red-700">
          ⚠ {t("criteria.coverage.noRecords", { months: COVERAGE_MONTHS })}
          {c.newestDay ? (
            <span className="font-normal text-slate-600"> · {t("criteria.coverage.newest", { date: formatCalendarDate(c.newestDay, locale) })}</span>
          ) : null}
        </p>
      )}
      {c.policies.length > 0 ? (
        <ul className="flex flex-wrap gap-x-3 gap-y-1">
          {c.policies.map((p) => (
            <li key={p.id}>
              <Link to={`/policies/${p.id}`} className="text-brand-700 underline">
                <span className="font-mono">{p.documentNumber}</span> {en ? p.titleEn : p.titleZh}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="font-medium text-red-700">⚠ {t("criteria.coverage.noPolicy")}</p>
      )}
      <p className="text-slate-600">
        {t("common.labelValue", {
          label: t("criteria.feeders"),
          value: c.recordTypes.length
            ? c.recordTypes.map((k) => t(`evidence.types.${k}` as "evidence.types.policy")).join(t("common.listSeparator"))
            : t("criteria.noFeeders"),
        })}
      </p>
    </div>
  );
}

function CriterionRow(props: { node: Node; frameworkCode: string; rule: string }) {
  const { t, i18n } = useTranslation();
  const n = props.node;
  const en = i18n.language === "en";
  const href = `/criteria/${props.frameworkCode}/${encodeURIComponent(n.key)}`;
  return (
    <li id={`c-${n.key}`} className={`scroll-mt-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4 ${indent[n.depth] ?? indent[3]}`}>
      <div className="flex items-start gap-2">
        <CodeBadge className="mt-0.5">{criterionCode(t, n)}</CodeBadge>
        <div className="min-w-0 flex-1">
          <Link to={href} className="font-semibold text-brand-800 underline decoration-brand-100 underline-offset-2 hover:decoration-brand-700">
            {en ? n.titleEn : n.titleZh}
          </Link>
          <p className="text-sm text-slate-500" lang={en ? "zh-CN" : "en"}>
            {en ? n.titleZh : n.titleEn}
          </p>
        </div>
        {n.requirement ? <Badge tone={n.requirement === "must" ? "brand" : "neutral"}>{t(`criteria.requirement.${n.requirement}`)}</Badge> : null}
      </div>
      <div className="mt-2 space-y-2">
        <CollapsibleText zh={n.textZh} en={n.textEn} />
        <ProvenanceNote provenance={n.provenance} noteZh={n.noteZh} noteEn={n.noteEn} />
        <OptionsLine options={n.options} rule={props.rule} />
        {n.notImprovable ? <Badge tone="warn">{t("criteria.notImprovable")}</Badge> : null}
        {n.mappings.length ? (
          <div>
            <p className="text-sm font-medium text-slate-700">{t("criteria.mapsTo")}</p>
            <MappingBadges mappings={n.mappings} />
          </div>
        ) : null}
        {n.coverage ? <Evidence coverage={n.coverage} /> : null}
      </div>
    </li>
  );
}

function Heading(props: { node: Node; frameworkCode: string; rule: string }) {
  const { t, i18n } = useTranslation();
  const n = props.node;
  const en = i18n.language === "en";
  const top = n.depth === 0;
  const Tag = top ? "h2" : "h3";
  return (
    <li id={`c-${n.key}`} className={`scroll-mt-4 ${top ? "pt-4" : "pt-2"} ${indent[n.depth] ?? indent[3]}`}>
      <Tag className={`flex items-baseline ${headingCode(t, n).endsWith("、") ? "" : "gap-2"} ${top ? "text-lg" : "text-base"} font-semibold text-slate-900`}>
        <span className="shrink-0 text-slate-600">{headingCode(t, n)}</span>
        <Link to={`/criteria/${props.frameworkCode}/${encodeURIComponent(n.key)}`} className="hover:underline">
          {en ? n.titleEn : n.titleZh}
        </Link>
      </Tag>
      <p className="text-sm text-slate-500" lang={en ? "zh-CN" : "en"}>
        {en ? n.titleZh : n.titleEn}
      </p>
      {n.textZh || n.textEn ? (
        <div className="mt-1 text-sm">
          <CollapsibleText zh={n.textZh} en={n.textEn} />
        </div>
      ) : null}
      <div className="mt-1 space-y-1">
        <ProvenanceNote provenance={n.provenance} noteZh={n.noteZh} noteEn={n.noteEn} />
        <OptionsLine options={n.headingOptions} rule={props.rule} />
        {n.mappings.length ? <MappingBadges mappings={n.mappings} /> : null}
      </div>
    </li>
  );
}

export default function FrameworkCriteria() {
  const { t, i18n } = useTranslation();
  const { framework, filter, totals, nodes } = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  const filtered = filter.q !== "" || filter.gapsOnly;
  return (
    <>
      <PageHeader
        title={en ? framework.nameEn : framework.nameZh}
        description={en ? framework.nameZh : framework.nameEn}
        actions={
          <Link to="/criteria" className="text-brand-700 underline">
            {t("criteria.title")}
          </Link>
        }
      />
      <div className="space-y-4">
        <Card>
          <div className="space-y-2 text-sm text-slate-700">
            <div className="flex flex-wrap gap-2">
              <Badge tone="brand">
                <span className="font-mono">{framework.code}</span>
              </Badge>
              <Badge>{t("criteria.version", { version: framework.version })}</Badge>
            </div>
            <p>{t("common.labelValue", { label: t("criteria.source"), value: en ? framework.sourceEn : framework.sourceZh })}</p>
            <OptionsLine options={framework.options ?? []} rule={framework.scoringRule} />
            {framework.improvementDays !== null ? <p>{t("criteria.improvableRule", { days: framework.improvementDays })}</p> : null}
          </div>
          <Form method="get" role="search" className="mt-4 space-y-3 border-t border-slate-100 pt-4">
            <label className="block">
              <span className="mb-1 block font-medium text-slate-800">{t("criteria.filterLabel")}</span>
              <Input type="search" name="q" defaultValue={filter.q} placeholder={t("criteria.filterPlaceholder")} maxLength={100} />
            </label>
            <label className="flex min-h-11 items-center gap-3">
              <input type="checkbox" name="gaps" value="1" defaultChecked={filter.gapsOnly} className="h-5 w-5 rounded border-slate-300" />
              <span>{t("criteria.onlyGaps")}</span>
            </label>
            <div className="flex flex-wrap items-center gap-2">
              <button type="submit" className={buttonClass("primary")}>
                {t("criteria.apply")}
              </button>
              {filtered ? (
                <Link to={`/criteria/${framework.code}`} className={buttonClass("secondary")}>
                  {t("criteria.showAll")}
                </Link>
              ) : null}
            </div>
          </Form>
          <p className="mt-3 text-sm text-slate-600">
            {t("criteria.shown", { shown: totals.shown, total: totals.assessable })}
            {" · "}
            <span className={totals.gaps > 0 ? "font-medium text-red-700" : "text-green-800"}>
              {t("criteria.gapCount", { count: totals.gaps, total: totals.assessable })}
            </span>
          </p>
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
                  <Heading node={n} frameworkCode={framework.code} rule={framework.scoringRule} />
                )}
              </Fragment>
            ))}
          </ol>
        )}
      </div>
    </>
  );
}

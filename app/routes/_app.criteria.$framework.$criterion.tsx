import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import {
  BilingualText,
  CodeBadge,
  criterionCode,
  criterionLabel,
  frameworkShort,
  ProvenanceNote,
} from "~/components/criteria/criterion-parts";
import { Badge } from "~/components/ui/badge";
import { Card, PageHeader } from "~/components/ui/card";
import type { AssessmentResultValue } from "~/lib/assessments/scoring";
import { resultWithPoints } from "~/lib/assessments/result-labels";
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
import { coverageForFramework } from "~/lib/evidence/evidence.server";
import { COVERAGE_MONTHS } from "~/lib/evidence/evidence-registry";
import { formatCalendarDate, todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { listPolicies } from "~/lib/policies/policies.server";
import { notFound } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "policies", "inspections"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) =>
    data ? `${frameworkShort(t, data.framework.code)} ${criterionCode(t, data.criterion)} · ${t("criteria.title")}` : t("criteria.title"),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "criteria.read");
  const framework = await getFramework(auth.db, params.framework ?? "");
  if (!framework) notFound();
  const all = await listCriteria(auth.db, framework.id);
  const criterion = all.find((c) => c.key === params.criterion);
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

  const byId = new Map(all.map((c) => [c.id, c]));
  const ancestors = [];
  for (let p = criterion.parentId ? byId.get(criterion.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
    ancestors.unshift(p);
  }
  // Previous and next step through the assessable criteria, in document order.
  const previous = all.filter((c) => isAssessable(c) && c.position < criterion.position).at(-1) ?? null;
  const next = all.find((c) => isAssessable(c) && c.position > criterion.position) ?? null;

  const own = mappings.get(criterion.id) ?? [];
  const mappingGroups = frameworks
    .filter((f) => f.code !== framework.code)
    .map((f) => ({ code: f.code, nameZh: f.nameZh, nameEn: f.nameEn, criteria: own.filter((m) => m.frameworkCode === f.code) }))
    .filter((g) => g.criteria.length > 0);

  let evidence = null;
  if (isAssessable(criterion)) {
    const view = coverageView(framework.code, criterion, coverage.get(criterion.id), timeZone, fedByTemplates);
    const linked = new Set(view.policies.map((p) => p.id));
    const policies = linked.size ? (await listPolicies(auth.db, orgId, todayInZone(timeZone))).filter((p) => linked.has(p.id)) : [];
    evidence = {
      ...view,
      policies: policies.map((p) => ({
        id: p.id,
        documentNumber: p.documentNumber,
        titleZh: p.titleZh,
        titleEn: p.titleEn,
        version: p.current?.version ?? null,
        effectiveOn: p.current?.effectiveOn ?? null,
      })),
    };
  }

  const brief = (c: (typeof all)[number]) => ({ key: c.key, code: c.code, level: c.level, part: c.part, titleZh: c.titleZh, titleEn: c.titleEn });
  return {
    framework: {
      code: framework.code,
      version: framework.version,
      nameZh: framework.nameZh,
      nameEn: framework.nameEn,
      scoringRule: framework.scoringRule,
      improvementDays: framework.improvementDays,
    },
    criterion: {
      ...brief(criterion),
      textZh: criterion.textZh,
      textEn: criterion.textEn,
      options: criterion.options,
      improvable: criterion.improvable,
      requirement: criterion.requirement,
      provenance: criterion.provenance,
      noteZh: criterion.noteZh,
      noteEn: criterion.noteEn,
    },
    ancestors: ancestors.map(brief),
    children: all.filter((c) => c.parentId === criterion.id).map(brief),
    previous: previous ? brief(previous) : null,
    next: next ? brief(next) : null,
    mappingGroups,
    topics,
    evidence,
  };
}

type Brief = { key: string; code: string; level: string; part: string | null; titleZh: string; titleEn: string };

export default function CriterionPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const { framework, criterion: c, evidence } = data;
  const en = i18n.language === "en";
  const base = `/criteria/${framework.code}`;
  const href = (b: Brief) => `${base}/${encodeURIComponent(b.key)}`;
  const label = (b: Brief) => criterionLabel(t, b, en ? b.titleEn : b.titleZh);
  const parent = data.ancestors.at(-1);
  const optionLabels = c.options.map((o) => {
    const l = resultWithPoints(framework.scoringRule, o as AssessmentResultValue);
    return en ? l.en : l.zh;
  });

  return (
    <>
      <nav aria-label={t("criteria.breadcrumb")} className="mb-3 text-sm text-slate-600">
        <ol className="flex flex-wrap items-center gap-x-1 gap-y-1">
          <li>
            <Link to="/criteria" className="text-brand-700 underline">
              {t("criteria.title")}
            </Link>
          </li>
          <li aria-hidden="true">›</li>
          <li>
            <Link to={base} className="text-brand-700 underline">
              {frameworkShort(t, framework.code)}
            </Link>
          </li>
          {data.ancestors.map((a) => (
            <li key={a.key} className="contents">
              <span aria-hidden="true">›</span>
              <Link to={href(a)} className="text-brand-700 underline">
                {label(a)}
              </Link>
            </li>
          ))}
          <li aria-hidden="true">›</li>
          <li aria-current="page" className="font-medium text-slate-800">
            {criterionCode(t, c)}
          </li>
        </ol>
      </nav>

      <PageHeader
        title={
          <span className="flex items-start gap-3">
            <CodeBadge className="mt-1 text-base">{criterionCode(t, c)}</CodeBadge>
            <span>{en ? c.titleEn : c.titleZh}</span>
          </span>
        }
        description={<span lang={en ? "zh-CN" : "en"}>{en ? c.titleZh : c.titleEn}</span>}
      />

      {/* On a phone: text, then the organisation's evidence, then the cross-walk. On a wide screen the
          evidence and the way on sit in a column beside the text. */}
      <div className="grid gap-4 lg:grid-cols-3 lg:items-start">
        <Card title={t("criteria.text")} className="lg:col-span-2">
          <div className="space-y-3">
            <div className="flex flex-wrap gap-2">
              <Badge tone="brand">{en ? framework.nameEn : framework.nameZh}</Badge>
              {c.part ? <Badge>{t(`criteria.part.${c.part}`)}</Badge> : null}
              {c.requirement ? <Badge tone={c.requirement === "must" ? "brand" : "neutral"}>{t(`criteria.requirement.${c.requirement}`)}</Badge> : null}
            </div>
            <ProvenanceNote provenance={c.provenance} noteZh={c.noteZh} noteEn={c.noteEn} />
            {c.textZh || c.textEn ? (
              <BilingualText zh={c.textZh} en={c.textEn} className="space-y-2 leading-relaxed" />
            ) : (
              <p className="text-slate-600">{t("criteria.heading")}</p>
            )}
            {optionLabels.length ? (
              <p className="text-sm text-slate-700">{t("common.labelValue", { label: t("criteria.options"), value: optionLabels.join(" · ") })}</p>
            ) : null}
            {framework.improvementDays !== null && c.options.includes("fails") ? (
              c.improvable ? (
                <Badge tone="good">{t("criteria.improvable", { days: framework.improvementDays })}</Badge>
              ) : (
                <Badge tone="warn">{t("criteria.notImprovable")}</Badge>
              )
            ) : null}
          </div>
        </Card>

        <div className="space-y-4 lg:col-start-3 lg:row-span-4 lg:row-start-1">
          {evidence ? (
            <Card title={t("criteria.coverage.title")}>
              <div className="space-y-3 text-sm">
                {evidence.recent > 0 ? (
                  <p className="font-semibold text-green-800">{t("criteria.coverage.records", { count: evidence.recent, months: COVERAGE_MONTHS })}</p>
                ) : (
                  <p className="font-medium text-red-700">⚠ {t("criteria.coverage.noRecords", { months: COVERAGE_MONTHS })}</p>
                )}
                {evidence.newestDay ? (
                  <p className="text-slate-700">{t("criteria.coverage.newestRecord", { date: formatCalendarDate(evidence.newestDay, locale) })}</p>
                ) : null}
                <div>
                  <p className="font-medium text-slate-800">{t("criteria.coverage.policies")}</p>
                  {evidence.policies.length ? (
                    <ul className="mt-1 space-y-2">
                      {evidence.policies.map((p) => (
                        <li key={p.id}>
                          <Link to={`/policies/${p.id}`} className="text-brand-700 underline">
                            <span className="font-mono">{p.documentNumber}</span> {en ? p.titleEn : p.titleZh}
                          </Link>
                          <p className="text-slate-600">
                            {p.version && p.effectiveOn
                              ? t("criteria.coverage.currentVersion", { version: p.version, date: formatCalendarDate(p.effectiveOn, locale) })
                              : t("criteria.coverage.noVersion")}
                          </p>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="mt-1 font-medium text-red-700">⚠ {t("criteria.coverage.noPolicy")}</p>
                  )}
                </div>
                <p className="text-slate-600">
                  {t("common.labelValue", {
                    label: t("criteria.feeders"),
                    value: evidence.recordTypes.length
                      ? evidence.recordTypes.map((k) => t(`evidence.types.${k}` as "evidence.types.policy")).join(t("common.listSeparator"))
                      : t("criteria.noFeeders"),
                  })}
                </p>
              </div>
            </Card>
          ) : null}

          <Card>
            <nav aria-label={t("criteria.pager")} className="space-y-2 text-sm">
              {parent ? (
                <p>
                  <span className="text-slate-500">{t("criteria.parent")}</span>{" "}
                  <Link to={href(parent)} className="text-brand-700 underline">
                    {label(parent)}
                  </Link>
                </p>
              ) : null}
              <p>
                <Link to={`${base}#c-${encodeURIComponent(c.key)}`} className="text-brand-700 underline">
                  {t("criteria.backToFramework")}
                </Link>
              </p>
              <div className="flex flex-wrap justify-between gap-2 border-t border-slate-100 pt-2">
                {data.previous ? (
                  <Link to={href(data.previous)} className="flex min-h-11 items-center text-brand-700 underline" rel="prev">
                    ← {t("criteria.previousCriterion")} {criterionCode(t, data.previous)}
                  </Link>
                ) : (
                  <span />
                )}
                {data.next ? (
                  <Link to={href(data.next)} className="flex min-h-11 items-center text-brand-700 underline" rel="next">
                    {t("criteria.nextCriterion")} {criterionCode(t, data.next)} →
                  </Link>
                ) : null}
              </div>
            </nav>
          </Card>
        </div>

        {data.children.length ? (
          <Card title={t("criteria.children")} className="lg:col-span-2">
            <ul className="divide-y divide-slate-100">
              {data.children.map((child) => (
                <li key={child.key}>
                  <Link to={href(child)} className="flex min-h-11 items-center gap-3 py-2 hover:bg-slate-50">
                    <CodeBadge>{criterionCode(t, child)}</CodeBadge>
                    <span className="text-brand-800 underline decoration-brand-100 underline-offset-2">{en ? child.titleEn : child.titleZh}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        <Card title={t("criteria.mappings")} className="lg:col-span-2">
          {data.mappingGroups.length === 0 ? (
            <p className="text-slate-600">{t("criteria.noMappings")}</p>
          ) : (
            <div className="space-y-4">
              {data.mappingGroups.map((g) => (
                <section key={g.code}>
                  <h3 className="font-semibold text-slate-900">{en ? g.nameEn : g.nameZh}</h3>
                  <ul className="mt-1 divide-y divide-slate-100">
                    {g.criteria.map((m) => (
                      <li key={m.key}>
                        <Link
                          to={`/criteria/${g.code}/${encodeURIComponent(m.key)}`}
                          className="flex min-h-11 items-start gap-3 py-2 hover:bg-slate-50"
                        >
                          <CodeBadge className="mt-0.5">{criterionCode(t, { ...m, level: "item" })}</CodeBadge>
                          <span>
                            <span className="block text-brand-800 underline decoration-brand-100 underline-offset-2">{en ? m.titleEn : m.titleZh}</span>
                            <span className="block text-sm text-slate-500">{en ? m.titleZh : m.titleEn}</span>
                          </span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
        </Card>

        <Card title={t("criteria.topics")} className="lg:col-span-2">
          {data.topics.length === 0 ? (
            <p className="text-slate-600">{t("criteria.noTopics")}</p>
          ) : (
            <div className="space-y-4">
              {data.topics.map((topic) => (
                <section key={topic.key}>
                  <h3 className="font-semibold text-slate-900">{en ? topic.titleEn : topic.titleZh}</h3>
                  <p className="mt-1 text-sm font-medium text-slate-700">{t("criteria.expectedEvidence")}</p>
                  <BilingualText zh={topic.evidenceZh} en={topic.evidenceEn} className="text-sm" />
                </section>
              ))}
            </div>
          )}
        </Card>

      </div>
    </>
  );
}

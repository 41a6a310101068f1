import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "~/lib/i18n/use-translation";
import { CodeBadge, criterionCode } from "~/components/criteria/criterion-parts";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { Input } from "~/components/ui/input";
import { requirePermission } from "~/lib/auth/auth.server";
import { listFrameworks, searchCriteria, searchTerms, snippetOf } from "~/lib/criteria/criteria.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { titleFor } from "~/lib/i18n/meta";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("criteria.title"));

const RESULT_LIMIT = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "criteria.read");
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  const frameworks = await listFrameworks(auth.db);
  let results: SearchGroup[] = [];
  let total = 0;
  if (q) {
    const locale = await resolveLocale(request, auth.user.locale);
    const terms = searchTerms(q);
    const rows = await searchCriteria(
      auth.db,
      q,
      frameworks.map((f) => f.id),
    );
    total = rows.length;
    results = frameworks
      .map((f) => ({
        code: f.code,
        nameZh: f.nameZh,
        nameEn: f.nameEn,
        hits: rows
          .filter((r) => r.frameworkId === f.id)
          .map((r) => {
            const texts = locale === "en" ? [r.textEn, r.titleEn, r.textZh, r.titleZh] : [r.textZh, r.titleZh, r.textEn, r.titleEn];
            return {
              key: r.key,
              code: r.code,
              level: r.level,
              part: r.part,
              titleZh: r.titleZh,
              titleEn: r.titleEn,
              snippet: snippetOf(texts, terms),
            };
          }),
      }))
      .filter((g) => g.hits.length > 0);
  }
  return {
    q,
    total,
    capped: total >= RESULT_LIMIT,
    results,
    frameworks: frameworks.map((f) => ({
      code: f.code,
      version: f.version,
      nameZh: f.nameZh,
      nameEn: f.nameEn,
      sourceZh: f.sourceZh,
      sourceEn: f.sourceEn,
      counts: f.counts,
    })),
  };
}

interface SearchGroup {
  code: string;
  nameZh: string;
  nameEn: string;
  hits: {
    key: string;
    code: string;
    level: string;
    part: "general" | "business_type" | null;
    titleZh: string;
    titleEn: string;
    snippet: ReturnType<typeof snippetOf>;
  }[];
}

/** Each framework counted in its own structure: 2014 in classes/articles/items, CTPAT in categories. */
function countLines(t: TFunction, code: string, c: Record<string, number>): string[] {
  const n = (key: string) => c[key] ?? 0;
  const sep = " · ";
  switch (code) {
    case "cn-2014-general":
      return [
        [t("criteria.counts.classes", { count: n("class") }), t("criteria.counts.articles", { count: n("article") }), t("criteria.counts.items", { count: n("item") })].join(sep),
        t("criteria.counts.bonus", { count: n("sub_item") }),
      ];
    case "cn-2022-advanced":
      return [
        t("common.labelValue", {
          label: t("criteria.part.general"),
          value: [t("criteria.counts.classes", { count: n("class") }), t("criteria.counts.items", { count: n("item") }), t("criteria.counts.subItems", { count: n("sub_item") })].join(sep),
        }),
        t("common.labelValue", {
          label: t("criteria.part.business_type"),
          value: [t("criteria.counts.sections", { count: n("business_class") }), t("criteria.counts.items", { count: n("business_item") })].join(sep),
        }),
      ];
    case "ctpat-msc":
      return [[t("criteria.counts.categories", { count: n("class") }), t("criteria.counts.criteria", { count: n("item") })].join(sep)];
    default:
      return [t("criteria.counts.headings", { count: n("item") })];
  }
}

export default function CriteriaIndex() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  return (
    <>
      <PageHeader title={t("criteria.title")} description={t("criteria.description")} />
      <div className="space-y-4">
        <Card>
          <Form method="get" role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <label className="block flex-1">
              <span className="mb-1 block font-medium text-slate-800">{t("criteria.searchLabel")}</span>
              <Input type="search" name="q" defaultValue={data.q} placeholder={t("criteria.searchPlaceholder")} maxLength={100} />
            </label>
            <div className="flex gap-2">
              <button type="submit" className={buttonClass("primary", "flex-1 sm:flex-none")}>
                {t("criteria.searchSubmit")}
              </button>
              {data.q ? (
                <Link to="/criteria" className={buttonClass("secondary")}>
                  {t("criteria.searchClear")}
                </Link>
              ) : null}
            </div>
          </Form>
        </Card>

        {data.q ? (
          <Card title={t("criteria.resultsFor", { q: data.q, count: data.total })}>
            {data.results.length === 0 ? (
              <p className="text-slate-600">{t("criteria.noResults", { q: data.q })}</p>
            ) : (
              <div className="space-y-5">
                {data.capped ? <p className="text-sm text-amber-800">{t("criteria.resultsCapped", { count: data.total })}</p> : null}
                {data.results.map((group) => (
                  <section key={group.code} aria-labelledby={`results-${group.code}`}>
                    <h3 id={`results-${group.code}`} className="mb-1 flex flex-wrap items-baseline gap-2 font-semibold text-slate-900">
                      {localized(group, "name", i18n.language)}
                      <span className="text-sm font-normal text-slate-500">({group.hits.length})</span>
                    </h3>
                    <ul className="divide-y divide-slate-100">
                      {group.hits.map((hit) => (
                        <li key={hit.key}>
                          <Link
                            to={`/criteria/${group.code}/${encodeURIComponent(hit.key)}`}
                            className="flex gap-3 rounded py-2 hover:bg-slate-50"
                          >
                            <CodeBadge className="mt-0.5">{criterionCode(t, hit)}</CodeBadge>
                            <span className="min-w-0">
                              <span className="block font-medium text-brand-800 underline decoration-brand-100 underline-offset-2">
                                {localized(hit, "title", i18n.language)}
                              </span>
                              {hit.snippet ? (
                                <span className="block text-sm text-slate-600">
                                  {hit.snippet.cutStart ? "…" : ""}
                                  {hit.snippet.before}
                                  <mark className="rounded-sm bg-amber-100 px-0.5 text-slate-900">{hit.snippet.match}</mark>
                                  {hit.snippet.after}
                                  {hit.snippet.cutEnd ? "…" : ""}
                                </span>
                              ) : null}
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
        ) : null}

        <div className="grid gap-4 md:grid-cols-2">
          {data.frameworks.map((f) => (
            <Card key={f.code}>
              <div className="flex h-full flex-col gap-2">
                <h2 className="text-lg font-semibold leading-snug text-slate-900">
                  <Link to={`/criteria/${f.code}`} className="hover:underline">
                    {localized(f, "name", i18n.language)}
                  </Link>
                </h2>
                <p className="-mt-1 text-sm text-slate-500" lang={en ? "zh-CN" : "en"}>
                  {en ? f.nameZh : f.nameEn}
                </p>
                <div className="flex flex-wrap gap-2">
                  <Badge tone="brand">
                    <span className="font-mono">{f.code}</span>
                  </Badge>
                  <Badge>{t("criteria.version", { version: f.version })}</Badge>
                </div>
                <ul className="space-y-0.5 text-sm text-slate-800">
                  {countLines(t, f.code, f.counts).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                  <li className="text-slate-600">{t("criteria.assessable", { count: f.counts.assessable ?? 0 })}</li>
                </ul>
                <p className="text-sm text-slate-600">
                  {t("common.labelValue", { label: t("criteria.source"), value: localized(f, "source", i18n.language) })}
                </p>
                <div className="mt-auto pt-2">
                  <Link to={`/criteria/${f.code}`} className={buttonClass("secondary", "w-full sm:w-auto")}>
                    {t("criteria.browse")}
                  </Link>
                </div>
              </div>
            </Card>
          ))}
        </div>
      </div>
    </>
  );
}

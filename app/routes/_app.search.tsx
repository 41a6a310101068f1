import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SearchHitItem } from "~/components/search/search-hits";
import { Alert } from "~/components/ui/alert";
import { Card, PageHeader } from "~/components/ui/card";
import { requireAuth } from "~/lib/auth/auth.server";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH } from "~/lib/search/search-query";
import { searchRecords } from "~/lib/search/search.server";
import { SEARCH_GROUP_SIZE, type SearchKind } from "~/lib/search/search-types";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["search"] } satisfies PageHandle;

// /search?q=…: the header's search box lands here. Every signed-in member may search; what they
// find is limited to the kinds their role may read (app/lib/search/search-types.ts), in their
// organisation. Hits come grouped by kind, each with why it matched.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("search.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireAuth(request);
  const text = new URL(request.url).searchParams.get("q");
  const results = await searchRecords(auth.db, auth.organization.id, auth.membership.role, text);
  return { ...results, timeZone: auth.organization.timeZone };
}

function WhatToType({ kinds }: { kinds: readonly SearchKind[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t("search.whatToType")}>
      <dl className="space-y-3 sm:grid sm:grid-cols-[auto_1fr] sm:gap-x-4 sm:gap-y-2 sm:space-y-0">
        {kinds.map((kind) => (
          <div key={kind} className="sm:contents">
            <dt className="font-medium text-slate-800">{t(`search.kinds.${kind}`)}</dt>
            <dd className="text-slate-600">{t(`search.kindHints.${kind}`)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

export default function SearchPage() {
  const { query, searched, groups, timeZone } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const length = Array.from(query.text).length;
  const kindList = (kinds: readonly SearchKind[]) => kinds.map((kind) => t(`search.kinds.${kind}`)).join(t("common.listSeparator"));
  return (
    <div className="space-y-6">
      <PageHeader title={query.ok ? t("search.resultsFor", { text: query.text }) : t("search.title")} description={t("search.lookIn", { kinds: kindList(searched) })} />
      {!query.ok && query.problem === "tooShort" ? <Alert tone="warning">{t("search.problems.tooShort", { min: SEARCH_MIN_LENGTH })}</Alert> : null}
      {!query.ok && query.problem === "tooLong" ? <Alert tone="warning">{t("search.problems.tooLong", { max: SEARCH_MAX_LENGTH, length })}</Alert> : null}
      {!query.ok && query.problem === "empty" ? <p className="text-slate-700">{t("search.problems.empty")}</p> : null}
      {query.ok && groups.length === 0 ? <Alert tone="info">{t("search.nothing", { text: query.text })}</Alert> : null}
      {groups.map((group) => (
        <Card
          key={group.kind}
          title={
            <>
              {t(`search.kinds.${group.kind}`)} <span className="text-base font-normal text-slate-500">({group.hits.length})</span>
            </>
          }
          actions={group.moreHref ? <Link to={group.moreHref} className="text-sm font-medium text-brand-700 underline">{t("search.more", { kind: t(`search.kinds.${group.kind}`) })}</Link> : null}
        >
          {group.moreHref ? <p className="-mt-2 mb-2 text-sm text-slate-500">{t("search.firstShown", { count: SEARCH_GROUP_SIZE })}</p> : null}
          <ul className="divide-y divide-slate-100">
            {group.hits.map((hit) => (
              <SearchHitItem key={hit.id} hit={hit} locale={locale} timeZone={timeZone} />
            ))}
          </ul>
        </Card>
      ))}
      {!query.ok || groups.length === 0 ? <WhatToType kinds={searched} /> : null}
    </div>
  );
}

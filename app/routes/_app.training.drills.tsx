import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SessionList, TrainingFilterForm } from "~/components/training/session-list";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { ExportLink } from "~/components/ui/export-link";
import { pageAddress, Pager } from "~/components/ui/pager";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { titleFor } from "~/lib/i18n/meta";
import { listSites } from "~/lib/organizations/organizations.server";
import { parseTrainingFilter, trainingFilterSearch } from "~/lib/training/training-filter";
import { sessionListRows } from "~/lib/training/session-list-view.server";
import { listSessions, TRAINING_PAGE_SIZE } from "~/lib/training/training-queries.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "training"] } satisfies PageHandle;

// /training/drills: the crisis drills (CN-2022 (61), CN-2014 28, WCO L), with their scenarios.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("training.drills.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "training.read");
  const orgId = auth.organization.id;
  const url = new URL(request.url);
  const { category: _ignored, ...filter } = parseTrainingFilter(url.searchParams);
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1));
  const [{ rows, total }, sites] = await Promise.all([
    listSessions(auth.db, orgId, { ...filter, drillsOnly: true }, { limit: TRAINING_PAGE_SIZE, offset: (page - 1) * TRAINING_PAGE_SIZE }),
    listSites(auth.db, orgId),
  ]);
  return {
    filter,
    page,
    pages: Math.max(1, Math.ceil(total / TRAINING_PAGE_SIZE)),
    total,
    canManage: can(auth.membership.role, "training.manage"),
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    drills: sessionListRows(rows, { scenarios: true }),
  };
}

export default function DrillsPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const search = trainingFilterSearch(d.filter);
  const exportSearch = trainingFilterSearch({ ...d.filter, category: "crisis_drill" });
  const filtered = Object.keys(d.filter).length > 0;
  return (
    <>
      <PageHeader
        title={t("training.drills.title")}
        description={t("training.drills.description")}
        actions={
          <div className="flex flex-wrap gap-2">
            {d.canManage ? (
              <Link to="/training/new?kind=drill" className={buttonClass("primary")}>
                {t("training.newDrill")}
              </Link>
            ) : null}
            <Link to="/training" className={buttonClass("secondary")}>
              {t("training.backToList")}
            </Link>
          </div>
        }
      />
      {params.get("deleted") ? (
        <div className="mb-4">
          <Alert tone="success">{t("training.deleted")}</Alert>
        </div>
      ) : null}
      <Card
        title={t("training.drills.list", { count: d.total })}
        actions={
          <ExportLink href={`/training/export.csv${exportSearch}`}>{t("training.exportSessions")}</ExportLink>
        }
      >
        <TrainingFilterForm key={search} path="/training/drills" filter={d.filter} sites={d.sites} categories={false} />
        {d.drills.length === 0 ? (
          <p className="text-slate-600">{filtered ? t("training.emptyFilter") : t("training.drills.empty")}</p>
        ) : (
          <SessionList rows={d.drills} />
        )}
        <Pager page={d.page} pages={d.pages} label={t("training.pages")} href={(page) => pageAddress("/training/drills", search, page)} />
      </Card>
    </>
  );
}

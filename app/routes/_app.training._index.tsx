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
import { todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { listSites } from "~/lib/organizations/organizations.server";
import { parseTrainingFilter, trainingFilterSearch } from "~/lib/training/training-filter";
import { yearOf } from "~/lib/training/training-rules";
import { sessionListRows } from "~/lib/training/session-list-view.server";
import { listSessions, TRAINING_PAGE_SIZE } from "~/lib/training/training-queries.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "training"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("training.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "training.read");
  const orgId = auth.organization.id;
  const url = new URL(request.url);
  const filter = parseTrainingFilter(url.searchParams);
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1));
  const [{ rows, total }, sites] = await Promise.all([
    listSessions(auth.db, orgId, filter, { limit: TRAINING_PAGE_SIZE, offset: (page - 1) * TRAINING_PAGE_SIZE }),
    listSites(auth.db, orgId),
  ]);
  return {
    filter,
    page,
    pages: Math.max(1, Math.ceil(total / TRAINING_PAGE_SIZE)),
    total,
    year: yearOf(todayInZone(auth.organization.timeZone)),
    canManage: can(auth.membership.role, "training.manage"),
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    sessions: sessionListRows(rows, { scenarios: false }),
  };
}

export default function TrainingPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const search = trainingFilterSearch(d.filter);
  const filtered = Object.keys(d.filter).length > 0;
  return (
    <>
      <PageHeader
        title={t("training.title")}
        description={t("training.description")}
        actions={
          <div className="flex flex-wrap gap-2">
            {d.canManage ? (
              <Link to="/training/new" className={buttonClass("primary")}>
                {t("training.newSession")}
              </Link>
            ) : null}
            <Link to={`/training/requirements?year=${d.year}`} className={buttonClass("secondary")}>
              {t("training.requirement.title")}
            </Link>
            <Link to="/training/drills" className={buttonClass("secondary")}>
              {t("training.drills.title")}
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
        title={t("training.list", { count: d.total })}
        actions={
          <span className="flex flex-wrap gap-3 text-sm">
            <ExportLink href={`/training/export.csv${search}`}>{t("training.exportSessions")}</ExportLink>
            <ExportLink href={`/training/attendance.csv${search}`}>{t("training.exportAttendance")}</ExportLink>
          </span>
        }
      >
        <TrainingFilterForm key={search} path="/training" filter={d.filter} sites={d.sites} categories />
        {d.sessions.length === 0 ? (
          <p className="text-slate-600">
            {filtered ? t("training.emptyFilter") : d.canManage ? t("training.emptyManager") : t("training.empty")}
          </p>
        ) : (
          <SessionList rows={d.sessions} />
        )}
        <Pager page={d.page} pages={d.pages} label={t("training.pages")} href={(page) => pageAddress("/training", search, page)} />
      </Card>
    </>
  );
}

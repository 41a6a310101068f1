import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { dossierReference } from "~/lib/dossiers/dossier-schema";
import { listDossiers } from "~/lib/dossiers/dossiers.server";
import { formatDateTime } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria", "policies", "dossiers"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("dossiers.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "dossiers.read");
  const rows = await listDossiers(auth.db, auth.organization.id);
  return {
    timeZone: auth.organization.timeZone,
    canCreate: can(auth.membership.role, "dossiers.create"),
    dossiers: rows.map((r) => ({
      id: r.dossier.id,
      reference: dossierReference(r.dossier.number),
      framework: r.framework,
      periodFrom: r.dossier.periodFrom,
      periodTo: r.dossier.periodTo,
      status: r.dossier.status,
      progress: r.dossier.progress,
      generatedAt: r.dossier.generatedAt,
      requestedBy: r.requestedBy,
      recordCount: r.dossier.recordCount,
      fileCount: r.dossier.fileCount,
    })),
  };
}

const statusTone = { queued: "neutral", generating: "brand", ready: "good", failed: "bad" } as const;

export default function DossiersPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t("dossiers.title")}
        description={t("dossiers.description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link to="/verify" className={buttonClass("secondary")}>
              {t("dossiers.verify.open")}
            </Link>
            {d.canCreate ? (
              <Link to="/dossiers/new" className={buttonClass("primary")}>
                {t("dossiers.new.title")}
              </Link>
            ) : null}
          </div>
        }
      />
      <Card title={t("dossiers.list", { count: d.dossiers.length })}>
        {d.dossiers.length === 0 ? (
          <p className="text-sm text-slate-600">{t("dossiers.empty")}</p>
        ) : (
          <ul className="divide-y">
            {d.dossiers.map((x) => (
              <li key={x.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link to={`/dossiers/${x.id}`} className="font-medium text-brand-700 underline">
                    {x.reference}
                  </Link>{" "}
                  <span className="text-sm">
                    {localized(x.framework, "name", i18n.language)} · {x.periodFrom} – {x.periodTo}
                  </span>
                  <p className="text-sm text-slate-600">
                    {t("dossiers.requested", { name: x.requestedBy, time: formatDateTime(x.generatedAt, locale, d.timeZone) })}
                    {x.status === "ready" ? ` · ${t("dossiers.counts", { records: x.recordCount, files: x.fileCount })}` : ""}
                  </p>
                </div>
                <Badge tone={statusTone[x.status]}>
                  {t(`dossiers.status.${x.status}`)}
                  {x.status === "generating" ? ` ${x.progress}%` : ""}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Card, PageHeader } from "~/components/ui/card";
import { BackLink } from "~/components/ui/back-link";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { dossierReference } from "~/lib/dossiers/dossier-schema";
import { getDossier, retryDossier } from "~/lib/dossiers/dossiers.server";
import { parseIntent, readFormData } from "~/lib/form.server";
import { buttonClass } from "~/components/ui/button";
import { formatDateTime } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { translateMessage } from "~/lib/i18n/messages";
import { useLocale } from "~/lib/i18n/use-locale";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria", "policies", "dossiers"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleFor(matches, (t) => (data ? `${data.reference} · ${t("dossiers.title")}` : t("dossiers.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "dossiers.read");
  const row = await getDossier(auth.db, auth.organization.id, uuidParam(params, "dossierId"));
  if (!row) notFound();
  const x = row.dossier;
  return {
    id: x.id,
    reference: dossierReference(x.number),
    framework: row.framework,
    periodFrom: x.periodFrom,
    periodTo: x.periodTo,
    sites: row.sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    criterionKeys: x.criterionKeys,
    status: x.status,
    progress: x.progress,
    error: x.error,
    generatedAt: x.generatedAt,
    completedAt: x.completedAt,
    requestedBy: row.requestedBy,
    recordCount: x.recordCount,
    fileCount: x.fileCount,
    signed: x.signed,
    timeZone: auth.organization.timeZone,
    canShare: can(auth.membership.role, "dossiers.share"),
    canRetry: can(auth.membership.role, "dossiers.create"),
    volumes: row.volumes.map((v) => ({ volume: v.volume, sha256: v.sha256, unsignedSha256: v.unsignedSha256, sizeBytes: v.sizeBytes, pageCount: v.pageCount })),
  };
}

/** "Try again" on a failed dossier: a new job for the same row (its parameters and printed time). */
export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "dossiers.create");
  const dossierId = uuidParam(params, "dossierId");
  if (!(await getDossier(auth.db, auth.organization.id, dossierId))) notFound();
  const formData = await readFormData(request);
  // The page's one form: anything else is refused before the dossier is touched.
  parseIntent(formData, ["retry"]);
  const retried = await retryDossier(auth.db, auth.actor, dossierId);
  if (!retried) return data({ error: "dossiers.errors.notRetriable" }, { status: 409 });
  return redirect(`/dossiers/${dossierId}`);
}

/** A stored reason: a message key (signing.*, dossiers.*) shown in the reader's language, or the error's own text. */
const reasonText = (t: Parameters<typeof translateMessage>[0], error: string | null) => (error && /^(signing|dossiers)\./.test(error) ? translateMessage(t, error) : (error ?? ""));

export default function DossierPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const revalidator = useRevalidator();
  const running = d.status === "queued" || d.status === "generating";
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1500);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  return (
    <>
      {/* Without JavaScript the page reloads itself until the dossier is ready. */}
      {running ? (
        <noscript>
          <meta httpEquiv="refresh" content="3" />
        </noscript>
      ) : null}
      <PageHeader
        title={d.reference}
        description={`${localized(d.framework, "name", i18n.language)} (${d.framework.version}) · ${d.periodFrom} – ${d.periodTo}`}
        actions={
          <BackLink to="/dossiers">{t("dossiers.backToList")}</BackLink>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("dossiers.detail.status")}>
          <p className="flex items-center gap-2">
            <Badge tone={d.status === "ready" ? "good" : d.status === "failed" ? "bad" : "brand"}>{t(`dossiers.status.${d.status}`)}</Badge>
            {running ? <span className="text-sm">{t("dossiers.detail.progress", { progress: d.progress })}</span> : null}
          </p>
          {running ? (
            <div className="mt-3 h-3 w-full rounded bg-slate-200" role="progressbar" aria-valuenow={d.progress} aria-valuemin={0} aria-valuemax={100} aria-label={t("dossiers.detail.status")}>
              <div className="h-3 rounded bg-brand-600" style={{ width: `${d.progress}%` }} />
            </div>
          ) : null}
          {actionData?.error ? <Alert tone="error">{translateMessage(t, actionData.error)}</Alert> : null}
          {d.status === "queued" && d.error ? <Alert tone="warning">{t("dossiers.detail.retrying", { error: reasonText(t, d.error) })}</Alert> : null}
          {d.status === "failed" ? (
            <>
              <Alert tone="error">{t("dossiers.detail.failed", { error: reasonText(t, d.error) })}</Alert>
              {d.canRetry ? (
                <Form method="post" className="mt-3">
                  <input type="hidden" name="intent" value="retry" />
                  <button type="submit" className={buttonClass("secondary")}>
                    {t("dossiers.detail.retry")}
                  </button>
                </Form>
              ) : null}
            </>
          ) : null}
          <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
            <dt className="text-slate-600">{t("dossiers.detail.generatedAt")}</dt>
            <dd className="col-span-2">{formatDateTime(d.generatedAt, locale, d.timeZone)}</dd>
            <dt className="text-slate-600">{t("dossiers.detail.requestedBy")}</dt>
            <dd className="col-span-2">{d.requestedBy}</dd>
            <dt className="text-slate-600">{t("dossiers.fields.sites")}</dt>
            <dd className="col-span-2">{d.sites.length ? d.sites.map((s) => localized(s, "name", i18n.language)).join(t("common.listSeparator")) : t("dossiers.allSites")}</dd>
            <dt className="text-slate-600">{t("dossiers.detail.criteria")}</dt>
            <dd className="col-span-2">{d.criterionKeys.length ? d.criterionKeys.join(t("common.listSeparator")) : t("dossiers.allCriteria")}</dd>
            {d.status === "ready" ? (
              <>
                <dt className="text-slate-600">{t("dossiers.detail.contents")}</dt>
                <dd className="col-span-2">{t("dossiers.counts", { records: d.recordCount, files: d.fileCount })}</dd>
                <dt className="text-slate-600">{t("dossiers.detail.signature")}</dt>
                <dd className="col-span-2">{d.signed ? t("dossiers.detail.signed") : t("dossiers.detail.unsigned")}</dd>
              </>
            ) : null}
          </dl>
        </Card>
        {d.status === "ready" ? (
          <Card title={t("dossiers.detail.files")}>
            <ul className="space-y-3">
              {d.volumes.map((v) => (
                <li key={v.volume} className="text-sm">
                  <a href={`/dossiers/${d.id}.pdf?volume=${v.volume}`} className="font-medium text-brand-700 underline" download>
                    {t("dossiers.detail.download", { reference: d.reference, volume: v.volume, pages: v.pageCount, size: (v.sizeBytes / 1024 / 1024).toFixed(1) })}
                  </a>
                  <p className="break-all font-mono text-xs text-slate-600">SHA-256 {v.sha256}</p>
                  {v.unsignedSha256 !== v.sha256 ? <p className="break-all font-mono text-xs text-slate-600">{t("dossiers.detail.unsignedHash", { hash: v.unsignedSha256 })}</p> : null}
                </li>
              ))}
            </ul>
            <p className="mt-4 border-t pt-3 text-sm">
              <Link to={`/dossiers/${d.id}/shares`} className="font-medium text-brand-700 underline">
                {d.canShare ? t("shares.open") : t("shares.openRead")}
              </Link>
            </p>
          </Card>
        ) : null}
      </div>
    </>
  );
}

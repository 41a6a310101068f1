import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { BackLink } from "~/components/ui/back-link";
import { requirePermission } from "~/lib/auth/auth.server";
import { MAX_VERIFY_MB } from "~/lib/dossiers/dossier-schema";
import type { VerifyVerdict } from "~/lib/dossiers/dossier-verify.server";
import { readUploadForm } from "~/lib/evidence/file-store.server";
import { formatDateTime } from "~/lib/i18n/format";
import { message, translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria", "policies", "dossiers"] } satisfies PageHandle;

// /verify: upload a PDF; learn whether this organisation issued it unaltered, and check its photos
// against the manifest. The file is read and hashed in memory, never stored.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("dossiers.verify.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "dossiers.read");
  return { timeZone: auth.organization.timeZone, maxMb: MAX_VERIFY_MB };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "dossiers.read");
  const form = await readUploadForm(request, { maxFileBytes: MAX_VERIFY_MB * 1024 * 1024 });
  if (!form.ok) return data({ error: form.errors.file ?? form.errors.form ?? message("errors.invalid"), result: null }, { status: 400 });
  const file = form.formData.get("file");
  if (!file || typeof file === "string" || file.size === 0)
    return data({ error: message("dossiers.verify.required"), result: null }, { status: 400 });
  // The PDF reading code loads with the first file checked, not with the server.
  const { verifyDossierFile } = await import("~/lib/dossiers/dossier-verify.server");
  const result = await verifyDossierFile(auth.db, auth.organization.id, new Uint8Array(await file.arrayBuffer()));
  return { error: null, result: { ...result, fileName: file.name } };
}

const verdictTone: Record<VerifyVerdict, "good" | "bad" | "neutral"> = {
  issued: "good",
  shareCopy: "good",
  altered: "bad",
  notOurs: "bad",
  notPdf: "bad",
};

export default function VerifyPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const { timeZone, maxMb } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const r = answer?.result ?? null;
  const reference = r?.dossier?.reference ?? "";
  const found = r ? r.photos.filter((p) => p.found).length : 0;
  return (
    <>
      <PageHeader
        title={t("dossiers.verify.title")}
        description={t("dossiers.verify.description")}
        actions={
          <BackLink to="/dossiers">{t("dossiers.backToList")}</BackLink>
        }
      />
      <div className="space-y-4">
        <Card>
          <Form method="post" encType="multipart/form-data" className="space-y-3">
            {answer?.error ? <Alert tone="error">{translateMessage(t, answer.error)}</Alert> : null}
            <div>
              <label htmlFor="verify-file" className="block text-sm font-medium">
                {t("dossiers.verify.file")}
              </label>
              <input
                id="verify-file"
                name="file"
                type="file"
                accept="application/pdf,.pdf"
                aria-describedby="verify-file-hint"
                aria-invalid={answer?.error ? true : undefined}
                className="mt-1 block w-full text-sm"
              />
              <p id="verify-file-hint" className="mt-1 text-sm text-slate-600">
                {t("dossiers.verify.fileHint", { max: maxMb })}
              </p>
            </div>
            <Button type="submit" disabled={busy}>
              {t("dossiers.verify.submit")}
            </Button>
          </Form>
        </Card>
        {r ? (
          <Card title={t("dossiers.verify.result")}>
            <div className="space-y-3" data-verdict={r.verdict}>
              <p className="flex items-start gap-2">
                <Badge tone={verdictTone[r.verdict]}>{r.verdict === "issued" || r.verdict === "shareCopy" ? "✓" : "✗"}</Badge>
                <span className="font-medium">
                  {t(`dossiers.verify.verdict.${r.verdict}`, {
                    reference,
                    volume: r.volume ?? "?",
                    recipient: r.share?.recipientName ?? "",
                  })}
                </span>
              </p>
              {r.verdict === "issued" && r.dossier?.signed && !r.signedCopy ? (
                <Alert tone="info">{t("dossiers.verify.unsignedCopy")}</Alert>
              ) : null}
              <dl className="grid grid-cols-3 gap-2 text-sm">
                <dt className="text-slate-600">{t("dossiers.verify.photoName")}</dt>
                <dd className="col-span-2 break-all">{r.fileName}</dd>
                <dt className="text-slate-600">{t("dossiers.verify.fileHash")}</dt>
                <dd className="col-span-2 break-all font-mono text-xs">{r.sha256}</dd>
                <dt className="text-slate-600">{t("dossiers.verify.fileSize")}</dt>
                <dd className="col-span-2">{(r.sizeBytes / 1024 / 1024).toFixed(1)} MB</dd>
                {r.dossier ? (
                  <>
                    <dt className="text-slate-600">{t("dossiers.fields.framework")}</dt>
                    <dd className="col-span-2">
                      {localized(r.dossier.framework, "name", i18n.language)} ({r.dossier.framework.version}) ·{" "}
                      {r.dossier.periodFrom} – {r.dossier.periodTo}
                    </dd>
                    <dt className="text-slate-600">{t("dossiers.detail.generatedAt")}</dt>
                    <dd className="col-span-2">{formatDateTime(r.dossier.generatedAt, locale, timeZone)}</dd>
                    <dt className="text-slate-600">{t("dossiers.detail.requestedBy")}</dt>
                    <dd className="col-span-2">{r.dossier.requestedBy}</dd>
                    <dt className="text-slate-600">{t("dossiers.detail.signature")}</dt>
                    <dd className="col-span-2">{r.dossier.signed ? t("dossiers.verify.signedYes") : t("dossiers.verify.signedNo")}</dd>
                    {r.share ? (
                      <>
                        <dt className="text-slate-600">{t("dossiers.verify.sharedWith")}</dt>
                        <dd className="col-span-2">
                          {r.share.recipientName}
                          {r.share.recipientOrganization ? ` (${r.share.recipientOrganization})` : ""} ·{" "}
                          {t("dossiers.verify.shareExpires", { time: formatDateTime(r.share.expiresAt, locale, timeZone) })}
                        </dd>
                      </>
                    ) : null}
                  </>
                ) : null}
              </dl>
              {r.dossier ? (
                <Link to={`/dossiers/${r.dossier.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
                  {t("dossiers.verify.openDossier", { reference })}
                </Link>
              ) : null}
              {r.dossier ? (
                r.photos.length === 0 ? (
                  <p className="text-sm text-slate-600">{t("dossiers.verify.photosNone")}</p>
                ) : (
                  <div>
                    <h3 className="font-medium">{t("dossiers.verify.photosTitle", { found, count: r.photos.length })}</h3>
                    <ul className="mt-2 divide-y text-sm">
                      {r.photos.map((p, i) => (
                        <li key={`${p.sha256}-${i}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
                          <span>
                            <span className="font-medium">{p.originalName}</span> · {t("dossiers.verify.photoRecord")} {p.reference}
                            <span className="block break-all font-mono text-xs text-slate-600">SHA-256 {p.sha256}</span>
                          </span>
                          <Badge tone={p.found ? "good" : "bad"}>
                            {p.found ? t("dossiers.verify.photoFound") : t("dossiers.verify.photoMissing")}
                          </Badge>
                        </li>
                      ))}
                    </ul>
                  </div>
                )
              ) : null}
              {r.unlistedJpegs > 0 ? (
                <p className="text-sm text-slate-600">{t("dossiers.verify.unlisted", { count: r.unlistedJpegs })}</p>
              ) : null}
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}

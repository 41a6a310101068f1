import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { FileDownloadLink } from "~/components/evidence/file-download";
import { fileInputClass } from "~/components/form/fields";
import { Card } from "~/components/ui/card";
import { acceptAttribute, allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";
import { formatCalendarDate } from "~/lib/i18n/format";
import { translateMessage } from "~/lib/i18n/messages";
import { useLocale } from "~/lib/i18n/use-locale";
import type { PartnerView } from "~/lib/partners/partner-view.server";
import { serverFor, Submit, type ServerState } from "./forms";
import { Row } from "./summary-card";

export function AeoCard({ d, server }: { d: PartnerView; server: ServerState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const p = d.partner;
  return (
    <Card title={t("partners.aeoTitle")}>
      <div id="aeo" className="space-y-3">
        {p.aeoProgramme === "none" ? (
          <p className="text-slate-600">{t("partners.noAeo")}</p>
        ) : (
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
            <Row
              label={t("partners.aeoProgramme")}
              value={
                p.aeoProgramme === "other_mra"
                  ? (p.aeoProgrammeName ?? t("partners.aeo.other_mra"))
                  : t(`partners.aeo.${p.aeoProgramme}`)
              }
            />
            <Row label={t("partners.aeoCertificate")} value={<span className="font-mono">{p.aeoCertificateNumber ?? "—"}</span>} />
            <Row
              label={t("partners.aeoValidUntil")}
              value={
                p.aeoValidUntil ? (
                  <span className={p.aeoValidUntil < d.today ? "font-semibold text-red-700" : undefined}>
                    {formatCalendarDate(p.aeoValidUntil, locale)}
                  </span>
                ) : (
                  "—"
                )
              }
            />
            <div className="sm:col-span-3">
              <dt className="text-slate-500">{t("partners.certificateFile")}</dt>
              <dd>
                {d.certificate ? (
                  <span className="block">
                    <FileDownloadLink fileId={d.certificate.id} name={d.certificate.name} label={d.certificate.name} />
                    <span className="block break-all font-mono text-xs text-slate-500">SHA-256 {d.certificate.sha256}</span>
                  </span>
                ) : (
                  <span className="text-amber-800">{t("partners.noCertificateFile")}</span>
                )}
              </dd>
            </div>
          </dl>
        )}
        {d.canManage && p.aeoProgramme !== "none" ? <CertificateForm server={serverFor(server, "certificate")} /> : null}
      </div>
    </Card>
  );
}

export function CertificateForm(props: { server: ServerState | null }) {
  const { t } = useTranslation();
  const error = props.server?.errors?.file;
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-2 border-t border-slate-100 pt-3">
      <input type="hidden" name="intent" value="certificate" />
      <label htmlFor="certificate-file" className="block text-sm font-medium text-slate-800">
        {t("partners.uploadCertificate")}
      </label>
      <input
        id="certificate-file"
        name="file"
        type="file"
        accept={acceptAttribute}
        aria-invalid={error ? true : undefined}
        className={fileInputClass}
      />
      <p className="text-sm text-slate-500">{t("files.limitHint", { max: MAX_UPLOAD_MB, formats: allowedFormatsLabel })}</p>
      {error ? <p className="text-sm font-medium text-red-700">{translateMessage(t, error)}</p> : null}
      <Submit variant="secondary">{t("partners.uploadCertificateSubmit")}</Submit>
    </Form>
  );
}

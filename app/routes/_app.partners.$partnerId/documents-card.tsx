import { useTranslation } from "~/lib/i18n/use-translation";
import { FileDownloadLink } from "~/components/evidence/file-download";
import { Card } from "~/components/ui/card";
import type { PartnerView } from "~/lib/partners/partner-view.server";

export function DocumentsCard({ d }: { d: PartnerView }) {
  const { t } = useTranslation();
  return (
    <Card title={t("partners.documentsTitle", { count: d.documents.length })}>
      <ul className="divide-y divide-slate-100">
        {d.documents.map((doc) => (
          <li key={doc.id} className="py-2 text-sm">
            <FileDownloadLink fileId={doc.fileId} name={doc.name} label={doc.name} />
            <span className="ml-2 text-slate-500">{doc.source === "link" ? t("partners.fromPartner") : t("partners.fromUs")}</span>
            <span className="block break-all font-mono text-xs text-slate-500">SHA-256 {doc.sha256}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

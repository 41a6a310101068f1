import { FileDownloadLink } from "~/components/evidence/file-download";
import { Card } from "~/components/ui/card";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { EvaluationView } from "~/lib/partners/evaluation-view.server";
import { localized } from "~/lib/i18n/localized";

export function DocumentsCard({ d }: { d: EvaluationView }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={t("partners.documentsTitle", { count: d.documents.length })}>
      <ul className="divide-y divide-slate-100">
        {d.documents.map((doc) => (
          <li key={doc.id} className="py-2 text-sm">
            <FileDownloadLink fileId={doc.fileId} name={doc.name} label={doc.name} />
            {doc.questionKey ? <span className="ml-2 text-slate-500">{questionText(d, doc.questionKey, i18n.language)}</span> : null}
            <span className="block break-all font-mono text-xs text-slate-500">SHA-256 {doc.sha256}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function questionText(d: EvaluationView, key: string, language: string): string {
  const q = d.questionnaire?.questions.find((x) => x.key === key);
  return q ? localized(q, "text", language) : key;
}

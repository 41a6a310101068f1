import { FileDownloadLink, formatFileSize } from "~/components/evidence/file-download";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { InspectionPageView } from "~/lib/inspections/inspection-view.server";
import { localized } from "~/lib/i18n/localized";

/** Every point answered, a failed one marked in red, with its note and its photos (each with its SHA-256). */
export function PointsCard({ d }: { d: InspectionPageView }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t("inspections.pointsTitle", { count: d.points.length })}>
      <ol className="divide-y divide-slate-100">
        {d.points.map((p) => (
          <li
            key={p.key}
            className={`py-3 ${p.failed ? "-mx-2 border-l-4 border-red-600 bg-red-50 pl-1 pr-2 sm:-mx-3 sm:pl-2 sm:pr-3" : ""}`}
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="font-medium text-slate-900">
                <span className="mr-2 font-mono text-sm text-slate-600">{p.number}</span>
                {localized(p, "prompt", i18n.language)}
              </p>
              <AnswerValue point={p} />
            </div>
            {p.note ? <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{p.note}</p> : null}
            {p.photos.length ? (
              <ul className="mt-2 grid gap-3 sm:grid-cols-2">
                {p.photos.map((photo) => (
                  <li key={photo.id} className="rounded-md border border-slate-200 bg-white">
                    <a href={`/files/${photo.fileId}/thumbnail?size=960`} target="_blank" rel="noreferrer">
                      <img
                        src={`/files/${photo.fileId}/thumbnail?size=320`}
                        alt={t("inspections.photoOf", { point: p.number })}
                        className="aspect-[4/3] w-full rounded-t-md object-cover"
                        loading="lazy"
                      />
                    </a>
                    <div className="space-y-1 p-2 text-xs text-slate-600">
                      <p className="break-all font-mono">SHA-256 {photo.sha256}</p>
                      <p>
                        {photo.name} · {formatFileSize(photo.sizeBytes, locale)}
                      </p>
                      <FileDownloadLink
                        fileId={photo.fileId}
                        name={photo.name}
                        label={t("inspections.downloadOriginal")}
                        className="inline-flex min-h-9 items-center gap-1 text-brand-700 underline"
                      />
                    </div>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}

function AnswerValue(props: { point: InspectionPageView["points"][number] }) {
  const { t } = useTranslation();
  const p = props.point;
  if (p.answerType === "photo") return <Badge tone="brand">{t("inspections.photoCount", { count: p.photos.length })}</Badge>;
  if (p.value === null) return <Badge>{t("inspections.notAnswered")}</Badge>;
  if (p.answerType === "pass_fail_na" || p.answerType === "yes_no") {
    const tone = p.failed ? "bad" : p.value === "na" ? "neutral" : "good";
    return <Badge tone={tone}>{t(`inspections.answer.${p.value as "pass"}`)}</Badge>;
  }
  if (p.answerType === "number") return <Badge tone={p.failed ? "bad" : "good"}>{`${p.value}${p.unit ? ` ${p.unit}` : ""}`}</Badge>;
  return <p className="w-full whitespace-pre-line text-sm text-slate-700">{p.value}</p>;
}

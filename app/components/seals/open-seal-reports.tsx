import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatDateTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";

export interface OpenSealReportsData {
  total: number;
  rows: {
    id: string;
    sealId: string;
    sealNumber: string;
    reportKind: "discrepancy" | "broken" | "number_mismatch" | null;
    target: string | null;
    occurredAt: string | Date;
  }[];
}

/** Broken, tampered or wrong seals nobody has closed yet: on the dashboard and above the seal log. */
export function OpenSealReports(props: { reports: OpenSealReportsData; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!props.reports.total) return null;
  return (
    <section className="rounded-lg border border-red-300 bg-red-50 p-4" aria-labelledby="open-seal-reports">
      <h2 id="open-seal-reports" className="font-semibold text-red-900">
        {t("seals.openReports.title", { count: props.reports.total })}
      </h2>
      <ul className="mt-2 space-y-1">
        {props.reports.rows.map((r) => (
          <li key={r.id} className="text-sm text-red-900">
            <Link to={`/seals/${r.sealId}`} className="inline-flex min-h-11 items-center gap-2 font-medium underline">
              <span className="font-mono">{r.sealNumber}</span>
              <span>{t(`seals.reportKind.${r.reportKind ?? "discrepancy"}`)}</span>
            </Link>
            <span className="ml-2 text-red-800">
              {r.target ? `${r.target} · ` : ""}
              {formatDateTime(r.occurredAt, locale, props.timeZone)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { Link } from "@remix-run/react";
import { CodeBadge, criterionCode, frameworkShort } from "~/components/criteria/criterion-parts";
import { Card } from "~/components/ui/card";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { InspectionPageView } from "~/lib/inspections/inspection-view.server";
import { localized } from "~/lib/i18n/localized";

/** The criteria this inspection is evidence for, each linking to its criterion's page. */
export function EvidenceCard({ d }: { d: InspectionPageView }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={t("inspections.evidenceTitle")}>
      {d.evidence.length === 0 ? (
        <p className="text-slate-600">{t("inspections.noEvidence")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {d.evidence.map((c) => (
            <li key={`${c.frameworkCode}/${c.key}`}>
              <Link to={`/criteria/${c.frameworkCode}/${encodeURIComponent(c.key)}`} className="flex min-h-11 items-center gap-3 py-1 hover:bg-slate-50">
                <span className="w-32 shrink-0 text-sm text-slate-500">{frameworkShort(t, c.frameworkCode)}</span>
                <span className="flex w-16 shrink-0">
                  <CodeBadge>{criterionCode(t, c)}</CodeBadge>
                </span>
                <span className="text-sm text-brand-800 underline decoration-brand-100 underline-offset-2">{localized(c, "title", i18n.language)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The self-assessment or inspection that raised an action. */
export function SourceLink(props: { source: { type: "assessment" | "inspection"; id: string; reference: string } }) {
  const { t } = useTranslation();
  const { source } = props;
  return source.type === "inspection" ? (
    <Link to={`/inspections/${source.id}`} className="text-brand-700 underline">
      {t("actions.sourceInspection", { reference: source.reference })}
    </Link>
  ) : (
    <Link to={`/assessments/${source.id}`} className="text-brand-700 underline">
      {t("actions.sourceAssessment", { reference: source.reference })}
    </Link>
  );
}

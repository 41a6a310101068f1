import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import type { SealStatus } from "~/lib/seals/seal-lifecycle";
import { SealStatusBadge } from "./seal-parts";

/**
 * On a 7-point inspection's page: the seals applied after it (CTPAT 6.2 "immediately after
 * stuffing"), and the button that opens the application form prefilled with this container.
 */
export function InspectionSeals(props: {
  inspectionId: string;
  containerNumber: string | null;
  seals: { id: string; number: string; status: SealStatus }[];
  canApply: boolean;
  /** The inspection failed and its corrective actions are open: sealing is refused until then. */
  blocked: boolean;
}) {
  const { t } = useTranslation();
  const query = new URLSearchParams({ inspection: props.inspectionId });
  if (props.containerNumber) query.set("container", props.containerNumber);
  return (
    <Card
      title={t("seals.inspection.title", { count: props.seals.length })}
      actions={
        props.canApply && !props.blocked ? (
          <Link to={`/seals/apply?${query.toString()}`} className={buttonClass("primary", "min-h-14 text-lg")}>
            {t("seals.inspection.apply")}
          </Link>
        ) : null
      }
    >
      {props.blocked ? <p className="mb-2 font-medium text-red-800">{t("seals.inspection.blocked")}</p> : null}
      {props.seals.length === 0 ? (
        <p className="text-slate-600">{t("seals.inspection.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {props.seals.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link to={`/seals/${s.id}`} className="inline-flex min-h-11 items-center font-mono text-brand-700 underline">
                {s.number}
              </Link>
              <SealStatusBadge status={s.status} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

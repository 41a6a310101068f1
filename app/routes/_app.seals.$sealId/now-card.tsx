import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { useTranslation } from "~/lib/i18n/use-translation";
import { inspectionReference } from "~/lib/inspections/inspection-rules";
import type { SealView } from "~/lib/seals/seal-view.server";
import { localized } from "~/lib/i18n/localized";

/** Where the seal is now: its model, site, custodian and what it was applied to. */
export function NowCard({ d, when }: { d: SealView; when: (value: string | Date) => string }) {
  const { t, i18n } = useTranslation();
  const s = d.seal;
  return (
    <Card title={t("seals.chain.now")}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
        <dt className="text-slate-500">{t("seals.fields.model")}</dt>
        <dd>
          {d.model.manufacturer} {d.model.modelName} · {t(`seals.type.${d.model.type}`)} ·{" "}
          <Badge tone={d.model.isoClass === "H" ? "good" : "warn"}>{t(`seals.isoClass.${d.model.isoClass}`)}</Badge>
        </dd>
        <dt className="text-slate-500">{t("seals.fields.site")}</dt>
        <dd>{localized(d, "siteName", i18n.language) ?? t("seals.noSite")}</dd>
        {d.custodianName ? (
          <>
            <dt className="text-slate-500">{t("seals.fields.custodian")}</dt>
            <dd>{d.custodianName}</dd>
          </>
        ) : null}
        {s.target ? (
          <>
            <dt className="text-slate-500">{s.targetKind === "trailer" ? t("seals.fields.trailer") : t("seals.fields.container")}</dt>
            <dd className="font-mono">{s.target}</dd>
          </>
        ) : null}
        {s.shipmentRef ? (
          <>
            <dt className="text-slate-500">{t("seals.fields.shipmentRef")}</dt>
            <dd className="font-mono">{s.shipmentRef}</dd>
          </>
        ) : null}
        {s.appliedAt ? (
          <>
            <dt className="text-slate-500">{t("seals.fields.appliedAt")}</dt>
            <dd>{when(s.appliedAt)}</dd>
          </>
        ) : null}
        {s.inspectionId ? (
          <>
            <dt className="text-slate-500">{t("seals.fields.inspection")}</dt>
            <dd>
              <Link to={`/inspections/${s.inspectionId}`} className="font-mono text-brand-700 underline">
                {inspectionReference(d.inspectionNumber ?? 0)}
              </Link>
            </dd>
          </>
        ) : null}
        {d.replacedBy.map((r) => (
          <div key={r.id} className="contents">
            <dt className="text-slate-500">{t("seals.chain.replacedBy")}</dt>
            <dd>
              <Link to={`/seals/${r.id}`} className="font-mono text-brand-700 underline">
                {r.number}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { ReleaseBadge, ResultBadge } from "~/components/inspections/inspection-badges";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { useShell } from "~/lib/auth/use-session-user";
import { formatDateTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { InspectionPageView } from "~/lib/inspections/inspection-view.server";
import { localized } from "~/lib/i18n/localized";

/** The inspection at a glance: its result and release, who did it with which template, and the header fields. */
export function SummaryCard({ d }: { d: InspectionPageView }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const timeZone = useShell().organization.timeZone;
  return (
    <Card>
      <div className="flex flex-wrap items-center gap-3">
        <ResultBadge result={d.result} failedPoints={d.failedPoints} />
        <ReleaseBadge release={d.release} />
        {d.signedOff ? <Badge tone="good">{t("inspections.signedOffBadge")}</Badge> : null}
      </div>
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <Row label={t("inspections.inspector")} value={d.inspectorName ?? "—"} />
        <Row label={t("inspections.submittedAt")} value={d.submittedAt ? formatDateTime(d.submittedAt, locale, timeZone) : "—"} />
        <Row
          label={t("inspections.templateUsed")}
          value={
            <Link to={`/templates/${d.template.id}`} className="text-brand-700 underline">
              {t("inspections.templateVersion", { title: localized(d.template, "title", i18n.language), version: d.template.version })}
            </Link>
          }
        />
        {d.signedOff ? (
          <Row
            label={t("inspections.signedOffBy")}
            value={`${d.signedOff.by ?? "—"} · ${formatDateTime(d.signedOff.at, locale, timeZone)}${d.signedOff.note ? ` · ${d.signedOff.note}` : ""}`}
          />
        ) : null}
        {d.header.map((h) => (
          <Row key={h.key} label={t(`inspections.header.${h.key}`)} value={<HeaderValue field={h.key} value={h.value} />} />
        ))}
      </dl>
    </Card>
  );
}

function Row(props: { label: string; value: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500">{props.label}</dt>
      <dd className="break-words text-slate-900">{props.value}</dd>
    </div>
  );
}

function HeaderValue(props: { field: string; value: string | boolean | string[] }) {
  const { t } = useTranslation();
  const { value } = props;
  if (typeof value === "boolean") return <>{value ? t("inspections.answer.yes") : t("inspections.answer.no")}</>;
  if (Array.isArray(value)) return <span className="font-mono">{value.join(", ")}</span>;
  if (props.field === "driverIdType") return <>{t(`inspections.idType.${value as "passport"}`)}</>;
  const mono = ["containerNumber", "truckPlate", "trailerNumber", "shipmentRef", "driverIdNumber", "sealAtDeparture"].includes(props.field);
  return <span className={mono ? "font-mono" : undefined}>{value.replace("T", " ")}</span>;
}

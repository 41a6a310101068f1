import type { PartnerChartsData } from "~/lib/charts/chart-geometry";
import { monthLabel } from "~/lib/charts/chart-months";
import { useTranslation } from "~/lib/i18n/use-translation";
import { ChartFigure, ChartTable, type SeriesStyle } from "./chart-figure";
import { HorizontalBars } from "./horizontal-bars";
import { monthAxisLabel } from "./month-axis";
import { StackedColumns } from "./stacked-columns";

const tierKeys = ["high", "medium", "low", "none"] as const;
type TierKey = (typeof tierKeys)[number];
const tierFill: Record<TierKey, string> = { high: "fill-red-600", medium: "fill-amber-500", low: "fill-green-600", none: "fill-slate-400" };

/** Partners per risk tier and the re-evaluations coming due (partnerCharts' output). */
export function PartnerCharts({ charts }: { charts: PartnerChartsData }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const tierName = (key: string) => t(`charts.partners.tierName.${key as TierKey}`);
  const styles: Record<string, SeriesStyle> = Object.fromEntries(
    tierKeys.map((k) => [k, { label: tierName(k), fill: tierFill[k], hatched: k === "high" }]),
  );
  const monthAxis = monthAxisLabel(language);
  const dueLabel = (key: string, index: number): [string] | [string, string] =>
    key === "overdue" ? [t("charts.partners.overdue")] : monthAxis(key, index - 1);
  const dueName = (key: string) => (key === "overdue" ? t("charts.partners.overdue") : monthLabel(key, language, true));
  const total = charts.tiers.bars.reduce((sum, b) => sum + b.count, 0);
  const due = charts.due;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ChartFigure
        title={t("charts.partners.tiersTitle")}
        desc={t("charts.partners.tiersDesc", { total })}
        width={charts.tiers.width}
        height={charts.tiers.height}
        maxWidth={400}
        empty={charts.tiers.empty}
        emptyText={t("charts.partners.empty")}
        table={
          <ChartTable
            caption={t("charts.partners.tiersTitle")}
            head={[t("charts.partners.tier"), t("charts.partners.partners")]}
            rows={charts.tiers.bars.map((b) => ({ key: b.key, cells: [tierName(b.key), b.count] }))}
          />
        }
      >
        {({ hatch }) => (
          <HorizontalBars
            hatch={hatch}
            geometry={charts.tiers}
            label={tierName}
            value={(b) => String(b.count)}
            barStyle={(key) => styles[key]!}
          />
        )}
      </ChartFigure>
      <ChartFigure
        title={t("charts.partners.dueTitle")}
        desc={t("charts.partners.dueDesc", { overdue: charts.overdue, later: charts.later, undated: charts.undated })}
        width={due.width}
        height={due.height}
        maxWidth={560}
        empty={due.empty}
        emptyText={t("charts.partners.dueEmpty", { later: charts.later, undated: charts.undated })}
        legend={tierKeys.map((k) => styles[k]!)}
        table={
          <ChartTable
            caption={t("charts.partners.dueTitle")}
            head={[t("charts.partners.due"), ...tierKeys.map(tierName), t("charts.total")]}
            rows={due.columns.map((c) => ({ key: c.key, cells: [dueName(c.key), ...c.segments.map((s) => s.value), c.total] }))}
          />
        }
      >
        {({ hatch }) => <StackedColumns geometry={due} styles={styles} hatch={hatch} columnLabel={dueLabel} />}
      </ChartFigure>
    </div>
  );
}

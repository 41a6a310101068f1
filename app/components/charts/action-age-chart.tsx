import type { ActionAgeChartData } from "~/lib/charts/chart-geometry";
import { useTranslation } from "~/lib/i18n/use-translation";
import { ChartFigure, ChartTable, type SeriesStyle } from "./chart-figure";
import { StackedColumns } from "./stacked-columns";

type Bucket = "0-7" | "8-30" | "31-90" | "91+";

/** Open corrective actions by age, overdue ones hatched at the bottom (actionAgeChart's output). */
export function ActionAgeChart({ chart }: { chart: ActionAgeChartData }) {
  const { t } = useTranslation();
  const styles: Record<string, SeriesStyle> = {
    overdue: { label: t("charts.actions.overdue"), fill: "fill-red-600", hatched: true },
    onTime: { label: t("charts.actions.onTime"), fill: "fill-sky-600" },
  };
  const bucket = (key: string) => t(`charts.actions.bucket.${key as Bucket}`);
  const g = chart.geometry;
  return (
    <ChartFigure
      title={t("charts.actions.title")}
      desc={t("charts.actions.desc", { open: chart.open, overdue: chart.overdue })}
      width={g.width}
      height={g.height}
      maxWidth={560}
      empty={g.empty}
      emptyText={t("charts.actions.empty")}
      legend={[styles.overdue!, styles.onTime!]}
      table={
        <ChartTable
          caption={t("charts.actions.title")}
          head={[t("charts.actions.age"), styles.overdue!.label, styles.onTime!.label, t("charts.total")]}
          rows={g.columns.map((c) => ({ key: c.key, cells: [bucket(c.key), ...c.segments.map((s) => s.value), c.total] }))}
        />
      }
    >
      {({ hatch }) => <StackedColumns geometry={g} styles={styles} hatch={hatch} columnLabel={(key) => [bucket(key)]} />}
    </ChartFigure>
  );
}

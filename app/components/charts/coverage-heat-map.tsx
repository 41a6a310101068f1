import type { CoverageChartData } from "~/lib/charts/chart-geometry";
import { monthLabel } from "~/lib/charts/chart-months";
import { localized } from "~/lib/i18n/localized";
import { useTranslation } from "~/lib/i18n/use-translation";
import { ChartFigure, ChartTable } from "./chart-figure";
import { HeatMap, heatFills } from "./heat-map";
import { monthAxisLabel } from "./month-axis";

/** Evidence per criterion and month, the last twelve months (coverageChart's output). */
export function CoverageHeatMap({ chart }: { chart: CoverageChartData }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const g = chart.geometry;
  const months = g.columns.map((c) => c.key);
  const span = (key: string | undefined) => (key ? monthLabel(key, language, true) : "");
  return (
    <ChartFigure
      title={t("charts.coverage.title")}
      desc={t("charts.coverage.desc", { rows: g.rows.length, total: chart.total, from: span(months[0]), to: span(months.at(-1)) })}
      width={g.width}
      height={g.height}
      maxWidth={520}
      empty={g.empty}
      emptyText={t("charts.coverage.empty")}
      note={
        <>
          <span className="mr-3 inline-flex flex-wrap items-center gap-1.5 align-middle">
            {t("charts.coverage.legend")}:
            <LevelSwatch level={0} label={t("charts.coverage.legendNone")} />
            {g.levels.map((l) => (
              <LevelSwatch key={l.level} level={l.level} label={l.from === l.to ? String(l.from) : `${l.from}–${l.to}`} />
            ))}
          </span>
          <span className="block">{t("charts.coverage.note")}</span>
        </>
      }
      table={
        <ChartTable
          caption={t("charts.coverage.title")}
          head={[t("charts.coverage.criterion"), ...months.map((m) => monthLabel(m, language, true)), t("charts.total")]}
          rows={g.rows.map((r) => ({
            key: r.key,
            cells: [`${localized(r, "code", language)} ${localized(r, "title", language)}`, ...r.cells.map((c) => c.value), r.total],
          }))}
        />
      }
    >
      {() => <HeatMap geometry={g} language={language} columnLabel={monthAxisLabel(language)} />}
    </ChartFigure>
  );
}

function LevelSwatch({ level, label }: { level: number; label: string }) {
  return (
    <span className="inline-flex items-center gap-1">
      <svg viewBox="0 0 14 14" className="h-3.5 w-3.5" aria-hidden="true">
        <rect width="14" height="14" rx="2" className={`${heatFills[level]} stroke-slate-300`} />
      </svg>
      {label}
    </span>
  );
}

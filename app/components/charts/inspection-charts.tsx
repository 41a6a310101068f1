import type { InspectionChartsData, SiteRate } from "~/lib/charts/chart-geometry";
import { monthLabel } from "~/lib/charts/chart-months";
import { localized } from "~/lib/i18n/localized";
import { useTranslation } from "~/lib/i18n/use-translation";
import { ChartFigure, ChartTable, type SeriesStyle } from "./chart-figure";
import { HorizontalBars } from "./horizontal-bars";
import { monthAxisLabel } from "./month-axis";
import { StackedColumns } from "./stacked-columns";

/** Inspections per month (passed and failed) and the pass rate of each site (inspectionCharts' output). */
export function InspectionCharts({ charts }: { charts: InspectionChartsData }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const styles: Record<string, SeriesStyle> = {
    pass: { label: t("charts.inspections.pass"), fill: "fill-green-600" },
    fail: { label: t("charts.inspections.fail"), fill: "fill-red-600", hatched: true },
  };
  const g = charts.perMonth;
  const months = g.columns.map((c) => c.key);
  const span = (key: string | undefined) => (key ? monthLabel(key, language, true) : "");
  const siteName = (s: SiteRate | undefined) => (!s ? "" : s.key ? localized(s, "name", language) : t("charts.inspections.noSite"));
  const rate = (s: SiteRate) => Math.round((100 * s.pass) / s.total);
  const hidden = charts.sites.length - charts.perSite.bars.length;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ChartFigure
        title={t("charts.inspections.perMonthTitle")}
        desc={t("charts.inspections.perMonthDesc", { total: charts.total, failed: charts.failed, from: span(months[0]), to: span(months.at(-1)) })}
        width={g.width}
        height={g.height}
        maxWidth={560}
        empty={g.empty}
        emptyText={t("charts.inspections.empty")}
        legend={[styles.pass!, styles.fail!]}
        table={
          <ChartTable
            caption={t("charts.inspections.perMonthTitle")}
            head={[t("charts.month"), styles.pass!.label, styles.fail!.label, t("charts.total")]}
            rows={g.columns.map((c) => ({
              key: c.key,
              cells: [monthLabel(c.key, language, true), ...c.segments.map((s) => s.value), c.total],
            }))}
          />
        }
      >
        {({ hatch }) => <StackedColumns geometry={g} styles={styles} hatch={hatch} columnLabel={monthAxisLabel(language)} />}
      </ChartFigure>
      <ChartFigure
        title={t("charts.inspections.perSiteTitle")}
        desc={t("charts.inspections.perSiteDesc")}
        width={charts.perSite.width}
        height={charts.perSite.height}
        maxWidth={400}
        empty={charts.perSite.empty}
        emptyText={t("charts.inspections.empty")}
        note={hidden > 0 ? t("charts.inspections.moreSites", { count: hidden }) : undefined}
        table={
          <ChartTable
            caption={t("charts.inspections.perSiteTitle")}
            head={[t("charts.inspections.site"), styles.pass!.label, t("charts.total"), t("charts.inspections.rate")]}
            rows={charts.sites.map((s) => ({ key: s.key, cells: [siteName(s), s.pass, s.total, `${rate(s)}%`] }))}
          />
        }
      >
        {({ hatch }) => (
          <HorizontalBars
            hatch={hatch}
            geometry={charts.perSite}
            label={(key) => siteName(charts.sites.find((s) => s.key === key))}
            value={(b) => t("charts.inspections.rateValue", { rate: b.value, pass: b.count, total: b.of })}
            barStyle={() => styles.pass!}
          />
        )}
      </ChartFigure>
    </div>
  );
}

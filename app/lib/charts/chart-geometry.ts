// The shapes the chart components draw, in viewBox units. Computed on the server from a chart's
// series (the *-chart.server.ts transforms, with d3-scale), so the browser receives numbers to draw
// and none of the scale code (decision 0050). Keys, not texts: the components name months, series
// and buckets in the reader's language.

export interface ViewBox {
  width: number;
  height: number;
}

export interface AxisTick {
  value: number;
  /** Position along the axis (y for a column chart's value axis, x for a bar chart's). */
  at: number;
}

export interface ColumnSegment {
  series: string;
  value: number;
  y: number;
  height: number;
}

/** A column of a stacked column chart: one category (a month, an age bucket), its series stacked. */
export interface Column {
  key: string;
  x: number;
  width: number;
  total: number;
  /** The top of the stack, where the total is written. */
  top: number;
  segments: ColumnSegment[];
}

export interface StackedColumnsGeometry extends ViewBox {
  kind: "stacked-columns";
  /** Nothing to draw: every column is zero. */
  empty: boolean;
  /** Bottom to top. */
  series: string[];
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: AxisTick[];
  columns: Column[];
}

/** A horizontal bar with its label above it. */
export interface Bar {
  key: string;
  value: number;
  /** What the value is out of (a rate's denominator); 0 when the bar is a plain count. */
  of: number;
  /** The passed part of a rate, or the count itself. */
  count: number;
  labelY: number;
  y: number;
  height: number;
  width: number;
}

export interface BarsGeometry extends ViewBox {
  kind: "bars";
  empty: boolean;
  plot: { left: number; right: number };
  /** The largest value the axis shows (100 for rates). */
  max: number;
  bars: Bar[];
}

export interface HeatCell {
  column: string;
  x: number;
  value: number;
  /** 0 = none, 1…HEAT_LEVELS by the value's share of the largest cell. */
  level: number;
}

export interface HeatRow {
  key: string;
  codeZh: string;
  codeEn: string;
  titleZh: string;
  titleEn: string;
  y: number;
  total: number;
  cells: HeatCell[];
}

export interface HeatMapGeometry extends ViewBox {
  kind: "heat-map";
  empty: boolean;
  labelWidth: number;
  headerHeight: number;
  cellWidth: number;
  cellHeight: number;
  columns: { key: string; x: number }[];
  rows: HeatRow[];
  /** The counts each level stands for, for the legend: level 1 is [1, upTo], … */
  levels: { level: number; from: number; to: number }[];
}

export const HEAT_LEVELS = 4;

// What each chart's component takes: the chart-views.server.ts transforms return these.

export interface CoverageChartData {
  geometry: HeatMapGeometry;
  total: number;
}

export interface SiteRate {
  /** The site's id; "" for inspections recorded without a site. */
  key: string;
  nameZh: string;
  nameEn: string;
  pass: number;
  total: number;
}

export interface InspectionChartsData {
  perMonth: StackedColumnsGeometry;
  perSite: BarsGeometry;
  /** Every site, lowest pass rate first (the bars show the first few). */
  sites: SiteRate[];
  total: number;
  failed: number;
}

export interface PartnerChartsData {
  tiers: BarsGeometry;
  due: StackedColumnsGeometry;
  later: number;
  undated: number;
  overdue: number;
}

export interface ActionAgeChartData {
  geometry: StackedColumnsGeometry;
  open: number;
  overdue: number;
}

import { scaleBand, scaleLinear } from "d3-scale";
import { HEAT_LEVELS, type BarsGeometry, type HeatMapGeometry, type HeatRow, type StackedColumnsGeometry } from "./chart-geometry";

// The three layouts the charts share, as pure functions of their data: where each column, bar and
// cell goes in a viewBox small enough to stay legible when a phone scales it down (about 360 units
// for about 350 pixels). d3-scale does the arithmetic here, on the server only; the components
// draw the numbers.

const round = (n: number) => Math.round(n * 10) / 10;

export interface ColumnInput {
  key: string;
  values: Record<string, number>;
}

/** Columns of stacked series (bottom to top in `series` order) with a value axis of a few round ticks. */
export function stackedColumns(columns: ColumnInput[], series: string[], size = { width: 360, height: 200 }): StackedColumnsGeometry {
  const plot = { left: 30, right: size.width - 6, top: 16, bottom: size.height - 32 };
  const totals = columns.map((c) => series.reduce((sum, s) => sum + (c.values[s] ?? 0), 0));
  const max = Math.max(0, ...totals);
  const y = scaleLinear()
    .domain([0, Math.max(max, 1)])
    .nice(4)
    .range([plot.bottom, plot.top]);
  const x = scaleBand()
    .domain(columns.map((c) => c.key))
    .range([plot.left, plot.right])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const ticks = y
    .ticks(4)
    .filter(Number.isInteger)
    .map((value) => ({ value, at: round(y(value)) }));
  return {
    kind: "stacked-columns",
    width: size.width,
    height: size.height,
    empty: max === 0,
    series,
    plot,
    ticks,
    columns: columns.map((c, i) => {
      let base = 0;
      const segments = series.map((s) => {
        const value = c.values[s] ?? 0;
        const bottom = y(base);
        base += value;
        const top = y(base);
        return { series: s, value, y: round(top), height: round(bottom - top) };
      });
      return {
        key: c.key,
        x: round(x(c.key) ?? 0),
        width: round(x.bandwidth()),
        total: totals[i] ?? 0,
        top: round(y(totals[i] ?? 0)),
        segments,
      };
    }),
  };
}

export interface BarInput {
  key: string;
  /** The part counted (passed inspections, partners of a tier). */
  count: number;
  /** What it is out of, for a rate (0: the bar is the count itself). */
  of?: number;
}

/**
 * Horizontal bars across the whole width, each under a line with its name (left) and its value
 * (right). A rate (`of` given) is drawn on a 0–100 axis, a count on 0 to the largest count.
 */
export function horizontalBars(input: BarInput[], options: { rate: boolean; width?: number }): BarsGeometry {
  const width = options.width ?? 300;
  const plot = { left: 2, right: width - 2 };
  const rowHeight = 38;
  const values = input.map((b) => (options.rate ? (b.of ? (100 * b.count) / b.of : 0) : b.count));
  const max = options.rate ? 100 : Math.max(0, ...values);
  const x = scaleLinear()
    .domain([0, Math.max(max, 1)])
    .range([0, plot.right - plot.left]);
  return {
    kind: "bars",
    width,
    height: Math.max(rowHeight, input.length * rowHeight) + 4,
    empty: input.every((b) => (options.rate ? !b.of : b.count === 0)),
    plot,
    max,
    bars: input.map((b, i) => ({
      key: b.key,
      value: Math.round(values[i] ?? 0),
      of: b.of ?? 0,
      count: b.count,
      labelY: i * rowHeight + 14,
      y: i * rowHeight + 20,
      height: 14,
      width: round(x(values[i] ?? 0)),
    })),
  };
}

export interface HeatRowInput extends Omit<HeatRow, "y" | "cells" | "total"> {
  /** Count per column key; a missing column is zero. */
  counts: Record<string, number>;
}

/**
 * Level of a count: 0 for none, else 1…HEAT_LEVELS on a square-root scale of its share of the
 * largest count, so that one criterion fed by every inspection does not wash out the rest: with a
 * largest count of 64 the levels are 1–4, 5–16, 17–36 and 37–64.
 */
export function heatLevel(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(HEAT_LEVELS, Math.max(1, Math.ceil(Math.sqrt(value / max) * HEAT_LEVELS)));
}

/** The largest count of a level (heatLevel's inverse), for the legend. */
function levelTop(level: number, max: number): number {
  return Math.floor(((level * level) / (HEAT_LEVELS * HEAT_LEVELS)) * max + 1e-9);
}

/** A grid of rows (criteria) by columns (months), each cell a count and its colour level. */
export function heatMap(rows: HeatRowInput[], columnKeys: string[], options: { labelWidth?: number } = {}): HeatMapGeometry {
  const labelWidth = options.labelWidth ?? 60;
  const cellWidth = 26;
  const cellHeight = 20;
  const headerHeight = 34;
  const max = Math.max(0, ...rows.flatMap((r) => columnKeys.map((k) => r.counts[k] ?? 0)));
  const x = scaleBand()
    .domain(columnKeys)
    .range([labelWidth, labelWidth + cellWidth * columnKeys.length]);
  const levels = Array.from({ length: HEAT_LEVELS }, (_, i) => ({
    level: i + 1,
    from: levelTop(i, max) + 1,
    to: levelTop(i + 1, max),
  })).filter((l) => l.to >= l.from);
  return {
    kind: "heat-map",
    width: labelWidth + cellWidth * columnKeys.length + 4,
    height: headerHeight + rows.length * cellHeight + 2,
    empty: max === 0,
    labelWidth,
    headerHeight,
    cellWidth,
    cellHeight,
    columns: columnKeys.map((key) => ({ key, x: x(key) ?? 0 })),
    levels,
    rows: rows.map((r, i) => {
      const { counts, ...rest } = r;
      const cells = columnKeys.map((key) => {
        const value = counts[key] ?? 0;
        return { column: key, x: x(key) ?? 0, value, level: heatLevel(value, max) };
      });
      return { ...rest, y: headerHeight + i * cellHeight, total: cells.reduce((sum, c) => sum + c.value, 0), cells };
    }),
  };
}

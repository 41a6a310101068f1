// One small chart per criterion, drawn as PDF vector graphics (rectangles, lines and text, no image):
// the records of each month as bars, the exceptions as the dark part of each bar, and the exception
// rate as a line against its own scale on the right.

import { rgb } from "pdf-lib";
import { colors } from "~/lib/pdf/page-content";
import type { PageBuilder } from "~/lib/pdf/page-layout.server";
import type { MonthCount } from "./dossier-types";

const barColor = rgb(0.62, 0.72, 0.84);
const exceptionColor = rgb(0.72, 0.22, 0.16);
const rateColor = rgb(0.85, 0.45, 0.05);

/** A round axis maximum at or above `value`: 1, 2 or 5 times a power of ten. */
export function niceMaximum(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const thousands = (n: number) => n.toLocaleString("en-US");

/** The chart's height on the page, legend included. */
export const CHART_HEIGHT = 138;

/** Draws the chart at the cursor (moving to a new page when it does not fit) and moves below it. */
export function drawMonthlyChart(b: PageBuilder, months: readonly MonthCount[]): void {
  b.ensureSpace(CHART_HEIGHT + 6);
  const page = b.page;
  const top = b.y;
  const legendY = top - 9;
  const plotTop = top - 20;
  const plotBottom = top - CHART_HEIGHT + 16;
  const left = b.left + 34;
  const right = b.left + b.width - 30;
  const height = plotTop - plotBottom;
  const small = { size: 6.5, color: colors.muted };

  // Legend.
  const legend = (x: number, color: typeof barColor, label: string, line = false) => {
    if (line) page.drawLine({ start: { x, y: legendY + 2.5 }, end: { x: x + 10, y: legendY + 2.5 }, thickness: 1.2, color });
    else page.drawRectangle({ x, y: legendY, width: 8, height: 6, color });
    return x + 14 + b.textAt(page, label, x + 13, legendY, small) + 10;
  };
  let x = legend(b.left, barColor, "每月记录 Records per month");
  x = legend(x, exceptionColor, "其中例外 of which exceptions");
  legend(x, rateColor, "例外率 Exception rate (%)", true);

  // At least 4, so that the four steps of the scale are whole numbers.
  const max = niceMaximum(Math.max(...months.map((m) => m.records), 4));
  const rates = months.map((m) => (m.records > 0 ? (100 * m.exceptions) / m.records : 0));
  const rateMax = niceMaximum(Math.max(...rates, 1));

  // Grid and axes: four steps on each scale.
  for (let i = 0; i <= 4; i++) {
    const y = plotBottom + (height * i) / 4;
    page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: i === 0 ? 0.6 : 0.25, color: i === 0 ? colors.rule : colors.shade });
    const value = thousands(Math.round((max * i) / 4));
    b.textAt(page, value, left - 4 - b.measure(small)(value), y - 2, small);
    const rate = `${Math.round(((rateMax * i) / 4) * 10) / 10}%`;
    b.textAt(page, rate, right + 4, y - 2, { ...small, color: rateColor });
  }

  const slot = (right - left) / Math.max(months.length, 1);
  const barWidth = Math.min(22, slot * 0.62);
  const points: { x: number; y: number }[] = [];
  months.forEach((m, i) => {
    const cx = left + slot * (i + 0.5);
    const total = (height * m.records) / max;
    const failed = (height * m.exceptions) / max;
    if (total > 0) page.drawRectangle({ x: cx - barWidth / 2, y: plotBottom, width: barWidth, height: total, color: barColor });
    if (failed > 0) page.drawRectangle({ x: cx - barWidth / 2, y: plotBottom, width: barWidth, height: Math.max(failed, 0.8), color: exceptionColor });
    const label = m.month.slice(2).replace("-", "/");
    b.textAt(page, label, cx - b.measure(small)(label) / 2, plotBottom - 9, small);
    points.push({ x: cx, y: plotBottom + (height * (rates[i] ?? 0)) / rateMax });
  });
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1] as { x: number; y: number };
    const to = points[i] as { x: number; y: number };
    page.drawLine({ start: from, end: to, thickness: 1.2, color: rateColor });
  }
  for (const p of points) page.drawCircle({ x: p.x, y: p.y, size: 1.6, color: rateColor });
  b.resumeOn(page, top - CHART_HEIGHT);
}

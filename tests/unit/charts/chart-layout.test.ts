import { describe, expect, test } from "vitest";
import { heatLevel, heatMap, horizontalBars, stackedColumns } from "~/lib/charts/chart-layout.server";

describe("stacked columns", () => {
  const g = stackedColumns(
    [
      { key: "a", values: { pass: 8, fail: 2 } },
      { key: "b", values: { pass: 3 } },
      { key: "c", values: {} },
    ],
    ["pass", "fail"],
  );

  test("each column stacks its series bottom to top and its total sits on top", () => {
    const [a, b, c] = g.columns;
    expect(a!.total).toBe(10);
    const [pass, fail] = a!.segments;
    // The passed part starts at the axis, the failed part starts where it ends.
    expect(pass!.y + pass!.height).toBeCloseTo(g.plot.bottom, 1);
    expect(fail!.y + fail!.height).toBeCloseTo(pass!.y, 1);
    expect(a!.top).toBeCloseTo(fail!.y, 1);
    // Heights are proportional: 8 is four times 2.
    expect(pass!.height / fail!.height).toBeCloseTo(4, 1);
    expect(b!.segments[1]!.height).toBe(0);
    expect(c!.total).toBe(0);
    expect(c!.segments.every((s) => s.height === 0)).toBe(true);
  });

  test("columns do not overlap and stay inside the plot", () => {
    for (let i = 1; i < g.columns.length; i++) expect(g.columns[i]!.x).toBeGreaterThanOrEqual(g.columns[i - 1]!.x + g.columns[i - 1]!.width);
    expect(g.columns[0]!.x).toBeGreaterThanOrEqual(g.plot.left);
    const last = g.columns.at(-1)!;
    expect(last.x + last.width).toBeLessThanOrEqual(g.plot.right);
  });

  test("the value axis has round whole-number ticks from zero past the largest total", () => {
    expect(g.ticks[0]).toEqual({ value: 0, at: g.plot.bottom });
    expect(g.ticks.map((t) => t.value).every(Number.isInteger)).toBe(true);
    expect(g.ticks.at(-1)!.value).toBeGreaterThanOrEqual(10);
    expect(g.empty).toBe(false);
  });

  test("all zeros is the empty chart, not an axis of fractions", () => {
    const none = stackedColumns([{ key: "a", values: { pass: 0 } }], ["pass"]);
    expect(none.empty).toBe(true);
    expect(none.ticks.map((t) => t.value).every(Number.isInteger)).toBe(true);
  });
});

describe("horizontal bars", () => {
  test("a rate is drawn on 0–100 and keeps its parts", () => {
    const g = horizontalBars(
      [
        { key: "x", count: 9, of: 10 },
        { key: "y", count: 1, of: 4 },
      ],
      { rate: true },
    );
    expect(g.max).toBe(100);
    expect(g.bars.map((b) => b.value)).toEqual([90, 25]);
    expect(g.bars[0]!.width / g.bars[1]!.width).toBeCloseTo(90 / 25, 1);
    expect(g.bars[0]).toMatchObject({ count: 9, of: 10 });
    // Each bar below its label, rows one after another.
    expect(g.bars[1]!.labelY).toBeGreaterThan(g.bars[0]!.y + g.bars[0]!.height);
    expect(g.height).toBeGreaterThan(g.bars[1]!.y + g.bars[1]!.height);
  });

  test("counts are drawn against the largest; no counts at all is empty", () => {
    const g = horizontalBars(
      [
        { key: "high", count: 2 },
        { key: "low", count: 8 },
      ],
      { rate: false },
    );
    expect(g.bars[1]!.width).toBe(g.plot.right - g.plot.left);
    expect(g.bars[0]!.width).toBeCloseTo((g.plot.right - g.plot.left) / 4, 1);
    expect(horizontalBars([{ key: "a", count: 0 }], { rate: false }).empty).toBe(true);
    expect(horizontalBars([{ key: "a", count: 0, of: 0 }], { rate: true }).empty).toBe(true);
  });
});

describe("heat map", () => {
  const months = ["2026-01", "2026-02", "2026-03"];
  const row = (key: string, counts: Record<string, number>) => ({ key, codeZh: key, codeEn: key, titleZh: key, titleEn: key, counts });

  test("levels follow the square root of the share of the largest count; zero is level 0", () => {
    expect([0, 1, 4, 5, 16, 17, 36, 37, 64].map((v) => heatLevel(v, 64))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(heatLevel(1, 1)).toBe(4);
    expect(heatLevel(0, 0)).toBe(0);
  });

  test("rows by columns, missing months zero, totals per row, a legend of the levels' ranges", () => {
    const g = heatMap([row("a", { "2026-01": 8, "2026-03": 1 }), row("b", {})], months);
    expect(g.rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      [8, 0, 1],
      [0, 0, 0],
    ]);
    expect(g.rows.map((r) => r.total)).toEqual([9, 0]);
    expect(g.rows[0]!.cells.map((c) => c.level)).toEqual([4, 0, 2]);
    expect(g.columns.map((c) => c.x)).toEqual([g.labelWidth, g.labelWidth + g.cellWidth, g.labelWidth + 2 * g.cellWidth]);
    expect(g.rows[1]!.y - g.rows[0]!.y).toBe(g.cellHeight);
    expect(g.height).toBeGreaterThanOrEqual(g.rows[1]!.y + g.cellHeight);
    expect(g.width).toBeGreaterThanOrEqual(g.labelWidth + 3 * g.cellWidth);
    // Level 1 would be below one record; the legend leaves it out.
    expect(g.levels).toEqual([
      { level: 2, from: 1, to: 2 },
      { level: 3, from: 3, to: 4 },
      { level: 4, from: 5, to: 8 },
    ]);
    // Every count falls in the legend range of its own level.
    for (let v = 1; v <= 8; v++) {
      const level = g.levels.find((l) => v >= l.from && v <= l.to)!.level;
      expect(heatLevel(v, 8)).toBe(level);
    }
  });

  test("small counts leave out the levels no count can reach", () => {
    const g = heatMap([row("a", { "2026-01": 2 })], months);
    expect(g.levels).toEqual([
      { level: 3, from: 1, to: 1 },
      { level: 4, from: 2, to: 2 },
    ]);
    expect(g.rows[0]!.cells[0]!.level).toBe(4);
    expect(heatLevel(1, 2)).toBe(3);
  });

  test("for any largest count, the legend's ranges cover every count once, each under its own level", () => {
    for (let max = 1; max <= 300; max++) {
      const { levels } = heatMap([row("a", { "2026-01": max })], months);
      for (let v = 1; v <= max; v++) {
        const ranges = levels.filter((l) => v >= l.from && v <= l.to);
        expect(ranges.map((l) => l.level)).toEqual([heatLevel(v, max)]);
      }
    }
  });

  test("no evidence at all is empty", () => {
    expect(heatMap([row("a", {})], months).empty).toBe(true);
    expect(heatMap([], months).empty).toBe(true);
  });
});

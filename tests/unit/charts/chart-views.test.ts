import { describe, expect, test } from "vitest";
import { actionAgeChart, coverageChart, inspectionCharts, partnerCharts, SITES_DRAWN } from "~/lib/charts/chart-views.server";
import { monthsEndingWith } from "~/lib/charts/chart-months";

const months = monthsEndingWith("2026-12-07");

describe("coverage heat map", () => {
  test("one row per criterion in the order given, twelve month columns, the total of every cell", () => {
    const { geometry, total } = coverageChart({
      months,
      rows: [
        { criterionId: "1", key: "43", codeZh: "（43）", codeEn: "(43)", titleZh: "七点检查", titleEn: "Seven-point", counts: { "2026-12": 5, "2026-01": 1 } },
        { criterionId: "2", key: "44", codeZh: "（44）", codeEn: "(44)", titleZh: "封志", titleEn: "Seals", counts: {} },
      ],
    });
    expect(geometry.columns.map((c) => c.key)).toEqual(months);
    expect(geometry.rows.map((r) => r.codeEn)).toEqual(["(43)", "(44)"]);
    expect(geometry.rows[0]!.cells.at(-1)).toMatchObject({ value: 5, level: 4 });
    expect(geometry.rows[0]!.cells[0]).toMatchObject({ value: 1, level: 2 });
    expect(geometry.rows[1]!.total).toBe(0);
    expect(total).toBe(6);
  });
});

describe("inspection charts", () => {
  const series = {
    months: months.map((month, i) => ({ month, pass: i, fail: i % 3 === 0 ? 1 : 0 })),
    sites: [
      { siteId: "s1", nameZh: "工厂", nameEn: "Factory", pass: 40, fail: 0 },
      { siteId: "s2", nameZh: "仓库", nameEn: "Warehouse", pass: 20, fail: 5 },
      { siteId: null, nameZh: "", nameEn: "", pass: 2, fail: 2 },
    ],
  };

  test("months stack passed under failed; totals and failures are summed", () => {
    const c = inspectionCharts(series);
    expect(c.perMonth.series).toEqual(["pass", "fail"]);
    expect(c.perMonth.columns[3]!.segments.map((s) => s.value)).toEqual([3, 1]);
    expect(c.total).toBe(66 + 4);
    expect(c.failed).toBe(4);
  });

  test("sites go lowest pass rate first, each with its rate and parts", () => {
    const c = inspectionCharts(series);
    expect(c.sites.map((s) => s.key)).toEqual(["", "s2", "s1"]);
    expect(c.perSite.bars.map((b) => [b.value, b.count, b.of])).toEqual([
      [50, 2, 4],
      [80, 20, 25],
      [100, 40, 40],
    ]);
  });

  test(`at most ${SITES_DRAWN} sites are drawn; the table keeps every one`, () => {
    const many = {
      months: series.months,
      sites: Array.from({ length: 12 }, (_, i) => ({ siteId: `s${i}`, nameZh: `场所${i}`, nameEn: `Site ${i}`, pass: 10 + i, fail: 1 })),
    };
    const c = inspectionCharts(many);
    expect(c.perSite.bars).toHaveLength(SITES_DRAWN);
    expect(c.sites).toHaveLength(12);
  });
});

describe("partner charts", () => {
  const tiers = (high: number, medium: number, low: number, none: number) => ({ high, medium, low, none });
  test("tiers in order high to unrated; due columns overdue first, stacked high at the bottom", () => {
    const c = partnerCharts({
      tiers: tiers(2, 3, 10, 4),
      due: [
        { key: "overdue", tiers: tiers(1, 0, 0, 0) },
        ...monthsEndingWith("2027-05-01", 6).map((key, i) => ({ key, tiers: tiers(0, i === 1 ? 2 : 0, i === 5 ? 1 : 0, 0) })),
      ],
      later: 9,
      undated: 4,
    });
    expect(c.tiers.bars.map((b) => [b.key, b.count])).toEqual([
      ["high", 2],
      ["medium", 3],
      ["low", 10],
      ["none", 4],
    ]);
    expect(c.due.columns.map((col) => col.key)[0]).toBe("overdue");
    expect(c.due.columns.map((col) => col.total)).toEqual([1, 0, 2, 0, 0, 0, 1]);
    expect(c.due.series[0]).toBe("high");
    expect(c).toMatchObject({ overdue: 1, later: 9, undated: 4 });
    expect(c.due.empty).toBe(false);
  });
});

describe("action ageing", () => {
  test("buckets youngest first, overdue at the bottom, with the open and overdue totals", () => {
    const c = actionAgeChart({
      buckets: [
        { bucket: "0-7", overdue: 0, onTime: 3 },
        { bucket: "8-30", overdue: 1, onTime: 2 },
        { bucket: "31-90", overdue: 0, onTime: 0 },
        { bucket: "91+", overdue: 4, onTime: 0 },
      ],
    });
    expect(c.geometry.columns.map((col) => col.key)).toEqual(["0-7", "8-30", "31-90", "91+"]);
    expect(c.geometry.series).toEqual(["overdue", "onTime"]);
    expect(c.geometry.columns[1]!.segments.map((s) => s.value)).toEqual([1, 2]);
    expect(c).toMatchObject({ open: 10, overdue: 5 });
  });

  test("no open action is the empty chart", () => {
    const c = actionAgeChart({ buckets: (["0-7", "8-30", "31-90", "91+"] as const).map((bucket) => ({ bucket, overdue: 0, onTime: 0 })) });
    expect(c.geometry.empty).toBe(true);
    expect(c.open).toBe(0);
  });
});

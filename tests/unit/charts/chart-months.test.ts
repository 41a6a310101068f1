import { describe, expect, test } from "vitest";
import { firstDay, monthLabel, monthsEndingWith, monthsStartingWith, nextMonth } from "~/lib/charts/chart-months";

describe("chart months", () => {
  test("the last twelve months end with today's month and cross the year", () => {
    expect(monthsEndingWith("2026-03-31")).toEqual([
      "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09",
      "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03",
    ]);
    expect(monthsEndingWith("2026-12-01", 2)).toEqual(["2026-11", "2026-12"]);
  });

  test("months ahead start with today's month", () => {
    expect(monthsStartingWith("2026-11-15", 3)).toEqual(["2026-11", "2026-12", "2027-01"]);
    expect(nextMonth("2026-12")).toBe("2027-01");
    expect(firstDay("2026-02")).toBe("2026-02-01");
  });

  test("a month reads in each language, with its year where asked", () => {
    expect(monthLabel("2026-03", "en", false)).toBe("Mar");
    expect(monthLabel("2026-03", "en", true)).toBe("Mar 2026");
    expect(monthLabel("2026-03", "zh-CN", false)).toBe("3月");
    expect(monthLabel("2026-01", "zh-CN", true)).toBe("2026年1月");
  });

  test("anything but a date or month is refused", () => {
    expect(() => monthsEndingWith("today")).toThrow();
    expect(() => firstDay("2026-2")).toThrow();
  });
});

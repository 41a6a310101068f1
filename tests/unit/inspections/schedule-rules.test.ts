import { describe, expect, test } from "vitest";
import { nextPeriod, periodOf, scheduleStatus, type Frequency } from "~/lib/inspections/schedule-rules";

const p = (start: string, end: string) => ({ start, end });

describe("periodOf", () => {
  test.each<[Frequency, string, string, string]>([
    ["daily", "2026-06-10", "2026-06-10", "2026-06-10"],
    ["daily", "2028-02-29", "2028-02-29", "2028-02-29"],
    // ISO weeks run Monday to Sunday: 2026-06-08 is a Monday, 2026-06-14 a Sunday.
    ["weekly", "2026-06-10", "2026-06-08", "2026-06-14"],
    ["weekly", "2026-06-08", "2026-06-08", "2026-06-14"],
    ["weekly", "2026-06-14", "2026-06-08", "2026-06-14"],
    ["weekly", "2026-06-15", "2026-06-15", "2026-06-21"],
    // A week spanning the year end.
    ["weekly", "2026-12-28", "2026-12-28", "2027-01-03"],
    ["weekly", "2026-12-31", "2026-12-28", "2027-01-03"],
    ["weekly", "2027-01-03", "2026-12-28", "2027-01-03"],
    ["weekly", "2028-02-29", "2028-02-28", "2028-03-05"],
    ["monthly", "2026-06-10", "2026-06-01", "2026-06-30"],
    ["monthly", "2026-01-31", "2026-01-01", "2026-01-31"],
    ["monthly", "2026-02-14", "2026-02-01", "2026-02-28"],
    ["monthly", "2028-02-01", "2028-02-01", "2028-02-29"],
    ["monthly", "2026-12-31", "2026-12-01", "2026-12-31"],
    ["quarterly", "2026-05-20", "2026-04-01", "2026-06-30"],
    ["quarterly", "2026-12-31", "2026-10-01", "2026-12-31"],
  ])("%s %s → %s .. %s", (frequency, on, start, end) => {
    expect(periodOf(frequency, on)).toEqual(p(start, end));
  });
});

describe("nextPeriod", () => {
  test.each<[Frequency, string, string, string]>([
    ["daily", "2026-06-10", "2026-06-11", "2026-06-11"],
    ["daily", "2026-02-28", "2026-03-01", "2026-03-01"],
    ["daily", "2028-02-28", "2028-02-29", "2028-02-29"],
    ["daily", "2028-02-29", "2028-03-01", "2028-03-01"],
    ["daily", "2026-12-31", "2027-01-01", "2027-01-01"],
    ["weekly", "2026-06-10", "2026-06-15", "2026-06-21"],
    ["weekly", "2026-12-24", "2026-12-28", "2027-01-03"],
    ["weekly", "2026-12-30", "2027-01-04", "2027-01-10"],
    ["weekly", "2028-02-23", "2028-02-28", "2028-03-05"],
    // From a month that ends on the 31st into one that does not.
    ["monthly", "2026-01-31", "2026-02-01", "2026-02-28"],
    ["monthly", "2028-01-31", "2028-02-01", "2028-02-29"],
    ["monthly", "2028-02-29", "2028-03-01", "2028-03-31"],
    ["monthly", "2026-03-31", "2026-04-01", "2026-04-30"],
    ["quarterly", "2026-11-15", "2027-01-01", "2027-03-31"],
    ["monthly", "2026-12-15", "2027-01-01", "2027-01-31"],
  ])("%s after the period of %s → %s .. %s", (frequency, on, start, end) => {
    expect(nextPeriod(frequency, periodOf(frequency, on))).toEqual(p(start, end));
  });

  test("consecutive periods leave no gap and do not overlap", () => {
    for (const frequency of ["daily", "weekly", "monthly"] as const) {
      let period = periodOf(frequency, "2026-11-20");
      for (let i = 0; i < 120; i++) {
        const next = nextPeriod(frequency, period);
        const dayAfterEnd = new Date(`${period.end}T00:00:00Z`);
        dayAfterEnd.setUTCDate(dayAfterEnd.getUTCDate() + 1);
        expect(next.start, `${frequency} after ${period.end}`).toBe(dayAfterEnd.toISOString().slice(0, 10));
        expect(next.end >= next.start).toBe(true);
        period = next;
      }
    }
  });
});

describe("scheduleStatus", () => {
  const status = (frequency: Frequency, startsOn: string, lastDoneOn: string | null, today: string) =>
    scheduleStatus({ frequency, startsOn, lastDoneOn, today });

  describe("not started", () => {
    test.each<Frequency>(["daily", "weekly", "monthly"])("%s: before startsOn", (frequency) => {
      expect(status(frequency, "2026-06-10", null, "2026-06-09")).toEqual({ state: "not_started", startsOn: "2026-06-10" });
      // Even with an earlier inspection recorded.
      expect(status(frequency, "2026-06-10", "2026-06-01", "2026-06-09")).toEqual({ state: "not_started", startsOn: "2026-06-10" });
    });
  });

  describe("daily", () => {
    test.each([
      ["first day, none yet", "2026-06-10", null, "2026-06-10", { state: "due", period: p("2026-06-10", "2026-06-10") }],
      ["done today", "2026-06-01", "2026-06-10", "2026-06-10", { state: "done", next: p("2026-06-11", "2026-06-11") }],
      ["done yesterday", "2026-06-01", "2026-06-09", "2026-06-10", { state: "due", period: p("2026-06-10", "2026-06-10") }],
      ["a whole day missed", "2026-06-01", "2026-06-08", "2026-06-10", { state: "overdue", missed: p("2026-06-09", "2026-06-09") }],
      ["several days missed: the first one", "2026-06-01", "2026-06-03", "2026-06-10", { state: "overdue", missed: p("2026-06-04", "2026-06-04") }],
      ["never done since the start", "2026-06-07", null, "2026-06-10", { state: "overdue", missed: p("2026-06-07", "2026-06-07") }],
      ["leap day due", "2028-02-01", "2028-02-28", "2028-02-29", { state: "due", period: p("2028-02-29", "2028-02-29") }],
      ["leap day missed", "2028-02-01", "2028-02-28", "2028-03-01", { state: "overdue", missed: p("2028-02-29", "2028-02-29") }],
      ["over the year end", "2026-12-01", "2026-12-31", "2027-01-01", { state: "due", period: p("2027-01-01", "2027-01-01") }],
    ] as const)("%s", (_, startsOn, lastDoneOn, today, expected) => {
      expect(status("daily", startsOn, lastDoneOn, today)).toEqual(expected);
    });
  });

  describe("weekly", () => {
    test.each([
      // 2026-06-10 is a Wednesday: the first period is its whole week.
      ["started mid-week, none yet", "2026-06-10", null, "2026-06-12", { state: "due", period: p("2026-06-08", "2026-06-14") }],
      ["done this week", "2026-06-01", "2026-06-09", "2026-06-14", { state: "done", next: p("2026-06-15", "2026-06-21") }],
      ["done on Monday, asked on Sunday", "2026-06-01", "2026-06-08", "2026-06-14", { state: "done", next: p("2026-06-15", "2026-06-21") }],
      ["done last week (on Sunday)", "2026-06-01", "2026-06-14", "2026-06-15", { state: "due", period: p("2026-06-15", "2026-06-21") }],
      ["a whole week missed", "2026-06-01", "2026-06-09", "2026-06-22", { state: "overdue", missed: p("2026-06-15", "2026-06-21") }],
      ["never done since the start", "2026-06-10", null, "2026-06-15", { state: "overdue", missed: p("2026-06-08", "2026-06-14") }],
      ["the week over the year end is due", "2026-12-01", "2026-12-22", "2027-01-02", { state: "due", period: p("2026-12-28", "2027-01-03") }],
      ["done in the old year, counts for the week into the new one", "2026-12-01", "2026-12-29", "2027-01-03", { state: "done", next: p("2027-01-04", "2027-01-10") }],
      ["the week over the year end missed", "2026-12-01", "2026-12-22", "2027-01-04", { state: "overdue", missed: p("2026-12-28", "2027-01-03") }],
    ] as const)("%s", (_, startsOn, lastDoneOn, today, expected) => {
      expect(status("weekly", startsOn, lastDoneOn, today)).toEqual(expected);
    });
  });

  describe("monthly", () => {
    test.each([
      ["first month, none yet", "2026-06-15", null, "2026-06-20", { state: "due", period: p("2026-06-01", "2026-06-30") }],
      ["done on 31 January, asked the same day", "2026-01-01", "2026-01-31", "2026-01-31", { state: "done", next: p("2026-02-01", "2026-02-28") }],
      ["done on 31 January, February is due", "2026-01-01", "2026-01-31", "2026-02-01", { state: "due", period: p("2026-02-01", "2026-02-28") }],
      ["February missed", "2026-01-01", "2026-01-31", "2026-03-01", { state: "overdue", missed: p("2026-02-01", "2026-02-28") }],
      ["leap February due on its last day", "2028-01-01", "2028-01-15", "2028-02-29", { state: "due", period: p("2028-02-01", "2028-02-29") }],
      ["leap February missed", "2028-01-01", "2028-01-15", "2028-03-01", { state: "overdue", missed: p("2028-02-01", "2028-02-29") }],
      ["done on the leap day", "2028-01-01", "2028-02-29", "2028-02-29", { state: "done", next: p("2028-03-01", "2028-03-31") }],
      ["never done since a mid-month start", "2026-06-15", null, "2026-07-01", { state: "overdue", missed: p("2026-06-01", "2026-06-30") }],
      ["December done, January of the next year due", "2026-01-01", "2026-12-05", "2027-01-10", { state: "due", period: p("2027-01-01", "2027-01-31") }],
    ] as const)("%s", (_, startsOn, lastDoneOn, today, expected) => {
      expect(status("monthly", startsOn, lastDoneOn, today)).toEqual(expected);
    });
  });

  describe("inspections before startsOn do not count", () => {
    test("daily: an old inspection does not make a new schedule overdue", () => {
      expect(status("daily", "2026-06-10", "2026-05-01", "2026-06-10")).toEqual({ state: "due", period: p("2026-06-10", "2026-06-10") });
    });

    test("weekly: an inspection earlier in the starting week does not cover it", () => {
      // 2026-06-09 is the Tuesday before the Wednesday start, in the same ISO week.
      expect(status("weekly", "2026-06-10", "2026-06-09", "2026-06-12")).toEqual({ state: "due", period: p("2026-06-08", "2026-06-14") });
      expect(status("weekly", "2026-06-10", "2026-06-10", "2026-06-12")).toEqual({ state: "done", next: p("2026-06-15", "2026-06-21") });
    });

    test("monthly: an inspection earlier in the starting month does not cover it", () => {
      expect(status("monthly", "2026-06-15", "2026-06-01", "2026-06-20")).toEqual({ state: "due", period: p("2026-06-01", "2026-06-30") });
      expect(status("monthly", "2026-06-15", "2026-06-01", "2026-07-02")).toEqual({ state: "overdue", missed: p("2026-06-01", "2026-06-30") });
      expect(status("monthly", "2026-06-15", "2026-06-15", "2026-06-20")).toEqual({ state: "done", next: p("2026-07-01", "2026-07-31") });
    });
  });
});

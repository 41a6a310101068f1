import { describe, expect, test } from "vitest";
import { endOfDayInZone, formatCalendarDate, formatDateTime, startOfDayInZone } from "~/lib/i18n/format";

/** The wall-clock date and time of an instant in a zone, as "YYYY-MM-DD HH:mm". */
function wallClock(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

describe("startOfDayInZone", () => {
  test.each([
    ["2024-03-18", "2024-03-17T16:00:00.000Z"],
    ["2025-01-01", "2024-12-31T16:00:00.000Z"],
    ["2024-02-29", "2024-02-28T16:00:00.000Z"],
    ["2024-12-31", "2024-12-30T16:00:00.000Z"],
  ])("Asia/Shanghai: %s starts at %s", (day, expected) => {
    expect(startOfDayInZone(day, "Asia/Shanghai").toISOString()).toBe(expected);
  });

  test("UTC days start at midnight UTC", () => {
    expect(startOfDayInZone("2024-03-18", "UTC").toISOString()).toBe("2024-03-18T00:00:00.000Z");
  });

  // Organisations may choose any IANA zone. The start of a day is local midnight, also on the days
  // daylight-saving time begins or ends.
  test.each([
    ["2024-03-18", "Asia/Shanghai"],
    ["2024-03-18", "Asia/Kolkata"],
    ["2024-03-18", "Asia/Kathmandu"],
    ["2024-03-10", "America/New_York"],
    ["2024-11-03", "America/New_York"],
    ["2024-03-31", "Europe/Berlin"],
    ["2024-10-27", "Europe/Berlin"],
    ["2024-10-06", "Australia/Sydney"],
    ["2024-04-07", "Australia/Sydney"],
    ["2024-09-29", "Pacific/Auckland"],
  ])("%s in %s starts at local midnight", (day, zone) => {
    expect(wallClock(startOfDayInZone(day, zone), zone)).toBe(`${day} 00:00`);
  });
});

describe("endOfDayInZone", () => {
  // The "to" of a date filter ends at the next local midnight: 24 hours on most days, 23 or 25 on
  // the days daylight-saving time begins or ends, and across month and year ends.
  test.each([
    ["2024-03-18", "Asia/Shanghai", "2024-03-18T16:00:00.000Z"],
    ["2024-12-31", "Asia/Shanghai", "2024-12-31T16:00:00.000Z"],
    ["2024-02-29", "UTC", "2024-03-01T00:00:00.000Z"],
    ["2024-03-31", "Europe/Berlin", "2024-03-31T22:00:00.000Z"],
    ["2024-10-27", "Europe/Berlin", "2024-10-27T23:00:00.000Z"],
  ])("%s in %s ends at %s", (day, zone, expected) => {
    expect(endOfDayInZone(day, zone).toISOString()).toBe(expected);
  });
});

describe("formatDateTime and formatCalendarDate", () => {
  const instant = new Date("2024-03-17T16:05:00Z");

  test("show the organisation's local time in the reader's language", () => {
    const zh = formatDateTime(instant, "zh-CN", "Asia/Shanghai");
    const en = formatDateTime(instant, "en", "Asia/Shanghai");
    expect(zh).toContain("2024");
    expect(zh).toContain("00:05");
    expect(zh).toMatch(/03.18|3月18/);
    expect(en).toContain("00:05");
    expect(en).toContain("03/18/2024");
    expect(formatDateTime(instant.toISOString(), "en", "Asia/Shanghai")).toBe(en);
  });

  test("a calendar date never shifts with the time zone", () => {
    expect(formatCalendarDate("2029-03-17", "en")).toBe("March 17, 2029");
    expect(formatCalendarDate("2029-03-17", "zh-CN")).toBe("2029年3月17日");
  });
});

import type { Locale } from "./config";

// Dates are stored in UTC and shown in the organisation's time zone, in the reader's language.

export function formatDateTime(value: Date | string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(new Date(value));
}

/** A calendar date (YYYY-MM-DD, no time zone) in the reader's language. */
export function formatCalendarDate(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" }).format(
    new Date(`${value}T00:00:00Z`),
  );
}

/** The start of a calendar day in a time zone, as a UTC instant (for date-range filters). */
export function startOfDayInZone(day: string, timeZone: string): Date {
  const guess = new Date(`${day}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(guess);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asZoned = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return new Date(guess.getTime() - (asZoned - guess.getTime()));
}

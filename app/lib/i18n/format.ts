import { TZDate } from "@date-fns/tz";
import type { Locale } from "./config";

// Dates are stored in UTC and shown in the organisation's time zone, in the reader's language.

// Building an Intl.DateTimeFormat costs far more than formatting with one (a dossier formats a date
// per row): each distinct set of options is built once per process and kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

export function formatDateTime(value: Date | string, locale: Locale, timeZone: string): string {
  const instant = new Date(value);
  // Assembled from parts: ICU's Chinese pattern puts the zone between the date and the time.
  const date = formatter(locale, { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
  const time = formatter(locale, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
  const zone =
    formatter("en", { timeZone, timeZoneName: "short" }).formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "";
  return `${date}${locale === "en" ? "," : ""} ${time} ${zone}`.trim();
}

/** A calendar date (YYYY-MM-DD, no time zone) in the reader's language. */
export function formatCalendarDate(value: string, locale: Locale): string {
  return formatter(locale, { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" }).format(
    new Date(`${value}T00:00:00Z`),
  );
}

/** The start of a calendar day in a time zone, as a UTC instant (for date-range filters). */
export function startOfDayInZone(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  // TZDate resolves local midnight through the zone's rules, daylight-saving days included.
  return new Date(new TZDate(year, month - 1, date, timeZone).getTime());
}

/** The end of a calendar day in a time zone (the next day's start, exclusive): the "to" of a date-range filter. */
export function endOfDayInZone(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date + 1, timeZone).getTime());
}

/** Today's calendar date (YYYY-MM-DD) in a time zone: due dates and "overdue" follow the organisation's day. */
export function todayInZone(timeZone: string, now: Date = new Date()): string {
  return formatter("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** A wall-clock time (YYYY-MM-DDTHH:MM) in a time zone, as the UTC instant it names. */
export function zonedDateTimeToUtc(local: string, timeZone: string): Date {
  const [day, time] = local.split("T") as [string, string];
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, date, hours, minutes, timeZone).getTime());
}

/** The wall-clock time (YYYY-MM-DDTHH:MM) of an instant in a time zone, for datetime-local inputs. */
export function localDateTimeInZone(value: Date | string, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(value))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** An instant as a generated document prints it, the same in both languages: "2026-12-03 22:22 (Asia/Shanghai)". */
export function documentTimeInZone(value: Date | string, timeZone: string): string {
  return `${localDateTimeInZone(value, timeZone).replace("T", " ")} (${timeZone})`;
}

import {
  addDays,
  addMonths,
  addQuarters,
  addWeeks,
  endOfISOWeek,
  endOfMonth,
  endOfQuarter,
  format,
  parseISO,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
} from "date-fns";

// Inspection schedules: per site and template, one inspection per day, ISO week (Monday to Sunday),
// calendar month or calendar quarter (the IT access review), counted in the organisation's own days. The period after the last inspection
// is the one that needs the next: if it is the current one the inspection is due (by the period's
// last day); if it has already ended, it was missed and the schedule is overdue until one is done.

export const frequencies = ["daily", "weekly", "monthly", "quarterly"] as const;
export type Frequency = (typeof frequencies)[number];

export interface Period {
  start: string;
  end: string;
}

const day = (date: Date) => format(date, "yyyy-MM-dd");

/** The period (calendar days, inclusive) that contains `on`. */
export function periodOf(frequency: Frequency, on: string): Period {
  const date = parseISO(on);
  if (frequency === "daily") return { start: on, end: on };
  if (frequency === "weekly") return { start: day(startOfISOWeek(date)), end: day(endOfISOWeek(date)) };
  if (frequency === "quarterly") return { start: day(startOfQuarter(date)), end: day(endOfQuarter(date)) };
  return { start: day(startOfMonth(date)), end: day(endOfMonth(date)) };
}

export function nextPeriod(frequency: Frequency, period: Period): Period {
  const start = parseISO(period.start);
  const next =
    frequency === "daily"
      ? addDays(start, 1)
      : frequency === "weekly"
        ? addWeeks(start, 1)
        : frequency === "quarterly"
          ? addQuarters(start, 1)
          : addMonths(start, 1);
  return periodOf(frequency, day(next));
}

export type ScheduleStatus =
  | { state: "not_started"; startsOn: string }
  /** The current period is covered; the next inspection is needed in `next`. */
  | { state: "done"; next: Period }
  /** Needed in the current period, by its last day. */
  | { state: "due"; period: Period }
  /** The period `missed` ended without an inspection; still none since. */
  | { state: "overdue"; missed: Period };

export function scheduleStatus(input: {
  frequency: Frequency;
  startsOn: string;
  lastDoneOn: string | null;
  today: string;
}): ScheduleStatus {
  const { frequency, startsOn, today } = input;
  if (today < startsOn) return { state: "not_started", startsOn };
  // Inspections before the schedule started do not count for it.
  const lastDone = input.lastDoneOn && input.lastDoneOn >= startsOn ? input.lastDoneOn : null;
  const needed = lastDone ? nextPeriod(frequency, periodOf(frequency, lastDone)) : periodOf(frequency, startsOn);
  const current = periodOf(frequency, today);
  if (needed.start > current.start) return { state: "done", next: needed };
  if (needed.start === current.start) return { state: "due", period: current };
  return { state: "overdue", missed: needed };
}

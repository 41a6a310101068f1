import { addDays, format, parseISO } from "date-fns";

// The improvement period (规范改进) of one assessment, from its framework's catalogue rule
// (db/catalog/types.ts ImprovementRule). Browser-safe: the page and the actions share it.

export interface ImprovementWindow {
  /** The longest period the framework's text allows, in days. */
  days: number;
  assessedOn: string;
  /** The day the period runs from: the date customs notified, or the assessment date until one is entered. */
  from: string;
  fromNotified: boolean;
  /** The last allowed due date of a corrective action. */
  deadline: string;
}

/** The period of an assessment; null when the framework's text sets none (no deadline is invented). */
export function improvementWindow(days: number | null, assessedOn: string, notifiedOn: string | null): ImprovementWindow | null {
  if (days === null) return null;
  const from = notifiedOn ?? assessedOn;
  return { days, assessedOn, from, fromNotified: notifiedOn !== null, deadline: format(addDays(parseISO(from), days), "yyyy-MM-dd") };
}

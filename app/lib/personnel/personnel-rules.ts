import { addDays, addMonths, format } from "date-fns";
import { isCalendarDate } from "../value-checks";

// Due dates of personnel security, on calendar dates (YYYY-MM-DD) of the organisation's day: "today"
// is always todayInZone(org time zone), so an exit due on the 5th in Shanghai is overdue from 00:00
// Beijing time on the 6th, whatever the server's clock zone.

/**
 * How often a background check is repeated. CTPAT 11.2 asks for periodic re-checks "based on the
 * sensitivity of the position"; these defaults follow common practice: yearly for security-sensitive
 * posts (gate, seals, container loading, IT with access to shipment data), every three years otherwise.
 */
export const RECHECK_MONTHS = { sensitive: 12, standard: 36 } as const;

/** A re-check this close is "due" (shown amber) before it is overdue. */
export const RECHECK_DUE_DAYS = 30;

/**
 * The offboarding deadline is the leave date itself: CTPAT 10.1 and CN-2022 (40) want access taken
 * away when the person goes, and badges, keys and equipment come back on the last day. An item still
 * open the day after is overdue.
 */
export const OFFBOARDING_GRACE_DAYS = 0;

function parse(day: string): Date {
  if (!isCalendarDate(day)) throw new Error(`personnel rules: not a calendar date: ${day}`);
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

const iso = (date: Date) => format(date, "yyyy-MM-dd");

export function recheckMonths(securitySensitive: boolean): number {
  return securitySensitive ? RECHECK_MONTHS.sensitive : RECHECK_MONTHS.standard;
}

/** The next background check after one on `checkedOn` (month ends clamp: 2025-02-28 after 2024-02-29). */
export function nextBackgroundCheckOn(checkedOn: string, securitySensitive: boolean): string {
  return iso(addMonths(parse(checkedOn), recheckMonths(securitySensitive)));
}

export type RecheckState = "missing" | "overdue" | "due" | "current";

/** Where an employee stands on background checks; someone who has left is never "due". */
export function recheckState(next: string | null, today: string, left = false): RecheckState | null {
  if (left) return null;
  if (!next) return "missing";
  if (next < today) return "overdue";
  if (next <= iso(addDays(parse(today), RECHECK_DUE_DAYS))) return "due";
  return "current";
}

/** The last day to finish the exit checklist. */
export function offboardingDeadline(leaveDate: string): string {
  return iso(addDays(parse(leaveDate), OFFBOARDING_GRACE_DAYS));
}

export function isOffboardingOverdue(deadline: string, today: string, status: "open" | "done"): boolean {
  return status === "open" && deadline < today;
}

/** A check made on or before the first day of work counts as pre-hire (CTPAT 11.1). */
export function isPrehire(checkedOn: string, hireDate: string): boolean {
  return checkedOn <= hireDate;
}

/** The "due" horizon of the list filter: today plus RECHECK_DUE_DAYS. */
export function recheckHorizon(today: string): string {
  return iso(addDays(parse(today), RECHECK_DUE_DAYS));
}

export const offboardingItemKinds = ["badge_returned", "keys_equipment_returned", "site_access_revoked", "it_access_revoked"] as const;
export type OffboardingItemKind = (typeof offboardingItemKinds)[number];

/** Which kinds of the badge and key register each return item waits for. */
export const registerKindsFor: Partial<Record<OffboardingItemKind, readonly ("employee_badge" | "access_card" | "key")[]>> = {
  badge_returned: ["employee_badge", "access_card"],
  keys_equipment_returned: ["key"],
};

// Checks on single values that need no schema library: record ids, calendar dates, password
// lengths. Lists, filters and addresses use them without loading zod (validation.ts has the
// field schemas built on them).

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record id as it appears in an address or a form: anything else names no record. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

import { isCalendarDate, isUuid } from "../value-checks";

// The filters of /personnel and its export, from and to the query string; unknown values are ignored.

export const employmentStatuses = ["employed", "left"] as const;
export const checkFilters = ["due", "overdue", "missing"] as const;
export const exitFilters = ["open", "overdue"] as const;

export interface PersonnelFilter {
  q?: string;
  site?: string;
  department?: string;
  status?: (typeof employmentStatuses)[number];
  sensitive?: "1";
  /** Background check: due within 30 days (or overdue), overdue, or never recorded. Employed only. */
  check?: (typeof checkFilters)[number];
  exit?: (typeof exitFilters)[number];
  hiredFrom?: string;
  hiredTo?: string;
}

function pick<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return (values as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}

export function parsePersonnelFilter(params: URLSearchParams): PersonnelFilter {
  const filter: PersonnelFilter = {};
  const q = params.get("q")?.trim();
  if (q) filter.q = q.slice(0, 100);
  const site = params.get("site");
  if (isUuid(site)) filter.site = site;
  const department = params.get("department")?.trim();
  if (department) filter.department = department.slice(0, 100);
  filter.status = pick(employmentStatuses, params.get("status"));
  if (params.get("sensitive") === "1") filter.sensitive = "1";
  filter.check = pick(checkFilters, params.get("check"));
  filter.exit = pick(exitFilters, params.get("exit"));
  const from = params.get("hiredFrom");
  if (from && isCalendarDate(from)) filter.hiredFrom = from;
  const to = params.get("hiredTo");
  if (to && isCalendarDate(to)) filter.hiredTo = to;
  for (const key of Object.keys(filter) as (keyof PersonnelFilter)[]) if (filter[key] === undefined) delete filter[key];
  return filter;
}

export function personnelFilterSearch(filter: PersonnelFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

import { isCalendarDate, isUuid } from "../value-checks";
import { trainingCategories, type TrainingCategory } from "./training-rules";

// The filters of /training, /training/drills and their CSV exports, read from and written to the query
// string, so each filtered view has its own address and works without JavaScript. Unknown values are ignored.

export interface TrainingListFilter {
  site?: string;
  category?: TrainingCategory;
  from?: string;
  to?: string;
  q?: string;
}

export function parseTrainingFilter(params: URLSearchParams): TrainingListFilter {
  const filter: TrainingListFilter = {};
  const site = params.get("site");
  if (isUuid(site)) filter.site = site;
  const category = params.get("category");
  if ((trainingCategories as readonly string[]).includes(category ?? "")) filter.category = category as TrainingCategory;
  const from = params.get("from")?.trim();
  if (from && isCalendarDate(from)) filter.from = from;
  const to = params.get("to")?.trim();
  if (to && isCalendarDate(to)) filter.to = to;
  const q = params.get("q")?.trim();
  if (q) filter.q = q.slice(0, 100);
  return filter;
}

export function trainingFilterSearch(filter: TrainingListFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The employee picker's filter on a session page (site, department, name). */
export interface AttendeeFilter {
  site?: string;
  department?: string;
  name?: string;
}

export function parseAttendeeFilter(params: URLSearchParams): AttendeeFilter {
  const filter: AttendeeFilter = {};
  const site = params.get("asite");
  if (isUuid(site)) filter.site = site;
  const department = params.get("department")?.trim();
  if (department) filter.department = department.slice(0, 100);
  const name = params.get("name")?.trim();
  if (name) filter.name = name.slice(0, 100);
  return filter;
}

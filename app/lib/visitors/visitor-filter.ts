import { isCalendarDate, isUuid } from "../value-checks";

// The filters of the visitor log and of its CSV export, from and to the query string, so each
// filtered view has its own address and works without JavaScript. Unknown values are ignored.

export interface VisitorLogFilter {
  site?: string;
  from?: string;
  to?: string;
  /** Part of a visitor's name or company. */
  q?: string;
}

export function parseVisitorFilter(params: URLSearchParams): VisitorLogFilter {
  const filter: VisitorLogFilter = {};
  const site = params.get("site");
  if (isUuid(site)) filter.site = site;
  const from = params.get("from")?.trim();
  if (from && isCalendarDate(from)) filter.from = from;
  const to = params.get("to")?.trim();
  if (to && isCalendarDate(to)) filter.to = to;
  const q = params.get("q")?.trim();
  if (q) filter.q = q.slice(0, 60);
  return filter;
}

export function visitorFilterSearch(filter: VisitorLogFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

import { isCalendarDate, isUuid } from "../value-checks";
import type { InspectionResult } from "./inspection-rules";

// The filters of /inspections and of its CSV export, read from and written to the query string, so
// each filtered view has its own address and works without JavaScript. Unknown values are ignored.

export interface InspectionListFilter {
  site?: string;
  template?: string;
  result?: InspectionResult;
  from?: string;
  to?: string;
  container?: string;
}

export function parseInspectionFilter(params: URLSearchParams): InspectionListFilter {
  const filter: InspectionListFilter = {};
  const site = params.get("site");
  if (isUuid(site)) filter.site = site;
  const template = params.get("template")?.trim();
  if (template && /^[a-z0-9-]{1,40}$/.test(template)) filter.template = template;
  const result = params.get("result");
  if (result === "pass" || result === "fail") filter.result = result;
  const from = params.get("from")?.trim();
  if (from && isCalendarDate(from)) filter.from = from;
  const to = params.get("to")?.trim();
  if (to && isCalendarDate(to)) filter.to = to;
  const container = params.get("container")?.trim();
  if (container) filter.container = container.slice(0, 20);
  return filter;
}

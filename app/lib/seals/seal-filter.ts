import { isCalendarDate, isUuid } from "../value-checks";
import { sealStatuses, type SealStatus } from "./seal-lifecycle";

// The filters of /seals and its export, from and to the query string; unknown values are ignored.

export interface SealListFilter {
  /** Seal number, container or trailer number, or shipment reference (part of). */
  q?: string;
  status?: SealStatus;
  site?: string;
  from?: string;
  to?: string;
}

export function parseSealFilter(params: URLSearchParams): SealListFilter {
  const filter: SealListFilter = {};
  const q = params.get("q")?.trim();
  if (q) filter.q = q.slice(0, 60);
  const status = params.get("status");
  if ((sealStatuses as readonly string[]).includes(status ?? "")) filter.status = status as SealStatus;
  const site = params.get("site");
  if (isUuid(site)) filter.site = site;
  const from = params.get("from");
  if (from && isCalendarDate(from)) filter.from = from;
  const to = params.get("to");
  if (to && isCalendarDate(to)) filter.to = to;
  return filter;
}

export function sealFilterSearch(filter: SealListFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

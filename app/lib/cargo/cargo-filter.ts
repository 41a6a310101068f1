import { isCalendarDate, isUuid } from "../value-checks";
import { cargoDirections, type CargoDirection } from "./cargo-rules";

// The filters of the reconciliation register and of its CSV export, from and to the query string,
// so each filtered view has its own address and works without JavaScript. Unknown values are ignored.

export interface CargoFilter {
  site?: string;
  direction?: CargoDirection;
  from?: string;
  to?: string;
  /** "yes": only the reconciliations with a discrepancy. */
  discrepancy?: "yes";
  /** Part of a document reference, container or seal number. */
  q?: string;
}

export function parseCargoFilter(params: URLSearchParams): CargoFilter {
  const filter: CargoFilter = {};
  const site = params.get("site");
  if (isUuid(site)) filter.site = site;
  const direction = params.get("direction");
  if ((cargoDirections as readonly string[]).includes(direction ?? ""))
    filter.direction = direction as CargoDirection;
  const from = params.get("from")?.trim();
  if (from && isCalendarDate(from)) filter.from = from;
  const to = params.get("to")?.trim();
  if (to && isCalendarDate(to)) filter.to = to;
  if (params.get("discrepancy") === "yes") filter.discrepancy = "yes";
  const q = params.get("q")?.trim();
  if (q) filter.q = q.slice(0, 60);
  return filter;
}

export function cargoFilterSearch(filter: CargoFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

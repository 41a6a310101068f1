import { isCalendarDate } from "../value-checks";
import { isCountryCode } from "./countries";
import { partnerRoles, type PartnerRole } from "./partner-values";

// The filters of /partners and its exports, from and to the query string; unknown values are ignored.

export const partnerStatuses = ["pending", "approved", "conditional", "rejected"] as const;
export const partnerTiers = ["low", "medium", "high", "none"] as const;

export interface PartnerListFilter {
  q?: string;
  role?: PartnerRole;
  tier?: (typeof partnerTiers)[number];
  country?: string;
  status?: (typeof partnerStatuses)[number];
  /** "due": re-evaluation due within 30 days or overdue (or never evaluated). */
  due?: "1";
  /** "overdue": the next supervision check's date has passed. */
  supervision?: "overdue";
}

export function parsePartnerFilter(params: URLSearchParams): PartnerListFilter {
  const filter: PartnerListFilter = {};
  const q = params.get("q")?.trim();
  if (q) filter.q = q.slice(0, 100);
  const role = params.get("role");
  if ((partnerRoles as readonly string[]).includes(role ?? "")) filter.role = role as PartnerRole;
  const tier = params.get("tier");
  if ((partnerTiers as readonly string[]).includes(tier ?? "")) filter.tier = tier as PartnerListFilter["tier"];
  const country = params.get("country");
  if (isCountryCode(country)) filter.country = country;
  const status = params.get("status");
  if ((partnerStatuses as readonly string[]).includes(status ?? "")) filter.status = status as PartnerListFilter["status"];
  if (params.get("due") === "1") filter.due = "1";
  if (params.get("supervision") === "overdue") filter.supervision = "overdue";
  return filter;
}

export function partnerFilterSearch(filter: PartnerListFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** A date to compare "due" against: 30 days ahead. */
export function dueHorizon(today: string): string {
  if (!isCalendarDate(today)) throw new Error(`dueHorizon: ${today}`);
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 30);
  return date.toISOString().slice(0, 10);
}

/** The list query's filter: the page's choices with the dates "due" and "overdue" mean today. */
export function partnerQueryFilter(filter: PartnerListFilter, today: string) {
  const { due, supervision, ...rest } = filter;
  return { ...rest, dueBy: due ? dueHorizon(today) : undefined, supervisionBefore: supervision ? today : undefined };
}

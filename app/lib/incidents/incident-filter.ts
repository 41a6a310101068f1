import { isCalendarDate, isUuid } from "../value-checks";
import { customsContactKinds, incidentKinds, incidentStatuses, type IncidentKind, type IncidentStatus } from "./incident-rules";

// The filters of the incident list, the customs-contact log and their CSV exports, in the query
// string, so each filtered view has its own address and works without JavaScript. Unknown values are ignored.

export interface IncidentFilter {
  site?: string;
  kind?: IncidentKind;
  status?: IncidentStatus;
  from?: string;
  to?: string;
}

export function parseIncidentFilter(params: URLSearchParams): IncidentFilter {
  const filter: IncidentFilter = {};
  const site = params.get("site");
  if (isUuid(site)) filter.site = site;
  const kind = params.get("kind");
  if ((incidentKinds as readonly string[]).includes(kind ?? "")) filter.kind = kind as IncidentKind;
  const status = params.get("status");
  if ((incidentStatuses as readonly string[]).includes(status ?? "")) filter.status = status as IncidentStatus;
  const from = params.get("from")?.trim();
  if (from && isCalendarDate(from)) filter.from = from;
  const to = params.get("to")?.trim();
  if (to && isCalendarDate(to)) filter.to = to;
  return filter;
}

export interface CustomsContactFilter {
  kind?: (typeof customsContactKinds)[number];
  from?: string;
  to?: string;
}

export function parseCustomsContactFilter(params: URLSearchParams): CustomsContactFilter {
  const filter: CustomsContactFilter = {};
  const kind = params.get("kind");
  if ((customsContactKinds as readonly string[]).includes(kind ?? "")) filter.kind = kind as CustomsContactFilter["kind"];
  const from = params.get("from")?.trim();
  if (from && isCalendarDate(from)) filter.from = from;
  const to = params.get("to")?.trim();
  if (to && isCalendarDate(to)) filter.to = to;
  return filter;
}

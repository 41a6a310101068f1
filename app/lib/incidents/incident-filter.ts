import { filterFields, parseListFilter, type FilterOf } from "../list-filter";
import { customsContactKinds, incidentKinds, incidentStatuses } from "./incident-rules";

// The filters of the incident list, the customs-contact log and their CSV exports, in the query
// string, so each filtered view has its own address and works without JavaScript. Unknown values are ignored.

const incidentFilterShape = {
  site: filterFields.site,
  kind: filterFields.oneOf(incidentKinds),
  status: filterFields.oneOf(incidentStatuses),
  from: filterFields.date,
  to: filterFields.date,
};

export type IncidentFilter = FilterOf<typeof incidentFilterShape>;

export function parseIncidentFilter(params: URLSearchParams): IncidentFilter {
  return parseListFilter(incidentFilterShape, params);
}

const customsContactFilterShape = {
  kind: filterFields.oneOf(customsContactKinds),
  from: filterFields.date,
  to: filterFields.date,
};

export type CustomsContactFilter = FilterOf<typeof customsContactFilterShape>;

export function parseCustomsContactFilter(params: URLSearchParams): CustomsContactFilter {
  return parseListFilter(customsContactFilterShape, params);
}

export { filterSearch } from "../list-filter";

import { filterFields, filterSearch, parseListFilter, type FilterOf } from "../list-filter";

// The filters of the visitor log and of its CSV export, from and to the query string, so each
// filtered view has its own address and works without JavaScript. Unknown values are ignored.

const visitorFilterShape = {
  site: filterFields.site,
  from: filterFields.date,
  to: filterFields.date,
  /** Part of a visitor's name or company. */
  q: filterFields.text,
};

export type VisitorLogFilter = FilterOf<typeof visitorFilterShape>;

export function parseVisitorFilter(params: URLSearchParams): VisitorLogFilter {
  return parseListFilter(visitorFilterShape, params);
}

export const visitorFilterSearch: (filter: VisitorLogFilter) => string = filterSearch;

import { filterFields, filterSearch, parseListFilter, type FilterOf } from "../list-filter";
import { cargoDirections } from "./cargo-rules";

// The filters of the reconciliation register and of its CSV export, from and to the query string,
// so each filtered view has its own address and works without JavaScript. Unknown values are ignored.

const cargoFilterShape = {
  site: filterFields.site,
  direction: filterFields.oneOf(cargoDirections),
  from: filterFields.date,
  to: filterFields.date,
  /** "yes": only the reconciliations with a discrepancy. */
  discrepancy: filterFields.yes,
  /** Part of a document reference, container or seal number. */
  q: filterFields.text,
};

export type CargoFilter = FilterOf<typeof cargoFilterShape>;

export function parseCargoFilter(params: URLSearchParams): CargoFilter {
  return parseListFilter(cargoFilterShape, params);
}

export const cargoFilterSearch: (filter: CargoFilter) => string = filterSearch;

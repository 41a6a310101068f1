import { filterFields, parseListFilter, type FilterOf } from "../list-filter";
import { continuityDisruptions, continuityPlanStatuses } from "./continuity-rules";

// The filters of the continuity plan list and its CSV export, in the query string, so each filtered
// view has its own address and works without JavaScript. Unknown values are ignored.

const continuityFilterShape = {
  status: filterFields.oneOf(continuityPlanStatuses),
  disruption: filterFields.oneOf(continuityDisruptions),
  /** "1": only plans whose review or test is due within CONTINUITY_DUE_DAYS or overdue. */
  due: filterFields.oneOf(["1"]),
};

export type ContinuityFilter = FilterOf<typeof continuityFilterShape>;

export function parseContinuityFilter(params: URLSearchParams): ContinuityFilter {
  return parseListFilter(continuityFilterShape, params);
}

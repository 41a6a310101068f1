import { continuityDisruptions, continuityPlanStatuses, type ContinuityDisruption } from "./continuity-rules";

// The filters of the continuity plan list and its CSV export, in the query string, so each filtered
// view has its own address and works without JavaScript. Unknown values are ignored.

export interface ContinuityFilter {
  status?: (typeof continuityPlanStatuses)[number];
  disruption?: ContinuityDisruption;
  /** "1": only plans whose review or test is due within CONTINUITY_DUE_DAYS or overdue. */
  due?: "1";
}

export function parseContinuityFilter(params: URLSearchParams): ContinuityFilter {
  const filter: ContinuityFilter = {};
  const status = params.get("status");
  if ((continuityPlanStatuses as readonly string[]).includes(status ?? "")) filter.status = status as ContinuityFilter["status"];
  const disruption = params.get("disruption");
  if ((continuityDisruptions as readonly string[]).includes(disruption ?? "")) filter.disruption = disruption as ContinuityDisruption;
  if (params.get("due") === "1") filter.due = "1";
  return filter;
}

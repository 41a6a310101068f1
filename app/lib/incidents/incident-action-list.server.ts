import { actionsOfSources } from "../actions/source-actions.server";
import type { Executor } from "../db-types.server";

// The corrective actions raised from incidents, read by the incident's page, its CSV export and the
// dossier (which must not load the incident commands' modules).

/** The corrective actions raised from these incidents, by incident id. */
export function actionsOfIncidents(db: Executor, orgId: string, incidentIds: readonly string[]) {
  return actionsOfSources(db, orgId, "incident", incidentIds);
}

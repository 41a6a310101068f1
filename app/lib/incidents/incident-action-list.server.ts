import { and, asc, eq, inArray } from "drizzle-orm";
import { correctiveActions } from "../../../db/schema";
import type { Executor } from "../db-types.server";

// The corrective actions raised from incidents, read by the incident's page, its CSV export and the
// dossier (which must not load the incident commands' modules).

/** The corrective actions raised from these incidents, by incident id. */
export async function actionsOfIncidents(db: Executor, orgId: string, incidentIds: readonly string[]) {
  const byIncident = new Map<string, { id: string; number: number; title: string; status: string; dueOn: string }[]>();
  if (incidentIds.length === 0) return byIncident;
  const rows = await db
    .select({
      id: correctiveActions.id,
      sourceId: correctiveActions.sourceId,
      number: correctiveActions.number,
      title: correctiveActions.title,
      status: correctiveActions.status,
      dueOn: correctiveActions.dueOn,
    })
    .from(correctiveActions)
    .where(
      and(
        eq(correctiveActions.organizationId, orgId),
        eq(correctiveActions.sourceType, "incident"),
        inArray(correctiveActions.sourceId, [...incidentIds]),
      ),
    )
    .orderBy(asc(correctiveActions.number));
  for (const r of rows) {
    const list = byIncident.get(r.sourceId) ?? [];
    list.push({ id: r.id, number: r.number, title: r.title, status: r.status, dueOn: r.dueOn });
    byIncident.set(r.sourceId, list);
  }
  return byIncident;
}

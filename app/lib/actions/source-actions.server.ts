import { and, asc, eq, inArray } from "drizzle-orm";
import { correctiveActions } from "../../../db/schema";
import type { Executor } from "../db-types.server";

// The corrective actions a register's records raised (an incident's, a reconciliation's), read by
// the record's page, its CSV export and the dossier; a module of its own so that they load no
// action commands.

export type SourceType = (typeof correctiveActions.$inferSelect)["sourceType"];

export interface SourceAction {
  id: string;
  number: number;
  title: string;
  status: (typeof correctiveActions.$inferSelect)["status"];
  dueOn: string;
}

/** The actions raised from these records of `sourceType`, by record id, oldest number first. */
export async function actionsOfSources(db: Executor, orgId: string, sourceType: SourceType, sourceIds: readonly string[]) {
  const bySource = new Map<string, SourceAction[]>();
  if (sourceIds.length === 0) return bySource;
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
        eq(correctiveActions.sourceType, sourceType),
        inArray(correctiveActions.sourceId, [...sourceIds]),
      ),
    )
    .orderBy(asc(correctiveActions.number));
  for (const { sourceId, ...action } of rows) {
    const list = bySource.get(sourceId) ?? [];
    list.push(action);
    bySource.set(sourceId, list);
  }
  return bySource;
}

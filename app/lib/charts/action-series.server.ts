import { and, eq, inArray, sql } from "drizzle-orm";
import { correctiveActions } from "../../../db/schema";
import type { Database } from "../db-types.server";

// The actions list's chart: open corrective actions by how long ago they were raised (calendar days
// in the organisation's time zone), each bucket split into overdue and still in time. One grouped
// query over the open actions, through the (organization_id, status, due_on) index.

export const ageBuckets = ["0-7", "8-30", "31-90", "91+"] as const;
export type AgeBucket = (typeof ageBuckets)[number];

export interface ActionAgeSeries {
  buckets: { bucket: AgeBucket; overdue: number; onTime: number }[];
}

export async function actionAgeSeries(db: Database, orgId: string, timeZone: string, today: string): Promise<ActionAgeSeries> {
  const age = sql`(${today}::date - (${correctiveActions.createdAt} at time zone ${timeZone})::date)`;
  const bucket = sql<string>`case when ${age} <= 7 then '0-7' when ${age} <= 30 then '8-30' when ${age} <= 90 then '31-90' else '91+' end`;
  const rows = await db
    .select({
      bucket,
      overdue: sql<number>`count(*) filter (where ${correctiveActions.dueOn} < ${today}::date)`.mapWith(Number),
      onTime: sql<number>`count(*) filter (where ${correctiveActions.dueOn} >= ${today}::date)`.mapWith(Number),
    })
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, orgId), inArray(correctiveActions.status, ["open", "in_progress"])))
    .groupBy(sql`1`); // by position: the bucket expression binds today's date
  const found = new Map(rows.map((r) => [r.bucket, r]));
  return {
    buckets: ageBuckets.map((b) => ({ bucket: b, overdue: found.get(b)?.overdue ?? 0, onTime: found.get(b)?.onTime ?? 0 })),
  };
}

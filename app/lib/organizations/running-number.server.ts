import { and, eq, max } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { organizations } from "../../../db/schema";
import type { Executor } from "../db-types.server";

/**
 * The next per-organisation running number (SA-…, CA-…). Locks the organisation row first, as
 * recordAudit does, so two concurrent creations cannot take the same number.
 */
export async function nextRunningNumber(
  tx: Executor,
  orgId: string,
  table: PgTable & { organizationId: PgColumn; number: PgColumn },
): Promise<number> {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId)).for("update");
  const [row] = await tx
    .select({ last: max(table.number) })
    .from(table)
    .where(and(eq(table.organizationId, orgId)));
  return Number(row?.last ?? 0) + 1;
}

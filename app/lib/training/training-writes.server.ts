import { and, eq } from "drizzle-orm";
import { trainingSessions } from "../../../db/schema";
import type { Executor } from "../db-types.server";

// What the session and attendance commands share: locking the session they change.

export async function lockSession(tx: Executor, orgId: string, sessionId: string) {
  const [session] = await tx
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.organizationId, orgId), eq(trainingSessions.id, sessionId)))
    .for("update");
  return session ?? null;
}

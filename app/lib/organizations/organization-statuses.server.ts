import { and, asc, eq } from "drizzle-orm";
import { organizationStatuses, type OrganizationStatus } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Actor } from "../auth/actor";
import type { Database, Executor } from "../db-types.server";
import type { OrganizationStatusValues } from "./organization-schema";
import type { ProgrammeCode } from "./status-levels";

// The levels the organisation holds, one row per programme (docs/decisions/0056): read by the
// settings page, the dashboard's certification card and the attention model's certificate_expiring.

/** The organisation's held levels, China Customs first (the order of status-levels.ts). */
export async function listOrganizationStatuses(db: Executor, orgId: string): Promise<OrganizationStatus[]> {
  const order: Record<string, number> = { "cn-customs": 0, ctpat: 1, "eu-aeo": 2 };
  const rows = await db.select().from(organizationStatuses).where(eq(organizationStatuses.organizationId, orgId)).orderBy(asc(organizationStatuses.programme));
  return rows.sort((a, b) => (order[a.programme] ?? 9) - (order[b.programme] ?? 9));
}

/**
 * Writes (or, level "none", removes) the organisation's level under one programme, in the caller's
 * transaction, and audits the change. Used by the settings form and by the profile for China Customs.
 */
export async function writeOrganizationStatus(
  tx: Executor,
  actor: Actor,
  programme: ProgrammeCode,
  values: { level: string; certificateNumber?: string | null; certifiedOn?: string | null; validUntil?: string | null },
) {
  const where = and(eq(organizationStatuses.organizationId, actor.organizationId), eq(organizationStatuses.programme, programme));
  const [before] = await tx.select().from(organizationStatuses).where(where).for("update");
  if (values.level === "none") {
    if (!before) return;
    await tx.delete(organizationStatuses).where(where);
    await audit(tx, actor, "delete", before.id, before, null);
    return;
  }
  const set = {
    level: values.level,
    certificateNumber: values.certificateNumber ?? null,
    certifiedOn: values.certifiedOn ?? null,
    validUntil: values.validUntil ?? null,
    updatedAt: new Date(),
  };
  if (before && before.level === set.level && before.certificateNumber === set.certificateNumber && before.certifiedOn === set.certifiedOn && before.validUntil === set.validUntil)
    return;
  const [after] = await tx
    .insert(organizationStatuses)
    .values({ organizationId: actor.organizationId, programme, ...set })
    .onConflictDoUpdate({ target: [organizationStatuses.organizationId, organizationStatuses.programme], set })
    .returning();
  await audit(tx, actor, before ? "update" : "create", after!.id, before ?? null, after);
}

/** The settings form: one programme's level, checked by OrganizationStatusSchema. */
export async function saveOrganizationStatus(db: Database, actor: Actor, values: OrganizationStatusValues) {
  await db.transaction((tx) => writeOrganizationStatus(tx, actor, values.programme, values));
}

function audit(tx: Executor, actor: Actor, action: "create" | "update" | "delete", id: string, before: unknown, after: unknown) {
  return recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action,
    entityType: "organization_status",
    entityId: id,
    before,
    after,
  });
}

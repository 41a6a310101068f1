import { and, asc, eq, lt, sql } from "drizzle-orm";
import { employees, memberships, offboardingItems, offboardings, users } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { listItemsHeldBy } from "../badges/badges.server";
import type { Role } from "../auth/permissions";
import type { Database, Executor } from "../db-types.server";
import { refused } from "../form.server";
import { message } from "../i18n/messages";
import { updateMember } from "../organizations/members.server";
import type { Actor } from "../auth/actor";
import { getEmployee } from "./personnel-queries.server";
import { offboardingItemKinds, registerKindsFor, type OffboardingItemKind } from "./personnel-rules";
import { offboardingReference } from "./personnel-references";
import { linkEvidence } from "./personnel-writes.server";

// The exit checklist: one exit's items, ticking them off (deactivating the linked account), and
// the exits past their deadline.

export async function getOffboarding(db: Executor, orgId: string, employeeId: string) {
  const [exit] = await db
    .select()
    .from(offboardings)
    .where(and(eq(offboardings.organizationId, orgId), eq(offboardings.employeeId, employeeId)));
  if (!exit) return null;
  const items = await db
    .select({ item: offboardingItems, doneByName: users.name })
    .from(offboardingItems)
    .leftJoin(users, eq(users.id, offboardingItems.doneByUserId))
    .where(and(eq(offboardingItems.organizationId, orgId), eq(offboardingItems.offboardingId, exit.id)));
  const order = new Map(offboardingItemKinds.map((k, i) => [k, i]));
  items.sort((a, b) => (order.get(a.item.item) ?? 0) - (order.get(b.item.item) ?? 0));
  return { exit, items };
}

/** The membership of the employee's linked account in this organisation, if any. */
export async function linkedMembership(db: Executor, orgId: string, userId: string | null) {
  if (!userId) return null;
  const [row] = await db
    .select({ id: memberships.id, status: memberships.status, role: memberships.role, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId)));
  return row ?? null;
}

export async function completeOffboardingItem(
  db: Database,
  actor: Actor & { role: Role; canManageMembers: boolean },
  employeeId: string,
  values: { item: OffboardingItemKind; note?: string; deactivateMember: boolean },
) {
  const employee = await getEmployee(db, actor.organizationId, employeeId);
  if (!employee) return null;
  const kinds = registerKindsFor[values.item];
  if (kinds) {
    const held = (await listItemsHeldBy(db, { orgId: actor.organizationId, employeeId })).filter((i) =>
      (kinds as readonly string[]).includes(i.kind),
    );
    if (held.length) return refused({ item: message("personnel.offboarding.stillHeld", { items: held.map((i) => i.code).join(", ") }) });
  }
  if (values.item === "it_access_revoked" && values.deactivateMember) {
    const member = await linkedMembership(db, actor.organizationId, employee.userId);
    if (!member || !actor.canManageMembers) return refused({ deactivateMember: message("personnel.offboarding.cannotDeactivate") });
    if (member.status === "active") {
      // Its own transaction and audit event (members.server.ts); ticking the item follows it.
      const changed = await updateMember(db, actor, member.id, { status: "deactivated" });
      if (!changed.ok) return refused({ deactivateMember: message("personnel.offboarding.cannotDeactivate") });
    }
  }
  return db.transaction(async (tx) => {
    const found = await getOffboarding(tx, actor.organizationId, employeeId);
    if (!found) return refused({ item: message("personnel.offboarding.notOpen") });
    const current = found.items.find((i) => i.item.item === values.item);
    if (!current) return refused({ item: message("errors.choose") });
    if (current.item.doneAt) return { ok: true as const, done: found.exit.status === "done" };
    const [after] = await tx
      .update(offboardingItems)
      .set({ doneByUserId: actor.userId, doneAt: new Date(), note: values.note ?? "" })
      .where(and(eq(offboardingItems.organizationId, actor.organizationId), eq(offboardingItems.id, current.item.id)))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "offboarding",
      entityId: found.exit.id,
      before: { item: current.item },
      after: { reference: `${offboardingReference(found.exit.number)} ${employee.name}`, item: after },
    });
    const open = found.items.filter((i) => !i.item.doneAt && i.item.id !== current.item.id).length;
    if (open > 0) return { ok: true as const, done: false };
    const [closed] = await tx
      .update(offboardings)
      .set({ status: "done", doneAt: new Date() })
      .where(and(eq(offboardings.organizationId, actor.organizationId), eq(offboardings.id, found.exit.id)))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "offboarding",
      entityId: found.exit.id,
      before: found.exit,
      after: { reference: `${offboardingReference(found.exit.number)} ${employee.name}`, ...closed },
    });
    // A finished exit is the record a certifier asks for (CN-2022 (40)): it counts from the leave date.
    await linkEvidence(tx, actor, "offboarding", found.exit.id, found.exit.leaveDate);
    return { ok: true as const, done: true };
  });
}

/** Open exits past their deadline, oldest first, with the items still open: the dashboard's card. */
export async function overdueOffboardings(db: Database, orgId: string, today: string) {
  // One statement: each exit carries its open items (no list of exit ids sent back).
  const rows = await db
    .select({
      exit: offboardings,
      name: employees.name,
      employeeNumber: employees.number,
      openItems: sql<string[]>`array(select i.item from ${offboardingItems} i
        where i.organization_id = ${orgId} and i.offboarding_id = ${offboardings.id} and i.done_at is null)`,
    })
    .from(offboardings)
    .innerJoin(employees, eq(employees.id, offboardings.employeeId))
    .where(and(eq(offboardings.organizationId, orgId), eq(offboardings.status, "open"), lt(offboardings.deadline, today)))
    .orderBy(asc(offboardings.deadline), asc(offboardings.number));
  return rows.map((r) => ({
    employeeId: r.exit.employeeId,
    number: r.exit.number,
    employeeNumber: r.employeeNumber,
    name: r.name,
    leaveDate: r.exit.leaveDate,
    deadline: r.exit.deadline,
    openItems: offboardingItemKinds.filter((kind) => r.openItems.includes(kind)),
  }));
}

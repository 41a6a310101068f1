import { and, arrayOverlaps, asc, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { backgroundChecks, employees, memberships, offboardingItems, offboardings, sites, type Employee } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import { refused } from "../form.server";
import { message } from "../i18n/messages";
import type { Actor } from "../auth/actor";
import { nextRunningNumber } from "../organizations/running-number.server";
import { decryptIdNumber, encryptIdNumber, idNumberDigest } from "./personal-data-crypto.server";
import { getEmployee } from "./personnel-queries.server";
import { nextBackgroundCheckOn, offboardingDeadline, offboardingItemKinds } from "./personnel-rules";
import { employeeReference, offboardingReference } from "./personnel-references";
import type { EmployeeValues } from "./personnel-schema";
import { isSingleHolderRole } from "./personnel-values";
import { linkEvidence } from "./personnel-writes.server";

// The employee list and what hangs on it: checks, acknowledgements and the exit checklist.
// This module holds the employee's own record (entering, changing, the leave date, showing the ID
// number); personnel-checks the checks and acknowledgements, personnel-offboarding the exit
// checklist, personnel-queries the reads, and personnel-writes what they share.

/** What of an employee row may go into the audit trail: never the ciphertext or the digest. */
function auditable(row: Employee | undefined) {
  if (!row) return row;
  const { idNumberCiphertext: _c, idNumberDigest: _d, ...rest } = row;
  // "reference" is what the audit trail shows as the record's name (audit-label.ts).
  return { reference: `${employeeReference(row.number)} ${row.name}`, ...rest };
}

async function siteErrors(db: Executor, orgId: string, values: EmployeeValues) {
  if (!values.siteId) return null;
  const [site] = await db
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.organizationId, orgId), eq(sites.id, values.siteId)));
  return site ? null : { siteId: message("errors.choose") };
}

async function memberErrors(db: Executor, orgId: string, userId: string | undefined) {
  if (!userId) return null;
  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId)));
  return member ? null : { userId: message("errors.choose") };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown; message?: string };
  if (e?.cause) return isUniqueViolation(e.cause, constraint);
  return e?.code === "23505" && (e.constraint_name ?? e.constraint ?? e.message ?? "").includes(constraint);
}

/** Opens the exit checklist for a leave date, or moves its dates; one per employee. */
async function openOrMoveOffboarding(tx: Executor, actor: Actor, employee: Employee) {
  if (!employee.leaveDate) return;
  const [existing] = await tx
    .select()
    .from(offboardings)
    .where(and(eq(offboardings.organizationId, actor.organizationId), eq(offboardings.employeeId, employee.id)));
  const deadline = offboardingDeadline(employee.leaveDate);
  if (existing) {
    if (existing.leaveDate === employee.leaveDate) return;
    const [moved] = await tx
      .update(offboardings)
      .set({ leaveDate: employee.leaveDate, deadline })
      .where(and(eq(offboardings.organizationId, actor.organizationId), eq(offboardings.id, existing.id)))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "offboarding",
      entityId: existing.id,
      before: existing,
      after: { reference: `${offboardingReference(existing.number)} ${employee.name}`, ...moved },
    });
    return;
  }
  const number = await nextRunningNumber(tx, actor.organizationId, offboardings);
  const [opened] = await tx
    .insert(offboardings)
    .values({
      organizationId: actor.organizationId,
      number,
      employeeId: employee.id,
      leaveDate: employee.leaveDate,
      deadline,
      openedByUserId: actor.userId,
    })
    .returning();
  await tx
    .insert(offboardingItems)
    .values(offboardingItemKinds.map((item) => ({ organizationId: actor.organizationId, offboardingId: opened!.id, item })));
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "create",
    entityType: "offboarding",
    entityId: opened!.id,
    after: { reference: `${offboardingReference(number)} ${employee.name}`, ...opened },
  });
}

type EmployeeInput = EmployeeValues & { userId?: string };

/**
 * A role only one current employee holds (personnel-values) that someone else without a leave date
 * holds already: the refusal names them. Runs inside the writing transaction behind a per-organisation
 * advisory lock, so two people saving at once cannot both make someone the legal representative.
 */
async function heldRoleErrors(tx: Executor, orgId: string, values: EmployeeInput, exceptId?: string) {
  const single = values.keyRoles.filter(isSingleHolderRole);
  if (!single.length || values.leaveDate) return null;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`employee-key-roles:${orgId}`}))`);
  const [holder] = await tx
    .select({ number: employees.number, name: employees.name, keyRoles: employees.keyRoles })
    .from(employees)
    .where(
      and(
        eq(employees.organizationId, orgId),
        isNull(employees.leaveDate),
        arrayOverlaps(employees.keyRoles, single),
        exceptId ? ne(employees.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(employees.number))
    .limit(1);
  const role = holder ? single.find((r) => holder.keyRoles.includes(r)) : undefined;
  if (!holder || !role) return null;
  return { keyRoles: message(`personnel.keyRoleHeld.${role}`, { reference: employeeReference(holder.number), name: holder.name }) };
}

function rowValues(values: EmployeeInput) {
  return {
    name: values.name,
    siteId: values.siteId ?? null,
    dateOfBirth: values.dateOfBirth ?? null,
    position: values.position,
    department: values.department,
    securitySensitive: values.securitySensitive,
    keyRoles: values.keyRoles,
    hireDate: values.hireDate,
    leaveDate: values.leaveDate ?? null,
    userId: values.userId ?? null,
  };
}

function identityValues(values: EmployeeInput) {
  if (!values.idNumber || !values.idDocumentType) return {};
  return {
    idDocumentType: values.idDocumentType,
    idNumberCiphertext: encryptIdNumber(values.idNumber),
    idNumberMasked: values.idNumberMasked ?? null,
    idNumberDigest: idNumberDigest(values.idDocumentType, values.idNumber),
  };
}

async function duplicateOf(db: Executor, orgId: string, digest: string | undefined, exceptId?: string) {
  if (!digest) return null;
  const [row] = await db
    .select({ id: employees.id, number: employees.number, name: employees.name })
    .from(employees)
    .where(and(eq(employees.organizationId, orgId), eq(employees.idNumberDigest, digest)));
  return row && row.id !== exceptId ? row : null;
}

export async function createEmployee(db: Database, actor: Actor, values: EmployeeInput) {
  const errors = {
    ...(await siteErrors(db, actor.organizationId, values)),
    ...(await memberErrors(db, actor.organizationId, values.userId)),
  };
  if (Object.keys(errors).length) return refused(errors);
  const identity = identityValues(values);
  const duplicate = await duplicateOf(db, actor.organizationId, identity.idNumberDigest);
  if (duplicate) return refused({ idNumber: message("personnel.idNumberTaken", { name: duplicate.name }) });
  try {
    return await db.transaction(async (tx) => {
      const held = await heldRoleErrors(tx, actor.organizationId, values);
      if (held) return refused(held);
      const number = await nextRunningNumber(tx, actor.organizationId, employees);
      const [row] = await tx
        .insert(employees)
        .values({ organizationId: actor.organizationId, number, ...rowValues(values), ...identity, createdByUserId: actor.userId })
        .returning();
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "create",
        entityType: "employee",
        entityId: row!.id,
        after: auditable(row),
      });
      await linkEvidence(tx, actor, "employee", row!.id, row!.hireDate);
      await openOrMoveOffboarding(tx, actor, row!);
      return { ok: true as const, id: row!.id };
    });
  } catch (error) {
    // Two people entering the same number at once: the unique index decides, the same message says so.
    if (isUniqueViolation(error, "id_number_digest")) return refused({ idNumber: message("personnel.idNumberTaken", { name: "" }) });
    throw error;
  }
}

export async function updateEmployee(db: Database, actor: Actor, employeeId: string, values: EmployeeInput) {
  const before = await getEmployee(db, actor.organizationId, employeeId);
  if (!before) return null;
  const errors = {
    ...(await siteErrors(db, actor.organizationId, values)),
    ...(await memberErrors(db, actor.organizationId, values.userId)),
  };
  if (Object.keys(errors).length) return refused(errors);
  const identity = identityValues(values);
  const duplicate = await duplicateOf(db, actor.organizationId, identity.idNumberDigest, employeeId);
  if (duplicate) return refused({ idNumber: message("personnel.idNumberTaken", { name: duplicate.name }) });
  const [exit] = await db
    .select()
    .from(offboardings)
    .where(and(eq(offboardings.organizationId, actor.organizationId), eq(offboardings.employeeId, employeeId)));
  if (exit && !values.leaveDate) return refused({ leaveDate: message("personnel.leaveDateKept") });
  return db.transaction(async (tx) => {
    const held = await heldRoleErrors(tx, actor.organizationId, values, employeeId);
    if (held) return refused(held);
    // The re-check interval follows the post: a post that became sensitive is due sooner.
    let nextCheck = before.nextBackgroundCheckOn;
    if (before.securitySensitive !== values.securitySensitive) {
      const [latest] = await tx
        .select({ checkedOn: backgroundChecks.checkedOn })
        .from(backgroundChecks)
        .where(and(eq(backgroundChecks.organizationId, actor.organizationId), eq(backgroundChecks.employeeId, employeeId)))
        .orderBy(desc(backgroundChecks.checkedOn))
        .limit(1);
      nextCheck = latest ? nextBackgroundCheckOn(latest.checkedOn, values.securitySensitive) : null;
    }
    const [after] = await tx
      .update(employees)
      .set({ ...rowValues(values), ...identity, nextBackgroundCheckOn: nextCheck, updatedAt: new Date() })
      .where(and(eq(employees.organizationId, actor.organizationId), eq(employees.id, employeeId)))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "employee",
      entityId: employeeId,
      before: auditable(before),
      after: auditable(after),
    });
    await linkEvidence(tx, actor, "employee", employeeId, after!.hireDate);
    await openOrMoveOffboarding(tx, actor, after!);
    return { ok: true as const, id: employeeId };
  });
}

/** Sets the leave date alone (the "exit" action), opening the checklist. */
export async function setLeaveDate(db: Database, actor: Actor, employeeId: string, leaveDate: string) {
  return db.transaction(async (tx) => {
    const before = await getEmployee(tx, actor.organizationId, employeeId);
    if (!before) return null;
    if (leaveDate < before.hireDate) return refused({ leaveDate: message("personnel.leaveBeforeHire") });
    const [after] = await tx
      .update(employees)
      .set({ leaveDate, updatedAt: new Date() })
      .where(and(eq(employees.organizationId, actor.organizationId), eq(employees.id, employeeId)))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "employee",
      entityId: employeeId,
      before: auditable(before),
      after: auditable(after),
    });
    await openOrMoveOffboarding(tx, actor, after!);
    return { ok: true as const };
  });
}

/**
 * The full ID number, for someone allowed to see it who asked. Each showing is itself recorded in
 * the audit trail (a "personal_data_read" entry): who saw whose number, and when.
 */
export async function revealIdNumber(db: Database, actor: Actor, employeeId: string) {
  return db.transaction(async (tx) => {
    const employee = await getEmployee(tx, actor.organizationId, employeeId);
    if (!employee) return null;
    if (!employee.idNumberCiphertext) return { idNumber: null };
    const idNumber = decryptIdNumber(employee.idNumberCiphertext);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "personal_data_read",
      entityId: employeeId,
      after: {
        reference: `${employeeReference(employee.number)} ${employee.name}`,
        employee: employeeId,
        field: "idNumber",
        masked: employee.idNumberMasked,
      },
    });
    return { idNumber };
  });
}

import { and, asc, count, desc, eq, gte, ilike, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import {
  backgroundChecks,
  conductAcknowledgements,
  employees,
  evidenceFiles,
  memberships,
  offboardingItems,
  offboardings,
  prehireChecks,
  sites,
  users,
  type Employee,
} from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { listItemsHeldBy } from "../badges/badges.server";
import type { Role } from "../auth/permissions";
import type { Database, Executor } from "../db-types.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { evidenceRecordTypes, type EvidenceRecordTypeKey } from "../evidence/evidence-registry";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { refused } from "../form.server";
import { message } from "../i18n/messages";
import { resolveCriterionRefs } from "../inspections/templates.server";
import { updateMember } from "../organizations/members.server";
import type { Actor } from "../organizations/organizations.server";
import { nextRunningNumber } from "../organizations/running-number.server";
import { decryptIdNumber, encryptIdNumber, idNumberDigest } from "./personal-data-crypto.server";
import type { PersonnelFilter } from "./personnel-filter";
import {
  nextBackgroundCheckOn,
  offboardingDeadline,
  offboardingItemKinds,
  recheckHorizon,
  registerKindsFor,
  type OffboardingItemKind,
} from "./personnel-rules";
import { backgroundReference, employeeReference, offboardingReference, prehireReference } from "./personnel-references";
import type { EmployeeValues } from "./personnel-schema";

// The employee list and what hangs on it: checks, acknowledgements and the exit checklist.

export const EMPLOYEES_PAGE_SIZE = 50;

/** What of an employee row may go into the audit trail: never the ciphertext or the digest. */
function auditable(row: Employee | undefined) {
  if (!row) return row;
  const { idNumberCiphertext: _c, idNumberDigest: _d, ...rest } = row;
  // "reference" is what the audit trail shows as the record's name (audit-label.ts).
  return { reference: `${employeeReference(row.number)} ${row.name}`, ...rest };
}

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

async function linkEvidence(tx: Executor, actor: Actor, recordType: EvidenceRecordTypeKey, recordId: string, occurredOn: string) {
  const resolved = await resolveCriterionRefs(tx, evidenceRecordTypes[recordType].feeds);
  await setEvidenceLinks(tx, { ...actor, recordType, recordId, occurredAt: noon(occurredOn) }, [...new Set(resolved.values())]);
}

function filterConditions(orgId: string, filter: PersonnelFilter, today: string): SQL[] {
  const where: SQL[] = [eq(employees.organizationId, orgId)];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const number = /^(EMP-?)?0*(\d{1,9})$/i.exec(filter.q);
    where.push(
      or(
        ilike(employees.name, pattern),
        ilike(employees.position, pattern),
        ilike(employees.department, pattern),
        ...(number ? [eq(employees.number, Number(number[2]))] : []),
      )!,
    );
  }
  if (filter.site) where.push(eq(employees.siteId, filter.site));
  if (filter.department) where.push(eq(employees.department, filter.department));
  // "Left" means the leave date has passed; someone leaving next week is still employed.
  if (filter.status === "employed") where.push(or(isNull(employees.leaveDate), gte(employees.leaveDate, today))!);
  if (filter.status === "left") where.push(lt(employees.leaveDate, today));
  if (filter.sensitive === "1") where.push(eq(employees.securitySensitive, true));
  if (filter.check) {
    where.push(or(isNull(employees.leaveDate), gte(employees.leaveDate, today))!);
    if (filter.check === "missing") where.push(isNull(employees.nextBackgroundCheckOn));
    if (filter.check === "overdue") where.push(lt(employees.nextBackgroundCheckOn, today));
    if (filter.check === "due") where.push(lte(employees.nextBackgroundCheckOn, recheckHorizon(today)));
  }
  if (filter.exit === "open")
    where.push(
      sql`exists (select 1 from ${offboardings} o where o.organization_id = ${orgId} and o.employee_id = ${employees.id} and o.status = 'open')`,
    );
  if (filter.exit === "overdue")
    where.push(
      sql`exists (select 1 from ${offboardings} o where o.organization_id = ${orgId} and o.employee_id = ${employees.id} and o.status = 'open' and o.deadline < ${today})`,
    );
  if (filter.hiredFrom) where.push(gte(employees.hireDate, filter.hiredFrom));
  if (filter.hiredTo) where.push(lte(employees.hireDate, filter.hiredTo));
  return where;
}

export async function listEmployees(
  db: Database,
  orgId: string,
  filter: PersonnelFilter,
  today: string,
  page: { limit: number | null; offset: number },
) {
  const where = and(...filterConditions(orgId, filter, today));
  const query = db
    .select({
      employee: employees,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
      offboardingStatus: offboardings.status,
      offboardingDeadline: offboardings.deadline,
    })
    .from(employees)
    .leftJoin(sites, and(eq(sites.organizationId, orgId), eq(sites.id, employees.siteId)))
    .leftJoin(offboardings, and(eq(offboardings.organizationId, orgId), eq(offboardings.employeeId, employees.id)))
    .where(where)
    .orderBy(asc(employees.number))
    .offset(page.offset);
  const [rows, [total]] = await Promise.all([
    page.limit === null ? query : query.limit(page.limit),
    db.select({ value: count() }).from(employees).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

export async function listDepartments(db: Database, orgId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ department: employees.department })
    .from(employees)
    .where(and(eq(employees.organizationId, orgId), sql`${employees.department} <> ''`))
    .orderBy(asc(employees.department));
  return rows.map((r) => r.department);
}

export async function getEmployee(db: Executor, orgId: string, employeeId: string) {
  const [row] = await db
    .select()
    .from(employees)
    .where(and(eq(employees.organizationId, orgId), eq(employees.id, employeeId)));
  return row ?? null;
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

function rowValues(values: EmployeeInput) {
  return {
    name: values.name,
    siteId: values.siteId ?? null,
    dateOfBirth: values.dateOfBirth ?? null,
    position: values.position,
    department: values.department,
    securitySensitive: values.securitySensitive,
    keyRole: values.keyRole ?? null,
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

// Checks and acknowledgements -------------------------------------------------------------------

export async function addPrehireCheck(
  db: Database,
  actor: Actor,
  employeeId: string,
  values: {
    kind: "employment_history" | "reference" | "identity" | "education";
    source: string;
    checkedOn: string;
    result: "verified" | "discrepancy" | "unreachable";
    note?: string;
  },
  file: CheckedUpload | null,
  today: string,
) {
  if (values.checkedOn > today) return refused({ checkedOn: message("personnel.inFuture") });
  return db.transaction(async (tx) => {
    if (!(await getEmployee(tx, actor.organizationId, employeeId))) return null;
    const stored = file ? await storeFile(tx, actor, file) : null;
    const number = await nextRunningNumber(tx, actor.organizationId, prehireChecks);
    const [row] = await tx
      .insert(prehireChecks)
      .values({
        organizationId: actor.organizationId,
        number,
        employeeId,
        kind: values.kind,
        source: values.source,
        checkedOn: values.checkedOn,
        result: values.result,
        note: values.note ?? "",
        fileId: stored?.id ?? null,
        checkedByUserId: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "prehire_check",
      entityId: row!.id,
      after: { reference: prehireReference(row!.number), ...row },
    });
    await linkEvidence(tx, actor, "prehire_check", row!.id, row!.checkedOn);
    return { ok: true as const, id: row!.id };
  });
}

export async function addBackgroundCheck(
  db: Database,
  actor: Actor,
  employeeId: string,
  values: {
    type: "criminal_record" | "identity" | "credit" | "other";
    provider: string;
    checkedOn: string;
    result: "clear" | "concern" | "failed";
    note?: string;
  },
  file: CheckedUpload | null,
  today: string,
) {
  if (values.checkedOn > today) return refused({ checkedOn: message("personnel.inFuture") });
  return db.transaction(async (tx) => {
    const employee = await getEmployee(tx, actor.organizationId, employeeId);
    if (!employee) return null;
    const stored = file ? await storeFile(tx, actor, file) : null;
    const number = await nextRunningNumber(tx, actor.organizationId, backgroundChecks);
    const nextCheckOn = nextBackgroundCheckOn(values.checkedOn, employee.securitySensitive);
    const [row] = await tx
      .insert(backgroundChecks)
      .values({
        organizationId: actor.organizationId,
        number,
        employeeId,
        type: values.type,
        provider: values.provider,
        checkedOn: values.checkedOn,
        result: values.result,
        nextCheckOn,
        note: values.note ?? "",
        fileId: stored?.id ?? null,
        recordedByUserId: actor.userId,
      })
      .returning();
    // An older check entered late does not pull the due date back.
    if (!employee.nextBackgroundCheckOn || nextCheckOn > employee.nextBackgroundCheckOn) {
      await tx
        .update(employees)
        .set({ nextBackgroundCheckOn: nextCheckOn, updatedAt: new Date() })
        .where(and(eq(employees.organizationId, actor.organizationId), eq(employees.id, employeeId)));
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "background_check",
      entityId: row!.id,
      after: { reference: backgroundReference(row!.number), ...row },
    });
    await linkEvidence(tx, actor, "background_check", row!.id, row!.checkedOn);
    return { ok: true as const, id: row!.id };
  });
}

export async function addConductAcknowledgement(
  db: Database,
  actor: Actor,
  employeeId: string,
  values: { codeVersion: string; acknowledgedOn: string },
  file: CheckedUpload | null,
  today: string,
) {
  if (values.acknowledgedOn > today) return refused({ acknowledgedOn: message("personnel.inFuture") });
  return db.transaction(async (tx) => {
    const employee = await getEmployee(tx, actor.organizationId, employeeId);
    if (!employee) return null;
    const stored = file ? await storeFile(tx, actor, file) : null;
    const [row] = await tx
      .insert(conductAcknowledgements)
      .values({
        organizationId: actor.organizationId,
        employeeId,
        codeVersion: values.codeVersion,
        acknowledgedOn: values.acknowledgedOn,
        fileId: stored?.id ?? null,
        recordedByUserId: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "conduct_acknowledgement",
      entityId: row!.id,
      after: { reference: `${employeeReference(employee.number)} ${employee.name} · ${row!.codeVersion}`, ...row },
    });
    await linkEvidence(tx, actor, "conduct_acknowledgement", row!.id, row!.acknowledgedOn);
    return { ok: true as const, id: row!.id };
  });
}

export async function employeeRecords(db: Database, orgId: string, employeeId: string) {
  const fileCols = { fileName: evidenceFiles.originalName };
  const [prehire, background, conduct] = await Promise.all([
    db
      .select({ check: prehireChecks, byName: users.name, ...fileCols })
      .from(prehireChecks)
      .innerJoin(users, eq(users.id, prehireChecks.checkedByUserId))
      .leftJoin(evidenceFiles, eq(evidenceFiles.id, prehireChecks.fileId))
      .where(and(eq(prehireChecks.organizationId, orgId), eq(prehireChecks.employeeId, employeeId)))
      .orderBy(desc(prehireChecks.checkedOn), desc(prehireChecks.number)),
    db
      .select({ check: backgroundChecks, byName: users.name, ...fileCols })
      .from(backgroundChecks)
      .innerJoin(users, eq(users.id, backgroundChecks.recordedByUserId))
      .leftJoin(evidenceFiles, eq(evidenceFiles.id, backgroundChecks.fileId))
      .where(and(eq(backgroundChecks.organizationId, orgId), eq(backgroundChecks.employeeId, employeeId)))
      .orderBy(desc(backgroundChecks.checkedOn), desc(backgroundChecks.number)),
    db
      .select({ ack: conductAcknowledgements, byName: users.name, ...fileCols })
      .from(conductAcknowledgements)
      .innerJoin(users, eq(users.id, conductAcknowledgements.recordedByUserId))
      .leftJoin(evidenceFiles, eq(evidenceFiles.id, conductAcknowledgements.fileId))
      .where(and(eq(conductAcknowledgements.organizationId, orgId), eq(conductAcknowledgements.employeeId, employeeId)))
      .orderBy(desc(conductAcknowledgements.acknowledgedOn)),
  ]);
  return { prehire, background, conduct };
}

// The exit checklist ------------------------------------------------------------------------------

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

/**
 * Whether an evidence file is the scan of a personnel record (a pre-hire check, a 无犯罪记录证明, a
 * signed code of conduct): personal data, so /files serves it only to roles that read the employee list.
 */
export async function isPersonnelFile(db: Executor, orgId: string, fileId: string): Promise<boolean> {
  for (const table of [prehireChecks, backgroundChecks, conductAcknowledgements]) {
    const [row] = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.organizationId, orgId), eq(table.fileId, fileId)))
      .limit(1);
    if (row) return true;
  }
  return false;
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

export async function listMemberAccounts(db: Database, orgId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, orgId), isNotNull(memberships.userId)))
    .orderBy(asc(users.name));
}

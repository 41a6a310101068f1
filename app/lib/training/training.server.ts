import { and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, lte, min, or, sql, type SQL } from "drizzle-orm";
import {
  employees,
  evidenceFiles,
  sites,
  trainingAttendance,
  trainingMaterials,
  trainingSessions,
  users,
  type TrainingAttendance,
  type TrainingSession,
} from "../../../db/schema";
import { recordAudit, recordAuditBatch } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { refused } from "../form.server";
import { zonedDateTimeToUtc } from "../i18n/format";
import { message } from "../i18n/messages";
import { resolveCriterionRefs } from "../inspections/templates.server";
import type { Actor } from "../organizations/organizations.server";
import { nextRunningNumber } from "../organizations/running-number.server";
import type { AttendeeFilter, TrainingListFilter } from "./training-filter";
import {
  employedInYear,
  employedOn,
  keyRoles,
  requirementFrameworks,
  requirementStatus,
  sessionCriteria,
  sessionRecordType,
  sessionReference,
  trainingRequirements,
  yearOf,
  type KeyRole,
  type RequirementFramework,
  type TrainingCategory,
} from "./training-rules";
import type { DrillValues, SessionValues } from "./training-schema";

export const TRAINING_PAGE_SIZE = 25;

/** The stored fields of either form; a plain session has no drill fields. */
type SessionInput = (SessionValues & { kind: "session" }) | (DrillValues & { kind: "drill" });

function columnsOf(input: SessionInput) {
  const drill = input.kind === "drill";
  return {
    category: (drill ? "crisis_drill" : input.category) as TrainingCategory,
    topic: input.topic,
    heldOn: input.heldOn,
    startTime: input.startTime ?? null,
    durationMinutes: input.durationMinutes ?? null,
    siteId: input.siteId ?? null,
    trainer: input.trainer,
    provider: input.provider ?? null,
    testGiven: input.testGiven,
    notes: input.notes ?? null,
    scenario: drill ? input.scenario : null,
    observations: drill ? (input.observations ?? null) : null,
    lessonsLearned: drill ? (input.lessonsLearned ?? null) : null,
    followUp: drill ? (input.followUp ?? null) : null,
  };
}

/** The instant a session happened, for the evidence's 12-month window: its start, or noon of its day. */
export function sessionInstant(session: Pick<TrainingSession, "heldOn" | "startTime">, timeZone: string): Date {
  return zonedDateTimeToUtc(`${session.heldOn}T${session.startTime ?? "12:00"}`, timeZone);
}

/** What the audit trail keeps of a session: the row, with the reference it is known by. */
function sessionSnapshot(session: TrainingSession) {
  return { reference: sessionReference(session.number), ...session };
}

/** An attendance as the trail shows it: "TR-0001 张伟". */
function attendanceSnapshot(session: TrainingSession, row: TrainingAttendance, name: string) {
  return {
    reference: name ? `${sessionReference(session.number)} ${name}` : sessionReference(session.number),
    employeeName: name || undefined,
    ...row,
  };
}

async function siteBelongs(tx: Executor, orgId: string, siteId: string | null) {
  if (!siteId) return true;
  const [row] = await tx
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.organizationId, orgId), eq(sites.id, siteId)));
  return Boolean(row);
}

/** Makes the session's evidence links those of its category (and of its test), dated when it was held. */
async function writeSessionEvidence(tx: Executor, actor: Actor, session: TrainingSession, timeZone: string) {
  const resolved = await resolveCriterionRefs(tx, sessionCriteria(session.category, session.testGiven));
  await setEvidenceLinks(
    tx,
    { ...actor, recordType: sessionRecordType(session.category), recordId: session.id, occurredAt: sessionInstant(session, timeZone) },
    [...new Set(resolved.values())],
  );
}

async function attachMaterials(tx: Executor, actor: Actor, session: TrainingSession, files: readonly CheckedUpload[]) {
  const entity = session.category === "crisis_drill" ? "drill" : "training_session";
  for (const file of files) {
    const stored = await storeFile(tx, actor, file);
    const [row] = await tx
      .insert(trainingMaterials)
      .values({ organizationId: actor.organizationId, sessionId: session.id, fileId: stored.id, addedByUserId: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "update",
        entityType: entity,
        entityId: session.id,
        after: {
          reference: sessionReference(session.number),
          material: { fileId: stored.id, name: stored.originalName, sha256: stored.sha256 },
        },
      });
    }
  }
}

/** Records a session (or a drill) with its materials; links it to the criteria of its category. */
export async function createSession(db: Database, actor: Actor, input: SessionInput, files: readonly CheckedUpload[], timeZone: string) {
  const columns = columnsOf(input);
  return db.transaction(async (tx) => {
    if (!(await siteBelongs(tx, actor.organizationId, columns.siteId))) return refused({ siteId: message("errors.choose") });
    const number = await nextRunningNumber(tx, actor.organizationId, trainingSessions);
    const [session] = await tx
      .insert(trainingSessions)
      .values({ organizationId: actor.organizationId, number, ...columns, recordedByUserId: actor.userId })
      .returning();
    if (!session) throw new Error("createSession: insert returned nothing");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: input.kind === "drill" ? "drill" : "training_session",
      entityId: session.id,
      after: sessionSnapshot(session),
    });
    await attachMaterials(tx, actor, session, files);
    await writeSessionEvidence(tx, actor, session, timeZone);
    return { ok: true as const, id: session.id };
  });
}

async function lockSession(tx: Executor, orgId: string, sessionId: string) {
  const [session] = await tx
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.organizationId, orgId), eq(trainingSessions.id, sessionId)))
    .for("update");
  return session ?? null;
}

/**
 * Corrects a session's details. A drill stays a drill and a session a session (their forms differ);
 * a new category, date or test moves the evidence links with it. Attendees employed on the old day
 * but not on the new one would no longer fit, so such a date change is refused.
 */
export async function updateSession(db: Database, actor: Actor, sessionId: string, input: SessionInput, timeZone: string) {
  const columns = columnsOf(input);
  return db.transaction(async (tx) => {
    const before = await lockSession(tx, actor.organizationId, sessionId);
    if (!before) return null;
    if ((before.category === "crisis_drill") !== (input.kind === "drill")) return refused({ form: message("errors.invalid") });
    if (!(await siteBelongs(tx, actor.organizationId, columns.siteId))) return refused({ siteId: message("errors.choose") });
    if (columns.heldOn !== before.heldOn) {
      const attendees = await tx
        .select({ name: employees.name, hireDate: employees.hireDate, leaveDate: employees.leaveDate })
        .from(trainingAttendance)
        .innerJoin(employees, eq(employees.id, trainingAttendance.employeeId))
        .where(and(eq(trainingAttendance.organizationId, actor.organizationId), eq(trainingAttendance.sessionId, sessionId)));
      const misfit = attendees.find((a) => !employedOn(a, columns.heldOn));
      if (misfit) return refused({ heldOn: message("training.errors.attendeeNotEmployed", { name: misfit.name }) });
    }
    const [after] = await tx
      .update(trainingSessions)
      .set({ ...columns, updatedAt: new Date() })
      .where(and(eq(trainingSessions.organizationId, actor.organizationId), eq(trainingSessions.id, sessionId)))
      .returning();
    if (!after) throw new Error("updateSession: update returned nothing");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: after.category === "crisis_drill" ? "drill" : "training_session",
      entityId: sessionId,
      before: sessionSnapshot(before),
      after: sessionSnapshot(after),
    });
    await writeSessionEvidence(tx, actor, after, timeZone);
    return { ok: true as const };
  });
}

/**
 * Deletes a session recorded by mistake, with its attendance, its materials' links and its evidence
 * links (the files stay in the store). The trail keeps the whole record, attendees included.
 */
export async function deleteSession(db: Database, actor: Actor, sessionId: string) {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, actor.organizationId, sessionId);
    if (!session) return null;
    const attendees = await tx
      .select({ employeeId: trainingAttendance.employeeId, name: employees.name, testPassed: trainingAttendance.testPassed })
      .from(trainingAttendance)
      .innerJoin(employees, eq(employees.id, trainingAttendance.employeeId))
      .where(and(eq(trainingAttendance.organizationId, actor.organizationId), eq(trainingAttendance.sessionId, sessionId)));
    const materials = await tx
      .select({ fileId: trainingMaterials.fileId })
      .from(trainingMaterials)
      .where(and(eq(trainingMaterials.organizationId, actor.organizationId), eq(trainingMaterials.sessionId, sessionId)));
    await setEvidenceLinks(
      tx,
      { ...actor, recordType: sessionRecordType(session.category), recordId: session.id, occurredAt: new Date() },
      [],
    );
    await tx
      .delete(trainingSessions)
      .where(and(eq(trainingSessions.organizationId, actor.organizationId), eq(trainingSessions.id, sessionId)));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "delete",
      entityType: session.category === "crisis_drill" ? "drill" : "training_session",
      entityId: sessionId,
      before: { ...sessionSnapshot(session), attendees, materials: materials.map((m) => m.fileId) },
    });
    return { ok: true as const, drill: session.category === "crisis_drill" };
  });
}

export async function addMaterials(db: Database, actor: Actor, sessionId: string, files: readonly CheckedUpload[]) {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, actor.organizationId, sessionId);
    if (!session) return null;
    await attachMaterials(tx, actor, session, files);
    return { ok: true as const };
  });
}

/**
 * Adds attendees. Each must be an employee of the organisation who was employed on the session's day;
 * one already on the list is left as it is (a repeated post adds nobody twice).
 */
export async function addAttendance(db: Database, actor: Actor, sessionId: string, employeeIds: readonly string[]) {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, actor.organizationId, sessionId);
    if (!session) return null;
    const wanted = [...new Set(employeeIds)];
    const people = await tx
      .select({ id: employees.id, name: employees.name, hireDate: employees.hireDate, leaveDate: employees.leaveDate })
      .from(employees)
      .where(and(eq(employees.organizationId, actor.organizationId), inArray(employees.id, wanted)));
    if (people.length !== wanted.length) return refused({ employeeIds: message("errors.choose") });
    const misfit = people.find((p) => !employedOn(p, session.heldOn));
    if (misfit) return refused({ employeeIds: message("training.errors.notEmployed", { name: misfit.name }) });
    const nameOf = new Map(people.map((p) => [p.id, p.name]));
    const rows = await tx
      .insert(trainingAttendance)
      .values(wanted.map((employeeId) => ({ organizationId: actor.organizationId, sessionId, employeeId, recordedByUserId: actor.userId })))
      .onConflictDoNothing()
      .returning();
    await recordAuditBatch(
      tx,
      actor.organizationId,
      rows.map((row) => ({
        actorUserId: actor.userId,
        action: "create" as const,
        entityType: "training_attendance",
        entityId: row.id,
        after: attendanceSnapshot(session, row, nameOf.get(row.employeeId) ?? ""),
      })),
    );
    return { ok: true as const, added: rows.length };
  });
}

export async function removeAttendance(db: Database, actor: Actor, sessionId: string, attendanceId: string) {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, actor.organizationId, sessionId);
    if (!session) return null;
    const [row] = await tx
      .delete(trainingAttendance)
      .where(
        and(
          eq(trainingAttendance.organizationId, actor.organizationId),
          eq(trainingAttendance.sessionId, sessionId),
          eq(trainingAttendance.id, attendanceId),
        ),
      )
      .returning();
    if (!row) return null;
    const [employee] = await tx
      .select({ name: employees.name })
      .from(employees)
      .where(and(eq(employees.organizationId, actor.organizationId), eq(employees.id, row.employeeId)));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "delete",
      entityType: "training_attendance",
      entityId: row.id,
      before: attendanceSnapshot(session, row, employee?.name ?? ""),
    });
    return { ok: true as const };
  });
}

/** Records whether an attendee passed the session's test (CTPAT 12.4). */
export async function setTestResult(db: Database, actor: Actor, sessionId: string, attendanceId: string, passed: boolean | null) {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, actor.organizationId, sessionId);
    if (!session) return null;
    if (!session.testGiven) return refused({ form: message("training.errors.noTest") });
    const where = and(
      eq(trainingAttendance.organizationId, actor.organizationId),
      eq(trainingAttendance.sessionId, sessionId),
      eq(trainingAttendance.id, attendanceId),
    );
    const [before] = await tx.select().from(trainingAttendance).where(where);
    if (!before) return null;
    if (before.testPassed === passed) return { ok: true as const };
    const [after] = await tx.update(trainingAttendance).set({ testPassed: passed }).where(where).returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "training_attendance",
      entityId: attendanceId,
      before: attendanceSnapshot(session, before, ""),
      after: after ? attendanceSnapshot(session, after, "") : null,
    });
    return { ok: true as const };
  });
}

function listConditions(orgId: string, filter: TrainingListFilter & { drillsOnly?: boolean }): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(trainingSessions.organizationId, orgId)];
  if (filter.site) conditions.push(eq(trainingSessions.siteId, filter.site));
  if (filter.drillsOnly) conditions.push(eq(trainingSessions.category, "crisis_drill"));
  else if (filter.category) conditions.push(eq(trainingSessions.category, filter.category));
  if (filter.from) conditions.push(gte(trainingSessions.heldOn, filter.from));
  if (filter.to) conditions.push(lte(trainingSessions.heldOn, filter.to));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(trainingSessions.topic, pattern),
        ilike(trainingSessions.trainer, pattern),
        ilike(trainingSessions.provider, pattern),
        ilike(trainingSessions.scenario, pattern),
      ),
    );
  }
  return and(...conditions);
}

/** Sessions of the filtered list, newest first, with their site and how many attended. */
export async function listSessions(
  db: Executor,
  orgId: string,
  filter: TrainingListFilter & { drillsOnly?: boolean },
  page: { limit: number | null; offset: number } = { limit: TRAINING_PAGE_SIZE, offset: 0 },
) {
  const where = listConditions(orgId, filter);
  const attendees = db
    .select({ sessionId: trainingAttendance.sessionId, n: count().as("n") })
    .from(trainingAttendance)
    .where(eq(trainingAttendance.organizationId, orgId))
    .groupBy(trainingAttendance.sessionId)
    .as("attendees");
  const query = db
    .select({
      session: trainingSessions,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
      recordedByName: users.name,
      attendeeCount: sql<number>`coalesce(${attendees.n}, 0)`.mapWith(Number),
    })
    .from(trainingSessions)
    .leftJoin(sites, eq(sites.id, trainingSessions.siteId))
    .innerJoin(users, eq(users.id, trainingSessions.recordedByUserId))
    .leftJoin(attendees, eq(attendees.sessionId, trainingSessions.id))
    .where(where)
    .orderBy(desc(trainingSessions.heldOn), desc(trainingSessions.startTime), desc(trainingSessions.number));
  const rows = page.limit === null ? await query : await query.limit(page.limit).offset(page.offset);
  const [total] = await db.select({ n: count() }).from(trainingSessions).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Every attendance of the filtered sessions (the attendance export): one row per person and session. */
export async function listAttendanceRows(db: Executor, orgId: string, filter: TrainingListFilter) {
  return db
    .select({
      session: trainingSessions,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
      employeeNumber: employees.number,
      employeeName: employees.name,
      position: employees.position,
      department: employees.department,
      keyRole: employees.keyRole,
      testPassed: trainingAttendance.testPassed,
    })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .innerJoin(employees, eq(employees.id, trainingAttendance.employeeId))
    .leftJoin(sites, eq(sites.id, trainingSessions.siteId))
    .where(and(eq(trainingAttendance.organizationId, orgId), listConditions(orgId, filter)))
    .orderBy(desc(trainingSessions.heldOn), desc(trainingSessions.number), asc(employees.name));
}

export async function getSession(db: Executor, orgId: string, sessionId: string) {
  const [row] = await db
    .select({ session: trainingSessions, siteNameZh: sites.nameZh, siteNameEn: sites.nameEn, recordedByName: users.name })
    .from(trainingSessions)
    .leftJoin(sites, eq(sites.id, trainingSessions.siteId))
    .innerJoin(users, eq(users.id, trainingSessions.recordedByUserId))
    .where(and(eq(trainingSessions.organizationId, orgId), eq(trainingSessions.id, sessionId)));
  if (!row) return null;
  const [materials, attendance] = await Promise.all([
    db
      .select({ id: evidenceFiles.id, name: evidenceFiles.originalName, sha256: evidenceFiles.sha256, sizeBytes: evidenceFiles.sizeBytes })
      .from(trainingMaterials)
      .innerJoin(evidenceFiles, eq(evidenceFiles.id, trainingMaterials.fileId))
      .where(and(eq(trainingMaterials.organizationId, orgId), eq(trainingMaterials.sessionId, sessionId)))
      .orderBy(asc(trainingMaterials.createdAt), asc(evidenceFiles.originalName)),
    db
      .select({
        id: trainingAttendance.id,
        testPassed: trainingAttendance.testPassed,
        employeeId: employees.id,
        employeeNumber: employees.number,
        name: employees.name,
        position: employees.position,
        department: employees.department,
        keyRole: employees.keyRole,
      })
      .from(trainingAttendance)
      .innerJoin(employees, eq(employees.id, trainingAttendance.employeeId))
      .where(and(eq(trainingAttendance.organizationId, orgId), eq(trainingAttendance.sessionId, sessionId)))
      .orderBy(asc(employees.name), asc(employees.number)),
  ]);
  return { ...row, materials, attendance };
}

/**
 * The employees who could be added to a session: employed on its day, not on the list yet, narrowed
 * by the picker's site, department and name. At most `limit`, key managers first.
 */
export async function attendeeCandidates(
  db: Executor,
  orgId: string,
  sessionId: string,
  heldOn: string,
  filter: AttendeeFilter,
  limit = 300,
) {
  const conditions: (SQL | undefined)[] = [
    eq(employees.organizationId, orgId),
    lte(employees.hireDate, heldOn),
    or(isNull(employees.leaveDate), gte(employees.leaveDate, heldOn)),
    sql`not exists (select 1 from ${trainingAttendance} where ${trainingAttendance.organizationId} = ${orgId} and ${trainingAttendance.sessionId} = ${sessionId} and ${trainingAttendance.employeeId} = ${employees.id})`,
  ];
  if (filter.site) conditions.push(eq(employees.siteId, filter.site));
  if (filter.department) conditions.push(eq(employees.department, filter.department));
  if (filter.name) conditions.push(ilike(employees.name, `%${filter.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const rows = await db
    .select({
      id: employees.id,
      number: employees.number,
      name: employees.name,
      position: employees.position,
      department: employees.department,
      keyRole: employees.keyRole,
    })
    .from(employees)
    .where(and(...conditions))
    .orderBy(sql`${employees.keyRole} is null`, asc(employees.department), asc(employees.name))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

/** The departments of the current employees, for the picker's filter. */
export async function employeeDepartments(db: Executor, orgId: string) {
  const rows = await db
    .selectDistinct({ department: employees.department })
    .from(employees)
    .where(and(eq(employees.organizationId, orgId), isNull(employees.leaveDate), sql`${employees.department} <> ''`))
    .orderBy(asc(employees.department));
  return rows.map((r) => r.department);
}

interface AttendedRow {
  sessionId: string;
  number: number;
  topic: string;
  category: TrainingCategory;
  heldOn: string;
}

async function attendedByEmployee(db: Executor, orgId: string, employeeIds: readonly string[], range?: { from: string; to: string }) {
  const byEmployee = new Map<string, AttendedRow[]>();
  if (!employeeIds.length) return byEmployee;
  const rows = await db
    .select({
      employeeId: trainingAttendance.employeeId,
      sessionId: trainingSessions.id,
      number: trainingSessions.number,
      topic: trainingSessions.topic,
      category: trainingSessions.category,
      heldOn: trainingSessions.heldOn,
    })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .where(
      and(
        eq(trainingAttendance.organizationId, orgId),
        inArray(trainingAttendance.employeeId, [...employeeIds]),
        range ? gte(trainingSessions.heldOn, range.from) : undefined,
        range ? lte(trainingSessions.heldOn, range.to) : undefined,
      ),
    )
    .orderBy(asc(trainingSessions.heldOn), asc(trainingSessions.number));
  for (const { employeeId, ...row } of rows) {
    const list = byEmployee.get(employeeId) ?? [];
    list.push(row);
    byEmployee.set(employeeId, list);
  }
  return byEmployee;
}

/**
 * One framework's yearly requirement for every key manager it names who was employed that year, with
 * the sessions that count. `today` is the organisation's day.
 */
export async function requirementReport(db: Executor, orgId: string, framework: RequirementFramework, year: number, today: string) {
  const rule = trainingRequirements[framework];
  const people = await db
    .select({
      id: employees.id,
      number: employees.number,
      name: employees.name,
      position: employees.position,
      keyRole: employees.keyRole,
      hireDate: employees.hireDate,
      leaveDate: employees.leaveDate,
    })
    .from(employees)
    .where(and(eq(employees.organizationId, orgId), isNotNull(employees.keyRole), inArray(employees.keyRole, [...rule.roles])))
    .orderBy(asc(employees.name));
  const inYear = people.filter((p) => employedInYear(p, year));
  const attended = await attendedByEmployee(
    db,
    orgId,
    inYear.map((p) => p.id),
    { from: `${year}-01-01`, to: `${year}-12-31` },
  );
  const roleOrder = (role: KeyRole | null) => (role ? keyRoles.indexOf(role) : keyRoles.length);
  return {
    rule,
    people: inYear
      .map((person) => ({ person, status: requirementStatus(framework, year, today, person, attended.get(person.id) ?? []) }))
      .sort((a, b) => roleOrder(a.person.keyRole) - roleOrder(b.person.keyRole) || a.person.name.localeCompare(b.person.name)),
  };
}

/** For the dashboard: per framework, this year's key managers who have not met the requirement yet. */
export async function requirementAttention(db: Executor, orgId: string, today: string) {
  const year = yearOf(today);
  const out = [];
  for (const framework of requirementFrameworks) {
    const report = await requirementReport(db, orgId, framework, year, today);
    out.push({
      framework,
      year,
      perYear: report.rule.perYear,
      total: report.people.length,
      short: report.people
        .filter((p) => p.status.state !== "met")
        .map((p) => ({ id: p.person.id, name: p.person.name, keyRole: p.person.keyRole, attended: p.status.counted.length })),
    });
  }
  return out;
}

/** A person's training history, newest first, with the yearly requirement per framework for each year they were employed. */
export async function personTraining(db: Executor, orgId: string, employeeId: string, today: string) {
  const [person] = await db
    .select({
      id: employees.id,
      number: employees.number,
      name: employees.name,
      position: employees.position,
      department: employees.department,
      keyRole: employees.keyRole,
      hireDate: employees.hireDate,
      leaveDate: employees.leaveDate,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
    })
    .from(employees)
    .leftJoin(sites, eq(sites.id, employees.siteId))
    .where(and(eq(employees.organizationId, orgId), eq(employees.id, employeeId)));
  if (!person) return null;
  const sessions = await db
    .select({
      attendanceId: trainingAttendance.id,
      testPassed: trainingAttendance.testPassed,
      sessionId: trainingSessions.id,
      number: trainingSessions.number,
      topic: trainingSessions.topic,
      category: trainingSessions.category,
      heldOn: trainingSessions.heldOn,
      trainer: trainingSessions.trainer,
      testGiven: trainingSessions.testGiven,
    })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .where(and(eq(trainingAttendance.organizationId, orgId), eq(trainingAttendance.employeeId, employeeId)))
    .orderBy(desc(trainingSessions.heldOn), desc(trainingSessions.number));
  // Years before the organisation recorded any training in Tradeguard would all read "not met"
  // for want of records, not of training: the history starts with the first recorded session.
  const [firstRecorded] = await db
    .select({ heldOn: min(trainingSessions.heldOn) })
    .from(trainingSessions)
    .where(eq(trainingSessions.organizationId, orgId));
  const first = Math.max(yearOf(person.hireDate), yearOf(firstRecorded?.heldOn ?? today));
  const years: number[] = [];
  const last = Math.min(yearOf(today), yearOf(person.leaveDate ?? today));
  for (let y = last; y >= first && years.length < 10; y -= 1) years.push(y);
  const requirements = years.map((year) => ({
    year,
    frameworks: requirementFrameworks
      .map((framework) => ({ framework, status: requirementStatus(framework, year, today, person, sessions) }))
      .filter((r) => r.status.applies),
  }));
  return { person, sessions, requirements };
}

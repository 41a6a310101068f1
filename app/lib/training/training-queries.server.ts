import { and, asc, count, desc, eq, gte, ilike, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { employees, evidenceFiles, sites, trainingAttendance, trainingMaterials, trainingSessions, users } from "../../../db/schema";
import type { Executor } from "../db-types.server";
import type { AttendeeFilter, TrainingListFilter } from "./training-filter";

// Reading training: the session list (and the exports), one session, and the attendee picker.

export const TRAINING_PAGE_SIZE = 25;

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
      keyRoles: employees.keyRoles,
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
        keyRoles: employees.keyRoles,
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
      keyRoles: employees.keyRoles,
    })
    .from(employees)
    .where(and(...conditions))
    .orderBy(sql`cardinality(${employees.keyRoles}) = 0`, asc(employees.department), asc(employees.name))
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

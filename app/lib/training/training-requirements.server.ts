import { and, arrayOverlaps, asc, desc, eq, gte, inArray, lte, min } from "drizzle-orm";
import { employees, sites, trainingAttendance, trainingSessions } from "../../../db/schema";
import type { Executor } from "../db-types.server";
import {
  employedInYear,
  keyRoles,
  requirementFrameworks,
  requirementStatus,
  trainingRequirements,
  yearOf,
  type KeyRole,
  type RequirementFramework,
  type TrainingCategory,
} from "./training-rules";

// The yearly training requirement: per framework for the key managers, the dashboard's card, and
// one person's history.

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
      keyRoles: employees.keyRoles,
      hireDate: employees.hireDate,
      leaveDate: employees.leaveDate,
    })
    .from(employees)
    // Each person once, whatever number of the rule's roles they hold.
    .where(and(eq(employees.organizationId, orgId), arrayOverlaps(employees.keyRoles, [...rule.roles])))
    .orderBy(asc(employees.name));
  const inYear = people.filter((p) => employedInYear(p, year));
  const attended = await attendedByEmployee(
    db,
    orgId,
    inYear.map((p) => p.id),
    { from: `${year}-01-01`, to: `${year}-12-31` },
  );
  // By the first of the rule's roles the person holds (the legal representative first), then by name.
  const roleOrder = (roles: readonly KeyRole[]) => Math.min(keyRoles.length, ...roles.filter((r) => rule.roles.includes(r)).map((r) => keyRoles.indexOf(r)));
  return {
    rule,
    people: inYear
      .map((person) => ({ person, status: requirementStatus(framework, year, today, person, attended.get(person.id) ?? []) }))
      .sort((a, b) => roleOrder(a.person.keyRoles) - roleOrder(b.person.keyRoles) || a.person.name.localeCompare(b.person.name)),
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
        .map((p) => ({ id: p.person.id, name: p.person.name, keyRoles: p.person.keyRoles, attended: p.status.counted.length })),
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
      keyRoles: employees.keyRoles,
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

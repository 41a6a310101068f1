import { and, asc, count, eq, gte, ilike, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { employees, memberships, offboardings, sites, users } from "../../../db/schema";
import type { Database, Executor } from "../db-types.server";
import type { PersonnelFilter } from "./personnel-filter";
import { recheckHorizon } from "./personnel-rules";
import { parseReference } from "../references";

// Reading the employee list: the filtered list (and the export), departments, one employee, and
// the accounts an employee can be linked to.

export const EMPLOYEES_PAGE_SIZE = 50;

function filterConditions(orgId: string, filter: PersonnelFilter, today: string): SQL[] {
  const where: SQL[] = [eq(employees.organizationId, orgId)];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const number = parseReference("employee", filter.q);
    where.push(
      or(
        ilike(employees.name, pattern),
        ilike(employees.position, pattern),
        ilike(employees.department, pattern),
        ...(number !== null ? [eq(employees.number, number)] : []),
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

export async function listMemberAccounts(db: Database, orgId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, orgId), isNotNull(memberships.userId)))
    .orderBy(asc(users.name));
}

/**
 * People employed today whose background check is missing or due within the re-check horizon,
 * overdue first and the missing last, up to `limit`.
 */
export async function backgroundChecksDue(db: Database, orgId: string, today: string, limit: number) {
  return db
    .select({
      id: employees.id,
      number: employees.number,
      name: employees.name,
      siteId: employees.siteId,
      securitySensitive: employees.securitySensitive,
      nextBackgroundCheckOn: employees.nextBackgroundCheckOn,
    })
    .from(employees)
    .where(
      and(
        eq(employees.organizationId, orgId),
        or(isNull(employees.leaveDate), gte(employees.leaveDate, today)),
        or(isNull(employees.nextBackgroundCheckOn), lte(employees.nextBackgroundCheckOn, recheckHorizon(today))),
      ),
    )
    .orderBy(sql`${employees.nextBackgroundCheckOn} asc nulls last`, asc(employees.number))
    .limit(limit);
}

/** The sites of the employee records linked to a member's account (where a guard is posted). */
export async function sitesOfMember(db: Database, orgId: string, userId: string, today: string): Promise<string[]> {
  const rows = await db
    .select({ siteId: employees.siteId })
    .from(employees)
    .where(and(eq(employees.organizationId, orgId), eq(employees.userId, userId), or(isNull(employees.leaveDate), gte(employees.leaveDate, today))));
  return [...new Set(rows.map((r) => r.siteId).filter((id): id is string => id !== null))];
}

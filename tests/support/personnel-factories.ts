import { and, eq, max } from "drizzle-orm";
import { expect } from "vitest";
import { employees, type Employee, type NewEmployee } from "../../db/schema";
import { residentIdCheckCharacter } from "~/lib/inspections/identity-document";
import * as employeeRoute from "~/routes/_app.personnel.$employeeId/route";
import * as newEmployeeRoute from "~/routes/_app.personnel.new";
import { uniqueSuffix } from "./factories";
import { callAction, callLoader, type Fields } from "./requests";
import { testDb } from "./test-database";

let serial = Math.floor(Math.random() * 400);

/** A valid resident ID number (GB 11643) born on `birthDate`, different at each call. */
export function freshResidentId(birthDate = "1990-03-07"): string {
  serial = (serial + 1) % 1000;
  const first17 = `310115${birthDate.replace(/-/g, "")}${String(serial).padStart(3, "0")}`;
  return first17 + residentIdCheckCharacter(first17);
}

export function employeeFields(overrides: Fields = {}): Fields {
  return {
    name: "王小明",
    position: "仓库管理员",
    department: "仓储部",
    hireDate: "2024-05-06",
    idDocumentType: "resident_id",
    idNumber: freshResidentId(),
    securitySensitive: "1",
    ...overrides,
  };
}

export function postNewEmployee(cookie: string, fields: Fields) {
  return callAction(newEmployeeRoute, "/personnel/new", fields, { cookie });
}

export async function createEmployee(cookie: string, overrides: Fields = {}): Promise<Employee> {
  const outcome = await postNewEmployee(cookie, employeeFields(overrides));
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const id = /\/personnel\/([0-9a-f-]{36})/.exec(outcome.location ?? "")?.[1];
  if (!id) throw new Error(`no employee id in ${outcome.location}`);
  return employeeRow(id);
}

export async function employeeRow(id: string): Promise<Employee> {
  const [row] = await testDb().select().from(employees).where(eq(employees.id, id));
  if (!row) throw new Error("employee not stored");
  return row;
}

export async function employeesOf(orgId: string): Promise<Employee[]> {
  return testDb()
    .select()
    .from(employees)
    .where(and(eq(employees.organizationId, orgId)));
}

export function postEmployee(cookie: string, employeeId: string, fields: Fields | FormData) {
  return callAction(employeeRoute, `/personnel/${employeeId}`, fields, { cookie, params: { employeeId } });
}

export function employeePage<T = Record<string, unknown>>(cookie: string, employeeId: string) {
  return callLoader<T>(employeeRoute, `/personnel/${employeeId}`, { cookie, params: { employeeId } });
}

/**
 * An employee inserted directly, without an identity number (hired 2015 unless told otherwise): for
 * the tests of the registers that only need a person (badges, visitors' hosts, training attendees).
 */
export async function insertEmployee(organizationId: string, overrides: Partial<NewEmployee> = {}): Promise<Employee> {
  const [last] = await testDb()
    .select({ n: max(employees.number) })
    .from(employees)
    .where(eq(employees.organizationId, organizationId));
  const [row] = await testDb()
    .insert(employees)
    .values({
      organizationId,
      number: Number(last?.n ?? 0) + 1,
      name: `员工 ${uniqueSuffix()}`,
      position: "报关员",
      department: "关务部",
      hireDate: "2015-03-01",
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("employee not inserted");
  return row;
}

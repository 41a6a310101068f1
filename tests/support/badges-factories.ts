// Employees and register items for the badge and visitor tests. Employees are inserted directly (the
// /personnel pages are built elsewhere; these tests only read employees); items go through /badges.
import { and, asc, eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import { accessItems, employees, type AccessItem, type Employee } from "../../db/schema";
import { codeSeries } from "~/lib/badges/access-item-rules";
import * as badgesRoute from "~/routes/_app.badges._index";
import { uniqueSuffix } from "./factories";
import { callAction, type Fields } from "./requests";
import { testDb } from "./test-database";

let employeeNumber = 0;

export async function insertEmployee(orgId: string, overrides: Partial<typeof employees.$inferInsert> = {}): Promise<Employee> {
  employeeNumber += 1;
  const [row] = await testDb()
    .insert(employees)
    .values({
      organizationId: orgId,
      number: employeeNumber,
      name: `员工 ${uniqueSuffix()}`,
      position: "仓库管理员",
      department: "物流部",
      hireDate: "2024-03-01",
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("employee not inserted");
  return row;
}

/** Adds register items (one, or a series up to lastCode) through the /badges form; returns them in code order. */
export async function addItems(cookie: string, orgId: string, fields: Fields): Promise<AccessItem[]> {
  const outcome = await callAction(badgesRoute, "/badges", { intent: "create", ...fields }, { cookie });
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const first = String(fields.code).toUpperCase();
  const codes = fields.lastCode ? (codeSeries(first, String(fields.lastCode).toUpperCase()) ?? []) : [first];
  const rows = await testDb()
    .select()
    .from(accessItems)
    .where(
      and(eq(accessItems.organizationId, orgId), eq(accessItems.kind, fields.kind as AccessItem["kind"]), inArray(accessItems.code, codes)),
    )
    .orderBy(asc(accessItems.code));
  expect(rows).toHaveLength(codes.length);
  return rows;
}

export async function itemByCode(orgId: string, kind: AccessItem["kind"], code: string): Promise<AccessItem> {
  const [row] = await testDb()
    .select()
    .from(accessItems)
    .where(and(eq(accessItems.organizationId, orgId), eq(accessItems.kind, kind), eq(accessItems.code, code)));
  if (!row) throw new Error(`no ${kind} ${code}`);
  return row;
}

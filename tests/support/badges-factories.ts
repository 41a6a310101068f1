// Register items for the badge and visitor tests, added through /badges (employees: insertEmployee in
// personnel-factories).
import { and, asc, eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import { accessItems, type AccessItem } from "../../db/schema";
import { codeSeries } from "~/lib/badges/access-item-rules";
import * as badgesRoute from "~/routes/_app.badges._index";
import { callAction, type Fields } from "./requests";
import { testDb } from "./test-database";

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

// Visitors signed in through the gatehouse form (/visitors/new), as a guard would.
import { desc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { visitorEntries, type VisitorEntry } from "../../db/schema";
import * as newVisitorRoute from "~/routes/_app.visitors.new/route";
import { uniqueSuffix } from "./factories";
import { callAction, type Fields, type Outcome } from "./requests";
import { testDb } from "./test-database";

/** A valid resident ID number (GB 11643 check character X). */
export const RESIDENT_ID = "11010519491231002X";

export function visitorFields(siteId: string, overrides: Fields = {}): Fields {
  return {
    siteId,
    visitorName: `访客 ${uniqueSuffix()}`,
    company: "上海示例物流有限公司",
    idDocumentType: "cn_resident_id",
    idNumber: RESIDENT_ID,
    idVerified: "yes",
    hostName: "王经理",
    purpose: "meeting",
    ...overrides,
  };
}

export function postSignIn(cookie: string, fields: Fields): Promise<Outcome> {
  return callAction(newVisitorRoute, "/visitors/new", fields, { cookie });
}

/** Signs a visitor in and returns the stored row. */
export async function signIn(cookie: string, siteId: string, overrides: Fields = {}): Promise<VisitorEntry> {
  const fields = visitorFields(siteId, overrides);
  const outcome = await postSignIn(cookie, fields);
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const [row] = await testDb()
    .select()
    .from(visitorEntries)
    .where(eq(visitorEntries.visitorName, String(fields.visitorName)))
    .orderBy(desc(visitorEntries.number));
  if (!row) throw new Error("visitor entry not stored");
  return row;
}

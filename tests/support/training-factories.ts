// Training records made through the pages' own actions (employees: insertEmployee in personnel-factories).
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { evidenceLinks, criteria, frameworks } from "../../db/schema";
import * as sessionRoute from "~/routes/_app.training.$sessionId/route";
import * as newSessionRoute from "~/routes/_app.training.new";
import { uniqueSuffix } from "./factories";
import { callAction, type Fields } from "./requests";
import { testDb } from "./test-database";

export function sessionFields(overrides: Fields = {}): Fields {
  return {
    category: "customs_law",
    topic: `海关法规培训 ${uniqueSuffix()}`,
    heldOn: "2026-03-10",
    startTime: "09:30",
    durationMinutes: "90",
    trainer: "李老师",
    provider: "上海海关学院",
    ...overrides,
  };
}

export function drillFields(overrides: Fields = {}): Fields {
  return {
    topic: `仓库火灾疏散演练 ${uniqueSuffix()}`,
    scenario: "2 号仓库叉车充电区起火，全员疏散并清点人数。",
    observations: "疏散用时 6 分钟；东侧通道被托盘堵塞。",
    lessonsLearned: "通道每日巡查。",
    followUp: "仓库主管本周清理东侧通道。",
    heldOn: "2026-04-15",
    trainer: "安保主管",
    ...overrides,
  };
}

export function postSession(cookie: string, fields: Fields, kind: "session" | "drill" = "session") {
  const path = kind === "drill" ? "/training/new?kind=drill" : "/training/new";
  return callAction(newSessionRoute, path, fields, { cookie });
}

/** Records a session through /training/new; returns its id. */
export async function createSession(cookie: string, overrides: Fields = {}, kind: "session" | "drill" = "session"): Promise<string> {
  const outcome = await postSession(cookie, kind === "drill" ? drillFields(overrides) : sessionFields(overrides), kind);
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const id = /^\/training\/([0-9a-f-]{36})\?created=1$/.exec(outcome.location ?? "")?.[1];
  if (!id) throw new Error(`unexpected redirect ${outcome.location}`);
  return id;
}

export function postOnSession(cookie: string, sessionId: string, fields: Fields) {
  return callAction(sessionRoute, `/training/${sessionId}`, fields, { cookie, params: { sessionId } });
}

/** Adds attendees through the session page; expects success. */
export async function attend(cookie: string, sessionId: string, employeeIds: readonly string[]) {
  const outcome = await postOnSession(cookie, sessionId, { intent: "attend", employeeIds });
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  return outcome;
}

/** "framework/key" of every criterion a record is linked to. */
export async function linkedCriteria(recordType: string, recordId: string): Promise<string[]> {
  const rows = await testDb()
    .select({ framework: frameworks.code, key: criteria.key })
    .from(evidenceLinks)
    .innerJoin(criteria, eq(criteria.id, evidenceLinks.criterionId))
    .innerJoin(frameworks, eq(frameworks.id, criteria.frameworkId))
    .where(and(eq(evidenceLinks.recordType, recordType), eq(evidenceLinks.recordId, recordId)));
  return rows.map((r) => `${r.framework}/${r.key}`).sort();
}

// Training through its pages: recording sessions and drills (a refused post writes nothing), materials
// with their SHA-256, attendance (added many at once, never twice, only people employed that day),
// the evidence links per category and their move when the category changes, the yearly requirement of
// the key managers, the CSV exports, the criteria pages, the dashboard card and who may do what.
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";

// Uploaded bytes go to a directory of this file's own, set before any app module reads env().
await vi.hoisted(async () => (await import("../support/files-directory")).ownFilesDirectory("training"));


import Papa from "papaparse";
import { auditEvents, trainingAttendance, trainingSessions } from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { auditEntityLabel } from "~/lib/audit/audit-label";
import { sessionReference } from "~/lib/training/training-rules";
import { todayInZone } from "~/lib/i18n/format";
import * as dashboardRoute from "~/routes/_app._index/route";
import * as criterionRoute from "~/routes/_app.criteria.$framework.$criterion/route";
import * as sessionRoute from "~/routes/_app.training.$sessionId/route";
import * as listRoute from "~/routes/_app.training._index";
import * as drillsRoute from "~/routes/_app.training.drills";
import * as newSessionRoute from "~/routes/_app.training.new";
import * as personRoute from "~/routes/_app.training.people.$employeeId";
import * as requirementsRoute from "~/routes/_app.training.requirements";
import * as attendanceCsvRoute from "~/routes/training.attendance[.]csv";
import * as sessionsCsvRoute from "~/routes/training.export[.]csv";
import { addMember, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { pdfFile } from "../support/policy-factories";
import { callLoader, errorsOf, getRequest, keyOf } from "../support/requests";
import { countRows, query, testDb } from "../support/test-database";
import {
  attend,
  createSession,
  drillFields,
  linkedCriteria,
  postOnSession,
  postSession,
  sessionFields,
} from "../support/training-factories";
import { insertEmployee } from "../support/personnel-factories";


async function footprint(orgId: string) {
  const tables = ["training_sessions", "training_materials", "training_attendance", "evidence_links", "evidence_files", "audit_events"];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await countRows(table, sql`organization_id = ${orgId}`);
  return counts;
}

const today = () => todayInZone("Asia/Shanghai");
const thisYear = () => Number(today().slice(0, 4));

let owner: SignedUp;
let hr: Member;
let security: Member;

beforeAll(async () => {
  owner = await signUpOrganization();
  hr = await addMember(owner.cookie, "hr");
  security = await addMember(owner.cookie, "security");
});

describe("recording a session", () => {
  test("bad input is refused field by field and writes nothing", async () => {
    const before = await footprint(owner.organizationId);
    const outcome = await postSession(
      hr.cookie,
      sessionFields({ topic: "", category: "crisis_drill", heldOn: "2026-02-30", startTime: "25:00", durationMinutes: "0", trainer: "" }),
    );
    expect(outcome.status).toBe(400);
    const errors = errorsOf(outcome);
    expect(keyOf(errors.topic)).toBe("errors.required");
    expect(keyOf(errors.category)).toBe("errors.choose");
    expect(keyOf(errors.heldOn)).toBe("errors.date");
    expect(keyOf(errors.startTime)).toBe("training.errors.time");
    expect(keyOf(errors.durationMinutes)).toBe("training.errors.duration");
    expect(keyOf(errors.trainer)).toBe("errors.required");
    // A file that is not what its name says, with otherwise good fields: also nothing.
    const fake = new File([new TextEncoder().encode("not a pdf")], "slides.pdf", { type: "application/pdf" });
    const badFile = await postSession(hr.cookie, sessionFields({ materials: fake }));
    expect(badFile.status).toBe(400);
    expect(keyOf(errorsOf(badFile).materials)).toBe("files.badType");
    // A site of nobody's.
    const badSite = await postSession(hr.cookie, sessionFields({ siteId: "00000000-0000-4000-8000-000000000000" }));
    expect(keyOf(errorsOf(badSite).siteId)).toBe("errors.choose");
    expect(await footprint(owner.organizationId)).toEqual(before);
  });

  test("a customs-law session is numbered, keeps its materials with their SHA-256, is audited and evidences its criteria", async () => {
    const slides = pdfFile("海关法规课件.pdf");
    const sheet = pdfFile("签到表.pdf");
    const digest = createHash("sha256")
      .update(new Uint8Array(await slides.arrayBuffer()))
      .digest("hex");
    const id = await createSession(hr.cookie, { materials: [slides, sheet] as unknown as string[] });
    const page = await callLoader<{
      session: { reference: string; category: string; startTime: string };
      materials: { name: string; sha256: string }[];
      criteria: { framework: string; key: string }[];
    }>(sessionRoute, `/training/${id}`, { cookie: security.cookie, params: { sessionId: id } });
    expect(page.status).toBe(200);
    expect(page.data.session.reference).toMatch(/^TR-\d{4}$/);
    expect(page.data.materials.map((m) => m.name).sort()).toEqual(["海关法规课件.pdf", "签到表.pdf"]);
    expect(page.data.materials.find((m) => m.name === "海关法规课件.pdf")?.sha256).toBe(digest);
    expect(await linkedCriteria("training_session", id)).toEqual([
      "cn-2014-general/2",
      "cn-2022-advanced/58",
      "cn-2022-advanced/59",
      "wco-safe-aeo/E",
    ]);
    expect(page.data.criteria.map((c) => `${c.framework}/${c.key}`).sort()).toEqual(await linkedCriteria("training_session", id));
    const events = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, owner.organizationId), eq(auditEvents.entityId, id)));
    expect(events.map((e) => `${e.action} ${e.entityType}`)).toEqual([
      "create training_session",
      "update training_session",
      "update training_session",
    ]);
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toMatchObject({ ok: true });
  });

  test("the evidence links are dated when the session was held, in the organisation's time zone", async () => {
    const id = await createSession(hr.cookie, { heldOn: "2026-01-01", startTime: "07:00" });
    const list = await query<{ occurred_at: string | Date }>(sql`select distinct occurred_at from evidence_links where record_id = ${id}`);
    expect(list.map((r) => new Date(r.occurred_at).toISOString())).toEqual(["2025-12-31T23:00:00.000Z"]);
  });

  test("changing the category (or adding a test) moves the evidence links; a drill cannot be edited into a session", async () => {
    const id = await createSession(hr.cookie);
    const changed = await postOnSession(hr.cookie, id, {
      intent: "details",
      ...sessionFields({ category: "cargo_security", testGiven: "on" }),
    });
    expect(changed.status, JSON.stringify(changed.data)).toBe(302);
    expect(await linkedCriteria("training_session", id)).toEqual([
      "cn-2022-advanced/60",
      "ctpat-msc/12.1",
      "ctpat-msc/12.4",
      "wco-safe-aeo/E",
    ]);
    const other = await postOnSession(hr.cookie, id, { intent: "details", ...sessionFields({ category: "other" }) });
    expect(other.status).toBe(302);
    expect(await linkedCriteria("training_session", id)).toEqual([]);
    const [row] = await testDb().select().from(trainingSessions).where(eq(trainingSessions.id, id));
    expect(row?.category).toBe("other");
  });
});

describe("deleting a session recorded by mistake", () => {
  test("takes its attendance, materials and evidence links with it; the trail keeps the whole record", async () => {
    const person = await insertEmployee(owner.organizationId, { name: "删除测试员" });
    const id = await createSession(hr.cookie, { materials: pdfFile("误录.pdf") });
    await attend(hr.cookie, id, [person.id]);
    const [session] = await testDb().select().from(trainingSessions).where(eq(trainingSessions.id, id));
    const files = await countRows("evidence_files", sql`organization_id = ${owner.organizationId}`);
    expect((await postOnSession(security.cookie, id, { intent: "delete" })).status).toBe(403);
    const deleted = await postOnSession(hr.cookie, id, { intent: "delete" });
    expect(deleted.location).toBe("/training?deleted=1");
    expect(await countRows("training_sessions", sql`id = ${id}`)).toBe(0);
    expect(await countRows("training_attendance", sql`session_id = ${id}`)).toBe(0);
    expect(await countRows("training_materials", sql`session_id = ${id}`)).toBe(0);
    expect(await countRows("evidence_links", sql`record_id = ${id}`)).toBe(0);
    expect(await countRows("evidence_files", sql`organization_id = ${owner.organizationId}`)).toBe(files);
    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "delete")));
    const before = event?.before as { reference: string; topic: string; attendees: { name: string }[] };
    expect(before.reference).toBe(sessionReference(session!.number));
    expect(before.topic).toBe(session?.topic);
    expect(before.attendees.map((a) => a.name)).toEqual(["删除测试员"]);
    // The trail labels training records by their reference; an attendance by the session and the person.
    expect(auditEntityLabel(event?.before, event?.after, "zh-CN")).toBe(sessionReference(session!.number));
    const [attended] = await testDb()
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityType, "training_attendance"),
          eq(auditEvents.action, "create"),
          sql`${auditEvents.after}->>'employeeId' = ${person.id}`,
        ),
      );
    expect(auditEntityLabel(attended?.before, attended?.after, "zh-CN")).toBe(`${sessionReference(session!.number)} 删除测试员`);
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toMatchObject({ ok: true });
    expect((await callLoader(sessionRoute, `/training/${id}`, { cookie: hr.cookie, params: { sessionId: id } })).status).toBe(404);
  });
});

describe("drills", () => {
  test("a drill needs its scenario, and feeds crisis management as a drill", async () => {
    const before = await footprint(owner.organizationId);
    const refused = await postSession(hr.cookie, drillFields({ scenario: "" }), "drill");
    expect(refused.status).toBe(400);
    expect(keyOf(errorsOf(refused).scenario)).toBe("errors.required");
    expect(await footprint(owner.organizationId)).toEqual(before);

    const id = await createSession(hr.cookie, {}, "drill");
    const [row] = await testDb().select().from(trainingSessions).where(eq(trainingSessions.id, id));
    expect(row).toMatchObject({ category: "crisis_drill", lessonsLearned: "通道每日巡查。", followUp: "仓库主管本周清理东侧通道。" });
    expect(await linkedCriteria("drill", id)).toEqual([
      "cn-2014-general/28",
      "cn-2022-advanced/61",
      "ctpat-msc/2.4",
      "wco-safe-aeo/L",
    ]);
    expect(await linkedCriteria("training_session", id)).toEqual([]);
    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "create")));
    expect(event?.entityType).toBe("drill");

    const drills = await callLoader<{ drills: { id: string; scenario: string }[] }>(drillsRoute, "/training/drills", {
      cookie: security.cookie,
    });
    expect(drills.data.drills.map((d) => d.id)).toContain(id);
    expect(drills.data.drills.every((d) => d.scenario)).toBe(true);
    // A plain session is not a drill.
    const plain = await createSession(hr.cookie);
    expect(drills.data.drills.map((d) => d.id)).not.toContain(plain);
  });
});

describe("attendance", () => {
  test("many at once, never twice, removable; each change audited", async () => {
    const id = await createSession(hr.cookie, { heldOn: "2026-05-20" });
    const a = await insertEmployee(owner.organizationId, { name: "张伟" });
    const b = await insertEmployee(owner.organizationId, { name: "王芳" });
    await attend(hr.cookie, id, [a.id, b.id]);
    const again = await attend(hr.cookie, id, [a.id]);
    expect(again.location).toContain("done=added-0");
    const rows = await testDb().select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, id));
    expect(rows.map((r) => r.employeeId).sort()).toEqual([a.id, b.id].sort());

    const page = await callLoader<{ attendance: { id: string; name: string }[]; candidates: { id: string }[] }>(
      sessionRoute,
      `/training/${id}`,
      {
        cookie: hr.cookie,
        params: { sessionId: id },
      },
    );
    expect(page.data.attendance.map((x) => x.name).sort()).toEqual(["张伟", "王芳"].sort());
    expect(page.data.candidates.map((c) => c.id)).not.toContain(a.id);

    const removed = await postOnSession(hr.cookie, id, { intent: "unattend", attendanceId: rows.find((r) => r.employeeId === a.id)!.id });
    expect(removed.status).toBe(302);
    const left = await testDb().select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, id));
    expect(left.map((r) => r.employeeId)).toEqual([b.id]);
    const events = await testDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, owner.organizationId), eq(auditEvents.entityType, "training_attendance")));
    expect(events.filter((e) => e.action === "delete").length).toBeGreaterThanOrEqual(1);
  });

  test("nobody ticked, someone not employed that day, or another organisation's employee: refused, nothing written", async () => {
    const id = await createSession(hr.cookie, { heldOn: "2026-05-20" });
    const later = await insertEmployee(owner.organizationId, { name: "赵新", hireDate: "2026-06-01" });
    const gone = await insertEmployee(owner.organizationId, { name: "钱旧", leaveDate: "2026-05-19" });
    const elsewhere = await signUpOrganization();
    const stranger = await insertEmployee(elsewhere.organizationId);
    const before = await footprint(owner.organizationId);
    expect(keyOf(errorsOf(await postOnSession(hr.cookie, id, { intent: "attend" })).employeeIds)).toBe("training.errors.noAttendees");
    const notYet = await postOnSession(hr.cookie, id, { intent: "attend", employeeIds: [later.id] });
    expect(notYet.status).toBe(400);
    expect(errorsOf(notYet).employeeIds).toContain("赵新");
    expect(keyOf(errorsOf(await postOnSession(hr.cookie, id, { intent: "attend", employeeIds: [gone.id] })).employeeIds)).toBe(
      "training.errors.notEmployed",
    );
    expect(keyOf(errorsOf(await postOnSession(hr.cookie, id, { intent: "attend", employeeIds: [stranger.id] })).employeeIds)).toBe(
      "errors.choose",
    );
    expect(await footprint(owner.organizationId)).toEqual(before);
    // The picker does not offer them either.
    const page = await callLoader<{ candidates: { id: string }[] }>(sessionRoute, `/training/${id}`, {
      cookie: hr.cookie,
      params: { sessionId: id },
    });
    const offered = page.data.candidates.map((c) => c.id);
    expect(offered).not.toContain(later.id);
    expect(offered).not.toContain(gone.id);
    expect(offered).not.toContain(stranger.id);
  });

  test("the picker filters by department, and a session's date cannot move past an attendee's employment", async () => {
    const id = await createSession(hr.cookie, { heldOn: "2026-05-20" });
    const warehouse = await insertEmployee(owner.organizationId, { name: "仓库员工", department: `仓储部-${id.slice(0, 4)}` });
    const page = await callLoader<{ candidates: { id: string }[] }>(
      sessionRoute,
      `/training/${id}?department=${encodeURIComponent(warehouse.department)}`,
      {
        cookie: hr.cookie,
        params: { sessionId: id },
      },
    );
    expect(page.data.candidates.map((c) => c.id)).toEqual([warehouse.id]);
    const leaver = await insertEmployee(owner.organizationId, { name: "孙离", leaveDate: "2026-06-30" });
    await attend(hr.cookie, id, [leaver.id]);
    const moved = await postOnSession(hr.cookie, id, { intent: "details", ...sessionFields({ heldOn: "2026-07-15" }) });
    expect(moved.status).toBe(400);
    expect(keyOf(errorsOf(moved).heldOn)).toBe("training.errors.attendeeNotEmployed");
  });

  test("test results only for a tested session", async () => {
    const untested = await createSession(hr.cookie);
    const person = await insertEmployee(owner.organizationId);
    await attend(hr.cookie, untested, [person.id]);
    const [row] = await testDb().select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, untested));
    const refused = await postOnSession(hr.cookie, untested, { intent: "result", attendanceId: row!.id, passed: "yes" });
    expect(keyOf(errorsOf(refused).form)).toBe("training.errors.noTest");
    const tested = await createSession(hr.cookie, { testGiven: "on" });
    await attend(hr.cookie, tested, [person.id]);
    const [attendance] = await testDb().select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, tested));
    expect((await postOnSession(hr.cookie, tested, { intent: "result", attendanceId: attendance!.id, passed: "no" })).status).toBe(302);
    const [after] = await testDb().select().from(trainingAttendance).where(eq(trainingAttendance.id, attendance!.id));
    expect(after?.testPassed).toBe(false);
  });
});

describe("the yearly requirement", () => {
  type Report = { people: { id: string; state: string; sessions: { id: string }[] }[] };
  const report = (cookie: string, framework: string, year = thisYear()) =>
    callLoader<Report>(requirementsRoute, `/training/requirements?year=${year}&framework=${framework}`, { cookie });

  test("the requirement page turns to met with one (2014) and two (2022) customs-law trainings; other training does not count", async () => {
    const org = await signUpOrganization();
    const legal = await insertEmployee(org.organizationId, { name: "法人代表", keyRoles: ["legal_representative"] });
    const head = await insertEmployee(org.organizationId, { name: "关务经理", keyRoles: ["customs_head"] });
    const clerk = await insertEmployee(org.organizationId, { name: "普通员工" });
    const state = async (framework: string) =>
      Object.fromEntries((await report(org.cookie, framework)).data.people.map((p) => [p.id, p.state]));

    expect(await state("cn-2022-advanced")).toEqual({ [legal.id]: "pending", [head.id]: "pending" });
    // 2014 names the legal representative and the senior customs manager only.
    expect(await state("cn-2014-general")).toEqual({ [legal.id]: "pending" });

    const cargo = await createSession(org.cookie, { category: "cargo_security", heldOn: today() });
    await attend(org.cookie, cargo, [legal.id, head.id, clerk.id]);
    expect(await state("cn-2014-general")).toEqual({ [legal.id]: "pending" });

    const first = await createSession(org.cookie, { heldOn: today() });
    await attend(org.cookie, first, [legal.id, head.id]);
    expect(await state("cn-2014-general")).toEqual({ [legal.id]: "met" });
    expect(await state("cn-2022-advanced")).toEqual({ [legal.id]: "pending", [head.id]: "pending" });

    const second = await createSession(org.cookie, { heldOn: today() });
    await attend(org.cookie, second, [legal.id]);
    expect(await state("cn-2022-advanced")).toEqual({ [legal.id]: "met", [head.id]: "pending" });
    const legalRow = (await report(org.cookie, "cn-2022-advanced")).data.people.find((p) => p.id === legal.id);
    expect(legalRow?.sessions.map((s) => s.id).sort()).toEqual([first, second].sort());

    // Last year nobody had any: missed.
    expect((await report(org.cookie, "cn-2022-advanced", thisYear() - 1)).data.people.every((p) => p.state === "missed")).toBe(true);

    // The dashboard names the one still short.
    const dashboard = await callLoader<{ training: { framework: string; short: { id: string }[] }[] }>(dashboardRoute, "/", {
      cookie: org.cookie,
    });
    const short = dashboard.data.training.find((t) => t.framework === "cn-2022-advanced")?.short.map((p) => p.id);
    expect(short).toEqual([head.id]);
    expect(dashboard.data.training.find((t) => t.framework === "cn-2014-general")?.short).toEqual([]);

    // The person's page lists the sessions and the year's state.
    const person = await callLoader<{
      sessions: { id: string }[];
      requirements: { year: number; frameworks: { framework: string; state: string }[] }[];
    }>(personRoute, `/training/people/${legal.id}`, { cookie: org.cookie, params: { employeeId: legal.id } });
    expect(person.data.sessions.map((s) => s.id).sort()).toEqual([cargo, first, second].sort());
    expect(person.data.requirements.find((y) => y.year === thisYear())?.frameworks).toEqual([
      { framework: "cn-2022-advanced", state: "met", count: 2, required: 2 },
      { framework: "cn-2014-general", state: "met", count: 2, required: 1 },
    ]);
    // Hired in 2015, but this organisation's records start this year: no year reads "not met" for
    // want of records.
    expect(person.data.requirements.map((y) => y.year)).toEqual([thisYear()]);
  });
});

describe("several key roles on one person", () => {
  test("the requirement lists a person holding two of its roles once, shows both roles, and one session meets it", async () => {
    const org = await signUpOrganization();
    const owner = await insertEmployee(org.organizationId, { name: "林总", keyRoles: ["legal_representative", "senior_customs_manager"] });
    const finance = await insertEmployee(org.organizationId, { name: "财务负责人", keyRoles: ["principal_person", "finance_head"] });
    type People = { people: { id: string; state: string; keyRoles: string[] }[] };
    const report = async (framework: string) =>
      (await callLoader<People>(requirementsRoute, `/training/requirements?year=${thisYear()}&framework=${framework}`, { cookie: org.cookie })).data.people;
    expect(await report("cn-2014-general")).toEqual([
      expect.objectContaining({ id: owner.id, state: "pending", keyRoles: ["legal_representative", "senior_customs_manager"] }),
    ]);
    const session = await createSession(org.cookie, { heldOn: today() });
    await attend(org.cookie, session, [owner.id, finance.id]);
    expect((await report("cn-2014-general")).map((p) => [p.id, p.state])).toEqual([[owner.id, "met"]]);
    // 2022 asks two: one person, still one short, named once on the dashboard.
    expect((await report("cn-2022-advanced")).map((p) => [p.id, p.state])).toEqual([[owner.id, "pending"]]);
    const dashboard = await callLoader<{ training: { framework: string; short: { id: string; keyRoles: string[] }[] }[] }>(dashboardRoute, "/", {
      cookie: org.cookie,
    });
    expect(dashboard.data.training.find((t) => t.framework === "cn-2022-advanced")?.short).toEqual([
      expect.objectContaining({ id: owner.id, keyRoles: ["legal_representative", "senior_customs_manager"] }),
    ]);
  });
});

describe("lists and exports", () => {
  test("the list filters by category, site-less search and dates; the CSVs carry what the list shows", async () => {
    const org = await signUpOrganization();
    const person = await insertEmployee(org.organizationId, { name: "陈静", keyRoles: ["senior_customs_manager"] });
    const customs = await createSession(org.cookie, { topic: "报关单填制规范", heldOn: "2026-03-10" });
    const info = await createSession(org.cookie, { category: "information_security", topic: "密码与钓鱼邮件", heldOn: "2026-08-01" });
    await attend(org.cookie, customs, [person.id]);

    const list = (search: string) =>
      callLoader<{ total: number; sessions: { id: string }[] }>(listRoute, `/training${search}`, { cookie: org.cookie });
    expect((await list("")).data.total).toBe(2);
    expect((await list("?category=information_security")).data.sessions.map((s) => s.id)).toEqual([info]);
    expect((await list("?from=2026-07-01")).data.sessions.map((s) => s.id)).toEqual([info]);
    expect((await list("?to=2026-07-01&q=报关")).data.sessions.map((s) => s.id)).toEqual([customs]);

    const response = (await sessionsCsvRoute.loader({
      request: getRequest("/training/export.csv?category=customs_law", { cookie: org.cookie }),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte-order mark, so Excel reads the Chinese as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes.slice(3)), { skipEmptyLines: true }).data;
    expect(rows[0]?.slice(0, 4)).toEqual(["编号", "类别", "主题", "日期"]);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(1, 4)).toEqual(["海关法规", "报关单填制规范", "2026-03-10"]);

    const attendance = (await attendanceCsvRoute.loader({
      request: getRequest("/training/attendance.csv", { cookie: org.cookie }),
      params: {},
      context: {},
    })) as Response;
    const attendanceRows = Papa.parse<string[]>(await attendance.text(), { skipEmptyLines: true }).data;
    expect(attendanceRows).toHaveLength(2);
    expect(attendanceRows[1]).toEqual(expect.arrayContaining(["2026-03-10", "报关单填制规范", "陈静", "负责关务的高级管理人员"]));
  });

  test("the criteria pages list training as a source of evidence for the customs-training criterion", async () => {
    const page = await callLoader<{ evidence: { recordTypes: string[] } }>(criterionRoute, "/criteria/cn-2022-advanced/59", {
      cookie: owner.cookie,
      params: { framework: "cn-2022-advanced", criterion: "59" },
    });
    expect(page.data.evidence.recordTypes).toContain("training_session");
  });
});

describe("who may do what", () => {
  test("everyone reads; a security officer may not record", async () => {
    expect((await callLoader(listRoute, "/training", { cookie: security.cookie })).status).toBe(200);
    expect((await callLoader(newSessionRoute, "/training/new", { cookie: security.cookie })).status).toBe(403);
    const before = await footprint(owner.organizationId);
    expect((await postSession(security.cookie, sessionFields())).status).toBe(403);
    const id = await createSession(hr.cookie);
    const after = await footprint(owner.organizationId);
    const person = await insertEmployee(owner.organizationId);
    expect((await postOnSession(security.cookie, id, { intent: "attend", employeeIds: [person.id] })).status).toBe(403);
    expect(await footprint(owner.organizationId)).toEqual(after);
    expect(after.training_sessions).toBe((before.training_sessions ?? 0) + 1);
  });
});

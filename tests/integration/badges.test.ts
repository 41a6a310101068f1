// The badge and key register below the browser: adding items and series, the chain of steps
// (issue, return, lost, found, revoke, retire) with refusals, issuing only to current employees,
// two guards issuing one key at once, the person view, the exit-checklist query and the exports.
import { and, eq, sql } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, test } from "vitest";
import { accessItemEvents, auditEvents, evidenceLinks } from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { listItemsHeldBy, recordAccessItemStep } from "~/lib/badges/badges.server";
import * as itemRoute from "~/routes/_app.badges.$itemId";
import * as listRoute from "~/routes/_app.badges._index";
import * as personRoute from "~/routes/_app.badges.people.$employeeId";
import * as registerCsvRoute from "~/routes/badges.export[.]csv";
import * as eventsCsvRoute from "~/routes/badges.events[.]csv";
import { addItems, itemByCode } from "../support/badges-factories";
import { insertEmployee } from "../support/personnel-factories";
import { addMember, createSite, signUpOrganization, type SignedUp } from "../support/factories";
import { callAction, callLoader, errorsOf, getRequest, keyOf, type Fields } from "../support/requests";
import { countRows, testDb } from "../support/test-database";

let owner: SignedUp;

beforeAll(async () => {
  owner = await signUpOrganization();
});

async function footprint(orgId: string) {
  const counts: Record<string, number> = {};
  for (const table of ["access_items", "access_item_events", "evidence_links", "audit_events"])
    counts[table] = await countRows(table, sql`organization_id = ${orgId}`);
  return counts;
}

function step(cookie: string, itemId: string, fields: Fields) {
  return callAction(itemRoute, `/badges/${itemId}`, fields, { cookie, params: { itemId } });
}

async function csvRows(route: { loader: (args: never) => unknown }, path: string, cookie: string) {
  const response = (await route.loader({ request: getRequest(path, { cookie }), params: {}, context: {} } as never)) as Response;
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return Papa.parse<string[]>(new TextDecoder().decode(bytes).trim()).data;
}

describe("adding to the register", () => {
  test("one key with what it opens; a key without a description is refused", async () => {
    const [key] = await addItems(owner.cookie, owner.organizationId, { kind: "key", code: "k-12", description: "二号仓库后门" });
    expect(key).toMatchObject({ code: "K-12", status: "available", description: "二号仓库后门", holderEmployeeId: null });
    const audit = await testDb().select().from(auditEvents).where(eq(auditEvents.entityId, key!.id));
    expect(audit.map((a) => [a.entityType, a.action])).toEqual([["access_item", "create"]]);
    const refused = await callAction(listRoute, "/badges", { intent: "create", kind: "key", code: "K-13" }, { cookie: owner.cookie });
    expect(refused.status).toBe(400);
    expect(keyOf(errorsOf(refused).description)).toBe("badges.errors.keyOpens");
  });

  test("a numbered series of visitor badges; a series overlapping the register is refused whole", async () => {
    const badges = await addItems(owner.cookie, owner.organizationId, { kind: "visitor_badge", code: "V-001", lastCode: "V-005" });
    expect(badges.map((b) => b.code)).toEqual(["V-001", "V-002", "V-003", "V-004", "V-005"]);
    const before = await footprint(owner.organizationId);
    const overlap = await callAction(
      listRoute,
      "/badges",
      { intent: "create", kind: "visitor_badge", code: "V-004", lastCode: "V-008" },
      { cookie: owner.cookie },
    );
    expect(overlap.status).toBe(400);
    expect(errorsOf(overlap).code).toBe('badges.errors.codeTaken|{"codes":"V-004, V-005"}');
    expect(await footprint(owner.organizationId)).toEqual(before);
    const reversed = await callAction(
      listRoute,
      "/badges",
      { intent: "create", kind: "visitor_badge", code: "V-009", lastCode: "V-002" },
      { cookie: owner.cookie },
    );
    expect(keyOf(errorsOf(reversed).lastCode)).toBe("badges.errors.series");
  });

  test("the same code may exist once per kind", async () => {
    await addItems(owner.cookie, owner.organizationId, { kind: "access_card", code: "C-1" });
    await addItems(owner.cookie, owner.organizationId, { kind: "employee_badge", code: "C-1" });
    const twice = await callAction(listRoute, "/badges", { intent: "create", kind: "access_card", code: "c-1" }, { cookie: owner.cookie });
    expect(keyOf(errorsOf(twice).code)).toBe("badges.errors.codeTaken");
  });

  test("only the gate roles manage the register; everyone reads it", async () => {
    const auditor = await addMember(owner.cookie, "auditor");
    const denied = await callAction(
      listRoute,
      "/badges",
      { intent: "create", kind: "key", code: "K-99", description: "x" },
      { cookie: auditor.cookie },
    );
    expect(denied.status).toBe(403);
    const list = await callLoader<Awaited<ReturnType<typeof listRoute.loader>>>(listRoute, "/badges?kind=key", { cookie: auditor.cookie });
    expect(list.status).toBe(200);
    expect(list.data.canManage).toBe(false);
    const key = await itemByCode(owner.organizationId, "key", "K-12");
    const stepDenied = await step(auditor.cookie, key.id, { step: "lost", note: "x" });
    expect(stepDenied.status).toBe(403);
  });
});

describe("the life of a key", () => {
  test("issue, return, issue, lost (then not issuable), found, issue, revoke, retire: each step recorded", async () => {
    const org = await signUpOrganization();
    const site = await createSite(org.cookie);
    const alice = await insertEmployee(org.organizationId, { name: "李娜" });
    const bob = await insertEmployee(org.organizationId, { name: "王强" });
    const [key] = await addItems(org.cookie, org.organizationId, {
      kind: "key",
      code: "K-1",
      description: "一号仓库正门",
      siteId: site.id,
    });
    const id = key!.id;

    expect((await step(org.cookie, id, { step: "issue", employeeId: alice.id, occurredAt: "2026-11-02T08:30" })).location).toBe(
      `/badges/${id}?done=issue`,
    );
    let now = await itemByCode(org.organizationId, "key", "K-1");
    expect(now).toMatchObject({ status: "issued", holderEmployeeId: alice.id });
    expect(now.issuedAt?.toISOString()).toBe("2026-11-02T00:30:00.000Z");

    // The register lists the current holder of the key.
    const list = await callLoader<Awaited<ReturnType<typeof listRoute.loader>>>(listRoute, "/badges?kind=key", { cookie: org.cookie });
    expect(list.data.rows.map((r) => [r.code, r.status, r.holderName])).toEqual([["K-1", "issued", "李娜"]]);
    const byHolder = await callLoader<Awaited<ReturnType<typeof listRoute.loader>>>(listRoute, "/badges?q=李娜", { cookie: org.cookie });
    expect(byHolder.data.rows.map((r) => r.code)).toEqual(["K-1"]);

    // Issuing an issued key is refused, and names the item.
    const before = await footprint(org.organizationId);
    const twice = await step(org.cookie, id, { step: "issue", employeeId: bob.id });
    expect(twice.status).toBe(400);
    expect(errorsOf(twice).step).toBe('badges.errors.notAllowed.issue|{"code":"K-1"}');
    expect(await footprint(org.organizationId)).toEqual(before);

    expect((await step(org.cookie, id, { step: "return" })).status).toBe(302);
    expect((await step(org.cookie, id, { step: "issue", employeeId: bob.id })).status).toBe(302);
    const lostWithoutReason = await step(org.cookie, id, { step: "lost" });
    expect(keyOf(errorsOf(lostWithoutReason).note)).toBe("badges.errors.reason");
    expect((await step(org.cookie, id, { step: "lost", note: "下班途中遗失" })).status).toBe(302);
    now = await itemByCode(org.organizationId, "key", "K-1");
    expect(now).toMatchObject({ status: "lost", holderEmployeeId: null });
    expect(keyOf(errorsOf(await step(org.cookie, id, { step: "issue", employeeId: alice.id })).step)).toBe(
      "badges.errors.notAllowed.issue",
    );
    expect((await step(org.cookie, id, { step: "found", note: "保安室找到" })).status).toBe(302);
    expect((await step(org.cookie, id, { step: "issue", employeeId: alice.id })).status).toBe(302);
    expect(keyOf(errorsOf(await step(org.cookie, id, { step: "retire" })).step)).toBe("badges.errors.notAllowed.retire");
    expect((await step(org.cookie, id, { step: "revoke", note: "已离职未交回，锁芯已更换" })).status).toBe(302);
    expect((await step(org.cookie, id, { step: "retire" })).status).toBe(302);

    const events = await testDb().select().from(accessItemEvents).where(eq(accessItemEvents.itemId, id)).orderBy(accessItemEvents.number);
    expect(events.map((e) => [e.kind, e.employeeId])).toEqual([
      ["issue", alice.id],
      ["return", alice.id],
      ["issue", bob.id],
      ["lost", bob.id],
      ["found", null],
      ["issue", alice.id],
      ["revoke", alice.id],
      ["retire", null],
    ]);
    expect(events.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const event of events) {
      const links = await testDb()
        .select()
        .from(evidenceLinks)
        .where(and(eq(evidenceLinks.recordType, "access_item_event"), eq(evidenceLinks.recordId, event.id)));
      expect(links.length).toBeGreaterThanOrEqual(3);
    }
    const audit = await testDb().select().from(auditEvents).where(eq(auditEvents.organizationId, org.organizationId));
    expect(audit.filter((a) => a.entityType === "access_item_event")).toHaveLength(8);
    expect(audit.filter((a) => a.entityType === "access_item" && a.action === "update")).toHaveLength(8);
    expect(await verifyOrganizationChain(testDb(), org.organizationId)).toMatchObject({ ok: true });

    // The item page shows the whole history, newest first.
    const page = await callLoader<Awaited<ReturnType<typeof itemRoute.loader>>>(itemRoute, `/badges/${id}`, {
      cookie: org.cookie,
      params: { itemId: id },
    });
    expect(page.data.events.map((e) => e.reference)).toEqual([
      "AK-00008",
      "AK-00007",
      "AK-00006",
      "AK-00005",
      "AK-00004",
      "AK-00003",
      "AK-00002",
      "AK-00001",
    ]);
    expect(page.data.steps).toEqual([]);
  });

  test("only to an employee who has not left; an employee of another organisation is not found", async () => {
    const org = await signUpOrganization();
    const left = await insertEmployee(org.organizationId, { name: "已离职", leaveDate: "2026-01-31" });
    const leaving = await insertEmployee(org.organizationId, { name: "下月离职", leaveDate: "2099-01-31" });
    const other = await signUpOrganization();
    const stranger = await insertEmployee(other.organizationId);
    const [card] = await addItems(org.cookie, org.organizationId, { kind: "access_card", code: "AC-1" });
    const refused = await step(org.cookie, card!.id, { step: "issue", employeeId: left.id });
    expect(keyOf(errorsOf(refused).employeeId)).toBe("badges.errors.employeeLeft");
    expect(keyOf(errorsOf(await step(org.cookie, card!.id, { step: "issue", employeeId: stranger.id })).employeeId)).toBe(
      "badges.errors.employee",
    );
    expect(keyOf(errorsOf(await step(org.cookie, card!.id, { step: "issue" })).employeeId)).toBe("badges.errors.employee");
    expect(
      keyOf(
        errorsOf(await step(org.cookie, card!.id, { step: "issue", employeeId: leaving.id, occurredAt: "2099-01-01T08:00" })).occurredAt,
      ),
    ).toBe("badges.errors.future");
    expect((await step(org.cookie, card!.id, { step: "issue", employeeId: leaving.id })).status).toBe(302);
    // The issue form offers only current employees.
    const [other2] = await addItems(org.cookie, org.organizationId, { kind: "access_card", code: "AC-2" });
    const page = await callLoader<Awaited<ReturnType<typeof itemRoute.loader>>>(itemRoute, `/badges/${other2!.id}`, {
      cookie: org.cookie,
      params: { itemId: other2!.id },
    });
    expect(page.data.employees.map((e) => e.name)).toEqual(["下月离职"]);
  });

  test("a visitor badge is not issued or returned by hand", async () => {
    const [badge] = await addItems(owner.cookie, owner.organizationId, { kind: "visitor_badge", code: "GATE-1" });
    const employee = await insertEmployee(owner.organizationId);
    const refused = await step(owner.cookie, badge!.id, { step: "issue", employeeId: employee.id });
    expect(keyOf(errorsOf(refused).step)).toBe("badges.errors.visitorBadgeAtGate");
    const page = await callLoader<Awaited<ReturnType<typeof itemRoute.loader>>>(itemRoute, `/badges/${badge!.id}`, {
      cookie: owner.cookie,
      params: { itemId: badge!.id },
    });
    expect(page.data.steps).toEqual(["lost", "revoke", "retire"]);
  });

  test("two guards issuing the same key at once: one succeeds, the other is refused", async () => {
    const org = await signUpOrganization();
    const a = await insertEmployee(org.organizationId);
    const b = await insertEmployee(org.organizationId);
    const [key] = await addItems(org.cookie, org.organizationId, { kind: "key", code: "K-RACE", description: "机房" });
    const actor = { organizationId: org.organizationId, userId: org.userId };
    const results = await Promise.all(
      [a, b].map((e) =>
        recordAccessItemStep(testDb(), actor, key!.id, { step: "issue", employeeId: e.id, occurredAt: new Date() }, "2026-12-02"),
      ),
    );
    expect(results.filter((r) => r?.ok)).toHaveLength(1);
    expect(results.filter((r) => r && !r.ok).map((r) => r && !r.ok && keyOf(r.errors.step))).toEqual(["badges.errors.notAllowed.issue"]);
    const events = await testDb().select().from(accessItemEvents).where(eq(accessItemEvents.itemId, key!.id));
    expect(events).toHaveLength(1);
    const stored = await itemByCode(org.organizationId, "key", "K-RACE");
    expect(stored.holderEmployeeId).toBe(events[0]?.employeeId);
  });
});

describe("per person", () => {
  test("what an employee holds now and held before; listItemsHeldBy for the exit checklist", async () => {
    const org = await signUpOrganization();
    const person = await insertEmployee(org.organizationId, { name: "赵敏" });
    const [badge] = await addItems(org.cookie, org.organizationId, { kind: "employee_badge", code: "E-7" });
    const [key] = await addItems(org.cookie, org.organizationId, { kind: "key", code: "K-7", description: "档案室" });
    const [card] = await addItems(org.cookie, org.organizationId, { kind: "access_card", code: "AC-7" });
    await step(org.cookie, badge!.id, { step: "issue", employeeId: person.id });
    await step(org.cookie, key!.id, { step: "issue", employeeId: person.id });
    await step(org.cookie, card!.id, { step: "issue", employeeId: person.id });
    await step(org.cookie, card!.id, { step: "return" });

    const held = await listItemsHeldBy(testDb(), { orgId: org.organizationId, employeeId: person.id });
    expect(held.map((h) => [h.kind, h.code, h.description, h.status])).toEqual([
      ["employee_badge", "E-7", "", "issued"],
      ["key", "K-7", "档案室", "issued"],
    ]);
    expect(held.every((h) => h.issuedAt instanceof Date)).toBe(true);
    expect(await listItemsHeldBy(testDb(), { orgId: owner.organizationId, employeeId: person.id })).toEqual([]);

    const page = await callLoader<Awaited<ReturnType<typeof personRoute.loader>>>(personRoute, `/badges/people/${person.id}`, {
      cookie: org.cookie,
      params: { employeeId: person.id },
    });
    expect(page.data.held.map((h) => h.code)).toEqual(["E-7", "K-7"]);
    expect(page.data.before.map((b) => [b.code, b.endedBy])).toEqual([["AC-7", "return"]]);
    expect(page.data.events).toHaveLength(4);
  });
});

describe("exports", () => {
  test("the register with holders, and the log of every step", async () => {
    const org = await signUpOrganization();
    const person = await insertEmployee(org.organizationId, { name: "孙丽" });
    const [key] = await addItems(org.cookie, org.organizationId, { kind: "key", code: "K-50", description: "化学品库" });
    await addItems(org.cookie, org.organizationId, { kind: "access_card", code: "AC-50" });
    await step(org.cookie, key!.id, { step: "issue", employeeId: person.id, occurredAt: "2026-11-03T14:05", note: "值班" });

    const register = await csvRows(registerCsvRoute, "/badges/export.csv?kind=key", org.cookie);
    expect(register[0]).toEqual(["类别", "编号", "开启部位或用途", "场所", "状态", "持有人", "员工编号", "发放时间 (Asia/Shanghai)"]);
    expect(register.slice(1)).toEqual([
      ["钥匙", "K-50", "化学品库", "", "已发放", "孙丽", `EMP-${String(person.number).padStart(5, "0")}`, "2026-11-03 14:05"],
    ]);

    const events = await csvRows(eventsCsvRoute, "/badges/events.csv", org.cookie);
    expect(events[0]).toEqual(["记录号", "时间 (Asia/Shanghai)", "操作", "类别", "编号", "员工", "备注", "登记人"]);
    expect(events.slice(1)).toEqual([["AK-00001", "2026-11-03 14:05", "发放", "钥匙", "K-50", "孙丽", "值班", org.name]]);
    // A date range in the organisation's calendar days.
    expect(await csvRows(eventsCsvRoute, "/badges/events.csv?from=2026-11-03&to=2026-11-03", org.cookie)).toHaveLength(2);
    expect(await csvRows(eventsCsvRoute, "/badges/events.csv?from=2026-11-04", org.cookie)).toHaveLength(1);
    expect(await csvRows(eventsCsvRoute, "/badges/events.csv?to=2026-11-02", org.cookie)).toHaveLength(1);
  });
});

// The gatehouse visitor log below the browser: sign-in through /visitors/new (masked ID only, the
// register's visitor badge issued in the same transaction), sign-out from the list, who is on site
// per site, the not-signed-out flag, a returning visitor, permissions and the CSV export.
import { and, eq, sql } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, test } from "vitest";
import { accessItemEvents, accessItems, auditEvents, evidenceLinks, visitorEntries, type Site } from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { visitorsOnSiteSummary } from "~/lib/visitors/visitors.server";
import * as entryRoute from "~/routes/_app.visitors.$entryId";
import * as listRoute from "~/routes/_app.visitors._index";
import * as newRoute from "~/routes/_app.visitors.new/route";
import * as sitesRoute from "~/routes/_app.settings.sites.$siteId";
import * as csvRoute from "~/routes/visitors.export[.]csv";
import { addItems, itemByCode } from "../support/badges-factories";
import { insertEmployee } from "../support/personnel-factories";
import { addMember, createSite, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { callAction, callLoader, errorsOf, getRequest, keyOf, type Fields } from "../support/requests";
import { countRows, query, testDb } from "../support/test-database";
import { postSignIn, RESIDENT_ID, signIn, visitorFields } from "../support/visitors-factories";

let owner: SignedUp;
let guard: Member;
let gate1: Site;
let gate2: Site;

beforeAll(async () => {
  owner = await signUpOrganization();
  guard = await addMember(owner.cookie, "security");
  gate1 = await createSite(owner.cookie, { nameZh: "一号门", nameEn: "Gate 1" });
  gate2 = await createSite(owner.cookie, { nameZh: "二号门", nameEn: "Gate 2" });
});

async function footprint(orgId: string) {
  const counts: Record<string, number> = {};
  for (const table of ["visitor_entries", "access_items", "access_item_events", "evidence_links", "audit_events"])
    counts[table] = await countRows(table, sql`organization_id = ${orgId}`);
  return counts;
}

function signOut(cookie: string, entryId: string, fields: Fields = {}) {
  return callAction(
    entryRoute,
    `/visitors/${entryId}`,
    { intent: "signOut", redirectTo: "/visitors", ...fields },
    { cookie, params: { entryId } },
  );
}

type ListData = Awaited<ReturnType<typeof listRoute.loader>>;

describe("signing a visitor in", () => {
  test("keeps only the masked ID number, names the guard who checked it, and feeds the criteria", async () => {
    const entry = await signIn(guard.cookie, gate1.id, { company: "苏州示例电子有限公司", vehiclePlate: "沪a 12345", escortName: "" });
    expect(entry.idNumberMasked).toBe("1101**********002X");
    expect(entry.idCheckedByUserId).toBe(guard.userId);
    expect(entry.vehiclePlate).toBe("沪A12345");
    expect(entry.signedOutAt).toBeNull();
    // The raw row and the audit trail: the full number is nowhere.
    const [raw] = await query(sql`select * from visitor_entries where id = ${entry.id}`);
    expect(JSON.stringify(raw)).not.toContain(RESIDENT_ID);
    expect(JSON.stringify(raw)).not.toContain("19491231");
    const audit = await testDb().select().from(auditEvents).where(eq(auditEvents.entityId, entry.id));
    expect(audit.map((a) => a.entityType)).toEqual(["visitor_entry"]);
    expect(JSON.stringify(audit)).not.toContain(RESIDENT_ID);
    const links = await testDb()
      .select()
      .from(evidenceLinks)
      .where(and(eq(evidenceLinks.recordType, "visitor_entry"), eq(evidenceLinks.recordId, entry.id)));
    expect(links.length).toBeGreaterThanOrEqual(3);
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toMatchObject({ ok: true });
  });

  test("the number typed is never sent back into the page, even when refused", async () => {
    const outcome = await postSignIn(guard.cookie, visitorFields(gate1.id, { vehiclePlate: "ABC" }));
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.data)).not.toContain(RESIDENT_ID);
    expect(keyOf(errorsOf(outcome).vehiclePlate)).toBe("visitors.errors.plate");
  });

  test.each([
    [{ idNumber: "110105194912310021" }, "idNumber", "visitors.errors.residentId.check"],
    [{ idDocumentType: "passport", idNumber: "E1" }, "idNumber", "visitors.errors.idFormat"],
    [{ idVerified: undefined }, "idVerified", "visitors.errors.idVerified"],
    [{ visitorName: "  " }, "visitorName", "errors.required"],
    [{ hostName: "" }, "hostName", "errors.required"],
    [{ purpose: "shopping" }, "purpose", "visitors.errors.purpose"],
    [{ purpose: "other" }, "purposeNote", "visitors.errors.purposeNote"],
    [{ siteId: "00000000-0000-4000-8000-000000000000" }, "siteId", "visitors.errors.site"],
  ] as const)("refuses %j with a message on %s and writes nothing", async (overrides, field, key) => {
    const before = await footprint(owner.organizationId);
    const outcome = await postSignIn(guard.cookie, visitorFields(gate1.id, overrides as Fields));
    expect(outcome.status).toBe(400);
    expect(keyOf(errorsOf(outcome)[field])).toBe(key);
    expect(await footprint(owner.organizationId)).toEqual(before);
  });

  test("a site of another organisation is refused", async () => {
    const other = await signUpOrganization();
    const otherSite = await createSite(other.cookie);
    const outcome = await postSignIn(guard.cookie, visitorFields(otherSite.id));
    expect(keyOf(errorsOf(outcome).siteId)).toBe("visitors.errors.site");
  });

  test("the phone remembers its site for the next sign-in", async () => {
    const outcome = await postSignIn(guard.cookie, visitorFields(gate2.id));
    expect(outcome.status).toBe(302);
    const cookie = outcome.setCookie?.split(";")[0] ?? "";
    expect(cookie).toBe(`tg_visitor_site=${gate2.id}`);
    const page = await callLoader<Awaited<ReturnType<typeof newRoute.loader>>>(newRoute, "/visitors/new", {
      cookie: `${guard.cookie}; ${cookie}`,
    });
    expect(page.data.defaults.siteId).toBe(gate2.id);
    const fresh = await callLoader<Awaited<ReturnType<typeof newRoute.loader>>>(newRoute, "/visitors/new", { cookie: guard.cookie });
    expect(fresh.data.defaults.siteId).toBeUndefined();
    expect(fresh.data.defaults.idDocumentType).toBe("cn_resident_id");
  });

  test("a host typed as an employee's name is linked to that employee", async () => {
    const host = await insertEmployee(owner.organizationId, { name: `陈主管-${Date.now()}` });
    const entry = await signIn(guard.cookie, gate1.id, { hostName: host.name });
    expect(entry.hostEmployeeId).toBe(host.id);
    const stranger = await signIn(guard.cookie, gate1.id, { hostName: "不在名单的人" });
    expect(stranger.hostEmployeeId).toBeNull();
    expect(stranger.hostName).toBe("不在名单的人");
  });

  test("a returning visitor is prefilled from the earlier entry, but the ID number is asked again", async () => {
    const first = await signIn(guard.cookie, gate1.id, {
      company: "回访公司",
      hostName: "刘经理",
      idDocumentType: "passport",
      idNumber: "E12345678",
    });
    const page = await callLoader<Awaited<ReturnType<typeof newRoute.loader>>>(newRoute, `/visitors/new?from=${first.id}`, {
      cookie: guard.cookie,
    });
    expect(page.data.defaults).toMatchObject({
      visitorName: first.visitorName,
      company: "回访公司",
      idDocumentType: "passport",
      hostName: "刘经理",
    });
    expect(page.data.defaults).not.toHaveProperty("idNumber");
    expect(page.data.returning).toEqual({ reference: expect.stringMatching(/^VIS-\d{5}$/), idNumberMasked: "E****5678" });
  });

  test("only the gate roles sign visitors in; everyone reads the log", async () => {
    const auditor = await addMember(owner.cookie, "auditor");
    const outcome = await postSignIn(auditor.cookie, visitorFields(gate1.id));
    expect(outcome.status).toBe(403);
    const list = await callLoader<ListData>(listRoute, "/visitors", { cookie: auditor.cookie });
    expect(list.status).toBe(200);
    expect(list.data.canRecord).toBe(false);
  });
});

describe("signing out and who is on site", () => {
  test("the on-site list is per site; signing out takes a visitor off it; twice is refused", async () => {
    const org = await signUpOrganization();
    const north = await createSite(org.cookie, { nameZh: "北门" });
    const south = await createSite(org.cookie, { nameZh: "南门" });
    const a = await signIn(org.cookie, north.id, { visitorName: "甲" });
    const b = await signIn(org.cookie, north.id, { visitorName: "乙" });
    const c = await signIn(org.cookie, south.id, { visitorName: "丙" });
    const onSite = async (search = "") => {
      const list = await callLoader<ListData>(listRoute, `/visitors${search}`, { cookie: org.cookie });
      return Object.fromEntries(list.data.onSite.map((s) => [s.nameZh, s.visitors.map((v) => v.visitorName)]));
    };
    expect(await onSite()).toEqual({ 北门: ["甲", "乙"], 南门: ["丙"] });
    expect(await onSite(`?site=${south.id}`)).toEqual({ 南门: ["丙"] });

    const out = await signOut(org.cookie, b.id);
    expect(out.status).toBe(302);
    expect(out.location).toBe(`/visitors?signedOut=${b.id}`);
    const [row] = await testDb().select().from(visitorEntries).where(eq(visitorEntries.id, b.id));
    expect(row?.signedOutAt).toBeInstanceOf(Date);
    expect(row?.signedOutByUserId).toBe(org.userId);
    expect(await onSite()).toEqual({ 北门: ["甲"], 南门: ["丙"] });

    const before = await footprint(org.organizationId);
    const again = await signOut(org.cookie, b.id);
    expect(again.status).toBe(400);
    expect(keyOf(errorsOf(again).form)).toBe("visitors.errors.alreadyOut");
    expect(await footprint(org.organizationId)).toEqual(before);
    // The log still lists all three, newest first.
    const list = await callLoader<ListData>(listRoute, "/visitors", { cookie: org.cookie });
    expect(list.data.rows.map((r) => r.visitorName)).toEqual(["丙", "乙", "甲"]);
    expect(a.number).toBeLessThan(c.number);
  });

  test("a redirect after sign-out stays on the visitor pages", async () => {
    const entry = await signIn(guard.cookie, gate1.id);
    const out = await signOut(guard.cookie, entry.id, { redirectTo: "https://evil.example/x" });
    expect(out.location).toBe(`/visitors?signedOut=${entry.id}`);
  });

  test("a visitor still inside after the end of their day is flagged, on the list and the dashboard", async () => {
    const org = await signUpOrganization();
    const site = await createSite(org.cookie, { nameZh: "东门" });
    const late = await signIn(org.cookie, site.id, { visitorName: "昨晚来的" });
    const today = await signIn(org.cookie, site.id, { visitorName: "今天来的" });
    // Arrived yesterday at 23:58 Shanghai time.
    const zone = "Asia/Shanghai";
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
    const yesterday2358 = new Date(new Date(`${day}T00:00:00+08:00`).getTime() - 2 * 60_000);
    await testDb().update(visitorEntries).set({ signedInAt: yesterday2358 }).where(eq(visitorEntries.id, late.id));
    const list = await callLoader<ListData>(listRoute, "/visitors", { cookie: org.cookie });
    const flags = Object.fromEntries((list.data.onSite[0]?.visitors ?? []).map((v) => [v.visitorName, v.notSignedOut]));
    expect(flags).toEqual({ 昨晚来的: true, 今天来的: false });
    expect(await visitorsOnSiteSummary(testDb(), org.organizationId, zone)).toEqual([
      { siteId: site.id, siteNameZh: "东门", siteNameEn: site.nameEn, onSite: 2, notSignedOut: 1 },
    ]);
    await signOut(org.cookie, late.id);
    expect(await visitorsOnSiteSummary(testDb(), org.organizationId, zone)).toMatchObject([{ onSite: 1, notSignedOut: 0 }]);
    expect(today.signedOutAt).toBeNull();
  });
});

describe("the register's visitor badges at the gate", () => {
  test("a badge from the register is issued on sign-in, refused to a second visitor, and available again on sign-out", async () => {
    const org = await signUpOrganization();
    const site = await createSite(org.cookie);
    await addItems(org.cookie, org.organizationId, { kind: "visitor_badge", code: "V-001", lastCode: "V-003" });
    const entry = await signIn(org.cookie, site.id, { visitorName: "持证访客", badgeNumber: "v-002" });
    expect(entry.badgeNumber).toBe("V-002");
    let badge = await itemByCode(org.organizationId, "visitor_badge", "V-002");
    expect(entry.accessItemId).toBe(badge.id);
    expect(badge.status).toBe("issued");
    expect(badge.holderEmployeeId).toBeNull();

    const before = await footprint(org.organizationId);
    const second = await postSignIn(org.cookie, visitorFields(site.id, { badgeNumber: "V-002" }));
    expect(second.status).toBe(400);
    expect(keyOf(errorsOf(second).badgeNumber)).toBe("visitors.errors.badgeWithVisitor");
    expect(errorsOf(second).badgeNumber).toContain("持证访客");
    expect(await footprint(org.organizationId)).toEqual(before);

    await signOut(org.cookie, entry.id);
    badge = await itemByCode(org.organizationId, "visitor_badge", "V-002");
    expect(badge.status).toBe("available");
    const events = await testDb()
      .select()
      .from(accessItemEvents)
      .where(eq(accessItemEvents.itemId, badge.id))
      .orderBy(accessItemEvents.number);
    expect(events.map((e) => e.kind)).toEqual(["issue", "return"]);
    expect(events[0]?.note).toContain("持证访客");

    // A number that is not in the register is kept as typed.
    const free = await signIn(org.cookie, site.id, { badgeNumber: "临-9" });
    expect(free.accessItemId).toBeNull();
    expect(free.badgeNumber).toBe("临-9");
  });

  test("a lost badge cannot be handed out", async () => {
    const org = await signUpOrganization();
    const site = await createSite(org.cookie);
    const [badge] = await addItems(org.cookie, org.organizationId, { kind: "visitor_badge", code: "L-1" });
    await testDb().update(accessItems).set({ status: "lost" }).where(eq(accessItems.id, badge!.id));
    const outcome = await postSignIn(org.cookie, visitorFields(site.id, { badgeNumber: "L-1" }));
    expect(keyOf(errorsOf(outcome).badgeNumber)).toBe("visitors.errors.badgeStatus.lost");
  });
});

describe("the CSV export", () => {
  test("lists the visits of a date range with the CTPAT 10.2 fields, times in the organisation's zone", async () => {
    const org = await signUpOrganization();
    const site = await createSite(org.cookie, { nameZh: "西门" });
    const old = await signIn(org.cookie, site.id, { visitorName: "上月访客" });
    await testDb()
      .update(visitorEntries)
      .set({ signedInAt: new Date("2026-10-05T01:30:00Z") })
      .where(eq(visitorEntries.id, old.id));
    const entry = await signIn(org.cookie, site.id, {
      visitorName: "本次访客",
      badgeNumber: "T-7",
      vehiclePlate: "苏E12345",
      escortName: "保安小张",
    });
    await signOut(org.cookie, entry.id);

    const response = await csvRoute.loader({
      request: getRequest("/visitors/export.csv?from=2026-10-01&to=2026-10-31", { cookie: org.cookie }),
      params: {},
      context: {},
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A UTF-8 byte-order mark first, so Excel reads the Chinese right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const rows = Papa.parse<string[]>(text.trim()).data;
    expect(rows[0]).toEqual([
      "登记号",
      "日期 (Asia/Shanghai)",
      "场所",
      "访客姓名",
      "单位",
      "证件类型",
      "证件号码（遮蔽）",
      "证件核验人",
      "到达时间 (Asia/Shanghai)",
      "被访人",
      "来访事由",
      "临时访客证",
      "陪同人",
      "车牌号",
      "离开时间 (Asia/Shanghai)",
      "签离人",
      "未签离",
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(1, 4)).toEqual(["2026-10-05", "西门", "上月访客"]);
    expect(rows[1]?.[8]).toBe("2026-10-05 09:30");
    expect(rows[1]?.[6]).toBe("1101**********002X");
    expect(rows[1]?.[16]).toBe("未签离");
    expect(text).not.toContain(RESIDENT_ID);

    const all = await (
      await csvRoute.loader({ request: getRequest("/visitors/export.csv", { cookie: org.cookie }), params: {}, context: {} })
    ).text();
    const current = Papa.parse<string[]>(all.trim()).data.find((r) => r[3] === "本次访客");
    expect(current?.slice(11, 14)).toEqual(["T-7", "保安小张", "苏E12345"]);
    expect(current?.[14]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(current?.[15]).toBe(org.name);
  });
});

describe("the site of a visit", () => {
  test("cannot be deleted while the visitor log names it (the page says why)", async () => {
    const site = await createSite(owner.cookie, { nameZh: "临时门岗", nameEn: "Temporary gate" });
    await signIn(guard.cookie, site.id);
    const outcome = await callAction(
      sitesRoute,
      `/settings/sites/${site.id}`,
      { intent: "delete" },
      { cookie: owner.cookie, params: { siteId: site.id } },
    );
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).form).toBe("sites.hasRecords");
    expect(await countRows("sites", sql`id = ${site.id}`)).toBe(1);
  });
});

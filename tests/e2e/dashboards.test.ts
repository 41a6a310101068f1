// One dashboard per role, in the browser: an organisation with a guard posted at one gate, a
// security lead, procurement, HR, compliance and an auditor, each invited through the emailed link;
// records made through the app's forms (sites, schedules, seals, a visitor, a partner, an employee).
// Each member's dashboard shows their own work and not another desk's; the owner sees every desk's
// counts, the auditor the same without anything to do. Screenshots per role, phone and desktop.
import postgres from "postgres";
import { request, type APIRequestContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { residentIdCheckCharacter } from "~/lib/inspections/identity-document";
import { usccCheckCharacter } from "~/lib/organizations/uscc";
import { e2eSuite, logInBySession, newOrganization, PHONE, snap, uniqueEmail } from "../support/e2e-app";

const suite = e2eSuite("dashboards");
const open = suite.open;

const GATE = { nameZh: "盐田出口仓", nameEn: "Yantian Export Warehouse", address: "广东省深圳市盐田区港前路 1 号", kind: "warehouse" };
const BONDED = { nameZh: "前海保税仓", nameEn: "Qianhai Bonded Warehouse", address: "广东省深圳市南山区前海路 8 号", kind: "warehouse" };
const roles = ["security", "security_lead", "procurement", "hr", "compliance", "auditor"] as const;
type MemberRole = (typeof roles)[number];
const names: Record<MemberRole, string> = {
  security: "李门卫",
  security_lead: "赵主管",
  procurement: "钱采购",
  hr: "孙人事",
  compliance: "周合规",
  auditor: "吴审计",
};

let owner: APIRequestContext;
let ownerEmail: string;
const emails = {} as Record<MemberRole, string>;
let gateId: string;
let bondedId: string;

async function post(api: APIRequestContext, path: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  const response = await api.post(path, {
    data: body.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    maxRedirects: 0,
  });
  expect(response.status(), `${path}: ${(await response.text()).slice(0, 300)}`).toBe(302);
  return response;
}

async function one<T extends Record<string, unknown>>(query: (sql: postgres.Sql) => Promise<T[]>): Promise<T> {
  const sql = postgres(suite.app.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await query(sql);
    if (!row) throw new Error("no row");
    return row;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const userIdOf = async (email: string) => (await one((sql) => sql<{ id: string }[]>`select id from users where lower(email) = lower(${email})`)).id;

beforeAll(async () => {
  const org = newOrganization("dashboards");
  ownerEmail = org.email;
  owner = await request.newContext({ baseURL: suite.app.baseUrl });
  await post(owner, "/signup", { ...org });
  await post(owner, "/settings/sites?index", GATE);
  await post(owner, "/settings/sites?index", BONDED);
  const site = async (nameEn: string) => (await one((sql) => sql<{ id: string }[]>`select id from sites where name_en = ${nameEn}`)).id;
  gateId = await site(GATE.nameEn);
  bondedId = await site(BONDED.nameEn);

  // Each member through the emailed invitation, as a person joins.
  for (const role of roles) {
    const email = uniqueEmail(role.replace("_", ""));
    emails[role] = email;
    await post(owner, "/settings/members?index", { intent: "invite", email, role });
    const mail = await suite.app.waitForMail((m) => m.to.includes(email));
    const link = new URL(mail.links.find((l) => l.includes("/invite/")) ?? "");
    const invitee = await request.newContext({ baseURL: suite.app.baseUrl });
    await post(invitee, link.pathname, { name: names[role], password: "dashboards-2026!" });
    await invitee.dispose();
  }
  const guardId = await userIdOf(emails.security);

  // The gate's daily 7-point inspection and the bonded warehouse's patrol, both due since January.
  await post(owner, "/schedules?index", { intent: "create", siteId: gateId, templateCode: "container-7-point", frequency: "daily", startsOn: "2026-01-05" });
  await post(owner, "/schedules?index", { intent: "create", siteId: bondedId, templateCode: "premises-patrol", frequency: "daily", startsOn: "2026-01-05" });
  // The guard's employee record posts them at the gate (no background check recorded yet).
  const first17 = "31011519880214107";
  await post(owner, "/personnel/new", {
    name: names.security,
    position: "门卫",
    department: "安保部",
    hireDate: "2024-05-06",
    idDocumentType: "resident_id",
    idNumber: first17 + residentIdCheckCharacter(first17),
    securitySensitive: "1",
    siteId: gateId,
    userId: guardId,
  });
  // A carrier never evaluated; a visitor at the gate; seals handed to the guard.
  await post(owner, "/partners/new", {
    legalNameZh: "深圳顺达运输有限公司",
    legalNameEn: "Shenzhen Shunda Transport Co., Ltd.",
    countryCode: "CN",
    uscc: `91440300MA5DC0QX1${usccCheckCharacter("91440300MA5DC0QX1")}`,
    roles: ["carrier"],
    customsCredit: "general",
    aeoProgramme: "none",
  });
  await post(owner, "/visitors/new", {
    siteId: gateId,
    visitorName: "刘来访",
    company: "上海示例物流有限公司",
    idDocumentType: "cn_resident_id",
    idNumber: "11010519491231002X",
    idVerified: "yes",
    hostName: "王经理",
    purpose: "meeting",
  });
  await post(owner, "/seals/models", { intent: "create", manufacturer: "泰登", modelName: "TB-Bolt H", type: "bolt", isoClass: "H" });
  const model = await one((sql) => sql<{ id: string }[]>`select id from seal_models where model_name = 'TB-Bolt H'`);
  await post(owner, "/seals/receive", { modelId: model.id, siteId: gateId, fromNumber: "CN2026000101", toNumber: "CN2026000105" });
  await post(owner, "/seals/issue", { custodianUserId: guardId, fromNumber: "CN2026000101", toNumber: "CN2026000103" });
});

afterAll(async () => {
  await owner?.dispose();
});

const group = (page: Page, kind: string) => page.locator(`section[data-kind="${kind}"]`);
const kindsOn = (page: Page) => page.locator("section[data-kind]").evaluateAll((sections) => sections.map((s) => s.getAttribute("data-kind")).sort());

async function dashboardOf(email: string) {
  const opened = await open({ locale: "zh-CN", viewport: PHONE });
  await logInBySession(opened.page, suite.app, email);
  await opened.page.getByRole("heading", { level: 1 }).waitFor();
  return opened;
}

describe("dashboards", () => {
  test("the guard: the rounds at their gate only, their seals, the visitor on site; one tap to start", async () => {
    const { page, problems } = await dashboardOf(emails.security);
    expect(await kindsOn(page)).toEqual(["inspection_due", "seal_issued", "visitor_on_site"]);
    const rounds = group(page, "inspection_due");
    await rounds.getByText(GATE.nameZh, { exact: false }).first().waitFor();
    expect(await rounds.getByText(BONDED.nameZh, { exact: false }).count()).toBe(0);
    await group(page, "seal_issued").getByText("你保管的封志：3 枚（CN2026000101–CN2026000103）").waitFor();
    await group(page, "visitor_on_site").getByText(`${GATE.nameZh}：1 名访客在场`).waitFor();
    await page.getByRole("navigation", { name: "快捷操作" }).getByRole("link", { name: "开始检查" }).waitFor();
    await snap(page, "dashboard-guard");
    await rounds.getByRole("link").first().click();
    await page.waitForURL((url) => url.pathname === "/inspections/new" && url.searchParams.get("site") === gateId);
    expect(problems).toEqual([]);
  });

  test("the security lead: the seal model to certify, none of the guard's rounds", async () => {
    const { page, problems } = await dashboardOf(emails.security_lead);
    expect(await kindsOn(page)).toEqual(["certificate_expiring"]);
    await group(page, "certificate_expiring").getByText("封志型号 泰登 TB-Bolt H：未上传 ISO 17712 证书").waitFor();
    await page.getByRole("link", { name: "发放封志" }).waitFor();
    // The gate they supervise, as counts: both sites' rounds are overdue; not procurement's or HR's desks.
    await page.locator('section[data-area="gate"]').getByRole("link", { name: /到期检查\s*2/ }).waitFor();
    expect(await page.locator("section[data-area]").evaluateAll((s) => s.map((e) => e.getAttribute("data-area")))).toEqual(["gate"]);
    await snap(page, "dashboard-security-lead");
    expect(problems).toEqual([]);
  });

  test("procurement, in English: the carrier to evaluate and its missing clauses, nothing of the gate or HR", async () => {
    const { page, problems } = await dashboardOf(emails.procurement);
    // The account's language, switched as a person does: the items' titles follow it.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "What needs you" }).waitFor();
    expect(await kindsOn(page)).toEqual(["contract_clauses_missing", "evaluation_due"]);
    await group(page, "evaluation_due").getByText(/^TP-00001 Shenzhen Shunda Transport Co\., Ltd\.: never evaluated$/).waitFor();
    await group(page, "evaluation_due").getByRole("heading", { name: /Evaluations due/ }).waitFor();
    await snap(page, "dashboard-procurement");
    expect(problems).toEqual([]);
  });

  test("HR: the guard's missing background check", async () => {
    const { page, problems } = await dashboardOf(emails.hr);
    expect(await kindsOn(page)).toEqual(["personnel_check_due"]);
    await group(page, "personnel_check_due").getByText(/^EMP-0001 李门卫：尚无背景审查记录$/).waitFor();
    await snap(page, "dashboard-hr");
    expect(problems).toEqual([]);
  });

  test("compliance: nothing waiting for them yet, and the compliance picture", async () => {
    const { page, problems } = await dashboardOf(emails.compliance);
    expect(await kindsOn(page)).toEqual([]);
    await page.getByText("目前没有需要你处理的到期或待办事项。").waitFor();
    await page.getByRole("heading", { name: "自我评估" }).waitFor();
    await page.getByRole("heading", { name: "证据档案" }).waitFor();
    await page.getByRole("link", { name: "新建自我评估" }).waitFor();
    expect(await page.getByRole("heading", { name: "全公司概况" }).count()).toBe(0);
    await snap(page, "dashboard-compliance");
    expect(problems).toEqual([]);
  });

  test("the owner: every desk's counts, none of it as their own work", async () => {
    const { page, problems } = await dashboardOf(ownerEmail);
    await page.getByRole("heading", { name: "全公司概况" }).waitFor();
    expect(await kindsOn(page)).toEqual([]);
    const area = (name: string) => page.locator(`section[data-area="${name}"]`);
    // Two schedules due: the gate's and the bonded warehouse's.
    await area("gate").getByRole("link", { name: /到期检查\s*2/ }).waitFor();
    await area("purchasing").getByRole("link", { name: /到期评估\s*1/ }).waitFor();
    await area("people").getByRole("link", { name: /到期的背景审查\s*1/ }).waitFor();
    // The seal model's missing certificate counts with the certificates, at the compliance desk.
    await area("compliance").getByRole("link", { name: /到期或缺失的证书\s*1/ }).waitFor();
    await snap(page, "dashboard-owner");
    await area("people").getByRole("link", { name: /到期的背景审查/ }).click();
    await page.waitForURL((url) => url.pathname === "/personnel" && url.searchParams.get("check") === "due");
    expect(problems).toEqual([]);
  });

  test("the auditor: the same counts, read-only: no list of their own and nothing to start", async () => {
    const { page, problems } = await dashboardOf(emails.auditor);
    await page.getByRole("heading", { name: "全公司概况" }).waitFor();
    await page.locator('section[data-area="purchasing"]').getByRole("link", { name: /到期评估\s*1/ }).waitFor();
    expect(await page.getByRole("heading", { name: "需要你处理" }).count()).toBe(0);
    expect(await page.getByRole("navigation", { name: "快捷操作" }).count()).toBe(0);
    expect(await kindsOn(page)).toEqual([]);
    await snap(page, "dashboard-auditor");
    expect(problems).toEqual([]);
  });
});

// Training in the browser, in Chinese, on a phone: the compliance lead records a customs-law session
// with its slides, ticks the two key managers as attendees, and the requirement page turns to met for
// the 2014 standard (one a year) while the 2022 standard (two a year) still waits; the dashboard says
// so. Then the same form without JavaScript: a refused post keeps what was typed, a good one saves,
// and "add all shown" adds the attendees.
// Employees are the personnel module's; they are inserted straight into the test database here.
import type { Page } from "playwright-core";
import postgres from "postgres";
import { afterAll, describe, expect, test } from "vitest";
import { DEFAULT_ADMIN_URL, e2eSuite, newOrganization, PHONE, signUpInChinese, snap } from "../support/e2e-app";

const suite = e2eSuite("training");
const open = suite.open;

let sql: ReturnType<typeof postgres> | undefined;
function database() {
  if (!sql) {
    const url = new URL(process.env.TEST_DATABASE_URL || DEFAULT_ADMIN_URL);
    url.pathname = `/${suite.app.databaseName}`;
    sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  }
  return sql;
}
afterAll(async () => {
  await sql?.end();
});

/** Today in the organisation's zone (Asia/Shanghai, the default). */
function shanghaiDay(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}

async function employeesFor(orgNameZh: string, people: { name: string; keyRole: string | null; department: string }[]) {
  const db = database();
  const [org] = await db<{ id: string }[]>`select id from organizations where legal_name_zh = ${orgNameZh}`;
  if (!org) throw new Error("organisation not found");
  let number = 0;
  for (const p of people) {
    number += 1;
    await db`insert into employees (organization_id, number, name, position, department, key_roles, hire_date)
             values (${org.id}, ${number}, ${p.name}, ${"经理"}, ${p.department},
                     coalesce(string_to_array(${p.keyRole}::text, ','), '{}'::text[]), ${"2018-01-01"})`;
  }
}

function pdf(name: string) {
  return { name, mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`) };
}

/** The person's row on the requirement page. */
const personRow = (page: Page, name: string) => page.getByTestId("requirement-person").filter({ hasText: name });

describe("training, phone, Chinese", () => {
  test("a customs-law session with the key managers turns the 2014 requirement to met", async () => {
    const { page, problems } = await open({ viewport: PHONE, locale: "zh-CN" });
    const org = newOrganization("training");
    await signUpInChinese(page, org);
    await employeesFor(org.organizationNameZh, [
      { name: "林法人", keyRole: "legal_representative", department: "总经办" },
      { name: "周关务", keyRole: "senior_customs_manager", department: "关务部" },
      { name: "吴仓管", keyRole: null, department: "仓储部" },
    ]);

    await page.goto("/training/requirements?framework=cn-2014-general");
    await expect.poll(() => personRow(page, "林法人").getByText("尚未达标").count()).toBe(1);
    await expect.poll(() => personRow(page, "周关务").getByText("尚未达标").count()).toBe(1);

    await page.goto("/training");
    await page.getByRole("link", { name: "记录培训" }).click();
    await page.getByRole("heading", { name: "记录培训", level: 1 }).waitFor();
    await page.getByLabel("主题").fill("2026 年海关法规与报关规范");
    await page.getByLabel("类别").selectOption({ label: "海关法规" });
    await page.getByLabel("日期").fill(shanghaiDay());
    await page.getByLabel("讲师").fill("李老师");
    await page.getByLabel("外部培训机构").fill("上海海关学院");
    await page.getByLabel("培训材料").setInputFiles([pdf("课件.pdf"), pdf("签到表.pdf")]);
    await snap(page, "training-new", "phone");
    await page.getByRole("button", { name: "保存培训" }).click();
    await page.waitForURL(/\/training\/[0-9a-f-]{36}\?created=1$/);
    await page.getByText("培训已保存。请添加参加人员。").waitFor();
    await page.getByText("SHA-256", { exact: false }).first().waitFor();

    await page.getByLabel(/林法人/).check();
    await page.getByLabel(/周关务/).check();
    await page.getByRole("button", { name: "添加勾选的员工" }).click();
    await page.getByText("已添加 2 名参加人员。").waitFor();
    await expect.poll(() => page.getByRole("link", { name: "林法人" }).count()).toBe(1);
    // The one left to add: "tick everyone shown" ticks it, and unticks it again.
    await page.getByRole("button", { name: "全选显示的员工" }).click();
    await expect.poll(() => page.getByLabel(/吴仓管/).isChecked()).toBe(true);
    await page.getByRole("button", { name: "取消全选" }).click();
    await expect.poll(() => page.getByLabel(/吴仓管/).isChecked()).toBe(false);
    await snap(page, "training-session", "phone");
    const sessionPath = new URL(page.url()).pathname;

    await page.goto("/training/requirements?framework=cn-2014-general");
    await expect.poll(() => personRow(page, "林法人").getByText("达标", { exact: true }).count()).toBe(1);
    await expect.poll(() => personRow(page, "周关务").getByText("达标", { exact: true }).count()).toBe(1);
    await page.getByText("2 人中 2 人达标", { exact: false }).waitFor();
    await snap(page, "training-requirements", "phone");

    // The 2022 standard asks for two a year: one is not enough yet.
    await page.getByLabel("标准", { exact: true }).selectOption({ value: "cn-2022-advanced" });
    await page.getByRole("button", { name: "查看" }).click();
    await page.waitForURL(/framework=cn-2022-advanced/);
    await expect.poll(() => personRow(page, "林法人").getByText("尚未达标").count()).toBe(1);
    await personRow(page, "林法人").getByText("本年度还需参加 1 次海关法规培训。").waitFor();

    await page.goto("/");
    const dashboard = page.locator("section").filter({ has: page.getByRole("heading", { name: /关键管理人员海关培训/ }) });
    await dashboard.getByText("全部 2 名关键管理人员均已达标。").waitFor();
    await dashboard.getByRole("link", { name: /林法人/ }).waitFor();
    await dashboard.getByRole("link", { name: "记录海关法规培训" }).waitFor();
    await snap(page, "training-dashboard", "phone");

    await page.goto("/training");
    await page.getByRole("link", { name: "2026 年海关法规与报关规范" }).waitFor();
    await snap(page, "training-list");
    // The same session in English, wide, to see the layout with readable glyphs.
    await page.goto(`${sessionPath}?lng=en`);
    await page.getByRole("heading", { name: "Add attendees" }).waitFor();
    await snap(page, "training-session-en");
    expect(problems).toEqual([]);
  });

  test("without JavaScript: a refused post keeps the typed values, a good one saves, and everyone shown is added in one tap", async () => {
    const { page, problems } = await open({ viewport: PHONE, locale: "zh-CN", javaScriptEnabled: false });
    const org = newOrganization("training-nojs");
    await signUpInChinese(page, org);
    await employeesFor(org.organizationNameZh, [
      { name: "郑司机", keyRole: null, department: "车队" },
      { name: "冯司机", keyRole: null, department: "车队" },
      { name: "陈会计", keyRole: null, department: "财务部" },
    ]);
    await page.goto("/training/new");
    await page.getByLabel("主题").fill("驾驶人员货物安全培训");
    await page.getByLabel("类别").selectOption({ label: "驾驶人员安全" });
    await page.getByLabel("开始时间").fill("25:00");
    await page.getByRole("button", { name: "保存培训" }).click();
    await page.getByText("未保存任何内容", { exact: false }).waitFor();
    await page.getByText("必填。").first().waitFor();
    expect(await page.getByLabel("主题").inputValue()).toBe("驾驶人员货物安全培训");
    await snap(page, "training-new-refused", "phone");

    await page.getByLabel("开始时间").fill("");
    await page.getByLabel("讲师").fill("车队长");
    await page.getByRole("button", { name: "保存培训" }).click();
    await page.waitForURL(/\/training\/[0-9a-f-]{36}\?created=1$/);

    await page.getByLabel("部门").selectOption({ label: "车队" });
    await page.getByRole("button", { name: "显示", exact: true }).click();
    await page.waitForURL(/department=/);
    await page.getByRole("button", { name: "添加显示的全部 2 名员工" }).click();
    await page.getByText("已添加 2 名参加人员。").waitFor();
    await expect.poll(() => page.getByRole("link", { name: "郑司机" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "陈会计" }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

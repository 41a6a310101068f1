// Personnel in the browser, in Chinese at phone size: HR adds an employee whose leave date has
// passed, the overdue exit shows on the dashboard, each checklist item is ticked on the phone and
// the card disappears; the full ID number appears only after "show"; the employee form without
// JavaScript, refusing a mistyped resident ID number and then saving.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { residentIdCheckCharacter } from "~/lib/inspections/identity-document";
import { e2eSuite, newOrganization, PHONE, signUpInChinese, snap } from "../support/e2e-app";

const suite = e2eSuite("personnel");
const open = suite.open;

/** The organisation's calendar day (Asia/Shanghai, the default zone), `days` from today. */
function shanghaiDay(days = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + days * 86_400_000));
}

function residentId(serial: number): string {
  const first17 = `31011519880214${String(serial).padStart(3, "0")}`;
  return first17 + residentIdCheckCharacter(first17);
}

const card = (page: Page, title: string) => page.locator("section").filter({ has: page.getByRole("heading", { name: title }) });

async function fillEmployee(page: Page, fields: { name: string; idNumber: string; hireDate: string; leaveDate?: string }) {
  await page.getByLabel("姓名", { exact: true }).fill(fields.name);
  await page.getByLabel("岗位", { exact: true }).fill("叉车司机");
  await page.getByLabel("部门", { exact: true }).fill("仓储部");
  await page.getByLabel("入职日期", { exact: true }).fill(fields.hireDate);
  if (fields.leaveDate) await page.getByLabel("离职日期", { exact: true }).fill(fields.leaveDate);
  await page.getByLabel("证件类型", { exact: true }).selectOption({ label: "居民身份证" });
  await page.getByLabel("证件号码", { exact: true }).fill(fields.idNumber);
}

describe("personnel", () => {
  test("offboard an employee on a phone: the overdue exit shows on the dashboard until every item is done", async () => {
    const { page, problems } = await open({ viewport: PHONE });
    await signUpInChinese(page, newOrganization("personnel"));
    await page.goto("/");
    await expect.poll(() => page.getByRole("heading", { name: /逾期的离职手续/ }).count()).toBe(0);

    await page.goto("/personnel");
    await page.getByRole("link", { name: "新增员工" }).click();
    const idNumber = residentId(101);
    await fillEmployee(page, { name: "陈离职", idNumber, hireDate: "2021-03-01", leaveDate: shanghaiDay(-2) });
    await snap(page, "personnel-new");
    await page.getByRole("button", { name: "加入名册" }).click();
    await page.waitForURL(/\/personnel\/[0-9a-f-]{36}\?created=1/);
    await page.getByText("已加入员工名册。").waitFor();
    // The page shows the mask until HR asks, and the birth date was read from the number.
    await expect.poll(() => page.getByTestId("id-number").textContent()).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    await page.getByText("1988年2月14日").waitFor();
    await page.getByRole("button", { name: "显示完整号码" }).click();
    await expect.poll(() => page.getByTestId("id-number").textContent()).toBe(idNumber);
    const employeeUrl = new URL(page.url()).pathname;

    await page.goto("/");
    // Nobody else does HR's work here, so the owner has the exit on their own list.
    const overdue = page.locator('section[data-kind="exit_overdue"]');
    await overdue.getByRole("heading", { name: /逾期的离职手续\s*\(1\)/ }).waitFor();
    await overdue.getByText(/陈离职：离职手续逾期，4 项未完成/).waitFor();
    await snap(page, "personnel-dashboard-overdue");
    await overdue.getByRole("link", { name: /陈离职/ }).click();
    await page.waitForURL(`**${employeeUrl}#exit`);

    const exit = card(page, "离职检查清单");
    await exit.getByText("离职手续逾期").first().waitFor();
    const items = ["已交回工卡和门禁卡", "已交回钥匙和设备", "已注销场所出入权限", "已注销 IT 系统权限"];
    for (const [index, item] of items.entries()) {
      const row = exit.locator("li").filter({ hasText: item });
      if (index === 0) {
        await row.getByLabel("备注（可选）").fill("工卡 A-17 已收回");
        await snap(page, "personnel-exit-checklist");
      }
      await row.getByRole("button", { name: "标记完成" }).click();
      await row.getByText(/王小明 于 .* 完成/).waitFor();
    }
    await page.getByText("所有项目均已完成：离职手续办结。").waitFor();
    await exit.getByText("离职已完成").waitFor();
    await exit.getByText(/工卡 A-17 已收回/).waitFor();
    await snap(page, "personnel-exit-done");

    await page.goto("/");
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await expect.poll(() => page.getByRole("heading", { name: /逾期的离职手续/ }).count()).toBe(0);

    await page.goto("/personnel");
    await page.getByText("陈离职").waitFor();
    await expect.poll(() => page.getByText(idNumber).count()).toBe(0);
    await snap(page, "personnel-list");
    expect(problems).toEqual([]);
  });

  test("the employee form works without JavaScript and refuses a mistyped resident ID number", async () => {
    const setup = await open({ viewport: PHONE });
    const org = newOrganization("personnel-nojs");
    await signUpInChinese(setup.page, org);
    const cookies = await setup.context.cookies();
    const { page, context } = await open({ viewport: PHONE, javaScriptEnabled: false });
    await context.addCookies(cookies);
    await page.goto("/personnel/new");
    const good = residentId(202);
    const last = good.at(-1) === "1" ? "2" : "1";
    await fillEmployee(page, { name: "林无脚本", idNumber: good.slice(0, 17) + last, hireDate: "2022-09-01" });
    // A small company's owner: legal representative and principal person, two boxes.
    await page.getByLabel("法定代表人", { exact: true }).check();
    await page.getByLabel("主要负责人", { exact: true }).check();
    await page.getByRole("group", { name: "关键管理岗位" }).scrollIntoViewIfNeeded();
    await snap(page, "personnel-key-roles", "phone");
    await page.getByRole("button", { name: "加入名册" }).click();
    await page.getByText(/校验码应为 .*，而不是/).waitFor();
    await page.getByText("未保存任何内容。请更正下方标出的字段。").waitFor();
    await snap(page, "personnel-nojs-error", "phone");
    // What was typed is still there; only the number is corrected.
    expect(await page.getByLabel("姓名", { exact: true }).inputValue()).toBe("林无脚本");
    expect(await page.getByLabel("法定代表人", { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel("主要负责人", { exact: true }).isChecked()).toBe(true);
    await page.getByLabel("证件号码", { exact: true }).fill(good);
    await page.getByRole("button", { name: "加入名册" }).click();
    await page.getByText("已加入员工名册。").waitFor();
    await page.getByRole("heading", { name: /林无脚本/ }).waitFor();
    await page.getByText("法定代表人", { exact: true }).first().waitFor();
    await page.getByText("主要负责人", { exact: true }).first().waitFor();
    await snap(page, "personnel-key-roles-saved", "phone");
  });
});

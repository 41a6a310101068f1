// A receiving count recorded at the dock on a phone without JavaScript, in Chinese: two packages
// short and no explanation is refused with its reason (nothing written), then recorded with the
// note and a corrective action; the list says so, the record's page shows the discrepancy and the
// action (also in English), and the dashboard of the organisation's owner, who has no security lead
// or compliance member to hand it to, lists the unresolved discrepancy.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { e2eSuite, newOrganization, PHONE, SCREENSHOT_DIR, signUpInChinese, snap } from "../support/e2e-app";

const suite = e2eSuite("cargo");

async function createSite(page: Page) {
  await page.goto("/settings/sites");
  await page.getByLabel("场所名称（中文）").fill("三号码头");
  await page.getByLabel("场所名称（英文）").fill("Dock 3");
  await page.getByLabel("场所类型").selectOption({ label: "仓库" });
  await page.getByLabel("地址").fill("江苏省苏州市工业园区星海街 18 号");
  await page.getByRole("button", { name: "添加场所" }).click();
  await page.waitForURL("**/settings/sites?added=1");
}

const today = () => new Date().toISOString().slice(0, 10);

describe("cargo reconciliation at the dock", () => {
  test("without JavaScript at 390px: a discrepancy without a note is refused, then recorded with its action and shown", async () => {
    const { page, problems } = await suite.open({ viewport: PHONE, javaScriptEnabled: false });
    await signUpInChinese(page, newOrganization("cargo-nojs"));
    await createSite(page);

    await page.goto("/cargo/new");
    const form = page.getByRole("form", { name: "登记核对" });
    await form.getByLabel("类型").selectOption({ label: "收货" });
    await form.getByLabel("场所").selectOption({ label: "三号码头" });
    await form.getByLabel("提单号").fill("COSU6181234560");
    await form.getByLabel("集装箱号").fill("csqu 305438 3");
    await form.getByLabel("单证件数").fill("120");
    await form.getByLabel("实点件数").fill("118");
    await form.getByRole("button", { name: "登记", exact: true }).click();
    await page.getByText("未登记：请修改下方标出的字段。").waitFor();
    await page.getByText("清点结果与单证不符，请填写差异说明。").waitFor();
    // What was typed is still there.
    expect(await form.getByLabel("实点件数").inputValue()).toBe("118");
    await snap(page, "cargo-form-refused");

    await form.getByLabel("差异说明").fill("短少两件，外包装完好，已通知发货方核查。");
    await form.getByText("就此差异发起纠正措施").click();
    await form.getByLabel("措施负责人").selectOption({ index: 1 });
    await form.getByLabel("措施完成期限").fill(today());
    await form.getByRole("button", { name: "登记", exact: true }).click();
    await page.waitForURL(/\/cargo\?recorded=[0-9a-f-]{36}$/);
    await page.getByText(/REC-00001 已登记，并已发起纠正措施 CA-0001/).waitFor();
    await snap(page, "cargo-list-recorded");

    await page.getByRole("link", { name: /REC-00001/ }).first().click();
    await page.waitForURL(/\/cargo\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "REC-00001 收货", level: 1 }).waitFor();
    await page.getByText("单货不符", { exact: true }).first().waitFor();
    // The note, and the title of the action it raised.
    expect(await page.getByText("短少两件，外包装完好，已通知发货方核查。").count()).toBe(2);
    await page.getByRole("link", { name: /CA-0001/ }).waitFor();
    expect(await page.getByText("CSQU3054383").count()).toBeGreaterThan(0);
    await snap(page, "cargo-detail-zh");
    const detail = new URL(page.url()).pathname;
    await page.goto(`${detail}?lng=en`);
    await page.getByRole("heading", { name: "REC-00001 Receiving", level: 1 }).waitFor();
    await snap(page, "cargo-detail-en");

    // The discrepancy, its action not done, on the owner's own list.
    await page.goto("/");
    await page.getByText(/REC-00001 收货 CSQU3054383：存在差异，整改尚未完成/).waitFor();
    await page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "需要你处理" }) })
      .screenshot({ path: path.join(SCREENSHOT_DIR, "cargo-dashboard-owner-attention-phone.png"), animations: "disabled" });
    expect(problems).toEqual([]);
  });
});

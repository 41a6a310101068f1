// An incident reported at the gate on a phone without JavaScript, in Chinese: refused with its
// reason (nothing written), then accepted and shown on its page and in the list.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { e2eSuite, newOrganization, PHONE, signUpInChinese, snap } from "../support/e2e-app";

const suite = e2eSuite("incidents");

async function createSite(page: Page) {
  await page.goto("/settings/sites");
  await page.getByLabel("场所名称（中文）").fill("一号门岗");
  await page.getByLabel("场所名称（英文）").fill("Gate 1");
  await page.getByLabel("场所类型").selectOption({ label: "仓库" });
  await page.getByLabel("地址").fill("江苏省苏州市工业园区星海街 18 号");
  await page.getByRole("button", { name: "添加场所" }).click();
  await page.waitForURL("**/settings/sites?added=1");
}

describe("reporting an incident at the gate", () => {
  test("without JavaScript: a report without what was found is refused, then accepted", async () => {
    const { page } = await suite.open({ viewport: PHONE, javaScriptEnabled: false });
    await signUpInChinese(page, newOrganization("incident-nojs"));
    await createSite(page);
    await page.goto("/incidents/new");
    const form = page.getByRole("form", { name: "报告安全事件" });
    await form.getByText("封志被破坏或调换", { exact: true }).click();
    await form.getByLabel("具体位置").fill("3 号月台 TGHU8800127");
    await form.getByRole("button", { name: "提交报告" }).click();
    await page.getByText("报告未保存，请检查标出的栏目。").waitFor();
    await snap(page, "incident-report-refused");
    await page.getByLabel("发现的情况").fill("封志锁杆有撬痕");
    await page.getByLabel("即时控制措施").fill("扣箱，保留封志");
    await page.getByRole("button", { name: "提交报告" }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}\?reported=1/);
    await page.getByText(/INC-0001 已报告/).waitFor();
    expect(await page.getByText("须通知海关: 尚未通知").count()).toBeGreaterThan(0);
    await snap(page, "incident-page");
    await page.goto("/incidents");
    await page.getByText("INC-0001").waitFor();
    await snap(page, "incident-list");
  });
});

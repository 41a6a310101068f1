// The organisation's CN-2022 business types in the browser, in Chinese: ticked and saved on the
// organisation's settings, then a new CN-2022 self-assessment asks only the business-type criteria
// of those types and shows the others as not applicable with the reason (also in English).
import { describe, expect, test } from "vitest";
import path from "node:path";
import type { Page } from "playwright-core";
import { DESKTOP, e2eSuite, newOrganization, PHONE, SCREENSHOT_DIR, signUpInChinese, snap } from "../support/e2e-app";

/**
 * The assessment is a long page (every criterion): the part that matters here is where the asked
 * and the N/A criteria meet, so the screenshots are of the screen scrolled there, at both sizes.
 */
async function snapAround(page: Page, selector: string, name: string) {
  for (const [kind, size] of [["phone", PHONE], ["desktop", DESKTOP]] as const) {
    await page.setViewportSize(size);
    await page.locator(selector).evaluate((element) => element.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${kind}.png`), animations: "disabled" });
  }
  await page.setViewportSize(DESKTOP);
}

const suite = e2eSuite("business-types");

describe("business types drive a CN-2022 assessment", () => {
  test("types ticked and saved; the new assessment asks their items and labels the others N/A", async () => {
    const { page, problems } = await suite.open({ viewport: DESKTOP });
    await signUpInChinese(page, newOrganization("business"));

    // Signing up lands on the organisation's settings.
    const types = page.getByRole("group", { name: /企业从事的2022年标准（附件3）业务类型/ });
    await types.getByLabel("加工贸易以及保税进出口业务").check();
    await types.getByLabel("进出口商品检验业务").check();
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/settings/organization" && url.searchParams.get("saved") === "1");
    await page.getByText("企业信息已保存。").waitFor();
    const saved = page.getByRole("group", { name: /企业从事的2022年标准（附件3）业务类型/ });
    expect(await saved.getByLabel("加工贸易以及保税进出口业务").isChecked()).toBe(true);
    expect(await saved.getByLabel("进出口商品检验业务").isChecked()).toBe(true);
    expect(await saved.getByLabel("进出口食品业务").isChecked()).toBe(false);
    await snap(page, "business-types-saved-zh");
    await page.goto("/settings/organization?lng=en");
    await page.getByRole("group", { name: /business types/i }).waitFor();
    await snap(page, "business-types-en");

    await page.goto("/assessments/new");
    await page.getByLabel("认证标准").selectOption("cn-2022-advanced");
    await page.getByLabel("标题", { exact: true }).fill("2026年高级认证自我评估");
    await page.getByLabel("评估日期").fill("2026-03-02");
    await page.getByRole("button", { name: "开始评估" }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    // 32 business-type items in 附件3: the two types ticked have b1 and b9; the other 30 are N/A.
    await page.getByText(/；30 项单项标准不适用（本企业不从事该业务类型）。/).waitFor();
    // Progress counts what the organisation is asked, not the N/A items recorded for it.
    expect(await page.getByText("已评估 0 / 64 项（另 30 项不适用）").count()).toBeGreaterThan(0);
    expect(await page.getByText("已评估 30 / 94 项").count()).toBe(0);
    for (const asked of ["b1", "b9"]) expect(await page.locator(`[data-criterion="${asked}"]`).count()).toBe(1);
    for (const skipped of ["b2", "b5", "b32"]) {
      expect(await page.locator(`[data-criterion="${skipped}"]`).count()).toBe(0);
      await page.locator(`#c-${skipped}`).getByText("不适用：本企业不从事该业务类型").waitFor();
    }
    await snapAround(page, "#c-b2", "business-types-assessment-zh");
    await page.setViewportSize(PHONE);
    await page.getByText(/；30 项单项标准不适用/).evaluate((element) => element.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "business-types-assessment-top-zh-phone.png"), animations: "disabled" });
    await page.setViewportSize(DESKTOP);
    const assessment = new URL(page.url()).pathname;
    await page.goto(`${assessment}?lng=en`);
    await page.locator("#c-b5").getByText("N/A: not one of the organisation's business types").waitFor();
    await snapAround(page, "#c-b2", "business-types-assessment-en");
    expect(problems).toEqual([]);
  });
});

// The organisation profile (unified social credit code check) and sites, with JavaScript on.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import {
  DESKTOP,
  newOrganization,
  PHONE,
  signUpInChinese,
  snap,
  e2eSuite,
} from "../support/e2e-app";

const suite = e2eSuite("organization");
const open = suite.open;

// GB 32100 check character: for 91350100M000100Y4 the 18th character must be 3.
const USCC_VALID = "91350100M000100Y43";
const USCC_WRONG_CHECK = "91350100M000100Y44";

async function reloadProfile(page: Page) {
  await page.goto("/settings/organization");
  await page.getByRole("heading", { name: "企业信息", level: 1 }).waitFor();
}

describe("organisation profile", () => {
  test("a wrong USCC check character is refused with the expected character, and nothing is saved; a valid code is saved", async () => {
    const { page, problems } = await open({ locale: "zh-CN", viewport: DESKTOP });
    await signUpInChinese(page, newOrganization("uscc"));
    const uscc = page.getByLabel("统一社会信用代码");
    const save = page.getByRole("button", { name: "保存" });
    const checkError = page.getByText("第 18 位校验码错误：按前 17 位计算应为“3”，而不是“4”。");

    // 1. Wrong check character on an empty profile.
    await uscc.fill(USCC_WRONG_CHECK);
    await save.click();
    await checkError.waitFor();
    expect(await uscc.getAttribute("aria-invalid")).toBe("true");
    expect(await uscc.getAttribute("aria-describedby")).toContain("unifiedSocialCreditCode-error");
    expect(await page.getByText("企业信息已保存。").count()).toBe(0);
    await snap(page, "organization-uscc-error");
    await reloadProfile(page);
    expect(await page.getByLabel("统一社会信用代码").inputValue()).toBe("");

    // 2. The valid code is saved and shown after a reload.
    await page.getByLabel("统一社会信用代码").fill(USCC_VALID);
    await save.click();
    await page.waitForURL("**/settings/organization?saved=1");
    await page.getByRole("status").getByText("企业信息已保存。").waitFor();
    await snap(page, "organization-saved");
    await reloadProfile(page);
    expect(await page.getByLabel("统一社会信用代码").inputValue()).toBe(USCC_VALID);

    // 3. A wrong code over a stored one leaves the stored one in place.
    await page.getByLabel("统一社会信用代码").fill(USCC_WRONG_CHECK);
    await save.click();
    await checkError.waitFor();
    await reloadProfile(page);
    expect(await page.getByLabel("统一社会信用代码").inputValue()).toBe(USCC_VALID);

    // The dashboard shows the stored code.
    await page.goto("/");
    await page.getByText(USCC_VALID).waitFor();
    expect(problems).toEqual([]);
  });

  test("the check message names the expected character in English too", async () => {
    const { page, problems } = await open({ locale: "zh-CN", viewport: PHONE });
    await signUpInChinese(page, newOrganization("uscc-en"));
    await page.goto("/settings/organization?lng=en");
    await page.getByRole("heading", { name: "Organisation profile", level: 1 }).waitFor();
    await page.getByLabel("Unified social credit code (统一社会信用代码)").fill(USCC_WRONG_CHECK);
    await page.getByRole("button", { name: "Save" }).click();
    await page
      .getByText("The check character (the 18th) is wrong: for these first 17 characters it must be “3”, not “4”.")
      .waitFor();
    await snap(page, "organization-uscc-error-en");
    expect(problems).toEqual([]);
  });
});

describe("sites", () => {
  test("adds a site from a phone; missing fields are flagged first", async () => {
    const { page, problems } = await open({ locale: "zh-CN", viewport: PHONE });
    await signUpInChinese(page, newOrganization("site"));

    await page.getByText("☰ 菜单").click();
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "场所" }).click();
    await page.waitForURL("**/settings/sites");
    await page.getByRole("heading", { name: "场所", level: 1 }).waitFor();
    await page.getByText("尚无场所。").waitFor();
    const menu = page.getByRole("navigation", { name: "主导航" });
    expect.soft(await menu.isVisible(), "the phone menu is still open after choosing a page").toBe(false);
    if (await menu.isVisible()) {
      await snap(page, "bug-phone-menu-left-open-sites", "phone");
      await page.getByText("☰ 菜单").click();
    }
    await page.getByRole("heading", { name: "场所（0）" }).waitFor();
    await snap(page, "sites-empty");

    const add = page.getByRole("button", { name: "添加场所" });
    await page.getByLabel("场所名称（中文）").fill("东莞一号仓");
    await add.click();
    await page.getByText("必填。").first().waitFor();
    expect(await page.getByLabel("场所名称（英文）").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("地址").getAttribute("aria-invalid")).toBe("true");
    await page.getByText("请从选项中选择一项。").waitFor();
    expect(await page.getByLabel("场所名称（中文）").inputValue()).toBe("东莞一号仓");
    await snap(page, "sites-validation");

    await page.getByLabel("场所名称（英文）").fill("Dongguan Warehouse No. 1");
    await page.getByLabel("场所类型").selectOption({ label: "仓库" });
    await page.getByLabel("地址").fill("广东省东莞市虎门镇港口大道 1 号");
    await page.getByLabel("安保联系人").fill("李安");
    await page.getByLabel("安保联系电话").fill("+86 769 1234 5678");
    await add.click();

    await page.waitForURL("**/settings/sites?added=1");
    await page.getByRole("status").getByText("场所已添加。").waitFor();
    await page.getByRole("heading", { name: "场所（1）" }).waitFor();
    await page.getByText("东莞一号仓 · Dongguan Warehouse No. 1").waitFor();
    await page.getByText("广东省东莞市虎门镇港口大道 1 号").waitFor();
    await page.getByText("安保联系人：李安 +86 769 1234 5678").waitFor();
    await snap(page, "sites-added");

    // The add form is empty again for the next site (as it is without JavaScript).
    for (const label of ["场所名称（中文）", "场所名称（英文）", "地址", "安保联系人", "安保联系电话"]) {
      expect.soft(await page.getByLabel(label).inputValue(), `"${label}" after the site was added`).toBe("");
    }

    await page.goto("/");
    const sitesCard = page.locator("section").filter({ has: page.getByRole("heading", { name: "场所（1）" }) });
    await sitesCard.getByText("东莞一号仓", { exact: true }).waitFor();
    await sitesCard.getByText("仓库", { exact: true }).waitFor();
    await snap(page, "dashboard-with-site");
    expect(problems).toEqual([]);
  });
});

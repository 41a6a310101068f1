// Without JavaScript every form still works: plain posts, server-side checks, errors next to the
// fields and the typed values kept.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import {
  DESKTOP,
  newOrganization,
  PHONE,
  signUpInChinese,
  snap,
  type NewOrganization,
  e2eSuite,
} from "../support/e2e-app";

const suite = e2eSuite("no-javascript");
const open = suite.open;

/** An organisation created beforehand in an ordinary (JavaScript) browser. */
async function existingOrganization(prefix: string): Promise<NewOrganization> {
  const { page } = await open({ locale: "zh-CN", viewport: DESKTOP });
  const org = newOrganization(prefix);
  await signUpInChinese(page, org);
  return org;
}

async function logIn(page: Page, org: NewOrganization) {
  await page.goto("/login");
  await page.getByRole("heading", { name: "登录" }).waitFor();
  await page.getByLabel("电子邮箱").fill(org.email);
  await page.getByLabel("密码").fill(org.password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("heading", { name: org.organizationNameZh, level: 1 }).waitFor();
}

describe("without JavaScript", () => {
  test("logs in (a wrong password first) and adds a site from a phone", async () => {
    const org = await existingOrganization("nojs-site");
    const { page, problems } = await open({ locale: "zh-CN", viewport: PHONE, javaScriptEnabled: false });

    await page.goto("/login");
    await page.getByLabel("电子邮箱").fill(org.email);
    await page.getByLabel("密码").fill("wrong-password-1");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("alert").getByText("邮箱或密码不正确。").waitFor();
    expect(await page.getByLabel("电子邮箱").inputValue()).toBe(org.email);
    await snap(page, "nojs-login-error");

    await logIn(page, org);
    await snap(page, "nojs-dashboard");

    // The phone menu is a <details>: it opens without JavaScript.
    await page.getByText("☰ 菜单").click();
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "场所" }).click();
    await page.waitForURL("**/settings/sites");
    await page.getByRole("heading", { name: "场所", level: 1 }).waitFor();

    // Missing English name, kind and address: the server answers with errors, values kept.
    await page.getByLabel("场所名称（中文）").fill("宁波保税仓");
    await page.getByLabel("安保联系人").fill("陈守");
    await page.getByLabel("安保联系电话").fill("0574-8888 6666");
    await page.getByRole("button", { name: "添加场所" }).click();
    await page.getByLabel("场所名称（英文）").and(page.locator("[aria-invalid=true]")).waitFor();
    expect(await page.getByText("必填。").count()).toBe(2);
    await page.getByText("请从选项中选择一项。").waitFor();
    expect(await page.getByLabel("地址").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("场所类型").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("场所名称（中文）").inputValue()).toBe("宁波保税仓");
    expect(await page.getByLabel("安保联系人").inputValue()).toBe("陈守");
    expect(await page.getByLabel("安保联系电话").inputValue()).toBe("0574-8888 6666");
    await page.getByText("尚无场所。").waitFor();
    await snap(page, "nojs-sites-errors");

    await page.getByLabel("场所名称（英文）").fill("Ningbo Bonded Warehouse");
    await page.getByLabel("场所类型").selectOption({ label: "仓库" });
    await page.getByLabel("地址").fill("浙江省宁波市北仑区保税南区 8 号");
    await page.getByRole("button", { name: "添加场所" }).click();
    await page.waitForURL("**/settings/sites?added=1");
    await page.getByRole("status").getByText("场所已添加。").waitFor();
    await page.getByRole("heading", { name: "场所（1）" }).waitFor();
    await page.getByText("宁波保税仓 · Ningbo Bonded Warehouse").waitFor();
    await page.getByText("安保联系人：陈守 0574-8888 6666").waitFor();
    await snap(page, "nojs-sites-added");
    expect(problems).toEqual([]);
  });

  test("the profile's USCC check runs on the server: error, value kept, nothing saved", async () => {
    const org = await existingOrganization("nojs-uscc");
    const { page, problems } = await open({ locale: "zh-CN", viewport: DESKTOP, javaScriptEnabled: false });
    await logIn(page, org);
    await page.goto("/settings/organization");
    const uscc = page.getByLabel("统一社会信用代码");
    await uscc.fill("91350100M000100Y44");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("alert").getByText("未保存任何内容。请更正下方标出的字段。").waitFor();
    await page.getByText("第 18 位校验码错误：按前 17 位计算应为“3”，而不是“4”。").waitFor();
    expect(await uscc.inputValue()).toBe("91350100M000100Y44");
    await snap(page, "nojs-organization-error");

    await page.goto("/settings/organization");
    expect(await page.getByLabel("统一社会信用代码").inputValue()).toBe("");
    await page.getByLabel("统一社会信用代码").fill("91350100M000100Y43");
    await page.getByRole("button", { name: "保存" }).click();
    await page.waitForURL("**/settings/organization?saved=1");
    await page.getByRole("status").getByText("企业信息已保存。").waitFor();
    expect(await page.getByLabel("统一社会信用代码").inputValue()).toBe("91350100M000100Y43");
    expect(problems).toEqual([]);
  });

  test("the language buttons work as plain form posts", async () => {
    const org = await existingOrganization("nojs-lang");
    const { page, problems } = await open({ locale: "zh-CN", viewport: DESKTOP, javaScriptEnabled: false });
    await logIn(page, org);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: org.organizationNameEn, level: 1 }).waitFor();
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    expect((await nav.getByRole("link").allTextContents()).map((t) => t.trim())).toEqual([
      "Dashboard",
      "Inspections",
      "Schedules",
      "Checklists",
      "Seals",
      "Cargo reconciliation",
      "Visitors",
      "Badges and keys",
      "Incidents",
      "Personnel",
      "Training",
      "Partners",
      "Security clauses",
      "Self-assessment",
      "Corrective actions",
      "Customs contacts",
      "Policies",
      "Internal audits",
      "Risk assessments",
      "Business continuity",
      "Criteria",
      "Evidence dossiers",
      "Organisation",
      "Sites",
      "Members",
      "Partner rules",
      "Audit trail",
      "Reminders and channels",
      "Email outbox",
      "Signing certificate",
    ]);
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL("**/login?loggedOut=1");
    await page.getByText(/您已退出登录。|You are logged out./).waitFor();
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    await snap(page, "nojs-logged-out-en");
    expect(problems).toEqual([]);
  });
});

// The header's search box in the browser, in Chinese: a compliance officer types part of a partner's
// Chinese name, lands on the results page with the matched characters marked and opens the partner;
// the same without JavaScript (the box is a plain GET form); a one-character text is explained.
import postgres from "postgres";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEFAULT_ADMIN_URL, e2eSuite, newOrganization, PHONE, signUpInChinese, snap, type NewOrganization } from "../support/e2e-app";

const suite = e2eSuite("search");
const open = suite.open;

const PARTNER_ZH = "苏州示例物流有限公司";
const PARTNER_EN = "Suzhou Demo Logistics Co., Ltd.";
const USCC = "91320594MA1XYZ0015";

/** A partner row straight into the app's database (registering one through its form is partners.test.ts's business). */
async function insertPartner(org: NewOrganization): Promise<void> {
  const url = new URL(process.env.TEST_DATABASE_URL || DEFAULT_ADMIN_URL);
  url.pathname = `/${suite.app.databaseName}`;
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    await sql`insert into partners (organization_id, number, legal_name_zh, legal_name_en, country_code, uscc, roles)
      select id, 1, ${PARTNER_ZH}, ${PARTNER_EN}, 'CN', ${USCC}, '{carrier}' from organizations where legal_name_zh = ${org.organizationNameZh}`;
  } finally {
    await sql.end();
  }
}

async function searchFromHeader(page: Page, text: string, submit: "enter" | "button") {
  const box = page.getByRole("search").getByLabel("搜索记录");
  await box.fill(text);
  if (submit === "enter") await box.press("Enter");
  else await page.getByRole("search").getByRole("button", { name: "搜索" }).click();
  await page.waitForURL(`**/search?q=${encodeURIComponent(text)}`);
}

describe("the search box in the header", () => {
  test("finds a partner by part of its Chinese name and opens it", async () => {
    const { page, problems } = await open();
    const org = newOrganization("search");
    await signUpInChinese(page, org);
    await insertPartner(org);

    await searchFromHeader(page, "示例物流", "enter");
    await page.getByRole("heading", { name: "“示例物流”的搜索结果" }).waitFor();
    const partners = page.locator("section").filter({ has: page.getByRole("heading", { name: /^合作伙伴/ }) });
    expect(await partners.locator("mark").allTextContents()).toEqual(["示例物流"]);
    await snap(page, "search-results");

    // The same results in English: the partner's English name, the field named in English.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Results for “示例物流”" }).waitFor();
    await page.getByRole("link", { name: new RegExp(PARTNER_EN.replace(/[.,]/g, ".")) }).waitFor();
    await page.getByText("Chinese name:").waitFor();
    await snap(page, "search-results-english", "desktop");
    await page.getByRole("button", { name: "简体中文" }).click();
    await page.getByRole("heading", { name: "“示例物流”的搜索结果" }).waitFor();

    await partners.getByRole("link", { name: new RegExp(PARTNER_ZH) }).click();
    await page.waitForURL(/\/partners\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: PARTNER_ZH }).waitFor();

    // Too short: said so, nothing searched.
    await searchFromHeader(page, "苏", "enter");
    await page.getByText("请至少输入 2 个字符").waitFor();
    await snap(page, "search-too-short", "phone");
    // Nothing found: which kinds were searched.
    await searchFromHeader(page, "不存在的名称", "enter");
    await page.getByText("没有找到与“不存在的名称”相关的记录。").waitFor();
    await snap(page, "search-nothing", "phone");
    expect(problems).toEqual([]);
  });

  test("works without JavaScript, at phone width", async () => {
    const first = await open();
    const org = newOrganization("search-nojs");
    await signUpInChinese(first.page, org);
    await insertPartner(org);
    const cookies = await first.context.cookies();

    const { page, context } = await open({ viewport: PHONE, javaScriptEnabled: false });
    await context.addCookies(cookies);
    await page.goto("/");
    await searchFromHeader(page, USCC.slice(0, 8), "button");
    const hit = page.getByRole("link", { name: new RegExp(PARTNER_ZH) });
    await hit.waitFor();
    expect(await page.locator("mark").first().textContent()).toBe(USCC.slice(0, 8));
    await snap(page, "search-uscc-no-js", "phone");
    await hit.click();
    await page.waitForURL(/\/partners\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: PARTNER_ZH }).waitFor();
  });
});

// A criterion's page says where its evidence comes from: CTPAT 1.1 (the signed statement of support),
// which no record type feeds, names the document the standard expects, in Chinese on a phone and in
// English; CTPAT 5.2 (written inspection procedures) names inspections as what feeds it instead.
import { describe, expect, test } from "vitest";
import { DESKTOP, e2eSuite, newOrganization, PHONE, signUpInChinese, snap } from "../support/e2e-app";

const suite = e2eSuite("criteria-coverage");

describe("what a criterion expects as evidence", () => {
  test("a criterion without feeding records names its document; a fed one names its record types", async () => {
    const { page, problems } = await suite.open({ viewport: PHONE });
    await signUpInChinese(page, newOrganization("criteria"));

    await page.goto("/criteria/ctpat-msc/1.1");
    const expected = page.getByText("标准要求的证明文件");
    await expected.waitFor();
    await page.getByText(/由高级管理人员签署的供应链安全支持声明/).waitFor();
    await expected.evaluate((element) => element.scrollIntoView({ block: "center" }));
    await snap(page, "criteria-expected-document-zh");

    await page.setViewportSize(DESKTOP);
    await page.goto("/criteria/ctpat-msc/1.1?lng=en");
    await page.getByText("What the standard expects as evidence").waitFor();
    await page.getByText(/statement of support for supply-chain security signed by a senior official/).waitFor();
    await snap(page, "criteria-expected-document-en");

    await page.goto("/criteria/ctpat-msc/5.2");
    await page.getByText(/^证据来源：.*检查记录/).waitFor();
    expect(await page.getByText("标准要求的证明文件").count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

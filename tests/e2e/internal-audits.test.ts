// The internal audit and the risk assessment in the browser, in Chinese: the compliance owner records
// an audit with a finding that raises a corrective action, and writes a risk assessment that waits
// for another manager's approval.
import { describe, expect, test } from "vitest";
import { e2eSuite, newOrganization, signUpInChinese, snap } from "../support/e2e-app";

const suite = e2eSuite("internal-audits");

describe("internal audits and risk assessments", () => {
  test("an internal audit with a finding and its action; a risk assessment as a draft", async () => {
    const { page, problems } = await suite.open();
    const org = newOrganization("audit");
    await signUpInChinese(page, org);

    await page.goto("/internal-audits/new");
    await page.getByLabel("审计范围").fill("报关单证、封志管理（工厂）");
    await page.getByLabel("审计人员").fill("陈敏");
    await page.locator("#finding1Description").fill("3 月两枚封志领用未登记领用人。");
    await page.locator("#finding1Severity").selectOption("minor");
    await page.locator("#finding1OwnerUserId").selectOption({ index: 1 });
    await page.locator("#finding1DueOn").fill("2099-01-31");
    await page.getByLabel("审计结果").selectOption("conforms_with_findings");
    await page.getByLabel("审计结论").fill("基本符合，封志登记需整改。");
    await page.getByRole("button", { name: "保存审计记录" }).click();
    await page.waitForURL(/\/internal-audits\/[0-9a-f-]{36}\?created=1$/);
    await page.getByText("内部审计已登记。").waitFor();
    await page.getByRole("link", { name: "CA-0001" }).waitFor();
    await snap(page, "internal-audit");

    await page.goto("/risk-assessments/new");
    await page.getByLabel("评估对象类型").selectOption("route");
    await page.getByLabel("路线、伙伴或场所").fill("深圳工厂 → 盐田港");
    const inAYear = new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("下次复核期限").fill(inAYear);
    await page.locator("#threat1Threat").fill("途中集装箱被开启");
    await page.locator("#threat1Likelihood").selectOption("3");
    await page.locator("#threat1Impact").selectOption("5");
    await page.locator("#threat1Mitigation").fill("GPS 轨迹监控，到港核验封志。");
    await page.getByLabel("评估概述").fill("企业为出口商。");
    await page.getByRole("button", { name: "保存为草稿" }).click();
    await page.waitForURL(/\/risk-assessments\/[0-9a-f-]{36}\?created=1$/);
    await page.getByText("15 高").waitFor();
    await page.getByText("等待作者以外的管理人员审批。").waitFor();
    await snap(page, "risk-assessment");

    // The registers list them, as the other registers list theirs (shared list card).
    await page.goto("/internal-audits");
    await page.getByText("IA-0001").waitFor();
    await page.getByRole("link", { name: "导出 CSV" }).waitFor();
    await snap(page, "internal-audit-list");
    await page.goto("/risk-assessments");
    await page.getByRole("link", { name: "深圳工厂 → 盐田港" }).waitFor();
    await snap(page, "risk-assessment-list");
    expect(problems).toEqual([]);
  });
});

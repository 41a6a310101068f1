// A business continuity plan written without JavaScript on a phone, in Chinese: the server refuses a
// plan without the disruptions it covers and keeps what was typed, then saves it as a draft waiting
// for another manager's approval; a test with a finding raises its corrective action; the list shows it.
import { describe, expect, test } from "vitest";
import { DESKTOP, e2eSuite, logInBySession, newOrganization, PHONE, signUpInChinese, snap } from "../support/e2e-app";

const suite = e2eSuite("continuity");

describe("business continuity", () => {
  test("a plan written without JavaScript, refused first, then saved as a draft and tested", async () => {
    const setup = await suite.open({ locale: "zh-CN", viewport: DESKTOP });
    const org = newOrganization("bcp");
    await signUpInChinese(setup.page, org);

    const { page, problems } = await suite.open({ locale: "zh-CN", viewport: PHONE, javaScriptEnabled: false });
    await logInBySession(page, suite.app, org.email, "/continuity/new");
    await page.getByRole("heading", { name: "编写业务连续性计划", level: 1 }).waitFor();
    await page.getByLabel("标题").fill("出口业务连续性计划");
    await page.getByLabel("范围：场所和流程").fill("深圳工厂装箱区、保税仓库；出口装货、施封、报关");
    await page.getByLabel("恢复时间目标（小时）").fill("48");
    await page.getByLabel("职责与联系人").fill("总指挥：总经理 王磊（替补：合规经理 陈敏）；值班电话 0755-0000 0000");
    await page.getByLabel("中断期间的贸易安全").fill("停工期间已装箱货柜留在监控区内并由保安看守；封志改用纸质登记。");
    const inMonths = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("下次复核日期").fill(inMonths(300));
    await page.getByLabel("首次测试日期").fill(inMonths(60));
    await page.getByRole("button", { name: "保存为草稿" }).click();

    // No disruption ticked: the server's message in Chinese, next to the group, the text kept.
    await page.getByText("请至少选择一种计划应对的中断情形。").waitFor();
    expect(await page.getByLabel("标题").inputValue()).toBe("出口业务连续性计划");
    await snap(page, "continuity-new-refused", "phone");

    await page.getByLabel("港口关闭").check();
    await page.getByLabel("信息系统故障").check();
    await page.getByRole("button", { name: "保存为草稿" }).click();
    await page.waitForURL(/\/continuity\/[0-9a-f-]{36}\?created=1$/);
    await page.getByText("计划已保存为草稿，等待管理人员审批。").waitFor();
    await page.getByText("港口关闭 · 信息系统故障").waitFor();
    await page.getByText("等待编写人以外的管理人员审批。").waitFor();
    await snap(page, "continuity-plan", "phone");

    // A simulation whose finding raises a corrective action, still without JavaScript.
    await page.getByRole("link", { name: "记录测试" }).click();
    await page.getByRole("heading", { name: "记录测试", level: 1 }).waitFor();
    await page.getByLabel("测试方式").selectOption("simulation");
    await page.getByLabel("情景").fill("报关和封志系统中断 24 小时，改用纸质记录继续出货。");
    await page.getByLabel("参加人员").fill("合规经理、安保主管、两名保安");
    await page.locator("#finding1Description").fill("纸质封志登记表未放在门岗。");
    await page.locator("#finding1OwnerUserId").selectOption({ index: 1 });
    await page.locator("#finding1DueOn").fill(inMonths(20));
    await page.getByLabel("结果").selectOption("passed_with_findings");
    await page.getByLabel("下次测试日期").fill(inMonths(180));
    await page.getByRole("button", { name: "记录测试" }).click();
    await page.waitForURL(/\/continuity\/[0-9a-f-]{36}\?tested=1/);
    await page.getByText("测试已记录。").waitFor();
    await page.getByText("通过，有发现项").waitFor();
    await page.getByRole("link", { name: "措施 CA-0001" }).waitFor();
    await snap(page, "continuity-plan-tested");

    await page.goto("/continuity");
    await page.getByRole("link", { name: "出口业务连续性计划" }).waitFor();
    await snap(page, "continuity-list");
    expect(problems).toEqual([]);
  });
});

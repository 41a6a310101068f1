// Self-assessment in the browser, in Chinese: a cn-2014-general assessment answered criterion by
// criterion with the live outcome, corrective actions within 90 days, finalising and the report;
// a result saved without JavaScript; a failed item that may not be improved.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DESKTOP, e2eSuite, logInBySession, newOrganization, PHONE, signUpInChinese, snap } from "../support/e2e-app";

const run = promisify(execFile);
const suite = e2eSuite("assessment");
const open = suite.open;

const ASSESSED_ON = "2026-03-02";
/** ASSESSED_ON + 90 days. */
const DEADLINE = "2026-05-31";


/** Fills the new-assessment form (cn-2014-general); returns the assessment's path. */
async function createAssessment(page: Page, title: string): Promise<string> {
  await page.goto("/assessments/new");
  await page.getByRole("heading", { name: "新建自我评估", level: 1 }).waitFor();
  await page.getByLabel("认证标准").selectOption("cn-2014-general");
  await page.getByLabel("标题", { exact: true }).fill(title);
  await page.getByLabel("评估日期").fill(ASSESSED_ON);
  await page.getByRole("button", { name: "开始评估" }).click();
  await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { name: title, level: 1 }).waitFor();
  return new URL(page.url()).pathname;
}

const row = (page: Page, key: string) => page.locator(`[data-criterion="${key}"]`);

/** Chooses a result in one criterion's row (and an explanation), without saving: the page saves every row at once. */
async function choose(page: Page, key: string, label: string, explanation?: string) {
  const r = row(page, key);
  await r.getByRole("radio", { name: label, exact: true }).check();
  if (explanation) await r.getByLabel("自我评估说明").fill(explanation);
}

/** The one save of the whole assessment; waits until it is stored. */
async function saveAll(page: Page) {
  await page.getByRole("button", { name: "保存评估" }).click();
  await page.waitForURL((url) => url.searchParams.get("saved") === "all");
  await page.getByRole("status").getByText(/^已保存：\d+ 项标准有修改。$/).waitFor();
}

describe("self-assessment", () => {
  test("a compliance manager answers cn-2014-general with the live outcome, plans actions, finalises and downloads the report", async () => {
    const { page, problems } = await open({ locale: "zh-CN", viewport: DESKTOP });
    const org = newOrganization("assess");
    await signUpInChinese(page, org);

    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "自我评估" }).click();
    await page.waitForURL("**/assessments");
    await page.getByText("尚无自我评估。新建一份，按标准为本企业评分。").waitFor();
    await page.getByRole("link", { name: "新建自我评估" }).click();
    await page.waitForURL("**/assessments/new");
    await page.getByLabel("认证标准").selectOption("cn-2014-general");
    expect(await page.getByLabel("认证标准").locator("option:checked").textContent()).toBe(
      "海关认证企业标准（一般认证） (2014.1) · 待评估 33 项",
    );
    // The title is required: refused in the page, nothing sent.
    await page.getByRole("button", { name: "开始评估" }).click();
    await page.getByText("必填。").waitFor();
    expect(new URL(page.url()).pathname).toBe("/assessments/new");
    await snap(page, "assessment-new");

    const assessmentPath = await createAssessment(page, "2026年一般认证自我评估");
    const score = page.getByTestId("score");
    const verdict = page.getByTestId("verdict");
    await expect.poll(() => score.textContent()).toBe("100 分");
    expect(await verdict.textContent()).toBe("认证通过 · 暂定");
    await page.getByRole("complementary").getByText("已评估 0 / 33 项").waitFor();
    expect(await page.getByRole("button", { name: "定稿" }).isDisabled()).toBe(true);
    await snap(page, "assessment-start");

    // The outcome follows a chosen result at once, before it is saved.
    await row(page, "3").getByRole("radio", { name: "部分达标 -1", exact: true }).check();
    await expect.poll(() => score.textContent()).toBe("99 分");
    await page.getByRole("complementary").getByText("1 项修改尚未保存：保存后生效。").waitFor();
    expect(await page.getByTestId("partly-list").textContent()).toBe("3");
    await snap(page, "assessment-unsaved");
    await row(page, "3").getByLabel("自我评估说明").fill("进出口单证复核由关务部负责，但复核记录尚不完整。");
    // Each criterion shows what already evidences it; a new organisation has nothing yet.
    await row(page, "3").getByTestId("criterion-evidence").getByText("近 12 个月没有记录或管理制度可作为此项的证据。", { exact: false }).waitFor();
    // A partial assessment is saved in one go; the rest can be answered later.
    await saveAll(page);
    await page.getByRole("status").getByText("已保存：1 项标准有修改。").waitFor();
    expect(await page.getByText("项修改尚未保存").count()).toBe(0);
    expect(await row(page, "3").getByRole("radio", { name: "部分达标 -1", exact: true }).isChecked()).toBe(true);

    // A bonus item that applies: +2, so the score goes back up before it is saved.
    await row(page, "29-2").getByRole("radio", { name: "符合 +2", exact: true }).check();
    await expect.poll(() => score.textContent()).toBe("101 分含附加标准 +2 分");
    await choose(page, "29-2", "符合 +2", "本企业属国家鼓励类产业（高新技术企业证书）。");

    const explanations: Record<string, string> = {
      "1": "已指定副总经理负责关务，建立认证电子档案。",
      "21": "东侧装卸区夜间照明不足，已列入整改计划。",
    };
    for (let i = 1; i <= 28; i++) {
      const key = String(i);
      if (key === "3") continue;
      await choose(page, key, key === "21" ? "部分达标 -1" : "达标 0", explanations[key]);
    }
    for (const key of ["29-1", "29-3", "29-4", "29-5"]) await choose(page, key, "不适用");
    await page.getByRole("complementary").getByText("32 项修改尚未保存：保存后生效。").waitFor();
    await snap(page, "assessment-before-save");
    // All the rest in one save.
    await saveAll(page);
    await page.getByRole("status").getByText("已保存：32 项标准有修改。").waitFor();

    await page.getByRole("complementary").getByText("已评估 33 / 33 项").waitFor();
    expect(await score.textContent()).toBe("100 分含附加标准 +2 分");
    expect(await verdict.textContent()).toBe("认证通过");
    expect(await page.getByTestId("partly-list").textContent()).toBe("3、21");
    expect(await page.getByTestId("failed-list").textContent()).toBe("无");
    await page.getByText("认证分数 100 分，达到 95 分。").waitFor();

    // Corrective actions: due 91 days after the assessment date is refused, 90 days is fine.
    const plan = page.locator("#plan-21");
    await plan.getByText("尚无整改措施。").waitFor();
    await plan.locator("summary", { hasText: "添加整改措施" }).click();
    // By name, not by label: every item's action form uses the same element ids ("title", "dueOn"),
    // so a label in the second form points at the first form's control.
    const form = plan.locator("form");
    const dueOn = form.locator('input[name="dueOn"]');
    await form.locator('input[name="title"]').fill("东侧装卸区增设夜间照明");
    await form.locator('select[name="ownerUserId"]').selectOption({ label: org.name });
    await dueOn.fill("2026-06-01");
    await form.getByRole("button", { name: "添加整改措施" }).click();
    await plan.getByText(`完成期限不得晚于 ${DEADLINE}：即评估日期 ${ASSESSED_ON} 后最多 90 日。`).waitFor();
    expect(await plan.locator('input[name="dueOn"]').getAttribute("aria-invalid")).toBe("true");
    await snap(page, "assessment-action-refused", "desktop");
    await plan.locator('input[name="dueOn"]').fill(DEADLINE);
    await plan.locator("form").getByRole("button", { name: "添加整改措施" }).click();
    await page.waitForURL((url) => url.searchParams.get("actionAdded") === "1");
    await page.getByRole("status").getByText("已添加整改措施。").waitFor();
    await plan.getByRole("link", { name: "CA-0001 东侧装卸区增设夜间照明" }).waitFor();
    await plan.getByText(`期限 2026年5月31日`).waitFor();
    await page.locator("#plan-3").getByText("尚无整改措施。").waitFor();
    await snap(page, "assessment-complete");

    // Item 3 still has no corrective action: finalising is refused, naming it.
    const confirm = page.getByLabel("我已核对评估结果，确认定稿（定稿后不能再修改）。");
    await confirm.check();
    await page.getByRole("button", { name: "定稿" }).click();
    await page.getByText("以下 1 项需改进但尚无整改措施，请逐项添加整改措施后再定稿：").waitFor();
    expect(await page.getByTestId("unplanned").getByRole("listitem").allTextContents()).toEqual(["3 单证控制"]);
    const plan3 = page.locator("#plan-3");
    await plan3.locator("summary", { hasText: "添加整改措施" }).click();
    await plan3.locator('input[name="title"]').fill("补全进出口单证复核记录");
    await plan3.locator('select[name="ownerUserId"]').selectOption({ label: org.name });
    await plan3.locator('input[name="dueOn"]').fill("2026-04-30");
    await plan3.locator("form").getByRole("button", { name: "添加整改措施" }).click();
    await page.waitForURL((url) => url.searchParams.get("actionAdded") === "1");
    await plan3.getByRole("link", { name: "CA-0002 补全进出口单证复核记录" }).waitFor();

    await confirm.check();
    await page.getByRole("button", { name: "定稿" }).click();
    await page.waitForURL((url) => url.searchParams.get("finalized") === "1");
    await page.getByRole("status").getByText("评估已定稿。").waitFor();
    await page.getByText(/^已定稿：自 .+ 起只读（/).waitFor();
    expect(await page.getByRole("button", { name: "保存评估" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "定稿" }).count()).toBe(0);
    expect(await row(page, "21").getByRole("radio", { name: "部分达标 -1", exact: true }).isChecked()).toBe(true);
    expect(await row(page, "21").getByRole("radio", { name: "部分达标 -1", exact: true }).isDisabled()).toBe(true);
    await snap(page, "assessment-final");

    await page.goto("/assessments");
    await page.getByRole("link", { name: "2026年一般认证自我评估" }).waitFor();
    await page.getByText("已评估 33 / 33 项 · 100 分 · 部分达标 2 项，不达标 0 项").waitFor();
    await snap(page, "assessment-list");

    await page.goto(assessmentPath);
    const dir = mkdtempSync(path.join(tmpdir(), "tg-e2e-report-"));
    try {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "下载评估报告（PDF）" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("SA-2026-0001.pdf");
      const file = path.join(dir, "report.pdf");
      await download.saveAs(file);
      const { stdout } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
      const text = stdout.replace(/\s+/g, "");
      for (const expected of [
        "适用认证企业管理自我评估报告",
        org.organizationNameZh.replace(/\s+/g, ""),
        "内部组织架构",
        "单证控制",
        "场所安全",
        "危机管理",
        "东侧装卸区夜间照明不足",
        "认证分数Score：100",
        "认证部分达标指标序号Partlymet：3、21",
        "已定稿",
      ]) {
        expect(text, expected).toContain(expected);
      }
      const raster = await run("pdftoppm", ["-r", "50", "-f", "1", "-l", "1", "-gray", file, path.join(dir, "page")]);
      expect(raster.stderr).not.toMatch(/may be invalid/i);
      expect(readdirSync(dir).filter((name) => name.startsWith("page") && name.endsWith(".pgm"))).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(problems).toEqual([]);
  }, 150_000); // The whole flow, with a refused and a confirmed finalisation and the PDF: 40–60 s on this shared machine.

  test("without JavaScript the assessment is saved by a plain form post", async () => {
    const org = newOrganization("assess-nojs");
    const signup = await open({ locale: "zh-CN", viewport: DESKTOP });
    await signUpInChinese(signup.page, org);

    const { page, problems } = await open({ locale: "zh-CN", viewport: PHONE, javaScriptEnabled: false });
    await logInBySession(page, suite.app, org.email, "/assessments");
    const assessmentPath = await createAssessment(page, "无脚本自我评估");
    const r = row(page, "1");
    await r.getByRole("radio", { name: "部分达标 -1", exact: true }).check();
    await r.getByLabel("自我评估说明").fill("认证档案为纸质，尚未建立电子档案。");
    // A field with a problem: nothing is saved, the message is under the field, the answers stay.
    await row(page, "2").getByLabel("自我评估说明").fill("长".repeat(4001));
    await page.getByRole("button", { name: "保存评估" }).click();
    await page.getByText("未保存：有 1 处需要修改（下方红色标出）。").waitFor();
    await row(page, "2").getByText("最多 4000 个字符。").waitFor();
    expect(await r.getByRole("radio", { name: "部分达标 -1", exact: true }).isChecked()).toBe(true);
    await snap(page, "assessment-nojs-refused", "phone");
    await row(page, "2").getByLabel("自我评估说明").fill("");
    await page.getByRole("button", { name: "保存评估" }).click();
    await page.waitForURL((url) => url.pathname === assessmentPath && url.searchParams.get("saved") === "all");
    await page.getByRole("status").getByText("已保存：1 项标准有修改。").waitFor();
    expect(await r.getByRole("radio", { name: "部分达标 -1", exact: true }).isChecked()).toBe(true);
    expect(await r.getByLabel("自我评估说明").inputValue()).toBe("认证档案为纸质，尚未建立电子档案。");
    expect(await page.getByTestId("score").textContent()).toBe("99 分");
    await page.getByRole("complementary").getByText("已评估 1 / 33 项").waitFor();
    await page.locator("#plan-1").getByText("尚无整改措施。").waitFor();
    await snap(page, "assessment-nojs-saved", "phone");

    // The plain link narrows the list to what is still open: item 1 is answered, item 2 is not.
    await page.getByRole("link", { name: "只看尚未评估的 32 项" }).click();
    await page.waitForURL((url) => url.searchParams.get("open") === "1");
    await row(page, "2").waitFor();
    expect(await row(page, "1").count()).toBe(0);
    await page.getByRole("link", { name: "显示全部标准" }).waitFor();
    expect(problems).toEqual([]);
  });

  test("a failed item that may not be improved (9) is listed as blocking, without an action form", async () => {
    const { page, problems } = await open({ locale: "zh-CN", viewport: PHONE });
    await signUpInChinese(page, newOrganization("assess-block"));
    await createAssessment(page, "财务状况自查");
    await row(page, "9").getByText("不允许规范改进").waitFor();
    await choose(page, "9", "不达标 -2", "2025年度审计报告为保留意见。");
    await saveAll(page);
    const blocking = page.getByRole("alert").filter({ hasText: "阻止认证通过的不达标项" });
    expect(await blocking.getByTestId("blocking-item").allTextContents()).toEqual(["9 会计信息"]);
    await blocking.getByText("以下标准不允许规范改进：只要其中任一项不达标，即不能通过认证。").waitFor();
    expect(await page.locator("#plan-9").count()).toBe(0);
    expect(await page.getByTestId("verdict").textContent()).toBe("认证未通过 · 暂定");
    expect(await page.getByTestId("failed-list").textContent()).toBe("9");
    await page.getByText("不可规范改进的不达标项：").waitFor();
    await snap(page, "assessment-blocking");
    expect(problems).toEqual([]);
  });
});

// Trading partners in the browser, in Chinese: procurement registers a supplier and sends it the
// questionnaire link, the supplier answers on a phone without an account, a second person decides
// (four eyes) with a condition that becomes a corrective action, and a contract with the required
// security clauses is acknowledged with a signed copy; a revoked link; a CSV import with a preview
// and the CSV/Excel export; registering and deciding without JavaScript.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import {
  DESKTOP,
  e2eSuite,
  logInBySession,
  newOrganization,
  PASSWORD,
  PHONE,
  signUpInChinese,
  snap,
  uniqueEmail,
  type NewOrganization,
} from "../support/e2e-app";

const suite = e2eSuite("partners");
const open = suite.open;

/** Valid unified social credit codes (GB 32100 check character), one per test so none collide. */
const USCC = {
  supplier: "91320500MA1Q3R7UXA",
  /** The supplier's code with the wrong check character: it must be A. */
  supplierWrongCheck: "91320500MA1Q3R7UXB",
  carrier: "91310115MA1H7XY202",
  imported: "91330200MA2B4KLMNX",
  noJs: "91110108MA01C8PQ25",
};

/** The organisation's calendar day (Asia/Shanghai, the default zone), `days` from today. */
function shanghaiDay(days = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + days * 86_400_000));
}

/** 2026-03-05 as the Chinese pages show it: 2026年3月5日. */
function chineseDate(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return `${year}年${month}月${date}日`;
}

/** A small file the server accepts as PDF (it checks the first bytes, %PDF-, and the name). */
function pdf(name: string) {
  return { name, mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`) };
}

/** A reference and a title side by side (a heading, a link): "TP-00001" then the name, with or without a space. */
const ref = (reference: string, title: string) => new RegExp(`^${reference}\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
const mainNav = (page: Page) => page.getByRole("navigation", { name: "主导航" });
const notice = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });
/** A card of the page by its heading. */
const card = (page: Page, title: string) =>
  page.locator("section").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

/**
 * Ticks a checkbox. Right after a client-side navigation the form library may still set the
 * boxes to their defaults and undo a very early tick, so the tick is repeated until it holds.
 */
async function tick(box: Locator) {
  await expect
    .poll(async () => {
      if (!(await box.isChecked())) await box.check().catch(() => {});
      return box.isChecked();
    })
    .toBe(true);
}


/**
 * The owner invites a member with a role; the invitee accepts from the emailed link in a browser
 * of its own and is signed in there (desktop, JavaScript on unless told otherwise).
 */
async function addMember(owner: Page, roleLabel: string, name: string) {
  const email = uniqueEmail("member");
  await owner.goto("/settings/members");
  await owner.getByLabel("电子邮箱").fill(email);
  await owner.getByLabel("角色").selectOption({ label: roleLabel });
  await owner.getByRole("button", { name: "发送邀请" }).click();
  await owner.waitForURL("**/settings/members?invited=1");
  const mail = await suite.app.waitForMail((m) => m.to.includes(email));
  const link = mail.links.find((l) => l.includes("/invite/"));
  expect(link, `an /invite/ link in: ${mail.text}`).toBeDefined();
  const member = await open({ locale: "zh-CN", viewport: DESKTOP });
  await member.page.goto(link ?? "");
  await member.page.getByLabel("姓名").fill(name);
  await member.page.getByLabel("新密码").fill(PASSWORD);
  await member.page.getByRole("button", { name: "接受邀请" }).click();
  await member.page.waitForURL((url) => url.pathname === "/");
  return { ...member, email, name };
}

/** Registers a Chinese partner through /partners/new; returns the partner page's path. */
async function registerPartner(page: Page, partner: { nameZh: string; uscc: string; role: string }): Promise<string> {
  await page.goto("/partners/new");
  await page.getByRole("heading", { name: "登记合作伙伴", level: 1 }).waitFor();
  await page.getByLabel("法定名称（中文）").fill(partner.nameZh);
  await page.getByLabel("统一社会信用代码").fill(partner.uscc);
  await tick(page.getByLabel(partner.role, { exact: true }));
  await page.getByRole("button", { name: "登记", exact: true }).click();
  await page.waitForURL(/\/partners\/[0-9a-f-]{36}\?created=1$/);
  return new URL(page.url()).pathname;
}

/** Starts an evaluation in the partner's first role from its page; returns the evaluation's path. */
async function startEvaluation(page: Page, partnerPath: string): Promise<string> {
  if (new URL(page.url()).pathname !== partnerPath) await page.goto(partnerPath);
  await page.getByRole("button", { name: "开始评估" }).click();
  await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

/** Creates a questionnaire link on the evaluation page (optionally emailed); returns the link the page shows once. */
async function createLink(page: Page, email?: string): Promise<string> {
  if (email) await page.getByLabel("发送至（选填）").fill(email);
  await page.getByRole("button", { name: "创建链接" }).click();
  const created = notice(page, "链接已创建");
  await created.waitFor();
  await created.getByText("请立即复制：链接只显示一次。新建链接会替换此链接。").waitFor();
  return (await created.locator("p.font-mono").innerText()).trim();
}

/** The distinct radio-group names of a questionnaire form, in page order. */
async function questionNames(page: Page): Promise<string[]> {
  return page.$$eval("input[type=radio]", (inputs) => [...new Set(inputs.map((i) => (i as HTMLInputElement).name))]);
}

/** Ticks the first option of every question (on both questionnaires that is the best answer). */
async function answerEveryQuestion(page: Page): Promise<number> {
  const names = await questionNames(page);
  for (const name of names) await page.locator(`input[type=radio][name="${name}"]`).first().check();
  return names.length;
}

const CONDITION = "提供最新的封志管理制度";
const SUPPLIER = { nameZh: "苏州示例包装材料有限公司", nameEn: "Suzhou Example Packaging Materials Co., Ltd." };

describe("trading partners", () => {
  test("onboarding a supplier: register, questionnaire link answered on a phone, four-eyes decision with a condition, acknowledged contract", async () => {
    const owner = await open({ locale: "zh-CN", viewport: DESKTOP });
    const org: NewOrganization = newOrganization("partners");
    await signUpInChinese(owner.page, org);
    const buyer = await addMember(owner.page, "采购", "李采购");
    const officer = await addMember(owner.page, "合规负责人", "张合规");
    const page = buyer.page;

    // --- Procurement registers the supplier: a wrong check character first.
    await mainNav(page).getByRole("link", { name: "合作伙伴", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/partners");
    await page.getByRole("heading", { name: "合作伙伴", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "合作伙伴（0）" }).waitFor();
    await page.getByText("尚未登记合作伙伴。请逐个登记，或从表格导入名单。").waitFor();
    await snap(page, "partners-empty");

    await page.getByRole("link", { name: "登记合作伙伴" }).click();
    await page.waitForURL("**/partners/new");
    await page.getByLabel("法定名称（中文）").fill(SUPPLIER.nameZh);
    await page.getByLabel("法定名称（英文）").fill(SUPPLIER.nameEn);
    const uscc = page.getByLabel("统一社会信用代码");
    await uscc.fill(USCC.supplierWrongCheck);
    await tick(page.getByLabel("生产商或供应商", { exact: true }));
    await page.getByRole("button", { name: "登记", exact: true }).click();
    await page.getByText("第 18 位校验码错误：按前 17 位计算应为“A”，而不是“B”。").waitFor();
    expect(await uscc.getAttribute("aria-invalid")).toBe("true");
    expect(new URL(page.url()).pathname).toBe("/partners/new");
    expect(await page.getByLabel("法定名称（中文）").inputValue()).toBe(SUPPLIER.nameZh);
    await snap(page, "partner-new-uscc-error");

    await uscc.fill(USCC.supplier);
    await page.getByRole("button", { name: "登记", exact: true }).click();
    await page.waitForURL(/\/partners\/[0-9a-f-]{36}\?created=1$/);
    const partnerPath = new URL(page.url()).pathname;
    await notice(page, "合作伙伴已登记。下一步：进行评估。").waitFor();
    await page.getByRole("heading", { name: ref("TP-00001", SUPPLIER.nameZh), level: 1 }).waitFor();
    await page.getByText(USCC.supplier, { exact: true }).waitFor();
    await page.getByText("未决定", { exact: true }).first().waitFor();
    await snap(page, "partner-registered");

    // Only the corrected registration exists.
    await page.goto("/partners");
    await page.getByRole("heading", { name: "合作伙伴（1）" }).waitFor();
    await page.getByRole("link", { name: SUPPLIER.nameZh }).waitFor();
    await page.getByText("尚未评估").waitFor();
    await snap(page, "partners-list");

    // --- An evaluation, and the questionnaire link emailed to the supplier.
    await page.getByRole("link", { name: SUPPLIER.nameZh }).click();
    await page.waitForURL((url) => url.pathname === partnerPath);
    const evaluationPath = await startEvaluation(page, partnerPath);
    await page.getByRole("heading", { name: ref("EV-00001", "供应商安全评估问卷"), level: 1 }).waitFor();
    await page.getByText("准备中", { exact: true }).waitFor();
    await snap(page, "evaluation-draft");

    const partnerEmail = uniqueEmail("supplier");
    const shownLink = await createLink(page, partnerEmail);
    expect(shownLink.startsWith(`${suite.app.baseUrl}/q/`), shownLink).toBe(true);
    const mail = await suite.app.waitForMail((m) => m.to.includes(partnerEmail));
    expect(mail.subject).toBe(`${org.organizationNameZh}：贸易安全调查问卷`);
    expect(mail.text).toContain(SUPPLIER.nameZh);
    const link = mail.links.find((l) => l.includes("/q/"));
    expect(link, `a /q/ link in: ${mail.text}`).toBeDefined();
    expect(link).toBe(shownLink);
    const linkRow = page.getByRole("listitem").filter({ hasText: partnerEmail });
    await linkRow.getByText("有效", { exact: true }).waitFor();
    await snap(page, "evaluation-link-created");

    // --- The supplier, on a phone, with no account and no session.
    const supplier = await open({ locale: "zh-CN", viewport: PHONE });
    const q = supplier.page;
    await q.goto(link ?? "");
    await q.getByRole("heading", { name: "供应商安全评估问卷", level: 1 }).waitFor();
    await q.getByText(`填写单位：${SUPPLIER.nameZh}`).waitFor();
    await q.getByText(org.organizationNameZh).waitFor();
    // The partner sees the questions, not how they are weighted or scored.
    const visible = await q.locator("main").innerText();
    expect(visible.match(/.{0,20}(\d+\s*分|权重|不计分|关键项).{0,10}/g) ?? []).toEqual([]);
    expect(await q.getByRole("link", { name: "概览" }).count()).toBe(0);
    // Nor does the page carry them (the route's data is embedded in the HTML).
    expect((await q.content()).match(/"(weight|score|critical)\\*"/g) ?? []).toEqual([]);
    await snap(q, "questionnaire-open");

    // Part-way: six answers and one document, saved to continue later with the same link.
    const names = await questionNames(q);
    for (const name of names.slice(0, 6)) await q.locator(`input[type=radio][name="${name}"]`).first().check();
    await q.locator('textarea[name="comment_customs-credit-status"]').fill("2025 年 6 月通过高级认证，证书编号 AEOCN3205000001。");
    await q.getByLabel("需上传的文件：海关信用等级查询截图").setInputFiles(pdf("credit-lookup.pdf"));
    await q.getByRole("button", { name: "保存，稍后继续" }).click();
    await q.waitForURL((url) => url.searchParams.get("saved") === "1");
    await q.getByText("已保存。您可以用同一链接稍后继续填写。").waitFor();

    // Later, the link opened again (another visit, no session): what was saved is there.
    const later = await open({ locale: "zh-CN", viewport: PHONE });
    const r = later.page;
    await r.goto(link ?? "");
    await r.getByRole("heading", { name: "供应商安全评估问卷", level: 1 }).waitFor();
    expect(await r.getByTestId("questionnaire-progress").textContent()).toMatch(/^已回答 6 \/ 18 题 · 已上传文件 1 \/ \d+ 题$/);
    await r.getByText("已上传：credit-lookup.pdf", { exact: false }).waitFor();
    await r.getByText(/^上次保存：/).waitFor();
    expect(await r.locator(`input[type=radio][name="${names[0]}"]`).first().isChecked()).toBe(true);
    expect(await r.locator('textarea[name="comment_customs-credit-status"]').inputValue()).toBe("2025 年 6 月通过高级认证，证书编号 AEOCN3205000001。");
    await snap(r, "questionnaire-continued", "phone");

    const answered = await answerEveryQuestion(r);
    expect(answered).toBe(18);
    await r.getByRole("button", { name: "提交回答" }).click();
    await r.waitForURL((url) => url.searchParams.get("submitted") === "1");
    const thanks = notice(r, "谢谢");
    await thanks.getByText("您的回答已发送。我们将进行审核，如有需要会与您联系。").waitFor();
    expect(await r.getByRole("button", { name: "提交回答" }).count()).toBe(0);
    await snap(r, "questionnaire-thanks");

    // The link is spent: opened again, it says the answers are in and offers no form.
    const again = await open({ locale: "zh-CN", viewport: PHONE });
    await again.page.goto(link ?? "");
    await again.page.getByRole("heading", { name: "供应商安全评估问卷", level: 1 }).waitFor();
    await again.page.getByText("已通过本链接提交过回答。").waitFor();
    expect(await again.page.getByText("谢谢").count()).toBe(0);
    expect(await again.page.locator("input[type=radio]").count()).toBe(0);
    expect(await again.page.getByRole("button", { name: "提交回答" }).count()).toBe(0);
    await snap(again.page, "questionnaire-reopened", "phone");

    // --- Procurement sees the supplier's answers and document, and prepares the evaluation.
    await page.goto(evaluationPath);
    await page.getByText("合作伙伴已填写：待审核", { exact: true }).waitFor();
    // The supplier claims advanced certification; the register (as registered) does not know it.
    await page.getByText("伙伴声明其海关信用等级为“高级认证企业”，但登记信息记录为“不详”。").waitFor();
    await page.getByText("合作伙伴填写于").waitFor();
    expect(await page.locator('input[name="answer_customs-credit-status"][value="advanced"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="answer_smuggling-record"][value="no"]').isChecked()).toBe(true);
    await page.getByText("合作伙伴的说明：2025 年 6 月通过高级认证，证书编号 AEOCN3205000001。").waitFor();
    await page.getByText("已回答 18 / 18 题").waitFor();
    const documents = card(page, "文件（1）");
    await documents.getByRole("link", { name: "credit-lookup.pdf" }).waitFor();
    await documents.getByText("贵司目前的海关信用等级是什么？").waitFor();
    await page.getByRole("listitem").filter({ hasText: partnerEmail }).getByText("已填写", { exact: true }).waitFor();
    await snap(page, "evaluation-partner-answered");

    await page.getByRole("button", { name: "提交审批" }).click();
    await page.waitForURL((url) => url.pathname === evaluationPath && url.searchParams.get("prepared") === "1");
    await notice(page, "已提交审批：由另一位有审批权限的人员批准或拒绝。").waitFor();
    await page.getByText("待审批", { exact: true }).first().waitFor();
    // Four eyes: the preparer is told someone else decides, and gets no decision form.
    await page.getByText("本评估由您准备或填写：须由他人作出决定（双人复核）。").waitFor();
    expect(await page.getByRole("button", { name: "记录决定" }).count()).toBe(0);
    expect(await page.getByLabel("决定", { exact: true }).count()).toBe(0);
    await snap(page, "evaluation-four-eyes");

    // --- The compliance manager decides: conditional approval needs a condition.
    // The compliance manager finds it on the dashboard, waiting for a decision.
    const decider = officer.page;
    await decider.goto("/");
    const watch = decider.locator('section[data-kind="evaluation_decision"]');
    await watch.getByRole("heading", { name: /待审批的评估/ }).waitFor();
    await watch.getByText("评估已完成，待审批", { exact: false }).waitFor();
    await snap(decider, "dashboard-partner-awaiting-decision", "desktop");
    await watch.getByRole("link", { name: /EV-00001/ }).click();
    await decider.waitForURL((url) => url.pathname === evaluationPath);
    await decider.getByRole("heading", { name: "决定", exact: true }).waitFor();
    await decider.getByText("100 分").first().waitFor();
    await decider.getByLabel("决定", { exact: true }).selectOption({ label: "有条件批准" });
    await decider.getByLabel("条件 1").waitFor();
    await decider.getByRole("button", { name: "记录决定" }).click();
    await decider.getByText("请至少填写一项条件或需整改的问题。").waitFor();
    expect(await decider.getByLabel("条件 1").getAttribute("aria-invalid")).toBe("true");
    expect(new URL(decider.url()).searchParams.get("decided")).toBeNull();
    await snap(decider, "evaluation-decision-needs-condition");
    // Nothing was recorded: after a reload the evaluation still waits for a decision.
    await decider.reload();
    await decider.getByText("待审批", { exact: true }).first().waitFor();
    await decider.getByRole("button", { name: "记录决定" }).waitFor();

    const due = shanghaiDay(60);
    await decider.getByLabel("决定", { exact: true }).selectOption({ label: "有条件批准" });
    await decider.getByLabel("条件 1").fill(CONDITION);
    await decider.locator('select[name="condition_1_ownerUserId"]').selectOption({ label: buyer.name });
    await decider.locator('input[name="condition_1_dueOn"]').fill(due);
    await decider.getByRole("button", { name: "记录决定" }).click();
    await decider.waitForURL((url) => url.pathname === evaluationPath && url.searchParams.get("decided") === "1");
    await notice(decider, "决定已记录。合作伙伴的状态、风险等级和下次评估日期已更新。").waitFor();
    await decider.getByText("有条件批准", { exact: true }).first().waitFor();
    await decider.getByText("低风险", { exact: true }).first().waitFor();
    await decider.getByText(`决定人`).waitFor();
    await decider.getByRole("link", { name: ref("CA-0001", CONDITION) }).waitFor();
    expect(await decider.getByRole("button", { name: "记录决定" }).count()).toBe(0);
    await snap(decider, "evaluation-decided");

    // The partner page shows the status, the tier and the condition's corrective action.
    await page.goto(partnerPath);
    const summary = page.locator("main section").first();
    await summary.getByText("有条件批准", { exact: true }).waitFor();
    await summary.getByText("低风险", { exact: true }).waitFor();
    await summary.getByText("缺少 6 项必备条款").waitFor();
    await card(page, "整改措施（1）")
      .getByRole("link", { name: ref("CA-0001", CONDITION) })
      .waitFor();
    await page.getByText(chineseDate(due)).first().waitFor();
    await page.getByText("尚未在有效且已确认的合同中约定的必备条款").waitFor();
    await snap(page, "partner-decided");

    // --- A contract: the required clauses come ticked.
    await page.locator("summary", { hasText: "登记合同或书面通知" }).click();
    await page.getByLabel("合同编号").fill("HT-2026-118");
    await page.getByLabel("标题", { exact: true }).fill("包装材料采购框架合同");
    expect(await page.getByLabel("生效日期").inputValue()).toBe(shanghaiDay());
    const clauseBoxes = page.getByRole("group", { name: "包含的安全条款" }).getByRole("checkbox");
    const labels = await clauseBoxes.evaluateAll((boxes) =>
      boxes.map((b) => ({ label: b.closest("label")?.textContent ?? "", checked: (b as HTMLInputElement).checked })),
    );
    const required = labels.filter((l) => l.label.includes("· 必备"));
    expect(required).toHaveLength(6);
    expect(labels.filter((l) => l.checked)).toEqual(required);
    await snap(page, "partner-contract-form", "desktop");
    await page.getByRole("button", { name: "保存合同" }).click();
    await page.waitForURL(/\/contracts\/[0-9a-f-]{36}\?created=1$/);
    const contractPath = new URL(page.url()).pathname;
    await notice(page, "合同已登记。合作伙伴签署后请记录其确认。").waitFor();
    await page.getByRole("heading", { name: ref("HT-2026-118", "包装材料采购框架合同"), level: 1 }).waitFor();
    await page.getByRole("heading", { name: "条款（6）" }).waitFor();
    await page.getByText("未确认", { exact: true }).waitFor();
    expect(await page.getByText("本合同缺少").count()).toBe(0);

    // The acknowledgement needs the signed copy.
    await page.getByLabel("签署人").fill("周女士 总经理");
    await page.getByRole("button", { name: "记录确认" }).click();
    await page.getByText("请上传签署件：这是海关核查时要看的证明。").waitFor();
    expect(await page.getByLabel("签署件").getAttribute("aria-invalid")).toBe("true");
    expect(new URL(page.url()).searchParams.get("acknowledged")).toBeNull();
    expect.soft(await page.getByLabel("签署人").inputValue(), "the signatory after the refused acknowledgement").toBe("周女士 总经理");
    await snap(page, "contract-ack-needs-signed-copy");

    await page.getByLabel("签署人").fill("周女士 总经理");
    await page.getByLabel("签署件").setInputFiles(pdf("signed-HT-2026-118.pdf"));
    await page.getByRole("button", { name: "记录确认" }).click();
    await page.waitForURL((url) => url.pathname === contractPath && url.searchParams.get("acknowledged") === "1");
    await notice(page, "确认已记录：该合同现可作为其所含条款的证据。").waitFor();
    await page.getByText(`${chineseDate(shanghaiDay())} 已确认`).waitFor();
    await page.getByText("周女士 总经理").waitFor();
    await page.getByRole("link", { name: "signed-HT-2026-118.pdf" }).waitFor();
    expect(await page.getByRole("button", { name: "记录确认" }).count()).toBe(0);
    await snap(page, "contract-acknowledged");

    await page.getByRole("link", { name: ref("TP-00001", SUPPLIER.nameZh) }).click();
    await page.waitForURL((url) => url.pathname === partnerPath);
    await page.getByText("所有必备条款均已在有效且已确认的合同中约定。").waitFor();
    expect(await page.getByText(/缺少 \d+ 项必备条款/).count()).toBe(0);
    await page.getByRole("link", { name: ref("HT-2026-118", "包装材料采购框架合同") }).waitFor();
    await snap(page, "partner-complete");

    expect([...owner.problems, ...buyer.problems, ...officer.problems, ...supplier.problems, ...later.problems, ...again.problems]).toEqual([]);
  }, 120_000); // four people in five browsers: longer than the usual 60 s

  test("a revoked questionnaire link no longer opens the questionnaire", async () => {
    const { page, problems } = await open({ locale: "zh-CN", viewport: DESKTOP });
    await signUpInChinese(page, newOrganization("partners-revoke"));
    const partnerPath = await registerPartner(page, { nameZh: "上海示例国际物流有限公司", uscc: USCC.carrier, role: "承运人" });
    await startEvaluation(page, partnerPath);
    await page.getByRole("heading", { name: ref("EV-00001", "承运商安全评估问卷"), level: 1 }).waitFor();
    const link = await createLink(page);

    const row = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: "撤销" }) });
    await row.getByText("有效", { exact: true }).waitFor();
    await row.getByRole("button", { name: "撤销" }).click();
    await page.waitForURL((url) => url.searchParams.get("revoked") === "1");
    await notice(page, "该链接已失效。").waitFor();
    await page.getByText("已撤销", { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: "撤销" }).count()).toBe(0);
    await snap(page, "evaluation-link-revoked");

    const partner = await open({ locale: "zh-CN", viewport: PHONE });
    await partner.page.goto(link);
    await partner.page.getByRole("alert").getByText("本链接已失效。请联系您的对接人获取新链接。").waitFor();
    expect(await partner.page.locator("input[type=radio]").count()).toBe(0);
    expect(await partner.page.getByRole("button", { name: "提交回答" }).count()).toBe(0);
    await snap(partner.page, "questionnaire-revoked");
    expect([...problems, ...partner.problems]).toEqual([]);
  });

  test("a CSV import with a bad row: the preview names the row and the problem, the valid row is imported, the corrected row follows, both are exported", async () => {
    const { page, problems } = await open({ locale: "zh-CN", viewport: DESKTOP });
    await signUpInChinese(page, newOrganization("partners-import"));
    await page.goto("/partners");
    await page.getByRole("link", { name: "导入合作伙伴" }).click();
    await page.waitForURL("**/partners/import");
    await page.getByRole("heading", { name: "导入合作伙伴", level: 1 }).waitFor();
    await page.getByText("表头可用中文或英文，可识别以下列：").waitFor();
    await snap(page, "partners-import");

    const csv = [
      "企业名称（中文）,国家或地区,统一社会信用代码,角色,备注",
      `宁波示例仓储有限公司,中国,${USCC.imported},仓储企业,北仑保税仓`,
      `北京示例快递有限公司,中国,${USCC.noJs},快递,角色写错`,
      "",
    ].join("\r\n");
    await page
      .getByLabel("文件", { exact: true })
      .setInputFiles({ name: "合作伙伴.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: "读取文件" }).click();
    await page.waitForURL((url) => url.pathname === "/partners/import" && url.searchParams.has("preview"));
    await page.getByRole("heading", { name: "合作伙伴.csv 预览" }).waitFor();
    await page.getByText("共 2 行：1 行有效，1 行有错误。").waitFor();
    const errors = page.locator("table tbody tr");
    expect(await errors.count()).toBe(1);
    expect((await errors.first().locator("td").allInnerTexts()).map((t) => t.trim())).toEqual(["3", "角色", "“快递”不是有效角色。"]);
    // With an error in the file, importing everything is not on offer.
    const importAll = page.getByRole("button", { name: "导入 1 个合作伙伴" });
    expect((await importAll.count()) === 0 || (await importAll.isDisabled())).toBe(true);
    await snap(page, "partners-import-preview");

    await page.getByRole("button", { name: "只导入 1 个有效行" }).click();
    await page.waitForURL((url) => url.pathname === "/partners" && url.searchParams.get("imported") === "1");
    await page.getByRole("heading", { name: "合作伙伴（1）" }).waitFor();
    await page.getByRole("link", { name: "宁波示例仓储有限公司" }).waitFor();
    expect(await page.getByRole("link", { name: "北京示例快递有限公司" }).count()).toBe(0);
    await page.getByText("已导入 1 个合作伙伴。").waitFor();
    await snap(page, "partners-imported");

    // The user corrects the bad row and imports it: no error left, so importing everything is offered.
    await page.getByRole("link", { name: "导入合作伙伴" }).click();
    await page.waitForURL("**/partners/import");
    const corrected = [
      "企业名称（中文）,国家或地区,统一社会信用代码,角色,备注",
      `北京示例快递有限公司,中国,${USCC.noJs},承运人,角色已改正`,
      "",
    ].join("\r\n");
    await page
      .getByLabel("文件", { exact: true })
      .setInputFiles({ name: "合作伙伴-改正.csv", mimeType: "text/csv", buffer: Buffer.from(corrected, "utf8") });
    await page.getByRole("button", { name: "读取文件" }).click();
    await page.getByRole("heading", { name: "合作伙伴-改正.csv 预览" }).waitFor();
    await page.getByText("共 1 行：1 行有效，0 行有错误。").waitFor();
    await page.getByText("没有错误：所有行均可导入。").waitFor();
    await page.getByRole("button", { name: "导入 1 个合作伙伴" }).click();
    await page.waitForURL((url) => url.pathname === "/partners" && url.searchParams.get("imported") === "1");
    await page.getByRole("heading", { name: "合作伙伴（2）" }).waitFor();
    await page.getByRole("link", { name: "北京示例快递有限公司" }).waitFor();

    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 CSV" }).click()]);
    expect(csvDownload.suggestedFilename()).toBe(`partners-${shanghaiDay()}.csv`);
    const exported = (await readFile((await csvDownload.path()) ?? "")).toString("utf8");
    expect(exported).toContain("宁波示例仓储有限公司");
    expect(exported).toContain(USCC.imported);
    expect(exported).toContain("北京示例快递有限公司");
    expect(exported).toContain("角色已改正");
    expect(exported.trim().split(/\r?\n/)).toHaveLength(3);

    const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 Excel" }).click()]);
    expect(xlsxDownload.suggestedFilename()).toBe(`partners-${shanghaiDay()}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await xlsxDownload.path()) ?? "")) as never);
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
    expect(cells).toContain("宁波示例仓储有限公司");
    expect(cells).toContain(USCC.imported);
    expect(problems).toEqual([]);
  });

  test("without JavaScript: registering shows the server's errors and keeps the name, then succeeds; the evaluation is prepared and decided", async () => {
    const setup = await open({ locale: "zh-CN", viewport: DESKTOP });
    const org = newOrganization("partners-nojs");
    await signUpInChinese(setup.page, org);
    const officer = await addMember(setup.page, "合规负责人", "张合规");
    const decider = await open({ locale: "zh-CN", viewport: PHONE, javaScriptEnabled: false });
    await logInBySession(decider.page, suite.app, officer.email);

    const { page, problems } = await open({ locale: "zh-CN", viewport: PHONE, javaScriptEnabled: false });
    await logInBySession(page, suite.app, org.email);
    await page.getByText("☰ 菜单").click();
    await mainNav(page).getByRole("link", { name: "合作伙伴", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/partners");
    await page.getByRole("link", { name: "登记合作伙伴" }).click();
    await page.waitForURL("**/partners/new");

    // Only the name: no USCC, no role.
    await page.getByLabel("法定名称（中文）").fill("北京示例报关有限公司");
    await page.getByRole("button", { name: "登记", exact: true }).click();
    await page.getByText("境内企业须填写统一社会信用代码。").waitFor();
    await page.getByText("请至少选择一个角色。").waitFor();
    await page.getByRole("alert").first().waitFor();
    expect(await page.getByLabel("统一社会信用代码").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("法定名称（中文）").inputValue()).toBe("北京示例报关有限公司");
    expect(new URL(page.url()).pathname).toBe("/partners/new");
    await snap(page, "nojs-partner-new-errors");

    await page.getByLabel("统一社会信用代码").fill(USCC.noJs);
    await tick(page.getByLabel("报关企业", { exact: true }));
    await page.getByRole("button", { name: "登记", exact: true }).click();
    await page.waitForURL(/\/partners\/[0-9a-f-]{36}\?created=1$/);
    const partnerPath = new URL(page.url()).pathname;
    await notice(page, "合作伙伴已登记。下一步：进行评估。").waitFor();
    await page.getByRole("heading", { name: ref("TP-00001", "北京示例报关有限公司"), level: 1 }).waitFor();

    // The evaluation's answers are a plain form too.
    const evaluationPath = await startEvaluation(page, partnerPath);
    await page.getByRole("heading", { name: ref("EV-00001", "报关企业安全评估问卷"), level: 1 }).waitFor();
    await page.getByRole("button", { name: "提交审批" }).click();
    await page.getByText(/^还有 \d+ 题未回答。$/).waitFor();
    await page.getByText("请回答此题。").first().waitFor();
    await snap(page, "nojs-evaluation-unanswered", "phone");
    expect(await answerEveryQuestion(page)).toBe(18);
    await page.getByRole("button", { name: "提交审批" }).click();
    await page.waitForURL((url) => url.pathname === evaluationPath && url.searchParams.get("prepared") === "1");
    await notice(page, "已提交审批：由另一位有审批权限的人员批准或拒绝。").waitFor();
    // The owner prepared it, so the owner may not decide it.
    await page.getByText("本评估由您准备或填写：须由他人作出决定（双人复核）。").waitFor();

    // The compliance manager rejects without a reason (refused), then approves.
    const d = decider.page;
    await d.goto(evaluationPath);
    await d.getByLabel("决定", { exact: true }).selectOption({ label: "拒绝" });
    await d.getByRole("button", { name: "记录决定" }).click();
    await d.getByText("请说明拒绝该合作伙伴的理由。").waitFor();
    expect(new URL(d.url()).searchParams.get("decided")).toBeNull();
    await snap(d, "nojs-evaluation-reject-needs-reason", "phone");
    await d.getByLabel("决定", { exact: true }).selectOption({ label: "批准" });
    await d.getByRole("button", { name: "记录决定" }).click();
    await d.waitForURL((url) => url.pathname === evaluationPath && url.searchParams.get("decided") === "1");
    await notice(d, "决定已记录。合作伙伴的状态、风险等级和下次评估日期已更新。").waitFor();
    await d.goto(partnerPath);
    await d.getByText("已批准", { exact: true }).first().waitFor();
    await d.getByText("低风险", { exact: true }).first().waitFor();
    await snap(d, "nojs-partner-approved", "phone");
    expect([...setup.problems, ...officer.problems, ...decider.problems, ...problems]).toEqual([]);
  });

  test("the clause library, the partner rules, and a new organisation's dashboard with nothing waiting", async () => {
    const { page, problems } = await open({ locale: "zh-CN", viewport: DESKTOP });
    await signUpInChinese(page, newOrganization("partners-rules"));
    await mainNav(page).getByRole("link", { name: "安全条款" }).click();
    await page.waitForURL((url) => url.pathname === "/clauses");
    await page.getByRole("heading", { name: "安全条款库", level: 1 }).waitFor();
    await page.getByRole("link", { name: "高安全封条" }).waitFor();
    await snap(page, "clauses");
    await page.getByRole("link", { name: "高安全封条" }).click();
    await page.waitForURL(/\/clauses\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "高安全封条", level: 1 }).waitFor();
    await snap(page, "clause-detail");

    await mainNav(page).getByRole("link", { name: "合作伙伴规则" }).click();
    await page.waitForURL((url) => url.pathname === "/settings/partners");
    await page.getByRole("heading", { name: "合作伙伴规则", level: 1 }).waitFor();
    await page.getByLabel("低风险起点（分）").waitFor();
    await snap(page, "partner-rules");

    await mainNav(page).getByRole("link", { name: "概览" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    // No partner registered yet: nothing is due at any desk.
    await page.getByText("目前没有需要你处理的到期或待办事项。").waitFor();
    await page.getByText("各岗位都没有未结事项。").waitFor();
    await snap(page, "dashboard-partners");
    expect(problems).toEqual([]);
  });
});

// Seals on a phone, in Chinese: register a model, receive a range, run a 7-point inspection and
// seal the container from its record, verify the seal with VVTT, report it broken (the security
// lead's email arrives), and see an impossible step refused; then the application form without
// JavaScript.
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { DESKTOP, e2eSuite, newOrganization, PHONE, signUpInChinese, snap, uniqueEmail, type NewOrganization } from "../support/e2e-app";

const suite = e2eSuite("seals");
const open = suite.open;

const SITE = { nameZh: "盐田港出口仓", nameEn: "Yantian Export Warehouse", address: "广东省深圳市盐田区港前路 1 号" };
const CONTAINER_POINTS = ["front-wall", "left-side", "right-side", "floor", "ceiling-roof", "doors", "undercarriage", "pest-contamination"] as const;

async function jpeg(background: { r: number; g: number; b: number }) {
  const buffer = await sharp({ create: { width: 640, height: 480, channels: 3, background } })
    .jpeg({ quality: 85 })
    .toBuffer();
  return { name: "seal.jpg", mimeType: "image/jpeg", buffer, sha256: createHash("sha256").update(buffer).digest("hex") };
}

async function createSite(page: Page) {
  await page.goto("/settings/sites");
  await page.getByLabel("场所名称（中文）").fill(SITE.nameZh);
  await page.getByLabel("场所名称（英文）").fill(SITE.nameEn);
  await page.getByLabel("场所类型").selectOption({ label: "仓库" });
  await page.getByLabel("地址").fill(SITE.address);
  await page.getByRole("button", { name: "添加场所" }).click();
  await page.waitForURL("**/settings/sites?added=1");
}

async function registerModel(page: Page) {
  await page.goto("/seals/models");
  await page.getByRole("heading", { name: "封志型号", level: 1 }).waitFor();
  await page.getByLabel("制造商").fill("泰登");
  await page.getByLabel("型号", { exact: true }).fill("TB-Bolt H");
  await page.getByLabel("ISO 17712 等级").selectOption({ label: "ISO 17712 H 级（高安全）" });
  // Its certificate: seals of an H-class model are applied only with it on file (CTPAT 6.5).
  await page
    .getByLabel("证书或检测报告")
    .setInputFiles({ name: "iso17712.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%iso 17712 test report\n") });
  await page.getByRole("button", { name: "登记型号" }).click();
  await page.waitForURL("**/seals/models?created=1");
  await page.getByText("封志型号已登记。").waitFor();
}

async function receive(page: Page, from: string, to: string) {
  await page.goto("/seals/receive");
  await page.getByRole("heading", { name: "封志入库", level: 1 }).waitFor();
  expect(await page.getByLabel("场所").locator("option:checked").textContent()).toBe(SITE.nameZh);
  await page.getByLabel("起始号码").fill(from);
  await page.getByLabel("截止号码").fill(to);
  await page.getByRole("button", { name: "登记入库" }).click();
  await page.waitForURL((url) => url.pathname === "/seals" && url.searchParams.has("received"));
}

/** A security lead joins through the emailed invitation; returns their address. */
async function addSecurityLead(page: Page): Promise<string> {
  const email = uniqueEmail("lead");
  await page.goto("/settings/members");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("角色").selectOption({ label: "安保主管" });
  await page.getByRole("button", { name: "发送邀请" }).click();
  await page.waitForURL("**/settings/members?invited=1");
  const mail = await suite.app.waitForMail((m) => m.to.includes(email));
  const link = mail.links.find((l) => l.includes("/invite/")) ?? "";
  const lead = await open({ locale: "zh-CN", viewport: PHONE });
  await lead.page.goto(link);
  await lead.page.getByLabel("姓名").fill("李安保");
  await lead.page.getByLabel("新密码").fill("seal-keeper-2026!");
  await lead.page.getByRole("button", { name: "接受邀请" }).click();
  await lead.page.waitForURL((url) => url.pathname === "/");
  return email;
}

describe("seals", () => {
  test("receive a range, seal a container after its 7-point inspection, verify with VVTT and report the seal broken, on a phone", async () => {
    const { page, problems } = await open({ viewport: PHONE, locale: "zh-CN" });
    const org = newOrganization("seals");
    await signUpInChinese(page, org);
    await createSite(page);
    const leadEmail = await addSecurityLead(page);
    await registerModel(page);

    await receive(page, "CN2026000101", "CN2026000150");
    await page.getByText("已入库 50 个封志：CN2026000101 至 CN2026000150。").waitFor();
    await page.getByRole("heading", { name: "封志（50）" }).waitFor();
    await snap(page, "seals-log-received");
    // The same range again is refused whole, naming the numbers already in the log.
    await page.goto("/seals/receive");
    await page.getByLabel("起始号码").fill("CN2026000150");
    await page.getByLabel("截止号码").fill("CN2026000151");
    await page.getByRole("button", { name: "登记入库" }).click();
    await page.getByText("其中 1 个号码已在登记中：CN2026000150。封志号不得重复。").waitFor();

    // The 7-point inspection of the container, all points passed.
    await page.goto("/inspections");
    await page.getByRole("link", { name: /^集装箱七点检查/ }).click();
    await page.getByRole("heading", { name: "集装箱七点检查", level: 1 }).waitFor();
    await page.locator("#point-front-wall").locator("button", { hasText: /拍照/ }).waitFor();
    await page.getByLabel("集装箱号", { exact: true }).fill("CSQU3054383");
    for (const key of CONTAINER_POINTS)
      await page
        .locator(`#point-${key}`)
        .locator("label")
        .filter({ hasText: /^合格$/ })
        .click();
    await page.getByRole("button", { name: "提交", exact: true }).click();
    await page.getByText("检查记录 INS-000001 已保存。").waitFor();

    // Seal it from the inspection's record: the form opens with the container and the inspection.
    await page.getByRole("heading", { name: "本次检查后施加的封志（0）" }).waitFor();
    await page.getByRole("link", { name: "施封", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/seals/apply");
    await page.getByText(/已关联 .* 的七点检查 INS-000001。/).waitFor();
    expect(await page.getByLabel("集装箱号").inputValue()).toBe("CSQU3054383");
    // The guard states the container's state: nothing is ticked for them.
    expect(await page.getByLabel("已装货", { exact: true }).isChecked()).toBe(false);
    await page.getByText("已装货", { exact: true }).click();
    await snap(page, "seals-apply-form");
    await page.getByLabel("封志号").fill("cn2026000101");
    await page.getByLabel("货物/提单号").fill("YMLU-SZX-20261202");
    await page.getByRole("button", { name: "登记施封" }).click();
    // Without a photo nothing is saved.
    await page.getByText("请拍摄已施加封志的照片。").waitFor();
    const applied = await jpeg({ r: 30, g: 90, b: 200 });
    await page.getByLabel("已施加封志的照片").setInputFiles(applied);
    await page.getByRole("button", { name: "登记施封" }).click();
    await page.waitForURL(/\/seals\/[0-9a-f-]{36}\?done=applied$/);
    await page.getByText("已施封并登记。").waitFor();
    await page
      .getByRole("heading", { name: /CN2026000101/, level: 1 })
      .getByText("已施封")
      .waitFor();
    await page.getByText(`SHA-256 ${applied.sha256.slice(0, 12)}…`).waitFor();
    await page.getByRole("link", { name: "INS-000001" }).first().waitFor();
    // The history keeps the state the H-class rule was checked against.
    await page.getByText("集装箱或挂车状态: 已装货").waitFor();
    const sealPath = new URL(page.url()).pathname;
    await snap(page, "seals-chain-applied");

    // The inspection's record now names the seal.
    await page.goto("/inspections");
    await page
      .getByRole("link", { name: /INS-000001/ })
      .first()
      .click();
    await page.getByRole("heading", { name: "本次检查后施加的封志（1）" }).waitFor();
    await page.getByRole("link", { name: "CN2026000101" }).waitFor();

    // VVTT at departure: four passes and the number on the B/L.
    await page.goto(sealPath);
    await page.getByRole("link", { name: "发运时 VVTT" }).click();
    await page.getByRole("heading", { name: "验封（VVTT）", level: 1 }).waitFor();
    expect(await page.getByRole("radio", { name: "发运时" }).isChecked()).toBe(true);
    expect(await page.getByLabel("封志上读到的号码").inputValue()).toBe("CN2026000101");
    await page.getByLabel("单证上的封志号").fill("CN2026000101");
    for (const check of ["查看（View）", "核对（Verify）", "拉拽（Tug）", "扭转（Twist）"])
      await page
        .getByRole("group", { name: check })
        .locator("label")
        .filter({ hasText: /^合格$/ })
        .click();
    await snap(page, "seals-vvtt-form");
    await page.getByRole("button", { name: "登记验封" }).click();
    await page.getByText("VVTT 合格，已登记。").waitFor();
    await page.getByText("VVTT 合格（发运时）").waitFor();

    // A broken seal at the gate: reported with a photo; the security lead is emailed.
    await page.getByRole("link", { name: "报告封志异常" }).click();
    await page.getByRole("heading", { name: "报告封志异常", level: 1 }).waitFor();
    await page.getByText("封志损坏或被篡改", { exact: true }).click();
    await page.getByLabel("发现情况").fill("出闸前复查发现螺栓被锯断后用胶粘合，箱门已扣留。");
    await page.getByLabel("封志照片").setInputFiles(await jpeg({ r: 200, g: 40, b: 40 }));
    await page.getByRole("button", { name: "提交报告" }).click();
    await page.getByText("报告已提交，已通过邮件通知 1 人。").waitFor();
    await page.getByText("异常报告：封志损坏或被篡改").waitFor();
    await page.getByText(`已通知：李安保 <${leadEmail}>`).waitFor();
    const mail = await suite.app.waitForMail((m) => m.to.includes(leadEmail) && m.subject.includes("CN2026000101"));
    expect(mail.subject).toBe("封志异常报告：封志损坏或被篡改，封志 CN2026000101");
    expect(mail.text).toContain("出闸前复查发现螺栓被锯断后用胶粘合");
    expect(mail.links.some((l) => l.endsWith(sealPath))).toBe(true);
    await snap(page, "seals-chain-reported");

    // The owner's dashboard counts the open report at the supervisor's desk (the lead closes it);
    // the broken seal cannot be used again.
    await page.goto("/");
    const supervision = page.locator('section[data-area="supervision"]');
    await supervision.getByRole("link", { name: /未结的封志异常报告\s*1/ }).waitFor();
    await page.goto("/seals/apply?seal=CN2026000101");
    await page.getByText("已装货", { exact: true }).click();
    await page.getByLabel("已施加封志的照片").setInputFiles(applied);
    await page.getByLabel("集装箱号").fill("CSQU3054383");
    await page.getByRole("button", { name: "登记施封" }).click();
    await page.getByText("封志 CN2026000101 已报告损坏或不符：不得再使用。").waitFor();

    // The log answers a seal number with its chain.
    await page.goto("/seals");
    await page.getByLabel("封志号、集装箱号或提单号").fill("CN2026000101");
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await page.waitForURL((url) => url.pathname === sealPath);
    expect(problems).toEqual([]);
  });

  test("the application form works without JavaScript", async () => {
    const org: NewOrganization = newOrganization("seals-nojs");
    const setup = await open({ viewport: DESKTOP, locale: "zh-CN" });
    await signUpInChinese(setup.page, org);
    await createSite(setup.page);
    await registerModel(setup.page);
    await receive(setup.page, "NJ000001", "NJ000002");

    const { page, problems } = await open({ viewport: PHONE, locale: "zh-CN", javaScriptEnabled: false });
    await page.goto("/login");
    await page.getByLabel("电子邮箱").fill(org.email);
    await page.getByLabel("密码").fill(org.password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto("/seals/apply");
    await page.getByLabel("封志号").fill("NJ000001");
    await page.getByLabel("集装箱号").fill("CSQU3054384");
    await page.getByText("已装货", { exact: true }).click();
    await page.getByLabel("已施加封志的照片").setInputFiles(await jpeg({ r: 90, g: 160, b: 60 }));
    await page.getByRole("button", { name: "登记施封" }).click();
    await page.getByText("校验位错误：CSQU305438 的校验位应为 3，而不是 4。请重新核对箱号。").waitFor();
    await page.getByText("请重新选择文件：出错后浏览器不会保留已选文件。", { exact: false }).waitFor();
    expect(await page.getByLabel("封志号").inputValue()).toBe("NJ000001");
    await snap(page, "seals-apply-nojs-error", "phone");
    await page.getByLabel("集装箱号").fill("CSQU3054383");
    await page.getByLabel("已施加封志的照片").setInputFiles(await jpeg({ r: 90, g: 160, b: 61 }));
    await page.getByRole("button", { name: "登记施封" }).click();
    await page.waitForURL(/\/seals\/[0-9a-f-]{36}\?done=applied$/);
    await page.getByText("已施封并登记。").waitFor();
    await page.getByText("CSQU3054383").first().waitFor();
    expect(problems).toEqual([]);
  });
});

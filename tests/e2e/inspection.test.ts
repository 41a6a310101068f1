// Container inspections on a phone, in Chinese: the 7-point form with photos, a failed point, the
// corrective action it raises and the release it blocks; the same form without JavaScript; a
// submit whose connection drops, retried without a duplicate; the records list, its filters and
// the CSV export.
import { createHash, randomUUID } from "node:crypto";
import path from "node:path";
import type { Locator, Page, Request } from "playwright-core";
import postgres from "postgres";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import {
  DESKTOP,
  e2eSuite,
  logInBySession,
  newOrganization,
  PHONE,
  SCREENSHOT_DIR,
  signUpInChinese,
  snap,
} from "../support/e2e-app";

const suite = e2eSuite("inspection");
const open = suite.open;

/** A member of the organisation of `ownerEmail` with this role (a security supervisor unless said). */
async function addSupervisor(ownerEmail: string, role: "security_lead" | "security" = "security_lead"): Promise<string> {
  const email = `${role}-${randomUUID().slice(0, 8)}@e2e.tradeguard.test`;
  const sql = postgres(suite.app.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [owner] = await sql<{ organizationId: string }[]>`
      select m.organization_id as "organizationId" from memberships m join users u on u.id = m.user_id where lower(u.email) = lower(${ownerEmail})`;
    const [user] = await sql<{ id: string }[]>`insert into users (email, name, password_hash) values (${email}, '王主管', 'not-used') returning id`;
    await sql`insert into memberships (organization_id, user_id, role) values (${owner!.organizationId}, ${user!.id}, ${role})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  return email;
}

/** The points of container-7-point (version 2), in order, with their Chinese prompts. */
const POINTS = [
  ["front-wall", "前壁"],
  ["left-side", "左侧壁"],
  ["right-side", "右侧壁"],
  ["floor", "地板"],
  ["ceiling-roof", "顶板"],
  ["doors", "箱门内外侧（含门锁装置的可靠性）"],
  ["undercarriage", "外部/底部结构"],
  // Version 2 of the template adds the agricultural point A1.
  ["pest-contamination", "有害生物污染"],
] as const;
type PointKey = (typeof POINTS)[number][0];

const SITE = { nameZh: "蛇口集装箱堆场", nameEn: "Shekou Container Yard", address: "广东省深圳市南山区蛇口港湾大道 8 号" };
const FORM_PATH = /^\/inspections\/new$/;
const RECORD_URL = /\/inspections\/[0-9a-f-]{36}\?submitted=1$/;

// ---------------------------------------------------------------------------------------------
// Helpers

interface Photo {
  name: string;
  mimeType: string;
  buffer: Buffer;
  sha256: string;
}

/** A real JPEG of one colour; different colours give different bytes and so different SHA-256. */
async function jpeg(name: string, background: { r: number; g: number; b: number }): Promise<Photo> {
  const buffer = await sharp({ create: { width: 800, height: 600, channels: 3, background } }).jpeg({ quality: 85 }).toBuffer();
  return { name, mimeType: "image/jpeg", buffer, sha256: createHash("sha256").update(buffer).digest("hex") };
}

const point = (page: Page, key: PointKey) => page.locator(`#point-${key}`);

/** Counts the person's taps and typing on the happy path (a select, a fill, a tap, a photo). */
class Taps {
  count = 0;
  async click(locator: Locator) {
    this.count += 1;
    await locator.click();
  }
  async fill(locator: Locator, value: string) {
    this.count += 1;
    await locator.fill(value);
  }
  async select(locator: Locator, label: string) {
    this.count += 1;
    await locator.selectOption({ label });
  }
  /** One photo: the 拍照 tap opens the camera (a file chooser here); tap and shutter count as one. */
  async photo(page: Page, key: PointKey, photo: Photo) {
    this.count += 1;
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      point(page, key).locator("button", { hasText: /拍照|再拍一张/ }).click(),
    ]);
    await chooser.setFiles(photo);
  }
}

/** Chooses 合格 / 不合格 / 不适用 on a point by tapping its big label (the radio itself is visually hidden). */
async function answer(page: Page, key: PointKey, choice: "合格" | "不合格" | "不适用", taps?: Taps) {
  const label = point(page, key).locator("label").filter({ hasText: new RegExp(`^${choice}$`) });
  if (taps) await taps.click(label);
  else await label.click();
}

async function expectAnswered(page: Page, key: PointKey, choice: "合格" | "不合格" | "不适用") {
  expect(await point(page, key).getByRole("radio", { name: choice, exact: true }).isChecked(), `${key} is ${choice}`).toBe(true);
}

/** Adds the organisation's first site through /settings/sites. */
async function createSite(page: Page) {
  await page.goto("/settings/sites");
  await page.getByRole("heading", { name: "场所", level: 1 }).waitFor();
  await page.getByLabel("场所名称（中文）").fill(SITE.nameZh);
  await page.getByLabel("场所名称（英文）").fill(SITE.nameEn);
  await page.getByLabel("场所类型").selectOption({ label: "堆场" });
  await page.getByLabel("地址").fill(SITE.address);
  await page.getByRole("button", { name: "添加场所" }).click();
  await page.waitForURL("**/settings/sites?added=1");
  await page.getByRole("heading", { name: "场所（1）" }).waitFor();
}


/** Waits until the form has hydrated (the 拍照 buttons exist only with JavaScript running). */
async function waitForHydratedForm(page: Page) {
  await page.getByRole("heading", { name: "集装箱七点检查", level: 1 }).waitFor();
  await point(page, "front-wall").locator("button", { hasText: /拍照|再拍一张/ }).waitFor();
  await page.getByText(/^已检查 \d+ \/ 8 点/).waitFor();
}

/** Waits until a photo is stored on the server: its SHA-256 shows and its thumbnail comes from /files/. */
async function waitForStoredPhotos(page: Page, key: PointKey, photos: Photo[]) {
  const card = point(page, key);
  for (const photo of photos) await card.getByText(`SHA-256 ${photo.sha256}`, { exact: true }).waitFor();
  await expect.poll(() => card.locator('img[src^="/files/"]').count(), { timeout: 10_000 }).toBe(photos.length);
  expect(await card.getByText("正在上传…").count()).toBe(0);
}

/** Every SHA-256 the page shows, sorted. */
async function shownHashes(page: Page): Promise<string[]> {
  const texts = await page.getByText(/^SHA-256 [0-9a-f]{64}$/).allTextContents();
  return texts.map((t) => t.trim().replace(/^SHA-256 /, "")).sort();
}

function shot(name: string) {
  return path.join(SCREENSHOT_DIR, `${name}.png`);
}

/** Connection errors the test causes on purpose (the aborted submit). */
const expectedNetworkErrors = (problems: string[]) => problems.filter((p) => !/net::ERR_INTERNET_DISCONNECTED/.test(p));

// ---------------------------------------------------------------------------------------------

describe("the guard's phone menu", () => {
  test("shows what the gate uses first and the rest under 更多; a wide screen shows everything", async () => {
    const setup = await open({ viewport: DESKTOP, locale: "zh-CN" });
    const org = newOrganization("guard-menu");
    await signUpInChinese(setup.page, org);
    const guardEmail = await addSupervisor(org.email, "security");

    const { page, problems } = await open({ viewport: PHONE, locale: "zh-CN" });
    await logInBySession(page, suite.app, guardEmail, "/");
    await page.getByText("☰ 菜单").click();
    const menu = page.getByRole("navigation", { name: "主导航" }).filter({ visible: true });
    const short = ["概览", "检查记录", "封志", "访客", "证卡与钥匙", "安全事件", "整改措施"];
    await expect.poll(async () => menu.getByRole("link").filter({ visible: true }).allTextContents()).toEqual(short);
    await snap(page, "guard-menu-short", "phone");
    await menu.locator("summary", { hasText: "更多" }).click();
    await menu.getByRole("link", { name: "培训" }).waitFor();
    expect(await menu.getByRole("link").filter({ visible: true }).count()).toBeGreaterThan(short.length + 5);
    await snap(page, "guard-menu-more", "phone");
    await menu.getByRole("link", { name: "封志" }).click();
    await page.waitForURL("**/seals");
    expect(problems).toEqual([]);

    // The owner's phone menu is the whole menu; the guard on a wide screen sees the whole sidebar too.
    await setup.page.setViewportSize(PHONE);
    await setup.page.goto("/");
    await setup.page.getByText("☰ 菜单").click();
    const ownerMenu = setup.page.getByRole("navigation", { name: "主导航" }).filter({ visible: true });
    await ownerMenu.getByRole("link", { name: "培训" }).waitFor();
    expect(await ownerMenu.locator("summary", { hasText: "更多" }).count()).toBe(0);
    await page.setViewportSize(DESKTOP);
    await page.goto("/");
    const sidebar = page.getByRole("navigation", { name: "主导航" }).filter({ visible: true });
    await sidebar.getByRole("link", { name: "培训" }).waitFor();
    await sidebar.getByRole("link", { name: "检查计划" }).waitFor();
  });
});

describe("container inspection", () => {
  test("a full 7-point inspection with photos and a failure, on a phone, in Chinese", async () => {
    const { page, problems } = await open({ viewport: PHONE, locale: "zh-CN" });
    const org = newOrganization("insp");
    await signUpInChinese(page, org);
    await createSite(page);
    const [floorA, floorB, frontWall] = await Promise.all([
      jpeg("floor-1.jpg", { r: 200, g: 80, b: 40 }),
      jpeg("floor-2.jpg", { r: 40, g: 160, b: 90 }),
      jpeg("front-wall.jpg", { r: 30, g: 60, b: 210 }),
    ]);

    await page.goto("/inspections");
    await page.getByRole("heading", { name: "检查记录", level: 1 }).waitFor();
    await page.getByText("尚无检查记录。在上方开始一次检查，用手机约需一分钟。").waitFor();
    const taps = new Taps();
    await taps.click(page.getByRole("link", { name: /^集装箱七点检查/ }));
    await page.waitForURL((url) => FORM_PATH.test(url.pathname) && /^[0-9a-f-]{36}$/.test(url.searchParams.get("draft") ?? ""));
    expect(new URL(page.url()).searchParams.get("template")).toBe("container-7-point");
    await waitForHydratedForm(page);
    const formUrl = page.url();
    expect(await page.getByLabel("检查日期和时间").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    // The dry container shows 7 points and the agricultural one; the reefer point appears only when ticked.
    expect(await page.locator("[id^=point-]").count()).toBe(8);
    await snap(page, "inspection-form-top");

    await taps.select(page.getByLabel("场所", { exact: true }), SITE.nameZh);
    const container = page.getByLabel("集装箱号", { exact: true });
    await container.fill("CSQU3054384"); // wrong check digit: a detour, not counted
    for (const [key] of POINTS) await answer(page, key, key === "floor" ? "不合格" : "合格", taps);
    await page.getByText("已检查 8 / 8 点").waitFor();
    await page.getByText("1 点不合格").waitFor();
    const note = point(page, "floor").getByLabel("备注（不合格时必填）");
    await note.waitFor();
    await point(page, "floor").getByRole("button", { name: "拍照（必需）" }).waitFor();

    // Submit too early: the phone refuses it and says what to fix; nothing reaches the record.
    await page.getByRole("button", { name: "提交", exact: true }).click();
    await page.getByText("校验码错误：CSQU305438 的校验码应为 3，而不是 4。请重新核对箱门上的箱号。").waitFor();
    await point(page, "floor").getByText("不合格：请说明发现的问题。").waitFor();
    await point(page, "floor").getByText("请至少为此检查点拍一张照片。").waitFor();
    await page.getByText("未提交：有 3 处需要处理（下方红色标出）。已填内容不会丢失。").waitFor();
    expect(await container.getAttribute("aria-invalid")).toBe("true");
    expect(await note.getAttribute("aria-invalid")).toBe("true");
    expect(page.url()).toBe(formUrl);
    await snap(page, "inspection-form-errors");

    // Fix it: the right number, the note, two photos of the floor and one of the front wall.
    await taps.fill(container, "CSQU3054383");
    await taps.fill(note, "地板右后角有一块新换的木板，颜色与其余板材不同，敲击声音发空。");
    // After a refused submit the form re-checks as the officer types: the note's message goes with
    // the typing, so nothing moves under the finger on the next tap.
    await expect.poll(() => point(page, "floor").getByText("不合格：请说明发现的问题。").count()).toBe(0);
    const photoButton = point(page, "floor").locator("button", { hasText: /拍照/ });
    taps.count += 1;
    const firstChooser = page.waitForEvent("filechooser", { timeout: 3_000 }).catch(() => null);
    await photoButton.click();
    let chooser = await firstChooser;
    expect.soft(chooser !== null, "the first tap on 拍照（必需） after typing the note opens the camera").toBe(true);
    if (!chooser) {
      await point(page, "floor").screenshot({ path: shot("bug-inspection-first-photo-tap-lost-phone"), animations: "disabled" });
      [chooser] = await Promise.all([page.waitForEvent("filechooser"), photoButton.click()]);
    }
    await chooser.setFiles(floorA);
    await expect.poll(() => point(page, "floor").getByText("不合格：请说明发现的问题。").count()).toBe(0);
    expect(await note.getAttribute("aria-invalid")).toBeNull();
    await waitForStoredPhotos(page, "floor", [floorA]);
    await taps.photo(page, "floor", floorB);
    await waitForStoredPhotos(page, "floor", [floorA, floorB]);
    await taps.photo(page, "front-wall", frontWall);
    await waitForStoredPhotos(page, "front-wall", [frontWall]);
    await point(page, "floor").getByRole("button", { name: "再拍一张" }).waitFor();
    // The errors go as each is fixed.
    await expect.poll(() => page.getByText("请至少为此检查点拍一张照片。").count()).toBe(0);
    await snap(page, "inspection-form-filled");
    await point(page, "floor").screenshot({ path: shot("inspection-failed-point-card-phone"), animations: "disabled" });

    await taps.click(page.getByRole("button", { name: "提交", exact: true }));
    await page.waitForURL(RECORD_URL);
    await page.getByText("检查记录 INS-000001 已保存。").waitFor();
    // The happy path is 16 actions: the link, the site, 8 answers (the seven points and the
    // agricultural one), the container number, the note, 3 photos, submit (a tap lost to a moving
    // button is reported apart, by the soft check above).
    expect(taps.count).toBe(16);
    const recordPath = new URL(page.url()).pathname;

    // The record: reference, result, blocked release, the photos' digests, the action it raised.
    await page.getByRole("heading", { name: "INS-000001 · 集装箱七点检查", level: 1 }).waitFor();
    await page.getByText("1 个检查点不合格", { exact: true }).waitFor();
    await page.getByText("放行受阻", { exact: true }).waitFor();
    await page.getByText("放行受阻：尚有 1 项整改措施未关闭。请先关闭，或由主管书面说明原因后放行。").waitFor();
    await page.getByText("CSQU3054383", { exact: true }).waitFor();
    await page.getByText("地板右后角有一块新换的木板，颜色与其余板材不同，敲击声音发空。").waitFor();
    expect(await shownHashes(page)).toEqual([floorA.sha256, floorB.sha256, frontWall.sha256].sort());
    expect(await page.getByRole("img", { name: "第 4 点的照片" }).count()).toBe(2);
    expect(await page.getByRole("img", { name: "第 1 点的照片" }).count()).toBe(1);
    await page.getByRole("heading", { name: "检查点（8）" }).waitFor();
    await page.getByRole("heading", { name: "整改措施（1）" }).waitFor();
    await page.getByRole("heading", { name: "作为以下标准条款的证据" }).waitFor();
    expect(await page.getByRole("button", { name: "放行装货" }).count()).toBe(0);
    await snap(page, "inspection-record-failed");

    // Close the corrective action: 已完成 needs a closing note.
    const actionLink = page.locator('a[href^="/actions/"]');
    expect(await actionLink.count()).toBe(1);
    expect(await actionLink.textContent()).toMatch(/^CA-\d+\s*4\. 地板$/);
    await actionLink.click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "更新整改措施" }).waitFor();
    await page.getByLabel("状态").selectOption({ label: "已完成" });
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.getByText("请说明整改完成情况（关闭依据）。").waitFor();
    await page.getByLabel("关闭说明").fill("已更换地板并复查，箱体恢复正常；原箱退回船公司。");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("saved") === "1");
    await page.getByRole("status").or(page.getByRole("alert")).getByText("已保存。").first().waitFor();
    // The inspector's own closure waits for another supervisor: the container stays held.
    await page.getByText("等待安保主管验证", { exact: true }).waitFor();
    await page.getByText("此集装箱由您本人查验，须由其他主管验证。").waitFor();
    const actionPath = new URL(page.url()).pathname;
    await snap(page, "action-awaiting-verification");
    await page.locator(`a[href="${recordPath}"]`).click();
    await page.waitForURL((url) => url.pathname === recordPath);
    await page.getByText("放行受阻", { exact: true }).waitFor();
    await page.getByText("其中 1 项已关闭，待主管（非查验人）验证。").waitFor();

    const supervisor = await open({ viewport: PHONE, locale: "zh-CN" });
    await logInBySession(supervisor.page, suite.app, await addSupervisor(org.email), actionPath);
    await supervisor.page.getByRole("heading", { name: "验证整改结果" }).waitFor();
    await snap(supervisor.page, "action-verify");
    await supervisor.page.getByLabel("验证意见").fill("现场查看新地板，已牢固。");
    await supervisor.page.getByRole("button", { name: "确认整改完成" }).click();
    await supervisor.page.waitForURL((url) => url.searchParams.get("verified") === "accept");
    await supervisor.page.getByText("已验证：措施已完成。").waitFor();
    expect(supervisor.problems).toEqual([]);

    await page.reload();
    await page.getByText("无阻碍事项：可以放行装货。").waitFor();
    await page.getByText("可放行", { exact: true }).waitFor();
    await page.getByRole("button", { name: "放行装货" }).click();
    await page.waitForURL((url) => url.searchParams.get("done") === "release");
    await page.getByText("已放行装货。").waitFor();
    await page.getByText("已放行", { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: "放行装货" }).count()).toBe(0);
    await snap(page, "inspection-record-released");
    expect(problems).toEqual([]);
  });

  test("an inspection without JavaScript", async () => {
    const org = newOrganization("insp-nojs");
    const setup = await open({ viewport: DESKTOP, locale: "zh-CN" });
    await signUpInChinese(setup.page, org);
    await createSite(setup.page);
    const [floorPhoto] = await Promise.all([jpeg("floor.jpg", { r: 120, g: 40, b: 160 })]);
    const notAPhoto = { name: "doors.jpg", mimeType: "image/jpeg", buffer: Buffer.from("这不是照片，只是改了扩展名的文本。\n") };

    const { page, problems } = await open({ viewport: PHONE, locale: "zh-CN", javaScriptEnabled: false });
    await logInBySession(page, suite.app, org.email);
    await page.goto("/inspections");
    await page.getByRole("link", { name: /^集装箱七点检查/ }).click();
    await page.waitForURL((url) => FORM_PATH.test(url.pathname) && Boolean(url.searchParams.get("draft")));
    const formUrl = page.url();
    await page.getByRole("heading", { name: "集装箱七点检查", level: 1 }).waitFor();
    expect(await page.getByLabel("场所", { exact: true }).locator("option:checked").textContent()).toBe(SITE.nameZh);

    // A text file named .jpg is refused as a photo and not kept; the rest of the draft is.
    for (const [key] of POINTS) await answer(page, key, "合格");
    await point(page, "doors").getByLabel("照片").setInputFiles(notAPhoto);
    await page.getByRole("button", { name: "保存草稿" }).click();
    await point(page, "doors").getByText("照片须为 JPEG, PNG 格式。iPhone 请在“设置 → 相机 → 格式”中选择“兼容性最佳”。").waitFor();
    expect(page.url()).toBe(formUrl);
    expect(await point(page, "doors").getByText(/^SHA-256/).count()).toBe(0);
    expect(await point(page, "doors").getByRole("img").count()).toBe(0);
    await expectAnswered(page, "doors", "合格");
    await snap(page, "inspection-nojs-not-a-photo");

    // Fail the floor with a note and a photo, leave the container number empty, submit.
    await answer(page, "floor", "不合格");
    const note = point(page, "floor").getByLabel("备注（不合格时必填）");
    await note.fill("地板中部有新焊缝，疑似夹层。");
    await point(page, "floor").getByLabel("照片").setInputFiles(floorPhoto);
    await page.getByRole("button", { name: "提交", exact: true }).click();
    await page.locator("#containerNumber-error").getByText("必填。", { exact: true }).waitFor();
    expect(page.url()).toBe(formUrl);
    await page.getByText("未提交。请更正下方标出的内容；草稿、已填答案和已接收的照片均已保留。").waitFor();
    expect(await page.getByLabel("集装箱号", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await point(page, "floor").getByLabel("备注（不合格时必填）").inputValue()).toBe("地板中部有新焊缝，疑似夹层。");
    await expectAnswered(page, "floor", "不合格");
    await expectAnswered(page, "front-wall", "合格");
    // The photo was kept in the server draft, with its digest.
    await point(page, "floor").getByText(`SHA-256 ${floorPhoto.sha256}`, { exact: true }).waitFor();
    expect(await shownHashes(page)).toEqual([floorPhoto.sha256]);
    await snap(page, "inspection-nojs-required");

    await page.getByLabel("集装箱号", { exact: true }).fill("csqu 305438-3");
    await page.getByRole("button", { name: "提交", exact: true }).click();
    await page.waitForURL(RECORD_URL);
    await page.getByText("检查记录 INS-000001 已保存。").waitFor();
    await page.getByText("CSQU3054383", { exact: true }).waitFor();
    await page.getByText("1 个检查点不合格", { exact: true }).waitFor();
    await page.getByText("放行受阻", { exact: true }).waitFor();
    await page.getByText("地板中部有新焊缝，疑似夹层。").waitFor();
    expect(await shownHashes(page)).toEqual([floorPhoto.sha256]);
    await page.locator('a[href^="/actions/"]').waitFor();
    await snap(page, "inspection-nojs-record", "phone");
    expect(problems).toEqual([]);
  });

  test("an interrupted submit is retried without a duplicate", async () => {
    const { page, problems } = await open({ viewport: PHONE, locale: "zh-CN" });
    await signUpInChinese(page, newOrganization("insp-retry"));
    await createSite(page);
    await page.goto("/inspections/new?template=container-7-point");
    await page.waitForURL((url) => Boolean(url.searchParams.get("draft")));
    await waitForHydratedForm(page);
    const formUrl = page.url();
    const container = page.getByLabel("集装箱号", { exact: true });
    const seals = page.getByLabel("封志号（可选）");
    await container.fill("MSCU1234566");
    await seals.fill("CN1234567 CN7654321");
    for (const [key] of POINTS.slice(0, 4)) await answer(page, key, "合格");
    await page.getByText("已检查 4 / 8 点").waitFor();

    // A reload halfway: everything typed comes back (kept on the phone and in the server draft).
    await page.reload();
    await waitForHydratedForm(page);
    expect(page.url()).toBe(formUrl);
    await expect.poll(() => container.inputValue()).toBe("MSCU1234566");
    expect(await seals.inputValue()).toBe("CN1234567 CN7654321");
    for (const [key] of POINTS.slice(0, 4)) await expectAnswered(page, key, "合格");
    await page.getByText("已检查 4 / 8 点").waitFor();
    for (const [key] of POINTS.slice(4)) await answer(page, key, "合格");
    await page.getByText("已检查 8 / 8 点").waitFor();

    // The submit travels as multipart FormData with intent=submit; the autosave (intent=save) and
    // photo uploads use the same address and must pass.
    const isSubmit = (request: Request) =>
      request.method() === "POST" && (request.postDataBuffer()?.toString("utf8") ?? "").includes('name="intent"\r\n\r\nsubmit\r\n');
    const submit = page.getByRole("button", { name: "提交", exact: true });
    const connectionLost = page.getByText("网络连接中断，尚未提交。您填写和拍摄的内容都保存在本机：有信号后请再次点击“提交”。");
    const expectEverythingKept = async () => {
      expect(page.url()).toBe(formUrl);
      expect(await container.inputValue()).toBe("MSCU1234566");
      expect(await seals.inputValue()).toBe("CN1234567 CN7654321");
      for (const [key] of POINTS) await expectAnswered(page, key, "合格");
      expect(await submit.isEnabled()).toBe(true);
    };

    // 1. The request never reaches the server.
    let aborted = 0;
    const dropRequest = async (route: import("playwright-core").Route) => {
      if (!isSubmit(route.request())) return route.continue();
      aborted += 1;
      return route.abort("internetdisconnected");
    };
    await page.route("**/inspections/drafts/**", dropRequest);
    await submit.click();
    await connectionLost.waitFor();
    expect(aborted).toBe(1);
    await expectEverythingKept();
    // The officer tapped 提交 in the bar at the bottom, after the last point: the message must be
    // where they are looking, not only at the top of a long form.
    const inView = await connectionLost.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    });
    expect.soft(inView, "the connection-lost message is on screen after tapping 提交 at the bottom").toBe(true);
    if (!inView) await page.screenshot({ path: shot("bug-inspection-connection-lost-out-of-view-phone"), animations: "disabled" });
    await snap(page, "inspection-connection-lost");
    await page.unroute("**/inspections/drafts/**", dropRequest);

    // 2. The server records it, but the answer is lost on the way back.
    let recorded: { ok: boolean; id?: string } | null = null;
    const dropAnswer = async (route: import("playwright-core").Route) => {
      if (!isSubmit(route.request())) return route.continue();
      const response = await route.fetch();
      recorded = (await response.json()) as { ok: boolean; id?: string };
      return route.abort("internetdisconnected");
    };
    await page.route("**/inspections/drafts/**", dropAnswer);
    await page.getByRole("button", { name: "提交", exact: true }).click();
    await expect.poll(() => recorded?.ok ?? null).toBe(true);
    await connectionLost.waitFor();
    await expectEverythingKept();
    await page.unroute("**/inspections/drafts/**", dropAnswer);

    // 3. The retry names the same draft, so it lands on the one record made in step 2.
    await submit.click();
    await page.waitForURL(RECORD_URL);
    const recordedId = (recorded as { id?: string } | null)?.id;
    expect(recordedId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new URL(page.url()).pathname).toBe(`/inspections/${recordedId}`);
    await page.getByText("检查记录 INS-000001 已保存。").waitFor();
    await page.getByText("合格", { exact: true }).first().waitFor();
    await page.getByText("可放行", { exact: true }).waitFor();
    await page.getByText("没有不合格的检查点，因此未产生整改措施。").waitFor();

    await page.goto("/inspections");
    await page.getByRole("heading", { name: "检查记录（1）" }).waitFor();
    expect(await page.getByRole("link", { name: /^INS-\d{6}/ }).allTextContents()).toEqual(["INS-000001集装箱七点检查"]);
    expect(await page.getByText(/^您未完成的检查/).count()).toBe(0);
    // Reopening the old form address shows the record, not a second form.
    await page.goto(formUrl);
    await page.waitForURL((url) => url.pathname === `/inspections/${recordedId}`);
    expect(expectedNetworkErrors(problems)).toEqual([]);
  });

  test("the records list filters by container number and result, and exports CSV", async () => {
    const { page, problems } = await open({ viewport: PHONE, locale: "zh-CN" });
    await signUpInChinese(page, newOrganization("insp-list"));
    await createSite(page);

    // Two inspections made through the phone's own endpoint (the form is tested above).
    await page.goto("/inspections/new?template=container-7-point");
    await page.waitForURL((url) => Boolean(url.searchParams.get("draft")));
    const templateId = await page.locator('input[name="templateId"]').inputValue();
    const siteId = await page.getByLabel("场所", { exact: true }).inputValue();
    const occurredAt = await page.getByLabel("检查日期和时间").inputValue();
    expect(siteId).toMatch(/^[0-9a-f-]{36}$/);
    const photo = await jpeg("floor.jpg", { r: 90, g: 90, b: 20 });
    const submitVia = async (containerNumber: string, failFloor: boolean) => {
      const fields: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> = {
        intent: "submit",
        templateId,
        siteId,
        occurredAt,
        containerNumber,
      };
      for (const [key] of POINTS) fields[`answer_${key}`] = "pass";
      if (failFloor) {
        fields.answer_floor = "fail";
        fields.note_floor = "地板有新换板材。";
        fields.photo_floor = { name: photo.name, mimeType: photo.mimeType, buffer: photo.buffer };
      }
      const response = await page.request.post(`/inspections/drafts/${randomUUID()}`, { multipart: fields });
      expect(response.status(), await response.text()).toBe(200);
      expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
    };
    await submitVia("CSQU3054383", true);
    await submitVia("TGHU7654320", false);

    await page.goto("/inspections");
    await page.getByRole("heading", { name: "检查记录（2）" }).waitFor();
    // On a phone the filters are folded away until asked for.
    const filters = page.getByRole("form", { name: "筛选检查记录" });
    expect(await filters.isVisible()).toBe(false);
    await page.locator("summary", { hasText: "筛选检查记录" }).click();
    await filters.getByLabel("集装箱号").fill("tghu 7654");
    await filters.getByRole("button", { name: "筛选" }).click();
    await page.waitForURL((url) => url.searchParams.get("container") === "tghu 7654");
    await page.getByRole("heading", { name: "检查记录（1）" }).waitFor();
    await page.getByText(/TGHU7654320/).waitFor();
    expect(await page.getByText(/CSQU3054383/).count()).toBe(0);
    await snap(page, "inspection-list-filtered");

    await page.getByRole("link", { name: "清除筛选" }).click();
    await page.waitForURL((url) => url.pathname === "/inspections" && url.search === "");
    await page.getByRole("heading", { name: "检查记录（2）" }).waitFor();
    await page.locator("summary", { hasText: "筛选检查记录" }).click();
    // After 清除筛选 the list is unfiltered, so the filter fields must be empty too.
    const containerFilter = filters.getByLabel("集装箱号");
    const leftOver = await containerFilter.inputValue();
    expect.soft(leftOver, "the container filter field after 清除筛选 (the list shows all records)").toBe("");
    await filters.getByLabel("结果").selectOption({ label: "不合格" });
    if (leftOver) {
      // Applying another filter silently applies the cleared one again.
      await filters.getByRole("button", { name: "筛选" }).click();
      await page.waitForURL((url) => url.searchParams.get("result") === "fail");
      await page.getByText("没有符合筛选条件的检查记录。").waitFor();
      await snap(page, "bug-inspection-filter-kept-after-clear", "phone");
      await containerFilter.fill("");
    }
    await filters.getByRole("button", { name: "筛选" }).click();
    await page.waitForURL((url) => url.searchParams.get("result") === "fail" && !url.searchParams.get("container"));
    await page.getByRole("heading", { name: "检查记录（1）" }).waitFor();
    await page.getByText(/CSQU3054383/).waitFor();
    await page.getByText("1 个检查点不合格", { exact: true }).waitFor();
    expect(await page.getByText(/TGHU7654320/).count()).toBe(0);

    // The export follows the filter.
    const href = await page.getByRole("link", { name: "导出 CSV" }).getAttribute("href");
    expect(href).toBe("/inspections/export.csv?result=fail");
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text).toContain("CSQU3054383");
    expect(text).not.toContain("TGHU7654320");
    expect(text.replace(/^\uFEFF/, "").split("\r\n")[0]).toContain("编号");
    expect(text).toContain("INS-000001");
    const all = await page.request.get("/inspections/export.csv");
    expect(all.status()).toBe(200);
    const allText = await all.text();
    expect(allText).toContain("CSQU3054383");
    expect(allText).toContain("TGHU7654320");
    expect(problems).toEqual([]);
  });
});

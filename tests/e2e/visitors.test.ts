// The gatehouse and the key cabinet in the browser, in Chinese, at phone size: a guard signs a visitor
// in with a visitor badge from the register (counting the taps), sees the visitor on the on-site list,
// signs them out with one tap; the same sign-in without JavaScript, refused then accepted; a key issued
// to an employee and returned on /badges.
import postgres from "postgres";
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEFAULT_ADMIN_URL, e2eSuite, newOrganization, PHONE, signUpInChinese, snap, type NewOrganization } from "../support/e2e-app";

const suite = e2eSuite("visitors");
const open = suite.open;

const SITE = { nameZh: "一号门岗", nameEn: "Gate 1", address: "江苏省苏州市工业园区星海街 18 号" };
/** A valid resident ID (GB 11643 check character X), and the same number with a wrong last character. */
const RESIDENT_ID = "11010519491231002X";
const WRONG_CHECK = "110105194912310021";

/** Counts the guard's taps and typing on the happy path: a tap, a fill (tap into a field and type) or a choice. */
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

async function start(prefix: string, options: { javaScriptEnabled?: boolean } = {}) {
  const opened = await open({ viewport: PHONE, ...options });
  const org = newOrganization(prefix);
  await signUpInChinese(opened.page, org);
  await createSite(opened.page);
  return { ...opened, org };
}

/** Adds an employee row straight into the app's database: the /personnel pages are not part of this branch. */
async function insertEmployee(org: NewOrganization, name: string): Promise<void> {
  const url = new URL(process.env.TEST_DATABASE_URL || DEFAULT_ADMIN_URL);
  url.pathname = `/${suite.app.databaseName}`;
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    await sql`insert into employees (organization_id, number, name, position, department, hire_date)
      select id, 1, ${name}, '仓库主管', '物流部', '2024-03-01' from organizations where legal_name_zh = ${org.organizationNameZh}`;
  } finally {
    await sql.end();
  }
}

const onSite = (page: Page) => page.locator("section").filter({ has: page.getByRole("heading", { name: /^当前在场/ }) });

describe("the gatehouse", () => {
  test("a guard signs a visitor in with a badge from the register in a few taps, and out with one", async () => {
    const { page, problems } = await start("gate");
    // The register's visitor badges: a numbered series.
    await page.goto("/badges");
    const add = page.getByRole("form", { name: "添加到登记册" });
    await add.getByLabel("类别").selectOption({ label: "访客证" });
    await add.getByLabel("编号", { exact: true }).fill("V-001");
    await add.getByLabel("连号的末号").fill("V-003");
    await add.getByRole("button", { name: "添加" }).click();
    await page.getByText("已向登记册添加 3 项。").waitFor();

    // The guard's day starts on /visitors.
    await page.goto("/visitors");
    await page.getByText("当前没有访客在场。").waitFor();
    const taps = new Taps();
    await taps.click(page.getByRole("link", { name: "登记访客" }));
    await page.waitForURL("**/visitors/new");
    const form = page.getByRole("form", { name: "访客登记" });
    // The only site is already chosen; the ID type defaults to 居民身份证.
    expect(await form.getByRole("radio", { name: SITE.nameZh }).isChecked()).toBe(true);
    expect(await form.getByLabel("证件类型").inputValue()).toBe("cn_resident_id");
    await taps.fill(form.getByLabel("访客姓名"), "李明");
    await taps.fill(form.getByLabel("单位"), "苏州示例电子有限公司");
    await taps.fill(form.getByLabel("证件号码"), RESIDENT_ID);
    await taps.click(form.getByText("已查看带照片的证件，与访客本人相符"));
    await taps.fill(form.getByLabel("被访人"), "王经理");
    await taps.click(form.getByText("商务洽谈", { exact: true }));
    await taps.fill(form.getByLabel("临时访客证"), "V-002");
    await snap(page, "visitors-sign-in", "phone");
    await taps.click(form.getByRole("button", { name: "登记入场" }));
    await page.waitForURL(/\/visitors\?signedIn=/);
    await page.getByText(/李明 已登记入场（VIS-00001）。请发放访客证 V-002。/).waitFor();
    // 9: open the form, 7 fields and choices (company is optional), submit.
    expect(taps.count).toBe(9);

    // On the list of the gate's site, with the badge and the host.
    await expect.poll(() => onSite(page).getByRole("link", { name: "李明" }).count()).toBe(1);
    await onSite(page)
      .getByText(/被访人 王经理 · 访客证 V-002/)
      .waitFor();
    await onSite(page)
      .getByRole("heading", { name: `${SITE.nameZh}：1 位` })
      .waitFor();
    await snap(page, "visitors-on-site");
    // The visit's own page keeps the masked number only, and who checked the ID.
    await onSite(page).getByRole("link", { name: "李明" }).click();
    await page.getByText("1101**********002X").waitFor();
    expect(await page.getByText(RESIDENT_ID).count()).toBe(0);
    await snap(page, "visitors-entry", "phone");
    // The register says the badge is out.
    await page.goto("/badges?kind=visitor_badge");
    const v002 = page.getByRole("listitem").filter({ hasText: "V-002" });
    await v002.getByText("已发放").waitFor();
    await v002.getByText("在场访客使用中").waitFor();
    // The dashboard says who is on site (a lone owner keeps the gate's list too).
    await page.goto("/");
    await page.locator('section[data-kind="visitor_on_site"]').getByText(`${SITE.nameZh}：1 名访客在场`).waitFor();

    await page.goto("/visitors");
    await onSite(page).getByRole("button", { name: "为 李明 签离" }).click();
    await page.getByText("李明 已签离（VIS-00001）。").waitFor();
    await page.getByText("当前没有访客在场。").waitFor();
    await page.getByRole("listitem").filter({ hasText: "VIS-00001" }).getByText("已离开").waitFor();
    await page.goto("/badges?kind=visitor_badge");
    await page.getByRole("listitem").filter({ hasText: "V-002" }).getByText("可用").waitFor();
    // Signed out, nobody is on site: the dashboard's line is gone.
    await page.goto("/");
    await page.getByRole("heading", { name: "需要你处理" }).waitFor();
    expect(await page.locator('section[data-kind="visitor_on_site"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  test("without JavaScript: a wrong check character is refused with its reason, then the visitor is signed in and out", async () => {
    const { page } = await start("gate-nojs", { javaScriptEnabled: false });
    await page.goto("/visitors/new");
    const form = page.getByRole("form", { name: "访客登记" });
    await form.getByLabel("访客姓名").fill("张伟");
    await form.getByLabel("证件号码").fill(WRONG_CHECK);
    await form.getByText("已查看带照片的证件，与访客本人相符").click();
    await form.getByLabel("被访人").fill("刘主管");
    await form.getByText("送货提货", { exact: true }).click();
    await form.getByLabel("车牌号").fill("沪A1234");
    await form.getByRole("button", { name: "登记入场" }).click();
    await page.getByText("未登记：请更正下方标出的内容。").waitFor();
    await page.getByText("最后一位校验码错误：按前 17 位应为“X”，而不是“1”。").waitFor();
    await page.getByText(/不是有效的车牌号/).waitFor();
    // What was typed is kept, except the ID number, which is typed again.
    expect(await form.getByLabel("访客姓名").inputValue()).toBe("张伟");
    expect(await form.getByLabel("证件号码").inputValue()).toBe("");
    await snap(page, "visitors-sign-in-refused", "phone");
    await form.getByLabel("证件号码").fill(RESIDENT_ID);
    await form.getByLabel("车牌号").fill("沪A12345");
    const checkbox = form.getByRole("checkbox", { name: "已查看带照片的证件，与访客本人相符" });
    if (!(await checkbox.isChecked())) await checkbox.check();
    await form.getByRole("button", { name: "登记入场" }).click();
    await page.getByText("张伟 已登记入场（VIS-00001）。").waitFor();
    await onSite(page)
      .getByText(/沪A12345/)
      .waitFor();
    await onSite(page).getByRole("button", { name: "为 张伟 签离" }).click();
    await page.getByText("张伟 已签离（VIS-00001）。").waitFor();
    await page.getByText("当前没有访客在场。").waitFor();
  });
});

describe("the key cabinet", () => {
  test("a key is issued to an employee and returned on /badges", async () => {
    const { page, org, problems } = await start("keys");
    await insertEmployee(org, "陈静");
    await page.goto("/badges");
    const add = page.getByRole("form", { name: "添加到登记册" });
    await add.getByLabel("编号", { exact: true }).fill("K-12");
    await add.getByLabel("开启部位或用途").fill("二号仓库后门");
    await add.getByRole("button", { name: "添加" }).click();
    await page.getByText("K-12 已添加到登记册。").waitFor();

    const issue = page.getByRole("form", { name: "发放" });
    await issue.getByLabel("发放给").selectOption({ label: "陈静（物流部）" });
    await issue.getByRole("button", { name: "发放" }).click();
    await page.getByText("K-12 已发放。").waitFor();
    await page.getByRole("link", { name: "持有人：陈静" }).waitFor();
    await snap(page, "badges-key-issued");

    await page.goto("/badges");
    await page.getByRole("listitem").filter({ hasText: "K-12" }).getByRole("link", { name: "持有人：陈静" }).waitFor();
    await snap(page, "badges-register");
    await page.getByRole("link", { name: /K-12/ }).click();
    await page.getByRole("form", { name: "归还" }).getByRole("button", { name: "归还" }).click();
    await page.getByText("K-12 已归还。").waitFor();
    await page.getByRole("heading", { name: "记录（2 条）" }).waitFor();
    expect(await page.getByRole("link", { name: "持有人：陈静" }).count()).toBe(0);

    // The person's page: nothing held now, the key held before.
    await page.getByRole("listitem").filter({ hasText: "AK-00001" }).getByRole("link", { name: "陈静" }).click();
    await page.getByText("未持有工牌、门禁卡或钥匙。").waitFor();
    await page.getByRole("heading", { name: "曾经持有（1）" }).waitFor();
    await snap(page, "badges-person");
    expect(problems).toEqual([]);
  });
});

// Notifications in the browser, in Chinese: the bell in the header with its count, the list at
// /notifications (mark one read, mark all read, also without JavaScript), and the manager's settings
// page adding a WeCom robot and sending a test to a robot this test runs on 127.0.0.1.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { e2eSuite, newOrganization, PHONE, DESKTOP, signUpInChinese, snap, type E2eApp } from "../support/e2e-app";

// The app server is started with the test's environment: webhooks may use http to loopback.
process.env.WEBHOOK_TEST_HOSTS = "127.0.0.1";

const suite = e2eSuite("notifications");
const open = suite.open;

const robotBodies: Record<string, unknown>[] = [];
let robot: Server;
let robotUrl: string;

beforeAll(async () => {
  robot = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      robotBodies.push(JSON.parse(body || "{}") as Record<string, unknown>);
      res.writeHead(200, { "Content-Type": "application/json" }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => robot.listen(0, "127.0.0.1", () => resolve()));
  robotUrl = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=e2e-robot-key-7788`;
});

afterAll(() => new Promise<void>((resolve) => robot.close(() => resolve())));

/** Two notices in the person's bell, as the reminder pass would leave them. */
async function seedNotices(app: E2eApp, email: string) {
  const sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [member] = await sql<{ userId: string; organizationId: string }[]>`
      select u.id as "userId", m.organization_id as "organizationId" from users u join memberships m on m.user_id = u.id where u.email = ${email}`;
    for (const [key, zh, en] of [
      ["inspection_due:a", "集装箱 7 点检查今天到期（盐田仓）", "Container 7-point inspection due today (Yantian)"],
      ["action_due:b", "整改措施 CA-0001 已逾期", "Corrective action CA-0001 is overdue"],
    ]) {
      await sql`insert into notifications (organization_id, user_id, kind, item_key, title_zh, title_en, href)
        values (${member!.organizationId}, ${member!.userId}, 'reminder', ${key!}, ${zh!}, ${en!}, '/actions')`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

describe("notifications", () => {
  test("the bell counts unread notices; the list marks them read; a manager adds a WeCom robot and sends a test", async () => {
    const { page, problems } = await open({ locale: "zh-CN", viewport: PHONE });
    const org = newOrganization("notify");
    await signUpInChinese(page, org);
    await seedNotices(suite.app, org.email);

    await page.goto("/");
    const bell = page.getByRole("link", { name: "通知，2 条未读" });
    await bell.waitFor();
    await bell.click();
    await page.waitForURL("**/notifications");
    await page.getByRole("heading", { name: "通知", level: 1 }).waitFor();
    await page.getByText("整改措施 CA-0001 已逾期").waitFor();
    await snap(page, "notifications-list");

    await page.getByRole("button", { name: "标为已读", exact: true }).first().click();
    await page.getByRole("link", { name: "通知，1 条未读" }).waitFor();
    await page.getByRole("button", { name: "全部标为已读" }).click();
    await page.getByText("所有通知均已标为已读。").waitFor();
    await page.getByRole("link", { name: "通知", exact: true }).waitFor();

    // The settings page: a WeCom robot, then a test message.
    await snap(page, "notifications-all-read", "phone");
    await page.getByRole("link", { name: "提醒时间与群机器人" }).click();
    await page.waitForURL("**/settings/notifications");
    await page.getByLabel("平台").selectOption({ label: "企业微信" });
    await page.getByLabel("名称").fill("门岗安保群");
    await page.getByLabel("Webhook 地址").fill("http://10.1.2.3/cgi-bin/webhook/send?key=x");
    await page.getByRole("button", { name: "添加群机器人" }).click();
    await page.getByText("Webhook 地址必须以 https:// 开头。").waitFor();
    await page.getByLabel("Webhook 地址").fill(robotUrl);
    await page.getByRole("button", { name: "添加群机器人" }).click();
    await page.getByText("群机器人已添加，请发送一条测试消息确认。").waitFor();
    // The key is not shown back: only its last four characters.
    expect(await page.content()).not.toContain("e2e-robot-key-7788");
    await page.getByText("…7788").waitFor();
    await page.getByRole("button", { name: "发送测试消息" }).click();
    await page.getByText("测试消息已送达（HTTP 200）。").waitFor();
    await page.getByText("已送达", { exact: true }).first().waitFor();
    expect(robotBodies).toHaveLength(1);
    expect(robotBodies[0]).toMatchObject({ msgtype: "markdown", markdown: { content: expect.stringContaining("Tradeguard 测试消息") } });
    await snap(page, "notification-settings");
    expect(problems).toEqual([]);
  });

  test("without JavaScript, a notice is marked read and the preferences are saved", async () => {
    const setup = await open({ locale: "zh-CN", viewport: DESKTOP });
    const org = newOrganization("nojs");
    await signUpInChinese(setup.page, org);
    await seedNotices(suite.app, org.email);
    const cookies = await setup.context.cookies();

    const { page, context } = await open({ locale: "zh-CN", viewport: DESKTOP, javaScriptEnabled: false });
    await context.addCookies(cookies);
    await page.goto("/notifications");
    await page.getByRole("link", { name: "通知，2 条未读" }).waitFor();
    await page.getByRole("button", { name: "全部标为已读" }).click();
    await page.getByText("所有通知均已标为已读。").waitFor();
    await page.getByRole("link", { name: "通知", exact: true }).waitFor();

    await page.goto("/account/notifications");
    await page.getByRole("heading", { name: "我的通知", level: 1 }).waitFor();
    await page.getByLabel("到期或逾期事项提醒: 邮件").uncheck();
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("通知设置已保存。").waitFor();
    expect(await page.getByLabel("到期或逾期事项提醒: 邮件").isChecked()).toBe(false);
    expect(await page.getByLabel("到期或逾期事项提醒: 站内通知").isChecked()).toBe(true);
    await snap(page, "notification-preferences");
  });
});

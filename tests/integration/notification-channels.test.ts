// Group robots (WeCom, DingTalk, Feishu), against an HTTP server this test starts on 127.0.0.1 in
// their place (WEBHOOK_TEST_HOSTS lets http reach loopback): channels added on the settings page
// are stored encrypted and never shown back; "send a test" posts each provider's own payload, signed
// as DingTalk and Feishu check it; a broken-seal report reaches the channels through the job queue;
// a robot answering 500 or errcode ≠ 0 is retried (the engine's retry with backoff) and every
// attempt is in the delivery log.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { notificationChannels, notificationDeliveries, notifications } from "../../db/schema";
import { deliverChannelMessage } from "~/lib/notifications/channels.server";
import { jobEngine, queues } from "~/lib/jobs/job-engine.server";
import { ReportSealSchema } from "~/lib/seals/seal-schema";
import { reportSeal } from "~/lib/seals/seal-verification.server";
import * as settingsRoute from "~/routes/_app.settings.notifications/route";
import { addMember, createSite, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { workQueue } from "../support/jobs";
import { callAction, callLoader, errorsOf, keyOf } from "../support/requests";
import { applyDirect, createModel, receiveRange, sealActor, sealPrefix } from "../support/seal-factories";
import { query, testDb } from "../support/test-database";

vi.hoisted(() => {
  process.env.WEBHOOK_TEST_HOSTS = "127.0.0.1";
});

interface Received {
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
}
const received: Received[] = [];
/** What the fake robot answers next, per path prefix (default: success in the provider's form). */
let answer: (path: string) => { status: number; body: string } = (path) => ({
  status: 200,
  body: path.startsWith("/open-apis") ? '{"code":0,"msg":"success","data":{}}' : '{"errcode":0,"errmsg":"ok"}',
});
const okAnswer = answer;
let server: Server;
let base: string;
let org: SignedUp;
let lead: Member;
const DING_SECRET = "SECdingtalk-secret-0123456789";
const FEISHU_SECRET = "feishu-secret-abcdef";

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(body || "{}") as Record<string, unknown> });
      const reply = answer(url.pathname);
      res.writeHead(reply.status, { "Content-Type": "application/json" }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  org = await signUpOrganization();
  lead = await addMember(org.cookie, "security_lead");
  await jobEngine();
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const settings = (fields: Record<string, string | string[]>, cookie = org.cookie) => callAction(settingsRoute, "/settings/notifications", fields, { cookie });
const channelIdByName = async (name: string) =>
  (await testDb().select().from(notificationChannels).where(and(eq(notificationChannels.organizationId, org.organizationId), eq(notificationChannels.name, name))))[0]!.id;

describe("channels on the settings page", () => {
  test("an address that is not the provider's https endpoint is refused with the reason, and nothing is written", async () => {
    const refused = await settings({ intent: "add-channel", provider: "wecom", name: "Gate", url: "http://10.0.0.8/cgi-bin/webhook/send?key=a", kinds: ["reminder"] });
    expect(refused.status).toBe(400);
    expect(keyOf(errorsOf(refused).url)).toBe("notifications.channels.errors.https");
    const wrongHost = await settings({ intent: "add-channel", provider: "dingtalk", name: "Gate", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a", kinds: ["reminder"] });
    expect(keyOf(errorsOf(wrongHost).url)).toBe("notifications.channels.errors.endpoint.dingtalk");
    expect(await query(sql`select id from notification_channels where organization_id = ${org.organizationId}`)).toHaveLength(0);
  });

  test("only managers may open it", async () => {
    const page = await callLoader(settingsRoute, "/settings/notifications", { cookie: lead.cookie });
    expect(page.status).toBe(403);
  });

  test("the three robots are added; the page and the database never show the key or the secret", async () => {
    for (const [provider, name, url, secret] of [
      ["wecom", "企业微信门岗群", `${base}/cgi-bin/webhook/send?key=wecom-key-1234`, ""],
      ["dingtalk", "钉钉安保群", `${base}/robot/send?access_token=ding-token-5678`, DING_SECRET],
      ["feishu", "Feishu compliance", `${base}/open-apis/bot/v2/hook/feishu-hook-9abc`, FEISHU_SECRET],
    ] as const) {
      const added = await settings({ intent: "add-channel", provider, name, url, secret, locale: provider === "feishu" ? "en" : "zh-CN", kinds: ["reminder", "seal_report"] });
      expect(added.status, JSON.stringify(added.data)).toBe(302);
    }
    const page = await callLoader<{ channels: unknown[] }>(settingsRoute, "/settings/notifications", { cookie: org.cookie });
    const shown = JSON.stringify(page.data);
    for (const secret of ["wecom-key-1234", "ding-token-5678", "feishu-hook-9abc", DING_SECRET, FEISHU_SECRET]) expect(shown).not.toContain(secret);
    expect(shown).toContain("…1234");
    const stored = JSON.stringify(await testDb().select().from(notificationChannels));
    for (const secret of ["wecom-key-1234", DING_SECRET, FEISHU_SECRET]) expect(stored).not.toContain(secret);
  });

  test("send a test: each robot gets its own payload, DingTalk signed in the address and Feishu in the body", async () => {
    received.length = 0;
    for (const name of ["企业微信门岗群", "钉钉安保群", "Feishu compliance"]) {
      const sent = await settings({ intent: "test", channelId: await channelIdByName(name) });
      expect(sent.status).toBe(200);
      expect((sent.data as { test: { ok: boolean; status: number } }).test).toMatchObject({ ok: true, status: 200 });
    }
    const [wecom, ding, feishu] = received;
    expect(wecom!.path).toBe("/cgi-bin/webhook/send");
    expect(wecom!.query.get("key")).toBe("wecom-key-1234");
    expect(wecom!.body).toEqual({ msgtype: "markdown", markdown: { content: expect.stringContaining("## Tradeguard 测试消息") } });

    expect(ding!.path).toBe("/robot/send");
    expect(ding!.query.get("access_token")).toBe("ding-token-5678");
    const timestamp = ding!.query.get("timestamp")!;
    expect(Math.abs(Number(timestamp) - Date.now())).toBeLessThan(60_000);
    expect(ding!.query.get("sign")).toBe(createHmac("sha256", DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest("base64"));
    expect(ding!.body).toMatchObject({ msgtype: "markdown", markdown: { title: "Tradeguard 测试消息" } });

    expect(feishu!.path).toBe("/open-apis/bot/v2/hook/feishu-hook-9abc");
    const seconds = feishu!.body.timestamp as string;
    expect(Math.abs(Number(seconds) - Date.now() / 1000)).toBeLessThan(60);
    expect(feishu!.body.sign).toBe(createHmac("sha256", `${seconds}\n${FEISHU_SECRET}`).update("").digest("base64"));
    expect(feishu!.body).toMatchObject({ msg_type: "post", content: { post: { en_us: { title: "Tradeguard test message" } } } });

    const log = await callLoader<{ log: { status: string; attempts: number; responseCode: number }[] }>(settingsRoute, "/settings/notifications", { cookie: org.cookie });
    expect(log.data.log.slice(0, 3).map((r) => [r.status, r.attempts, r.responseCode])).toEqual([
      ["sent", 1, 200],
      ["sent", 1, 200],
      ["sent", 1, 200],
    ]);
  });

  test("another organisation's manager can neither test nor remove the channel", async () => {
    const stranger = await signUpOrganization();
    const channelId = await channelIdByName("企业微信门岗群");
    received.length = 0;
    for (const intent of ["test", "remove"]) {
      const outcome = await settings({ intent, channelId }, stranger.cookie);
      expect(outcome.status).toBe(404);
    }
    expect(received).toHaveLength(0);
    expect(await channelIdByName("企业微信门岗群")).toBe(channelId);
    const theirs = await callLoader<{ channels: unknown[]; log: unknown[] }>(settingsRoute, "/settings/notifications", { cookie: stranger.cookie });
    expect(theirs.data).toMatchObject({ channels: [], log: [] });
  });

  test("a test the robot refuses says why, and is logged as failed", async () => {
    answer = () => ({ status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' });
    const sent = await settings({ intent: "test", channelId: await channelIdByName("钉钉安保群") });
    answer = okAnswer;
    expect((sent.data as { test: { ok: boolean; excerpt: string } }).test).toMatchObject({ ok: false, excerpt: expect.stringContaining("sign not match") });
  });
});

describe("seal reports on the channels", () => {
  test("a broken seal goes to the security lead's bell and, through the queue, to every channel once; a failing robot is retried and logged", async () => {
    const actor = sealActor(org);
    const site = await createSite(org.cookie);
    const model = await createModel(actor);
    const prefix = sealPrefix();
    await receiveRange(actor, model, `${prefix}001`, `${prefix}001`, site.id);
    await applyDirect(actor, `${prefix}001`);
    received.length = 0;
    const reported = await reportSeal(
      testDb(),
      actor,
      ReportSealSchema.parse({ sealNumber: `${prefix}001`, reportKind: "broken", description: "Bolt cut at the dock" }),
      [],
      { organizationName: org.legalNameEn, reporterName: org.name, locale: "en", sealUrl: (id) => `${base}/seals/${id}` },
    );
    expect(reported).toMatchObject({ ok: true });
    const bell = await testDb().select().from(notifications).where(and(eq(notifications.userId, lead.userId), eq(notifications.kind, "seal_report")));
    expect(bell).toHaveLength(1);
    expect(bell[0]!.titleZh).toBe(`封志 ${prefix}001 异常报告：封志损坏或被篡改`);

    // WeCom's robot is down this time: HTTP 500. The others take it.
    answer = (path) => (path.startsWith("/cgi-bin") ? { status: 500, body: "upstream error" } : okAnswer(path));
    expect(await workQueue(queues.channelMessage)).toBe(3);
    expect(received.map((r) => r.path).sort()).toEqual(["/cgi-bin/webhook/send", "/open-apis/bot/v2/hook/feishu-hook-9abc", "/robot/send"]);
    const rows = await testDb()
      .select()
      .from(notificationDeliveries)
      .where(
        and(eq(notificationDeliveries.organizationId, org.organizationId), eq(notificationDeliveries.kind, "seal_report"), eq(notificationDeliveries.channel, "webhook")),
      );
    expect(rows).toHaveLength(3);
    const wecomId = await channelIdByName("企业微信门岗群");
    const failing = rows.find((r) => r.channelId === wecomId)!;
    expect(failing).toMatchObject({ status: "queued", attempts: 1, responseCode: 500, responseExcerpt: "upstream error" });
    expect(rows.filter((r) => r.channelId !== wecomId).map((r) => r.status)).toEqual(["sent", "sent"]);
    // The engine keeps the failed job for a retry with backoff.
    const [job] = await query<{ state: string; retry_limit: number; retry_backoff: boolean }>(
      sql`select state, retry_limit, retry_backoff from pgboss.job where name = ${queues.channelMessage} and data->>'deliveryId' = ${failing.id}`,
    );
    expect(job).toMatchObject({ state: "retry", retry_backoff: true });
    expect(job!.retry_limit).toBeGreaterThan(1);

    // The retry (its delay is not waited for here): the robot answers 200 with an error code, then recovers.
    answer = (path) => (path.startsWith("/cgi-bin") ? { status: 200, body: '{"errcode":45009,"errmsg":"api freq out of limit"}' } : okAnswer(path));
    await expect(deliverChannelMessage(testDb(), failing.id, false)).rejects.toThrow(/45009/);
    answer = okAnswer;
    await deliverChannelMessage(testDb(), failing.id, false);
    const [after] = await testDb().select().from(notificationDeliveries).where(eq(notificationDeliveries.id, failing.id));
    expect(after).toMatchObject({ status: "sent", attempts: 3, responseCode: 200 });
    // Delivered once: a late duplicate job finds it sent and posts nothing.
    received.length = 0;
    await deliverChannelMessage(testDb(), failing.id, false);
    expect(received).toHaveLength(0);
  });

  test("the last attempt that fails marks the message failed in the log", async () => {
    const rows = await testDb()
      .select()
      .from(notificationDeliveries)
      .where(and(eq(notificationDeliveries.kind, "seal_report"), eq(notificationDeliveries.channel, "webhook")));
    const target = rows[0]!;
    await testDb().update(notificationDeliveries).set({ status: "queued" }).where(eq(notificationDeliveries.id, target.id));
    answer = () => ({ status: 500, body: "still down" });
    await expect(deliverChannelMessage(testDb(), target.id, true)).rejects.toThrow();
    answer = okAnswer;
    const [after] = await testDb().select().from(notificationDeliveries).where(eq(notificationDeliveries.id, target.id));
    expect(after).toMatchObject({ status: "failed", responseCode: 500, error: "still down" });
  });
});

// The three robots' request formats and signatures, checked against values computed independently
// (DingTalk's and Feishu's documented algorithms written out again with node:crypto), and the
// address policy that keeps channels on the providers' own endpoints.
import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { dingtalkSign, feishuSign, robotAccepted, webhookRequest, type ChannelMessage } from "~/lib/notifications/channel-payloads.server";
import { testHosts, urlHint, webhookUrlError } from "~/lib/notifications/channel-sender.server";

const message: ChannelMessage = {
  title: "今日待办 3 项",
  lines: [
    { text: "纠正措施 CA-0001 已逾期", href: "https://tg.example.com/actions/1" },
    { text: "封志 SL-000002 破损报告", href: "https://tg.example.com/seals/2" },
    { text: "无链接的一行" },
  ],
  locale: "zh-CN",
};
const now = new Date("2026-12-07T01:00:00.000Z");

describe("robot payloads", () => {
  test("WeCom: markdown with the title and one linked line per item, unsigned", () => {
    const request = webhookRequest("wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", "ignored", message, now);
    expect(request.url).toBe("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc");
    expect(request.body).toEqual({
      msgtype: "markdown",
      markdown: {
        content: "## 今日待办 3 项\n\n- [纠正措施 CA-0001 已逾期](https://tg.example.com/actions/1)\n- [封志 SL-000002 破损报告](https://tg.example.com/seals/2)\n- 无链接的一行",
      },
    });
  });

  test("WeCom: content stays within 4096 bytes, saying how many lines were left out", () => {
    const long = { ...message, lines: Array.from({ length: 30 }, (_, i) => ({ text: `很长的待办事项标题，用来撑满企业微信的字节上限 ${i} ${"字".repeat(60)}`, href: `https://tg.example.com/x/${i}` })) };
    const content = (webhookRequest("wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", null, long).body.markdown as { content: string }).content;
    expect(Buffer.byteLength(content, "utf8")).toBeLessThanOrEqual(4096);
    expect(content).toMatch(/……另有 \d+ 项$/);
  });

  test("DingTalk: markdown with title and text; signed with timestamp (ms) and HMAC-SHA256 keyed by the secret", () => {
    const secret = "SEC0123456789abcdef";
    const request = webhookRequest("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=tok", secret, message, now);
    const url = new URL(request.url);
    expect(url.searchParams.get("access_token")).toBe("tok");
    expect(url.searchParams.get("timestamp")).toBe(String(now.getTime()));
    const expected = createHmac("sha256", secret).update(`${now.getTime()}\n${secret}`).digest("base64");
    expect(url.searchParams.get("sign")).toBe(expected);
    // The sign is URL-encoded in the address (base64 has + / =).
    expect(request.url).toContain(`sign=${encodeURIComponent(expected)}`);
    expect(request.body).toMatchObject({ msgtype: "markdown", markdown: { title: "今日待办 3 项" } });
    expect((request.body.markdown as { text: string }).text).toContain("- [纠正措施 CA-0001 已逾期](https://tg.example.com/actions/1)");
  });

  test("DingTalk without a secret: the address is left as it is", () => {
    expect(webhookRequest("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=tok", null, message, now).url).toBe(
      "https://oapi.dingtalk.com/robot/send?access_token=tok",
    );
  });

  test("Feishu: a post in the channel's language; signed in the body with timestamp (s) and the HMAC keyed by timestamp+secret over nothing", () => {
    const secret = "feishu-secret";
    const request = webhookRequest("feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/abc-123", secret, { ...message, locale: "en", title: "3 things due today" }, now);
    const seconds = Math.floor(now.getTime() / 1000);
    expect(request.body.timestamp).toBe(String(seconds));
    expect(request.body.sign).toBe(createHmac("sha256", `${seconds}\n${secret}`).update("").digest("base64"));
    expect(request.body.msg_type).toBe("post");
    expect(request.body.content).toEqual({
      post: {
        en_us: {
          title: "3 things due today",
          content: [
            [{ tag: "a", text: "纠正措施 CA-0001 已逾期", href: "https://tg.example.com/actions/1" }],
            [{ tag: "a", text: "封志 SL-000002 破损报告", href: "https://tg.example.com/seals/2" }],
            [{ tag: "text", text: "无链接的一行" }],
          ],
        },
      },
    });
  });

  test("the two signatures differ in what is the key", () => {
    expect(dingtalkSign("s", 1)).not.toBe(feishuSign("s", 1));
  });

  test("a robot's answer counts as taken only with its own success code", () => {
    expect(robotAccepted("wecom", 200, '{"errcode":0,"errmsg":"ok"}')).toBe(true);
    expect(robotAccepted("wecom", 200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toBe(false);
    expect(robotAccepted("dingtalk", 200, '{"errcode":310000,"errmsg":"sign not match"}')).toBe(false);
    expect(robotAccepted("dingtalk", 500, '{"errcode":0}')).toBe(false);
    expect(robotAccepted("feishu", 200, '{"code":0,"msg":"success"}')).toBe(true);
    expect(robotAccepted("feishu", 200, '{"StatusCode":0}')).toBe(true);
    expect(robotAccepted("feishu", 200, '{"code":19021,"msg":"sign match fail"}')).toBe(false);
    expect(robotAccepted("feishu", 200, "<html>gateway</html>")).toBe(false);
  });
});

describe("webhook addresses", () => {
  const none = new Set<string>();
  test("the providers' own https endpoints are accepted", () => {
    expect(webhookUrlError("wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6", none)).toBeNull();
    expect(webhookUrlError("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=abc", none)).toBeNull();
    expect(webhookUrlError("feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/0f1e-2d3c", none)).toBeNull();
  });

  test("http, other hosts, another provider's endpoint, missing keys and credentials in the address are refused", () => {
    expect(webhookUrlError("wecom", "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a", none)).toBe("notifications.channels.errors.https");
    expect(webhookUrlError("wecom", "https://qyapi.weixin.qq.com.evil.test/cgi-bin/webhook/send?key=a", none)).toBe("notifications.channels.errors.endpoint.wecom");
    expect(webhookUrlError("dingtalk", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a", none)).toBe("notifications.channels.errors.endpoint.dingtalk");
    expect(webhookUrlError("wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send", none)).toBe("notifications.channels.errors.endpoint.wecom");
    expect(webhookUrlError("feishu", "https://10.0.0.8/open-apis/bot/v2/hook/x", none)).toBe("notifications.channels.errors.endpoint.feishu");
    expect(webhookUrlError("feishu", "https://user:pw@open.feishu.cn/open-apis/bot/v2/hook/x", none)).toBe("notifications.channels.errors.url");
    expect(webhookUrlError("feishu", "not a url", none)).toBe("notifications.channels.errors.url");
  });

  test("WEBHOOK_TEST_HOSTS opens plain http to loopback only", () => {
    const allowed = testHosts("127.0.0.1, 10.0.0.8, example.com");
    expect([...allowed]).toEqual(["127.0.0.1"]);
    expect(webhookUrlError("wecom", "http://127.0.0.1:4567/wecom?key=a", allowed)).toBeNull();
    expect(webhookUrlError("wecom", "http://10.0.0.8/wecom?key=a", allowed)).toBe("notifications.channels.errors.https");
  });

  test("the hint names the host and the key's last four characters only", () => {
    expect(urlHint("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa")).toBe("qyapi.weixin.qq.com/…5aaa");
    expect(urlHint("https://open.feishu.cn/open-apis/bot/v2/hook/0f1e-2d3c")).toBe("open.feishu.cn/…2d3c");
  });
});

import { createHmac } from "node:crypto";
import type { ChannelProvider } from "../../../db/schema";

// What the three group robots accept, as their documentation describes it:
// - WeCom (企业微信): POST {msgtype:"markdown", markdown:{content}} to
//   https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…; content at most 4096 bytes; answers
//   {errcode:0, errmsg:"ok"}. No signing (the key in the address is the credential).
// - DingTalk (钉钉): {msgtype:"markdown", markdown:{title, text}} to
//   https://oapi.dingtalk.com/robot/send?access_token=…; with 加签, the string
//   `${timestamp in ms}\n${secret}` is signed with HMAC-SHA256 keyed by the secret, base64, URL-encoded,
//   and appended as &timestamp=…&sign=…; answers {errcode:0}.
// - Feishu (飞书): {msg_type:"post", content:{post:{zh_cn|en_us:{title, content:[[tags…]]}}}} to
//   https://open.feishu.cn/open-apis/bot/v2/hook/…; with 签名校验, `${timestamp in s}\n${secret}` is
//   the HMAC-SHA256 KEY over an empty message, base64, sent in the body as "timestamp" and "sign";
//   answers {code:0} (older robots {StatusCode:0}).

/** A message already in the channel's language: a title and lines, each perhaps a link. */
export interface ChannelMessage {
  title: string;
  lines: { text: string; href?: string }[];
  locale: "zh-CN" | "en";
}

export interface WebhookRequest {
  url: string;
  body: Record<string, unknown>;
}

/** WeCom refuses markdown content over 4096 bytes: lines are dropped from the end, with a count. */
const WECOM_MAX_BYTES = 4096;
/** DingTalk and Feishu take more, but a group message longer than this is not read either. */
const MAX_LINES = 30;

const escapeMarkdown = (text: string) => text.replace(/([[\]()*_`#>])/g, "\\$1");

function markdownLines(message: ChannelMessage, more: (n: number) => string, maxBytes = Infinity): string {
  const head = `## ${escapeMarkdown(message.title)}\n`;
  const lines = message.lines.map((l) => (l.href ? `- [${escapeMarkdown(l.text)}](${l.href})` : `- ${escapeMarkdown(l.text)}`));
  let shown = Math.min(lines.length, MAX_LINES);
  const build = (n: number) => [head, ...lines.slice(0, n), n < lines.length ? more(lines.length - n) : ""].filter(Boolean).join("\n");
  while (shown > 0 && Buffer.byteLength(build(shown), "utf8") > maxBytes) shown -= 1;
  return build(shown);
}

const moreText = (locale: ChannelMessage["locale"]) => (n: number) => (locale === "en" ? `… and ${n} more` : `……另有 ${n} 项`);

/** DingTalk's 加签: base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)), timestamp in milliseconds. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`, "utf8").digest("base64");
}

/** Feishu's 签名校验: base64(HMAC-SHA256(key = `${timestamp}\n${secret}`, message = "")), timestamp in seconds. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}

/** The request a robot expects for a message, signed when a secret is given. `now` is for tests. */
export function webhookRequest(
  provider: ChannelProvider,
  url: string,
  secret: string | null,
  message: ChannelMessage,
  now: Date = new Date(),
): WebhookRequest {
  const more = moreText(message.locale);
  if (provider === "wecom") {
    return { url, body: { msgtype: "markdown", markdown: { content: markdownLines(message, more, WECOM_MAX_BYTES) } } };
  }
  if (provider === "dingtalk") {
    const body = { msgtype: "markdown", markdown: { title: message.title, text: markdownLines(message, more) } };
    if (!secret) return { url, body };
    const timestamp = now.getTime();
    const signed = new URL(url);
    signed.searchParams.set("timestamp", String(timestamp));
    signed.searchParams.set("sign", dingtalkSign(secret, timestamp));
    return { url: signed.toString(), body };
  }
  const rows = message.lines.slice(0, MAX_LINES).map((l) => (l.href ? [{ tag: "a", text: l.text, href: l.href }] : [{ tag: "text", text: l.text }]));
  if (message.lines.length > MAX_LINES) rows.push([{ tag: "text", text: more(message.lines.length - MAX_LINES) }]);
  const body: Record<string, unknown> = {
    msg_type: "post",
    content: { post: { [message.locale === "en" ? "en_us" : "zh_cn"]: { title: message.title, content: rows } } },
  };
  if (!secret) return { url, body };
  const timestamp = Math.floor(now.getTime() / 1000);
  return { url, body: { timestamp: String(timestamp), sign: feishuSign(secret, timestamp), ...body } };
}

/**
 * Whether a robot took the message: HTTP 2xx and its own success code (WeCom and DingTalk errcode 0,
 * Feishu code 0 or, from older robots, StatusCode 0). A robot answers 200 with an error code for a bad
 * key, a bad signature or a rate limit, so the status alone says nothing.
 */
export function robotAccepted(provider: ChannelProvider, status: number, body: string): boolean {
  if (status < 200 || status >= 300) return false;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return false;
  }
  if (provider === "feishu") return parsed.code === 0 || (parsed.code === undefined && parsed.StatusCode === 0);
  return parsed.errcode === 0;
}

import type { ChannelProvider } from "../../../db/schema";
import { env } from "../env.server";
import type { MessageKey } from "../i18n/messages";
import { robotAccepted, webhookRequest, type ChannelMessage } from "./channel-payloads.server";

// Posting to a group robot. The address must be the provider's own https endpoint: a webhook field
// that took any URL would let a manager make the server call into its own network. Tests (and only
// loopback addresses) may be allowed over plain http with WEBHOOK_TEST_HOSTS. Redirects are never
// followed, and a robot that does not answer within the timeout is a failed attempt.

const officialEndpoints: Record<ChannelProvider, { host: string; path: RegExp }[]> = {
  wecom: [{ host: "qyapi.weixin.qq.com", path: /^\/cgi-bin\/webhook\/send$/ }],
  dingtalk: [{ host: "oapi.dingtalk.com", path: /^\/robot\/send$/ }],
  feishu: [
    { host: "open.feishu.cn", path: /^\/open-apis\/bot\/v2\/hook\/[\w-]+$/ },
    { host: "open.larksuite.com", path: /^\/open-apis\/bot\/v2\/hook\/[\w-]+$/ },
  ],
};

const LOOPBACK = new Set(["127.0.0.1", "[::1]", "localhost"]);

/** Loopback hosts WEBHOOK_TEST_HOSTS allows over http, with any path (tests only). */
export function testHosts(value = env().WEBHOOK_TEST_HOSTS): Set<string> {
  return new Set(
    (value ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter((h) => LOOPBACK.has(h)),
  );
}

/** The error (a message key) for an address that is not the provider's robot endpoint, or null. */
export function webhookUrlError(provider: ChannelProvider, raw: string, allowed: Set<string> = testHosts()): MessageKey | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return "notifications.channels.errors.url";
  }
  if (url.username || url.password) return "notifications.channels.errors.url";
  if (allowed.has(url.hostname.toLowerCase()) && (url.protocol === "http:" || url.protocol === "https:")) return null;
  if (url.protocol !== "https:" || url.port) return "notifications.channels.errors.https";
  const ok = officialEndpoints[provider].some((e) => url.hostname.toLowerCase() === e.host && e.path.test(url.pathname));
  if (!ok) return `notifications.channels.errors.endpoint.${provider}`;
  if (provider === "wecom" && !url.searchParams.get("key")) return "notifications.channels.errors.endpoint.wecom";
  if (provider === "dingtalk" && !url.searchParams.get("access_token")) return "notifications.channels.errors.endpoint.dingtalk";
  return null;
}

/** "qyapi.weixin.qq.com/…a1b2": enough to tell two robots apart, not enough to post to one. */
export function urlHint(raw: string): string {
  const url = new URL(raw.trim());
  const credential = url.searchParams.get("key") ?? url.searchParams.get("access_token") ?? url.pathname.split("/").pop() ?? "";
  return `${url.host}/…${credential.slice(-4)}`;
}

export interface SendResult {
  ok: boolean;
  status: number | null;
  /** The start of the robot's answer, or what went wrong before one. */
  excerpt: string;
}

const TIMEOUT_MS = 10_000;
const EXCERPT_CHARS = 500;

/** Posts one message; never throws (the caller logs the result and decides on a retry). */
export async function postToRobot(
  channel: { provider: ChannelProvider; url: string; secret: string | null },
  message: ChannelMessage,
  options: { timeoutMs?: number; now?: Date } = {},
): Promise<SendResult> {
  const refused = webhookUrlError(channel.provider, channel.url);
  if (refused) return { ok: false, status: null, excerpt: refused };
  const request = webhookRequest(channel.provider, channel.url, channel.secret, message, options.now);
  try {
    const response = await fetch(request.url, {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify(request.body),
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
    });
    const text = (await response.text()).slice(0, 4_000);
    if (response.status >= 300 && response.status < 400) {
      return { ok: false, status: response.status, excerpt: `redirect to ${response.headers.get("location") ?? "?"} not followed` };
    }
    return { ok: robotAccepted(channel.provider, response.status, text), status: response.status, excerpt: text.slice(0, EXCERPT_CHARS) };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    const excerpt = name === "TimeoutError" ? `no answer within ${options.timeoutMs ?? TIMEOUT_MS} ms` : error instanceof Error ? error.message : String(error);
    return { ok: false, status: null, excerpt: excerpt.slice(0, EXCERPT_CHARS) };
  }
}

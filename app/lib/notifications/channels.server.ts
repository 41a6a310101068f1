// An organisation's group robots: adding and removing them, a test message, the messages queued for
// them (one job per message, retried with backoff by the engine) and the delivery log.
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import { notificationChannels, notificationDeliveries } from "../../../db/schema";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import { refused, type FieldErrors } from "../form.server";
import { todayInZone } from "../i18n/format";
import { message } from "../i18n/messages";
import { logger } from "../logger.server";
import type { ChannelMessage } from "./channel-payloads.server";
import { decryptChannelSecret, encryptChannelSecret } from "./channel-secrets.server";
import { postToRobot, urlHint, webhookUrlError } from "./channel-sender.server";
import type { ChannelValues } from "./notification-schema";

/** The channels as the settings page shows them: never the address or the secret. */
export async function listChannels(db: Executor, orgId: string) {
  const rows = await db
    .select()
    .from(notificationChannels)
    .where(eq(notificationChannels.organizationId, orgId))
    .orderBy(notificationChannels.createdAt);
  return rows.map((c) => ({
    id: c.id,
    provider: c.provider,
    name: c.name,
    locale: c.locale,
    urlHint: c.urlHint,
    signed: c.secretEncrypted !== null,
    kinds: c.kinds,
  }));
}

export async function addChannel(db: Database, actor: Actor, values: ChannelValues): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
  const urlError = webhookUrlError(values.provider, values.url);
  if (urlError) return refused({ url: message(urlError) });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(notificationChannels)
      .values({
        organizationId: actor.organizationId,
        provider: values.provider,
        name: values.name,
        locale: values.locale,
        urlEncrypted: encryptChannelSecret(values.url.trim()),
        urlHint: urlHint(values.url),
        secretEncrypted: values.secret ? encryptChannelSecret(values.secret) : null,
        kinds: values.kinds,
        createdByUserId: actor.userId,
      })
      .returning();
    if (!row) throw new Error("addChannel: insert returned nothing");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "notification_channel",
      entityId: row.id,
      // The trail names the robot; the address and the secret never enter it.
      after: { name: row.name, provider: row.provider, urlHint: row.urlHint, signed: row.secretEncrypted !== null, kinds: row.kinds },
    });
    return { ok: true as const, id: row.id };
  });
}

export async function removeChannel(db: Database, actor: Actor, channelId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(notificationChannels)
      .where(and(eq(notificationChannels.organizationId, actor.organizationId), eq(notificationChannels.id, channelId)))
      .returning();
    if (!row) return false;
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "delete",
      entityType: "notification_channel",
      entityId: row.id,
      before: { name: row.name, provider: row.provider, urlHint: row.urlHint, kinds: row.kinds },
    });
    return true;
  });
}

async function channelWithSecrets(db: Executor, orgId: string, channelId: string) {
  const [row] = await db
    .select()
    .from(notificationChannels)
    .where(and(eq(notificationChannels.organizationId, orgId), eq(notificationChannels.id, channelId)));
  if (!row) return null;
  return { ...row, url: decryptChannelSecret(row.urlEncrypted), secret: row.secretEncrypted ? decryptChannelSecret(row.secretEncrypted) : null };
}

/**
 * "Send a test": posted at once, in the request, so the manager sees the robot's answer; written in
 * the delivery log like any message. Answers the attempt's result, or null for another's channel.
 */
export async function sendTestMessage(db: Database, actor: Actor & { timeZone: string }, channelId: string, text: (locale: "zh-CN" | "en") => ChannelMessage) {
  const channel = await channelWithSecrets(db, actor.organizationId, channelId);
  if (!channel) return null;
  const content = text(channel.locale);
  const result = await postToRobot(channel, content);
  await db.insert(notificationDeliveries).values({
    organizationId: actor.organizationId,
    channel: "webhook",
    recipientKey: channel.id,
    channelId: channel.id,
    userId: actor.userId,
    kind: "test",
    itemKey: `test:${randomUUID()}`,
    localDate: todayInZone(actor.timeZone),
    status: result.ok ? "sent" : "failed",
    payload: content,
    attempts: 1,
    responseCode: result.status,
    responseExcerpt: result.excerpt,
    error: result.ok ? null : result.excerpt,
    lastAttemptAt: new Date(),
    sentAt: result.ok ? new Date() : null,
  });
  return result;
}

/**
 * The channel queue's handler: one attempt at one message. The row is claimed (queued → sending) so
 * a second worker never posts it twice; the attempt, the robot's status code and the start of its
 * answer are written whatever happens. A refusal puts the row back in the queue and throws, so the
 * engine tries again with backoff; the last attempt marks it failed. A row left "sending" by a
 * worker that died is posted again: a duplicate group message is better than a lost seal report.
 */
export async function deliverChannelMessage(db: Database, deliveryId: string, lastAttempt: boolean): Promise<void> {
  const [row] = await db
    .update(notificationDeliveries)
    .set({ status: "sending", lastAttemptAt: new Date() })
    .where(
      and(
        eq(notificationDeliveries.id, deliveryId),
        eq(notificationDeliveries.channel, "webhook"),
        inArray(notificationDeliveries.status, ["queued", "sending"]),
      ),
    )
    .returning();
  if (!row?.channelId) return;
  const channel = await channelWithSecrets(db, row.organizationId, row.channelId);
  if (!channel) return;
  const result = await postToRobot(channel, row.payload as ChannelMessage);
  const failedFor = result.ok ? null : result.excerpt;
  await db
    .update(notificationDeliveries)
    .set({
      status: result.ok ? "sent" : lastAttempt ? "failed" : "queued",
      attempts: row.attempts + 1,
      responseCode: result.status,
      responseExcerpt: result.excerpt,
      error: failedFor,
      sentAt: result.ok ? new Date() : null,
    })
    .where(eq(notificationDeliveries.id, deliveryId));
  if (!result.ok) {
    logger.warn({ deliveryId, status: result.status, lastAttempt }, "group channel delivery failed");
    throw new Error(`channel ${channel.provider} refused the message (${result.status ?? "no answer"}): ${result.excerpt.slice(0, 200)}`);
  }
}

/** The delivery log: the latest messages to group channels. */
export async function deliveryLog(db: Executor, orgId: string, limit = 50) {
  return db
    .select({
      id: notificationDeliveries.id,
      channelName: notificationChannels.name,
      provider: notificationChannels.provider,
      kind: notificationDeliveries.kind,
      status: notificationDeliveries.status,
      attempts: notificationDeliveries.attempts,
      responseCode: notificationDeliveries.responseCode,
      responseExcerpt: notificationDeliveries.responseExcerpt,
      createdAt: notificationDeliveries.createdAt,
      lastAttemptAt: notificationDeliveries.lastAttemptAt,
    })
    .from(notificationDeliveries)
    .innerJoin(notificationChannels, eq(notificationChannels.id, notificationDeliveries.channelId))
    .where(and(eq(notificationDeliveries.organizationId, orgId), eq(notificationDeliveries.channel, "webhook")))
    .orderBy(desc(notificationDeliveries.createdAt))
    .limit(limit);
}

// Messages for the group channels, queued in the transaction of what caused them: one delivery row
// (the once-only key) and one job per channel; the job posts it (channels.server.ts).
import { and, arrayContains, eq } from "drizzle-orm";
import { notificationChannels, type NotificationKind } from "../../../db/schema";
import type { Executor } from "../db-types.server";
import { enqueue, jobEngine, queues } from "../jobs/job-engine.server";
import type { ChannelMessage } from "./channel-payloads.server";
import { claimDelivery } from "./deliveries.server";

/**
 * Queues a message for each of the organisation's channels that takes this kind, once per item and
 * local date, in the caller's transaction (the job exists exactly when the record that caused it
 * does). The engine must be started before the transaction: `prepareChannelJobs()`.
 */
export async function queueChannelMessages(
  tx: Executor,
  notice: { organizationId: string; kind: Extract<NotificationKind, "reminder" | "seal_report">; itemKey: string; localDate: string; message: (locale: "zh-CN" | "en") => ChannelMessage },
): Promise<number> {
  const channels = await tx
    .select({ id: notificationChannels.id, locale: notificationChannels.locale })
    .from(notificationChannels)
    .where(and(eq(notificationChannels.organizationId, notice.organizationId), arrayContains(notificationChannels.kinds, [notice.kind])));
  let queued = 0;
  for (const channel of channels) {
    const id = await claimDelivery(tx, {
      organizationId: notice.organizationId,
      channel: "webhook",
      recipientKey: channel.id,
      channelId: channel.id,
      kind: notice.kind,
      itemKey: notice.itemKey,
      localDate: notice.localDate,
      status: "queued",
      payload: notice.message(channel.locale),
    });
    if (!id) continue;
    await enqueue(tx, queues.channelMessage, { deliveryId: id });
    queued += 1;
  }
  return queued;
}

/**
 * Starts this process's job engine (as a sender) before a transaction that may queue messages: given
 * an organisation, only when it has a channel (pg-boss starting on the embedded database inside the
 * transaction would wait forever for the one connection).
 */
export async function prepareChannelJobs(db?: Executor, orgId?: string): Promise<void> {
  if (db && orgId) {
    const [any] = await db.select({ id: notificationChannels.id }).from(notificationChannels).where(eq(notificationChannels.organizationId, orgId)).limit(1);
    if (!any) return;
  }
  await jobEngine();
}


// The once-only key every notice goes through. A sender inserts its delivery row with ON CONFLICT DO
// NOTHING on (organisation, recipient, item, local date, channel) and sends only when the insert
// returned its row: two workers, a retried job or a second run the same day find the row there and
// send nothing. The check is the database's unique index, not anything a process remembers.
import { inArray } from "drizzle-orm";
import { notificationDeliveries, notifications, type NotificationDelivery, type NotificationKind } from "../../../db/schema";
import type { Executor } from "../db-types.server";
import { env } from "../env.server";

/** Links in notices made by a job, which has no request: APP_URL (required in production). */
export const appBase = () => (env().APP_URL ?? `http://localhost:${env().PORT}`).replace(/\/$/, "");

export type DeliveryInsert = typeof notificationDeliveries.$inferInsert;

/** The row's id when this call wrote it; null when the notice was already sent (or is on its way). */
export async function claimDelivery(tx: Executor, row: Omit<DeliveryInsert, "id">): Promise<string | null> {
  const [claimed] = await tx
    .insert(notificationDeliveries)
    .values(row)
    .onConflictDoNothing({
      target: [
        notificationDeliveries.organizationId,
        notificationDeliveries.recipientKey,
        notificationDeliveries.itemKey,
        notificationDeliveries.localDate,
        notificationDeliveries.channel,
      ],
    })
    .returning({ id: notificationDeliveries.id });
  return claimed?.id ?? null;
}

export interface InAppNotice {
  organizationId: string;
  userId: string;
  kind: NotificationKind;
  itemKey: string;
  localDate: string;
  title: { zh: string; en: string };
  href: string;
}

/** Adds a notice to a person's bell, once per item and day. Answers whether it was added now. */
export async function addInAppNotice(tx: Executor, notice: InAppNotice): Promise<boolean> {
  const id = await claimDelivery(tx, {
    organizationId: notice.organizationId,
    channel: "in_app",
    recipientKey: notice.userId,
    userId: notice.userId,
    kind: notice.kind,
    itemKey: notice.itemKey,
    localDate: notice.localDate,
    status: "sent",
    attempts: 1,
    sentAt: new Date(),
  });
  if (!id) return false;
  await tx.insert(notifications).values({
    organizationId: notice.organizationId,
    userId: notice.userId,
    kind: notice.kind,
    itemKey: notice.itemKey,
    titleZh: notice.title.zh,
    titleEn: notice.title.en,
    href: notice.href,
  });
  return true;
}

/** Names the outbox email that carried the given email deliveries. */
export async function linkOutboxEmail(tx: Executor, deliveryIds: readonly string[], outboxEmailId: string): Promise<void> {
  if (!deliveryIds.length) return;
  await tx.update(notificationDeliveries).set({ outboxEmailId }).where(inArray(notificationDeliveries.id, [...deliveryIds]));
}

export type { NotificationDelivery };

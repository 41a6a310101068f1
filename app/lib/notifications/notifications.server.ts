// The in-app list behind the bell, each person's choices, and the organisation's reminder clock.
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { notificationPreferences, notifications, notificationSettings, type NotificationKind } from "../../../db/schema";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import { personKinds } from "./notification-kinds";
import type { PreferencesValues, ReminderClockValues } from "./notification-schema";

const mine = (orgId: string, userId: string) => and(eq(notifications.organizationId, orgId), eq(notifications.userId, userId));

/** The bell's number: one indexed count (a partial index on unread rows). */
export async function unreadCount(db: Executor, orgId: string, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(mine(orgId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export const NOTIFICATION_PAGE = 100;

export async function listNotifications(db: Executor, orgId: string, userId: string) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      titleZh: notifications.titleZh,
      titleEn: notifications.titleEn,
      href: notifications.href,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(mine(orgId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATION_PAGE);
}

/** Marks one of the person's own notices read; answers its address, or null when it is not theirs. */
export async function markRead(db: Executor, orgId: string, userId: string, id: string): Promise<string | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(orgId, userId), eq(notifications.id, id)))
    .returning({ href: notifications.href });
  return row?.href ?? null;
}

export async function markAllRead(db: Executor, orgId: string, userId: string): Promise<void> {
  await db.update(notifications).set({ readAt: new Date() }).where(and(mine(orgId, userId), isNull(notifications.readAt)));
}

export interface Preferences {
  inAppKinds: NotificationKind[];
  emailKinds: NotificationKind[];
  weeklyDigest: boolean;
}

/** Everything on, for a person who never chose. */
export const defaultPreferences: Preferences = { inAppKinds: [...personKinds], emailKinds: [...personKinds], weeklyDigest: true };

export async function preferencesOf(db: Executor, orgId: string, userId: string): Promise<Preferences> {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.organizationId, orgId), eq(notificationPreferences.userId, userId)));
  if (!row) return defaultPreferences;
  return { inAppKinds: row.inAppKinds as NotificationKind[], emailKinds: row.emailKinds as NotificationKind[], weeklyDigest: row.weeklyDigest };
}

/** Every member's choices in one query (the reminder run), defaults for those without a row. */
export async function preferencesByUser(db: Executor, orgId: string): Promise<Map<string, Preferences>> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.organizationId, orgId));
  return new Map(
    rows.map((r) => [r.userId, { inAppKinds: r.inAppKinds as NotificationKind[], emailKinds: r.emailKinds as NotificationKind[], weeklyDigest: r.weeklyDigest }]),
  );
}

export async function savePreferences(db: Executor, orgId: string, userId: string, values: PreferencesValues): Promise<void> {
  const row = { inAppKinds: values.inAppKinds, emailKinds: values.emailKinds, weeklyDigest: values.weeklyDigest, updatedAt: new Date() };
  await db
    .insert(notificationPreferences)
    .values({ organizationId: orgId, userId, ...row })
    .onConflictDoUpdate({ target: [notificationPreferences.organizationId, notificationPreferences.userId], set: row });
}

export interface ReminderClock {
  reminderHour: number;
  digestWeekday: number;
  remindedOn: string | null;
}

export const defaultClock: ReminderClock = { reminderHour: 8, digestWeekday: 1, remindedOn: null };

export async function reminderClock(db: Executor, orgId: string): Promise<ReminderClock> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.organizationId, orgId));
  return row ? { reminderHour: row.reminderHour, digestWeekday: row.digestWeekday, remindedOn: row.remindedOn } : defaultClock;
}

export async function saveReminderClock(db: Database, actor: Actor, values: ReminderClockValues): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await reminderClock(tx, actor.organizationId);
    const set = { reminderHour: values.reminderHour, digestWeekday: values.digestWeekday, updatedAt: new Date() };
    await tx
      .insert(notificationSettings)
      .values({ organizationId: actor.organizationId, ...set })
      .onConflictDoUpdate({ target: notificationSettings.organizationId, set });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "notification_settings",
      entityId: actor.organizationId,
      before: { reminderHour: before.reminderHour, digestWeekday: before.digestWeekday },
      after: values,
    });
  });
}

import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { organizations } from "./organizations";

/** What a notice is about: a due item (daily reminder), an assignment, a broken seal, the weekly digest. */
export const notificationKinds = ["reminder", "assignment", "seal_report", "digest"] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** The group-chat robots an organisation can post to. */
export const channelProviders = ["wecom", "dingtalk", "feishu"] as const;
export type ChannelProvider = (typeof channelProviders)[number];

/** The in-app list behind the bell: one row per notice to one person. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text({ enum: notificationKinds }).notNull(),
    /** The attention item's key (or `assignment:<actionId>`, `seal_report:<eventId>`). */
    itemKey: text().notNull(),
    titleZh: text().notNull(),
    titleEn: text().notNull(),
    /** A path in the app. */
    href: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.organizationId, t.userId, t.createdAt),
    index("notifications_unread_idx").on(t.organizationId, t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** The organisation's reminder clock: the local hour reminders go out, the digest's weekday. */
export const notificationSettings = pgTable("notification_settings", {
  organizationId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  /** 0–23 in the organisation's time zone. */
  reminderHour: integer().notNull().default(8),
  /** ISO weekday of the weekly digest: 1 = Monday … 7 = Sunday. */
  digestWeekday: integer().notNull().default(1),
  /** The last local date a reminder run finished for the organisation (a later run that day skips it). */
  remindedOn: date(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** What one person wants, per organisation. No row: everything on. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Kinds shown in the app (reminder, assignment, seal_report). */
    inAppKinds: text().array().notNull(),
    /** Kinds also emailed. */
    emailKinds: text().array().notNull(),
    weeklyDigest: boolean().notNull().default(true),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.userId)],
);

/**
 * A group robot (WeCom, DingTalk, Feishu). Its webhook address carries the robot's key and the
 * signing secret is a secret: both are stored encrypted (AES-256-GCM under a key derived from the
 * installation secret); the page shows only `urlHint`.
 */
export const notificationChannels = pgTable(
  "notification_channels",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    provider: text({ enum: channelProviders }).notNull(),
    name: text().notNull(),
    /** The language its messages are written in. */
    locale: text({ enum: ["zh-CN", "en"] }).notNull().default("zh-CN"),
    urlEncrypted: text().notNull(),
    urlHint: text().notNull(),
    secretEncrypted: text(),
    /** What it receives: the daily list of what is due, seal reports. */
    kinds: text().array().notNull(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId, t.createdAt)],
);

/**
 * Every notice sent or to be sent, on any channel: the idempotency key and the delivery log. The
 * unique key (organisation, recipient, item, local date, channel) is what makes a reminder go out
 * once per item, person and day however many workers run: a sender inserts its row with ON CONFLICT
 * DO NOTHING and sends only when the row is its own.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** in_app, email (one email may carry several items' rows), digest, webhook. */
    channel: text({ enum: ["in_app", "email", "digest", "webhook"] }).notNull(),
    /** The person's id, or the webhook channel's id. */
    recipientKey: text().notNull(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    channelId: uuid().references(() => notificationChannels.id, { onDelete: "cascade" }),
    kind: text({ enum: [...notificationKinds, "test"] }).notNull(),
    itemKey: text().notNull(),
    /** The recipient organisation's calendar date the notice belongs to. */
    localDate: date().notNull(),
    /** queued → sending → sent, or failed; in-app and email rows are sent when written. */
    status: text({ enum: ["queued", "sending", "sent", "failed"] }).notNull(),
    /** A webhook's message, kept for its retries. */
    payload: jsonb(),
    attempts: integer().notNull().default(0),
    responseCode: integer(),
    responseExcerpt: text(),
    error: text(),
    outboxEmailId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notification_deliveries_once").on(t.organizationId, t.recipientKey, t.itemKey, t.localDate, t.channel),
    index().on(t.organizationId, t.channel, t.createdAt),
  ],
);

export type Notification = typeof notifications.$inferSelect;
export type NotificationChannel = typeof notificationChannels.$inferSelect;
export type NotificationDelivery = typeof notificationDeliveries.$inferSelect;
export type NotificationPreference = typeof notificationPreferences.$inferSelect;

import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

/**
 * Every email the app produces. With SMTP_URL set it is also sent (status sent/failed); without it,
 * it stays here (status stored) and admins read it at /settings/outbox.
 */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: text({ enum: ["invitation", "password_reset", "partner_questionnaire", "seal_report", "signup_attempt", "reminder", "digest", "assignment"] }).notNull(),
    to: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    /** stored: no SMTP configured; queued → sending → sent, or failed (with the error). */
    status: text({ enum: ["stored", "queued", "sending", "sent", "failed"] }).notNull(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.organizationId, t.createdAt)],
);

export type OutboxEmail = typeof outboxEmails.$inferSelect;

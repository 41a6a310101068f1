import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { organizations, sites } from "./organizations";
import { employees } from "./personnel";

/**
 * The badge and key register (CN-2014 22, CN-2022 (33) (40), CTPAT 10.1): every employee badge,
 * access card, key and temporary visitor badge the organisation hands out. status and holder are
 * the current state; access_item_events is the history that produced it (issue, return, lost,
 * revoke), so "who holds key K-12" and "what does this person still hold" are one query each.
 */
export const accessItems = pgTable(
  "access_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: text({ enum: ["employee_badge", "access_card", "key", "visitor_badge"] }).notNull(),
    /** The number printed or stamped on the item (badge number, key tag). Unique per kind. */
    code: text().notNull(),
    /** What it opens or is for: "仓库 2 后门", "Gate 1 turnstile". */
    description: text().notNull().default(""),
    siteId: uuid().references(() => sites.id, { onDelete: "restrict" }),
    status: text({ enum: ["available", "issued", "lost", "revoked", "retired"] })
      .notNull()
      .default("available"),
    holderEmployeeId: uuid().references(() => employees.id, { onDelete: "restrict" }),
    issuedAt: timestamp({ withTimezone: true }),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.kind, t.code),
    index().on(t.organizationId, t.holderEmployeeId),
    index().on(t.organizationId, t.siteId, t.status),
  ],
);

/** One step in an item's life: issued to someone, returned, reported lost, revoked. Append-only. */
export const accessItemEvents = pgTable(
  "access_item_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: AK-<number>. */
    number: integer().notNull(),
    itemId: uuid()
      .notNull()
      .references(() => accessItems.id, { onDelete: "cascade" }),
    kind: text({ enum: ["issue", "return", "lost", "revoke", "found", "retire"] }).notNull(),
    /** The person the item went to or came back from. */
    employeeId: uuid().references(() => employees.id, { onDelete: "restrict" }),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    note: text().notNull().default(""),
    recordedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.number),
    index().on(t.organizationId, t.itemId, t.occurredAt),
    index().on(t.organizationId, t.employeeId, t.occurredAt),
  ],
);

export type AccessItem = typeof accessItems.$inferSelect;
export type AccessItemEvent = typeof accessItemEvents.$inferSelect;

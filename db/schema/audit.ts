import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { organizations } from "./organizations";

/**
 * Append-only audit trail, one hash chain per organisation: each event stores the hash of the
 * previous one (prev_hash) and its own hash over its content, so any edit or deletion shows.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: text({ enum: ["create", "update", "delete"] }).notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.seq), index().on(t.organizationId, t.entityType, t.entityId)],
);

export type AuditEvent = typeof auditEvents.$inferSelect;

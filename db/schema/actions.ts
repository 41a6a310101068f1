import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { criteria } from "./criteria";
import { evidenceFiles } from "./evidence";
import { organizations } from "./organizations";

/**
 * Corrective actions from every source (self-assessments, inspections, partner evaluations and
 * supervision checks), one list at /actions. source_type + source_id name what raised it;
 * source_item_key the failed point of an inspection.
 */
export const correctiveActions = pgTable(
  "corrective_actions",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: CA-<number>. */
    number: integer().notNull(),
    sourceType: text({ enum: ["assessment", "inspection", "partner_evaluation", "supervision_check"] }).notNull(),
    sourceId: uuid().notNull(),
    sourceItemKey: text(),
    criterionId: uuid().references(() => criteria.id, { onDelete: "restrict" }),
    title: text().notNull(),
    description: text().notNull().default(""),
    ownerUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    dueOn: date().notNull(),
    status: text({ enum: ["open", "in_progress", "done", "cancelled"] }).notNull().default("open"),
    closingNote: text(),
    closingFileId: uuid().references(() => evidenceFiles.id, { onDelete: "restrict" }),
    closedAt: timestamp({ withTimezone: true }),
    closedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.number),
    index().on(t.organizationId, t.status, t.dueOn),
    index().on(t.organizationId, t.sourceType, t.sourceId),
  ],
);

export type CorrectiveAction = typeof correctiveActions.$inferSelect;

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
    sourceType: text({ enum: ["assessment", "inspection", "partner_evaluation", "supervision_check", "internal_audit", "cargo_reconciliation", "incident", "continuity_test"] }).notNull(),
    sourceId: uuid().notNull(),
    sourceItemKey: text(),
    criterionId: uuid().references(() => criteria.id, { onDelete: "restrict" }),
    title: text().notNull(),
    description: text().notNull().default(""),
    ownerUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    dueOn: date().notNull(),
    /**
     * awaiting_verification: closed by its owner, but a finding that holds a container's release
     * is done only once a supervisor other than the inspector (and the closer) has verified it.
     */
    status: text({ enum: ["open", "in_progress", "awaiting_verification", "done", "cancelled"] }).notNull().default("open"),
    closingNote: text(),
    closingFileId: uuid().references(() => evidenceFiles.id, { onDelete: "restrict" }),
    closedAt: timestamp({ withTimezone: true }),
    closedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The supervisor's verification of a closure (accepted or sent back, with the note). */
    verifiedAt: timestamp({ withTimezone: true }),
    verifiedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    verificationNote: text(),
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

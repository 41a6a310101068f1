import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { evidenceFiles } from "./evidence";
import { organizations } from "./organizations";

/** A policy or procedure document (制度), identified by the organisation's own document number. */
export const policies = pgTable(
  "policies",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    documentNumber: text().notNull(),
    titleZh: text().notNull(),
    titleEn: text().notNull(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.documentNumber)],
);

/** One issued version of a policy: its file, effective date and approver. Versions are never edited. */
export const policyVersions = pgTable(
  "policy_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    policyId: uuid()
      .notNull()
      .references(() => policies.id, { onDelete: "cascade" }),
    /** Order of upload, 1, 2, 3... */
    sequence: integer().notNull(),
    /** The version label printed on the document: "A/0", "v3", "2026版". */
    version: text().notNull(),
    effectiveOn: date().notNull(),
    approvedBy: text().notNull(),
    fileId: uuid()
      .notNull()
      .references(() => evidenceFiles.id, { onDelete: "restrict" }),
    changeNote: text(),
    uploadedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.policyId, t.sequence),
    uniqueIndex().on(t.organizationId, t.policyId, t.version),
    index().on(t.organizationId, t.policyId),
  ],
);

export type Policy = typeof policies.$inferSelect;
export type PolicyVersion = typeof policyVersions.$inferSelect;

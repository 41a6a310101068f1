import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { criteria } from "./criteria";
import { organizations } from "./organizations";

/**
 * Uploaded files, content-addressed: the bytes live in the file store under their SHA-256, the
 * row says who uploaded what when. The same bytes uploaded twice by one organisation are one row.
 */
export const evidenceFiles = pgTable(
  "evidence_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    sha256: text().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
    mediaType: text().notNull(),
    originalName: text().notNull(),
    uploadedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.sha256)],
);

/**
 * "This record (or file) supports that criterion." record_type names an entry of the evidence
 * registry (app/lib/evidence/evidence-registry.ts); record_id is that record's id. occurred_at
 * is when the evidenced thing happened (a policy's effective date, an inspection's time), which
 * is what the 12-month coverage counts.
 */
export const evidenceLinks = pgTable(
  "evidence_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    criterionId: uuid()
      .notNull()
      .references(() => criteria.id, { onDelete: "cascade" }),
    recordType: text().notNull(),
    recordId: uuid().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    linkedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.recordType, t.recordId, t.criterionId),
    index().on(t.organizationId, t.criterionId, t.occurredAt),
    // A dossier's registers page through one record type's links in time order (keyset on time and
    // record); the criterion is in the index so the page is read from it alone.
    index("evidence_links_by_type_and_time").on(t.organizationId, t.recordType, t.occurredAt, t.recordId, t.criterionId),
  ],
);

/**
 * Evidence links counted per organisation, criterion, record type and calendar month (in the
 * organisation's time zone): what the dashboard's and the criteria pages' coverage read, so that a
 * request reads a year of months, not a year of links. Maintained by statement triggers on
 * evidence_links in the transaction that writes the links (migration 0008); `newest` is the latest
 * link's time in the month. rebuildEvidenceCoverage (app/lib/evidence/evidence.server.ts)
 * recomputes an organisation's rows from its links, for writes made with triggers off.
 */
export const evidenceCoverage = pgTable(
  "evidence_coverage",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    criterionId: uuid()
      .notNull()
      .references(() => criteria.id, { onDelete: "cascade" }),
    recordType: text().notNull(),
    month: date().notNull(),
    links: integer().notNull(),
    newest: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.criterionId, t.recordType, t.month] })],
);

export type EvidenceFile = typeof evidenceFiles.$inferSelect;
export type EvidenceLink = typeof evidenceLinks.$inferSelect;

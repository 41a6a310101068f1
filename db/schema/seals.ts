import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { evidenceFiles } from "./evidence";
import { inspections } from "./inspections";
import { organizations, sites } from "./organizations";

/**
 * A seal product the organisation buys (CTPAT 6.5, CN-2022 (44)): its ISO 17712 class and the
 * certificate or test report that proves it. Only an H-class model, with that proof on file, may
 * seal a loaded container or trailer.
 */
export const sealModels = pgTable(
  "seal_models",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    manufacturer: text().notNull(),
    modelName: text().notNull(),
    type: text({ enum: ["bolt", "cable", "barrier", "other"] }).notNull(),
    isoClass: text({ enum: ["H", "S", "I"] }).notNull(),
    certificateFileId: uuid().references(() => evidenceFiles.id, { onDelete: "restrict" }),
    certificateDate: date(),
    active: boolean().notNull().default(true),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.manufacturer, t.modelName)],
);

/**
 * One physical seal, by the number printed on it (unique within the organisation). status,
 * custodian and the applied fields are the current state; seal_events is the history that made it,
 * so the chain of custody of any number is one query.
 */
export const seals = pgTable(
  "seals",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    number: text().notNull(),
    modelId: uuid()
      .notNull()
      .references(() => sealModels.id, { onDelete: "restrict" }),
    siteId: uuid().references(() => sites.id, { onDelete: "restrict" }),
    status: text({ enum: ["in_stock", "issued", "applied", "arrived", "compromised", "voided"] })
      .notNull()
      .default("in_stock"),
    custodianUserId: uuid().references(() => users.id, { onDelete: "restrict" }),
    targetKind: text({ enum: ["container", "trailer"] }),
    /** Container number (ISO 6346, checked) or trailer plate the seal was applied to. */
    target: text(),
    shipmentRef: text(),
    appliedAt: timestamp({ withTimezone: true }),
    appliedByUserId: uuid().references(() => users.id, { onDelete: "restrict" }),
    inspectionId: uuid().references(() => inspections.id, { onDelete: "restrict" }),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.number),
    index().on(t.organizationId, t.siteId, t.status),
    index().on(t.organizationId, t.target),
    index().on(t.organizationId, t.inspectionId),
    index().on(t.organizationId, t.custodianUserId),
    // The search: a seal number, or the container it was applied to, by its first characters.
    index("seals_number_prefix").on(t.organizationId, t.number.op("text_pattern_ops")),
    index("seals_target_prefix").on(t.organizationId, t.target.op("text_pattern_ops")),
  ],
);

/**
 * One step of a seal's life, append-only: received, issued, returned, applied, verified (VVTT at
 * departure or arrival), reported (discrepancy, broken, wrong number), resolved (a report closed),
 * voided. The columns a kind does not use stay null.
 */
export const sealEvents = pgTable(
  "seal_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: SL-<number>. */
    number: integer().notNull(),
    sealId: uuid()
      .notNull()
      .references(() => seals.id, { onDelete: "cascade" }),
    kind: text({ enum: ["received", "issued", "returned", "applied", "verified", "reported", "resolved", "voided"] }).notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    recordedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    siteId: uuid().references(() => sites.id, { onDelete: "restrict" }),
    /** issued: to whom; returned: from whom. */
    custodianUserId: uuid().references(() => users.id, { onDelete: "restrict" }),
    targetKind: text({ enum: ["container", "trailer"] }),
    target: text(),
    shipmentRef: text(),
    inspectionId: uuid().references(() => inspections.id, { onDelete: "restrict" }),
    /** applied: the broken seal this one replaces on the same container. */
    replacesSealId: uuid().references(() => seals.id, { onDelete: "restrict" }),
    /** applied: loaded or empty, as the applier recorded it (null on applications before it was asked). */
    loadState: text({ enum: ["loaded", "empty"] }),
    stage: text({ enum: ["departure", "arrival"] }),
    viewOk: boolean(),
    verifyOk: boolean(),
    tugOk: boolean(),
    twistOk: boolean(),
    /** verified: the seal number as printed on the shipping documents. */
    documentNumber: text(),
    passed: boolean(),
    reportKind: text({ enum: ["discrepancy", "broken", "number_mismatch"] }),
    /** reported: the description; voided: the reason; resolved: the closing note; others: a remark. */
    note: text().notNull().default(""),
    /** reported: the people notified by email. */
    notified: jsonb().$type<string[]>().notNull().default([]),
    /** resolved: the report it closes; reported after a failed verification: that verification. */
    relatedEventId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.number),
    index().on(t.organizationId, t.sealId, t.occurredAt),
    index().on(t.organizationId, t.kind, t.occurredAt),
  ],
);

/** A photo of a seal event, as taken: original bytes stored under their SHA-256. */
export const sealEventPhotos = pgTable(
  "seal_event_photos",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    eventId: uuid()
      .notNull()
      .references(() => sealEvents.id, { onDelete: "cascade" }),
    fileId: uuid()
      .notNull()
      .references(() => evidenceFiles.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.eventId, t.fileId), index().on(t.organizationId, t.fileId)],
);

export interface SealAuditResult {
  counts: { received: number; inStock: number; issued: number; applied: number; arrived: number; compromised: number; voided: number };
  counted: number;
  missing: { number: string; status: string; custodian: string | null }[];
  unexpected: { number: string; status: string | null }[];
  balanced: boolean;
}

/** A seal audit (CTPAT 6.6): the numbers physically counted at a site, reconciled against the log. */
export const sealAudits = pgTable(
  "seal_audits",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: SAU-<number>. */
    number: integer().notNull(),
    siteId: uuid().references(() => sites.id, { onDelete: "restrict" }),
    performedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    performedAt: timestamp({ withTimezone: true }).notNull(),
    countedNumbers: jsonb().$type<string[]>().notNull(),
    result: jsonb().$type<SealAuditResult>().notNull(),
    balanced: boolean().notNull(),
    note: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.number), index().on(t.organizationId, t.siteId, t.performedAt)],
);

export type SealModel = typeof sealModels.$inferSelect;
export type Seal = typeof seals.$inferSelect;
export type SealEvent = typeof sealEvents.$inferSelect;
export type SealEventPhoto = typeof sealEventPhotos.$inferSelect;
export type SealAudit = typeof sealAudits.$inferSelect;

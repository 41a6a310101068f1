import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { TemplateDefinition } from "../catalog/templates/types";
import { users } from "./accounts";
import { evidenceFiles } from "./evidence";
import { organizations, sites } from "./organizations";

/**
 * Checklist templates, one row per version; versions are never edited. organization_id null marks
 * a built-in template (loaded from db/catalog/templates like the frameworks, the same for every
 * organisation); an organisation's own template is an adapted copy, with based_on naming the
 * version it was copied from. Codes are unique across an organisation's templates and the built-ins.
 */
export const checklistTemplates = pgTable(
  "checklist_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    code: text().notNull(),
    version: integer().notNull(),
    titleZh: text().notNull(),
    titleEn: text().notNull(),
    descriptionZh: text().notNull().default(""),
    descriptionEn: text().notNull().default(""),
    sourceZh: text().notNull().default(""),
    sourceEn: text().notNull().default(""),
    kind: text({ enum: ["container", "conveyance", "driver", "premises", "lighting", "cctv", "building", "it_security", "loading", "storage"] }).notNull(),
    definition: jsonb().$type<TemplateDefinition>().notNull(),
    /** SHA-256 of the version's content: a built-in changed under the same version is refused at load. */
    contentHash: text().notNull(),
    basedOnTemplateId: uuid().references((): AnyPgColumn => checklistTemplates.id, { onDelete: "set null" }),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.organizationId, t.code, t.version).nullsNotDistinct(), index().on(t.organizationId, t.code)],
);

/**
 * An inspection: a draft while it is being filled in (draft_values holds the raw input, photos are
 * already attached), a record once submitted (header, answers, result; immutable except sign-off
 * and release). draft_key is chosen when the form opens: every save and the submit name it, so a
 * retried submit finds the inspection it already made instead of making a second one.
 */
export const inspections = pgTable(
  "inspections",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    draftKey: uuid().notNull(),
    /** Per-organisation running number, given on submit: INS-<number>. */
    number: integer(),
    templateId: uuid()
      .notNull()
      .references(() => checklistTemplates.id, { onDelete: "restrict" }),
    status: text({ enum: ["draft", "submitted"] })
      .notNull()
      .default("draft"),
    inspectorUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    siteId: uuid().references(() => sites.id, { onDelete: "restrict" }),
    occurredAt: timestamp({ withTimezone: true }),
    area: text(),
    /** Copied out of the header for the list's filter. */
    containerNumber: text(),
    header: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** What was typed, as typed, while a draft (never an ID number); emptied on submit. */
    draftValues: jsonb().$type<Record<string, string>>().notNull().default({}),
    result: text({ enum: ["pass", "fail"] }),
    failedPoints: integer().notNull().default(0),
    submittedAt: timestamp({ withTimezone: true }),
    signedOffByUserId: uuid().references(() => users.id, { onDelete: "restrict" }),
    signedOffAt: timestamp({ withTimezone: true }),
    signoffNote: text(),
    releasedAt: timestamp({ withTimezone: true }),
    releasedByUserId: uuid().references(() => users.id, { onDelete: "restrict" }),
    /** Set when a supervisor released despite open actions: the written reason. */
    releaseOverrideReason: text(),
    /**
     * Copied from the template version on submit (versions never change): whether the container
     * waits for release, and whether a supervisor must sign. They keep the dashboard's "needs
     * attention" in a small partial index instead of a join over every inspection.
     */
    releaseGate: boolean().notNull().default(false),
    signoffRequired: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.draftKey),
    uniqueIndex().on(t.organizationId, t.number),
    index().on(t.organizationId, t.status, t.occurredAt),
    index().on(t.organizationId, t.templateId, t.siteId, t.occurredAt),
    index().on(t.organizationId, t.containerNumber),
    // The search: a container number by its first characters (LIKE 'MSKU12%' under any collation).
    index("inspections_container_number_prefix").on(t.organizationId, t.containerNumber.op("text_pattern_ops")),
    index("inspections_needing_attention")
      .on(t.organizationId, t.occurredAt)
      .where(sql`status = 'submitted' and ((release_gate and released_at is null) or (signoff_required and signed_off_at is null))`),
  ],
);

/**
 * Submitted inspections counted per organisation, site and calendar month (in the organisation's
 * time zone), passed and failed: what the inspections list's charts read, so that a page reads a
 * year of months (sites × 12 rows), not a year of inspections (365,000 at scale: 0.8 s). Kept by
 * statement triggers on inspections in the transaction that writes them (the migration that made
 * this table); site_id null counts the inspections recorded without a site.
 */
export const inspectionMonths = pgTable(
  "inspection_months",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    siteId: uuid().references(() => sites.id, { onDelete: "cascade" }),
    month: date().notNull(),
    passed: integer().notNull(),
    failed: integer().notNull(),
  },
  (t) => [unique().on(t.organizationId, t.siteId, t.month).nullsNotDistinct()],
);

/** One answered point of a submitted inspection. */
export const inspectionAnswers = pgTable(
  "inspection_answers",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    inspectionId: uuid()
      .notNull()
      .references(() => inspections.id, { onDelete: "cascade" }),
    itemKey: text().notNull(),
    value: text().notNull(),
    failed: boolean().notNull(),
    note: text(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.inspectionId, t.itemKey)],
);

/** A photo of a point, as taken: the file is the original bytes, stored under their SHA-256. */
export const inspectionPhotos = pgTable(
  "inspection_photos",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    inspectionId: uuid()
      .notNull()
      .references(() => inspections.id, { onDelete: "cascade" }),
    itemKey: text().notNull(),
    fileId: uuid()
      .notNull()
      .references(() => evidenceFiles.id, { onDelete: "restrict" }),
    uploadedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.inspectionId, t.itemKey, t.fileId), index().on(t.organizationId, t.fileId)],
);

/** How often a site runs a template (by code, so a new version of the template keeps the schedule). */
export const inspectionSchedules = pgTable(
  "inspection_schedules",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    templateCode: text().notNull(),
    frequency: text({ enum: ["daily", "weekly", "monthly", "quarterly"] }).notNull(),
    startsOn: date().notNull(),
    active: boolean().notNull().default(true),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.siteId, t.templateCode)],
);

export type ChecklistTemplate = typeof checklistTemplates.$inferSelect;
export type Inspection = typeof inspections.$inferSelect;
export type InspectionAnswer = typeof inspectionAnswers.$inferSelect;
export type InspectionPhoto = typeof inspectionPhotos.$inferSelect;
export type InspectionSchedule = typeof inspectionSchedules.$inferSelect;

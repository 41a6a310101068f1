import { type AnyPgColumn, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ImprovementRule } from "../catalog/types";

// The certification catalogue: global reference data, not tenant data. Written only by
// db/catalog/load.ts from the versioned files in db/catalog/, never edited by hand.

export const frameworks = pgTable(
  "frameworks",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    version: text().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    sourceZh: text().notNull(),
    sourceEn: text().notNull(),
    scoringRule: text({ enum: ["cn-2014-points", "cn-2022-advanced", "qualitative"] }).notNull(),
    /** Longest improvement period in days, from the catalogue's rule (null: the text sets none). */
    improvementDays: integer(),
    /** The catalogue's improvement rule as loaded (db/catalog/types.ts ImprovementRule), synced on every load. */
    improvementRule: jsonb().$type<ImprovementRule>(),
    /** SHA-256 of the catalogue entry as loaded: a changed file under the same version is refused. */
    contentHash: text().notNull(),
    loadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.code, t.version)],
);

export const criteria = pgTable(
  "criteria",
  {
    id: uuid().primaryKey().defaultRandom(),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id, { onDelete: "cascade" }),
    parentId: uuid().references((): AnyPgColumn => criteria.id, { onDelete: "cascade" }),
    key: text().notNull(),
    /**
     * The criterion's identity across versions of its framework (db/catalog/types.ts, stableKeys):
     * what records, templates, clauses and questionnaires name. Null for a criterion a revision added
     * that no earlier criterion corresponds to. Synced from the catalogue on every load.
     */
    stableKey: text(),
    code: text().notNull(),
    level: text({ enum: ["class", "article", "item", "sub_item"] }).notNull(),
    /** Document order within the framework (depth-first). */
    position: integer().notNull(),
    depth: integer().notNull(),
    titleZh: text().notNull(),
    titleEn: text().notNull(),
    textZh: text().notNull(),
    textEn: text().notNull(),
    options: text().array().notNull(),
    improvable: boolean().notNull(),
    part: text({ enum: ["general", "business_type"] }),
    requirement: text({ enum: ["must", "should"] }),
    provenance: text({ enum: ["official", "reconstructed", "inferred"] }).notNull(),
    noteZh: text(),
    noteEn: text(),
  },
  (t) => [
    uniqueIndex().on(t.frameworkId, t.key),
    index().on(t.frameworkId, t.stableKey),
    index().on(t.frameworkId, t.position),
    index().on(t.parentId),
  ],
);

/** A cross-walk topic (premises, seals, partners...) grouping criteria of several frameworks. */
export const crosswalkTopics = pgTable("crosswalk_topics", {
  id: uuid().primaryKey().defaultRandom(),
  key: text().notNull().unique(),
  position: integer().notNull(),
  titleZh: text().notNull(),
  titleEn: text().notNull(),
  evidenceZh: text().notNull(),
  evidenceEn: text().notNull(),
});

/** Criterion belongs to topic; two criteria of different frameworks in one topic map to each other. */
export const criterionMappings = pgTable(
  "criterion_mappings",
  {
    topicId: uuid()
      .notNull()
      .references(() => crosswalkTopics.id, { onDelete: "cascade" }),
    criterionId: uuid()
      .notNull()
      .references(() => criteria.id, { onDelete: "cascade" }),
  },
  (t) => [uniqueIndex().on(t.topicId, t.criterionId), index().on(t.criterionId)],
);

export type Framework = typeof frameworks.$inferSelect;
export type Criterion = typeof criteria.$inferSelect;
export type CrosswalkTopic = typeof crosswalkTopics.$inferSelect;

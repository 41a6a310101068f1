import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { criteria, frameworks } from "./criteria";
import { organizations } from "./organizations";

/** A self-assessment against one framework version (it keeps the version it started with). */
export const assessments = pgTable(
  "assessments",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: SA-<year>-<number>. */
    number: integer().notNull(),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id, { onDelete: "restrict" }),
    title: text().notNull(),
    assessedOn: date().notNull(),
    /**
     * The date customs notified the improvement period from (CN 2014: 规范改进期限由海关确定). Null:
     * not entered, and the period is counted from the assessment date (shown as such).
     */
    improvementNotifiedOn: date(),
    status: text({ enum: ["draft", "final"] }).notNull().default("draft"),
    /**
     * CN-2022: the organisation's business types when the assessment was created. Business-type
     * criteria of other types are not applicable and not asked. Null: every one is asked (an
     * assessment made before the types were recorded keeps what it was answered against).
     */
    businessTypes: text().array(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    finalizedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    finalizedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.number), index().on(t.organizationId, t.frameworkId, t.assessedOn)],
);

/** The result chosen for one assessable criterion, with the 自我评估说明. */
export const assessmentResults = pgTable(
  "assessment_results",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    criterionId: uuid()
      .notNull()
      .references(() => criteria.id, { onDelete: "restrict" }),
    result: text({ enum: ["meets", "partly_meets", "fails", "not_applicable", "conforms"] }),
    explanation: text().notNull().default(""),
    updatedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.assessmentId, t.criterionId)],
);

/** Policies and files cited for one result (record_type from the evidence registry). */
export const assessmentResultEvidence = pgTable(
  "assessment_result_evidence",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    resultId: uuid()
      .notNull()
      .references(() => assessmentResults.id, { onDelete: "cascade" }),
    recordType: text().notNull(),
    recordId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.resultId, t.recordType, t.recordId)],
);

export type Assessment = typeof assessments.$inferSelect;
export type AssessmentResult = typeof assessmentResults.$inferSelect;

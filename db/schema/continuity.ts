import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { correctiveActions } from "./actions";
import { evidenceFiles } from "./evidence";
import { organizations } from "./organizations";

/**
 * A business continuity plan (CTPAT MSC 2.4 crisis management and business continuity; WCO SAFE L;
 * CN-2014 item 28): what it covers (sites, processes), the disruptions it answers, how long recovery
 * may take, who does what, how the trade-security controls hold while operations are disrupted, and
 * the approval of a manager who is not its author (four eyes). Its tests are continuity_tests.
 */
export const continuityPlans = pgTable(
  "continuity_plans",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: BCP-<number>. */
    number: integer().notNull(),
    title: text().notNull(),
    /** The sites and processes the plan covers. */
    scope: text().notNull(),
    /** Keys of continuityDisruptions (app/lib/continuity/continuity-rules.ts). */
    disruptions: text().array().notNull(),
    /** The recovery time objective: hours until the covered operations run again. */
    recoveryHours: integer().notNull(),
    /** Roles, people and how to reach them during a disruption. */
    contacts: text().notNull(),
    /** How seals, access control, cargo checks and the rest hold while operations are disrupted. */
    securityMeasures: text().notNull(),
    version: text().notNull(),
    revisedOn: date().notNull(),
    nextReviewOn: date().notNull(),
    /** When the plan is next to be tested: set when written, moved by each test recorded. */
    nextTestOn: date().notNull(),
    /** The day of its latest test (null: never tested). */
    lastTestedOn: date(),
    /** The plan document itself, when uploaded. */
    fileId: uuid().references(() => evidenceFiles.id, { onDelete: "restrict" }),
    status: text({ enum: ["draft", "approved"] }).notNull().default("draft"),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    approvedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp({ withTimezone: true }),
    approvalNote: text(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.number), index().on(t.organizationId, t.nextReviewOn)],
);

/** A test of a continuity plan: tabletop, walkthrough, simulation or full exercise, and its result. */
export const continuityTests = pgTable(
  "continuity_tests",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    planId: uuid()
      .notNull()
      .references(() => continuityPlans.id, { onDelete: "cascade" }),
    /** Per-organisation running number: BCT-<number>. */
    number: integer().notNull(),
    testedOn: date().notNull(),
    kind: text({ enum: ["tabletop", "walkthrough", "simulation", "full_exercise"] }).notNull(),
    scenario: text().notNull(),
    participants: text().notNull(),
    result: text({ enum: ["passed", "passed_with_findings", "failed"] }).notNull(),
    notes: text(),
    nextTestOn: date().notNull(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.number), index().on(t.organizationId, t.planId, t.testedOn)],
);

/** One finding of a test, in the order written, with the corrective action it raised (if any). */
export const continuityTestFindings = pgTable(
  "continuity_test_findings",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    testId: uuid()
      .notNull()
      .references(() => continuityTests.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    description: text().notNull(),
    actionId: uuid().references(() => correctiveActions.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.testId, t.position)],
);

export type ContinuityPlan = typeof continuityPlans.$inferSelect;
export type ContinuityTest = typeof continuityTests.$inferSelect;

import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { organizations } from "./organizations";

/**
 * A supply-chain security risk assessment (CTPAT MSC 2.1, reviewed at least yearly under 2.3) of a
 * route, partner, site or the whole chain: the threats it identifies, each scored by likelihood and
 * impact with its mitigation, and the approval of a manager who is not its author (four eyes).
 */
export const riskAssessments = pgTable(
  "risk_assessments",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: RA-<number>. */
    number: integer().notNull(),
    subjectKind: text({ enum: ["route", "partner", "site", "supply_chain"] }).notNull(),
    subject: text().notNull(),
    assessedOn: date().notNull(),
    nextReviewOn: date().notNull(),
    summary: text().notNull(),
    status: text({ enum: ["draft", "approved"] }).notNull().default("draft"),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    approvedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp({ withTimezone: true }),
    approvalNote: text(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.number), index().on(t.organizationId, t.assessedOn)],
);

/** One threat of an assessment: likelihood and impact 1–5 (the score is their product) and its mitigation. */
export const riskThreats = pgTable(
  "risk_threats",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    assessmentId: uuid()
      .notNull()
      .references(() => riskAssessments.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    threat: text().notNull(),
    likelihood: integer().notNull(),
    impact: integer().notNull(),
    mitigation: text().notNull(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.assessmentId, t.position)],
);

export type RiskAssessment = typeof riskAssessments.$inferSelect;
export type RiskThreat = typeof riskThreats.$inferSelect;

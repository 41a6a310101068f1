import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { evidenceFiles } from "./evidence";
import { organizations, sites } from "./organizations";
import { employees } from "./personnel";

/**
 * A training session (CN-2014 2, CN-2022 (58)-(62), CTPAT 12.1: date, attendees, topics). held_on is
 * the organisation's calendar day, which is what the yearly requirement counts; start_time (HH:MM, the
 * organisation's wall clock) is optional. A crisis drill is a session of category crisis_drill with
 * its scenario, observations, lessons learned and follow-up filled in: the same attendance, the same
 * materials, its own evidence type.
 */
export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: TR-<number>. */
    number: integer().notNull(),
    category: text({
      enum: ["customs_law", "cargo_security", "crisis_drill", "information_security", "security_awareness", "driver_security", "other"],
    }).notNull(),
    topic: text().notNull(),
    heldOn: date().notNull(),
    startTime: text(),
    durationMinutes: integer(),
    siteId: uuid().references(() => sites.id, { onDelete: "restrict" }),
    /** The trainer's name (a colleague or the external provider's trainer). */
    trainer: text().notNull(),
    /** The external training provider, when the trainer is not the organisation's own. */
    provider: text(),
    /** CTPAT 12.4: the attendees were tested on what they learnt. */
    testGiven: boolean().notNull().default(false),
    notes: text(),
    scenario: text(),
    observations: text(),
    lessonsLearned: text(),
    followUp: text(),
    recordedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.number),
    index().on(t.organizationId, t.heldOn),
    index().on(t.organizationId, t.category, t.heldOn),
    index().on(t.organizationId, t.siteId, t.heldOn),
  ],
);

/** Training materials (slides, sign-in sheet scan, handouts): evidence files, several per session. */
export const trainingMaterials = pgTable(
  "training_materials",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    sessionId: uuid()
      .notNull()
      .references(() => trainingSessions.id, { onDelete: "cascade" }),
    fileId: uuid()
      .notNull()
      .references(() => evidenceFiles.id, { onDelete: "restrict" }),
    addedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.sessionId, t.fileId), index().on(t.organizationId, t.fileId)],
);

/** One employee attended one session; test_passed is set when the session had a test. */
export const trainingAttendance = pgTable(
  "training_attendance",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    sessionId: uuid()
      .notNull()
      .references(() => trainingSessions.id, { onDelete: "cascade" }),
    employeeId: uuid()
      .notNull()
      .references(() => employees.id, { onDelete: "restrict" }),
    testPassed: boolean(),
    recordedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.sessionId, t.employeeId), index().on(t.organizationId, t.employeeId)],
);

export type TrainingSession = typeof trainingSessions.$inferSelect;
export type TrainingMaterial = typeof trainingMaterials.$inferSelect;
export type TrainingAttendance = typeof trainingAttendance.$inferSelect;

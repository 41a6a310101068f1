import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { organizations, sites } from "./organizations";

/**
 * Trade-security incidents and anomalies (CN-2022 (1) and (48), CN-2014 item 25, CTPAT 7.23 and
 * 7.37, WCO SAFE G and L): what was found, where and by whom, how it was contained, investigated and
 * corrected, and whether and when customs was told. Open → investigating → closed. Corrective
 * actions raised from an incident are corrective_actions with source_type "incident".
 */
export const incidents = pgTable(
  "incidents",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: INC-<number>. */
    number: integer().notNull(),
    kind: text({
      enum: ["seal_tampering", "intrusion", "cargo_discrepancy", "smuggling_suspicion", "it_incident", "other"],
    }).notNull(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: "restrict" }),
    /** Where on the site (gate 2, dock 4, container MSKU1234565). */
    location: text().notNull().default(""),
    discoveredAt: timestamp({ withTimezone: true }).notNull(),
    /** Who found it, as reported (a guard's name, a driver, a system alert). */
    discoveredBy: text().notNull(),
    description: text().notNull(),
    /** What was done at once: container held, area closed, account locked. */
    containment: text().notNull().default(""),
    investigation: text().notNull().default(""),
    rootCause: text().notNull().default(""),
    /** When customs was told; required before closing a kind customs must hear of. */
    customsNotifiedAt: timestamp({ withTimezone: true }),
    customsOffice: text().notNull().default(""),
    status: text({ enum: ["open", "investigating", "closed"] }).notNull().default("open"),
    reportedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    closedAt: timestamp({ withTimezone: true }),
    closedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.number),
    index().on(t.organizationId, t.status, t.discoveredAt),
    index().on(t.organizationId, t.discoveredAt),
  ],
);

export type Incident = typeof incidents.$inferSelect;

/**
 * The customs-contact log (CN-2022 (1) and (12), CN-2014 item 19, WCO SAFE D): notifications,
 * inspections by customs, consultations and submissions, each optionally about an incident.
 */
export const customsContacts = pgTable(
  "customs_contacts",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: CC-<number>. */
    number: integer().notNull(),
    contactedOn: date().notNull(),
    kind: text({ enum: ["notification", "inspection", "consultation", "submission", "other"] }).notNull(),
    customsOffice: text().notNull(),
    contactPerson: text().notNull().default(""),
    channel: text({ enum: ["in_person", "phone", "email", "online_platform", "letter", "other"] }).notNull(),
    subject: text().notNull(),
    summary: text().notNull(),
    followUp: text().notNull().default(""),
    incidentId: uuid().references(() => incidents.id, { onDelete: "restrict" }),
    recordedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.number),
    index().on(t.organizationId, t.contactedOn),
    index().on(t.organizationId, t.incidentId),
  ],
);

export type CustomsContact = typeof customsContacts.$inferSelect;

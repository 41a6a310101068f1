import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { accessItems } from "./badges";
import { organizations, sites } from "./organizations";
import { employees } from "./personnel";

/**
 * The visitor log at the gatehouse (CN-2014 22(2), CN-2022 (41), CTPAT 10.2): who came, whose photo
 * ID the guard saw, whom they visited and when they left. Only the masked ID number is kept (never
 * the full number: personal data minimisation). A visitor still signed in after the end of the day
 * of arrival (organisation time zone) is "not signed out", which the list and the dashboard flag.
 */
export const visitorEntries = pgTable(
  "visitor_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: VIS-<number>. */
    number: integer().notNull(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: "restrict" }),
    visitorName: text().notNull(),
    company: text().notNull().default(""),
    idDocumentType: text({
      enum: ["cn_resident_id", "hk_macau_permit", "taiwan_permit", "passport", "foreign_permanent_residence", "driving_licence", "other"],
    }).notNull(),
    idNumberMasked: text().notNull(),
    /** The guard who saw the photo ID (the signed-in member). */
    idCheckedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** The host as chosen from the employee list, when they are on it. */
    hostEmployeeId: uuid().references(() => employees.id, { onDelete: "restrict" }),
    /** The host's name as shown (copied from the employee, or typed). */
    hostName: text().notNull(),
    purpose: text({ enum: ["meeting", "delivery", "maintenance", "audit", "interview", "other"] }).notNull(),
    purposeNote: text().notNull().default(""),
    /** The temporary badge number handed over; free text when the badge is not in the register. */
    badgeNumber: text().notNull().default(""),
    /** The register's visitor badge, issued on sign-in and available again on sign-out. */
    accessItemId: uuid().references(() => accessItems.id, { onDelete: "restrict" }),
    /** Who walks with the visitor; empty when the host escorts. */
    escortName: text().notNull().default(""),
    vehiclePlate: text().notNull().default(""),
    signedInAt: timestamp({ withTimezone: true }).notNull(),
    signedOutAt: timestamp({ withTimezone: true }),
    signedOutByUserId: uuid().references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.number),
    index().on(t.organizationId, t.siteId, t.signedOutAt),
    index().on(t.organizationId, t.signedInAt),
    // The search: a fragment of the visitor's name or company, by trigram from three characters on;
    // a two-character word ("张伟", "物流") by the pairs of adjacent characters, search_bigrams()
    // (migration 0013), since a trigram index cannot serve it and the log grows by the year.
    index("visitor_entries_visitor_name_trgm").using("gin", t.visitorName.op("gin_trgm_ops")),
    index("visitor_entries_company_trgm").using("gin", t.company.op("gin_trgm_ops")),
    index("visitor_entries_search_bigrams").using("gin", sql`search_bigrams(${t.visitorName} || ' ' || ${t.company})`),
  ],
);

export type VisitorEntry = typeof visitorEntries.$inferSelect;

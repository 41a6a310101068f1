import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { evidenceFiles } from "./evidence";
import { organizations, sites } from "./organizations";

/**
 * The dynamic employee list (CN-2014 23, CN-2022 (38)): one row per person employed, kept after
 * they leave (leave_date set). The identity-document number is never stored in the clear:
 * id_number_ciphertext holds it encrypted (AES-256-GCM, key from the environment), id_number_masked
 * is what every list shows, and id_number_digest (HMAC-SHA-256) finds a duplicate without decrypting.
 * key_role marks the managers whose yearly customs training the standards count.
 */
export const employees = pgTable(
  "employees",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: EMP-<number>. */
    number: integer().notNull(),
    name: text().notNull(),
    siteId: uuid().references(() => sites.id, { onDelete: "restrict" }),
    dateOfBirth: date(),
    idDocumentType: text({ enum: ["resident_id", "passport", "hk_macao_permit", "taiwan_permit", "foreign_permanent_residence", "other"] }),
    idNumberCiphertext: text(),
    idNumberMasked: text(),
    idNumberDigest: text(),
    position: text().notNull(),
    department: text().notNull().default(""),
    securitySensitive: boolean().notNull().default(false),
    keyRoles: text({ enum: ["legal_representative", "senior_customs_manager", "customs_head", "trade_security_manager", "principal_person", "finance_head"] })
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    hireDate: date().notNull(),
    leaveDate: date(),
    /**
     * When the next background check is due: the latest check's date plus the interval of the post
     * (personnel-rules.ts), kept here so the list can filter on it; null while none was recorded.
     */
    nextBackgroundCheckOn: date(),
    /** The member account of this employee, when they use Tradeguard themselves. */
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.number),
    uniqueIndex().on(t.organizationId, t.idNumberDigest),
    index().on(t.organizationId, t.siteId, t.leaveDate),
    index().on(t.organizationId, t.name),
    // The search: a fragment of the name (three characters or more).
    index("employees_name_trgm").using("gin", t.name.op("gin_trgm_ops")),
  ],
);

export type Employee = typeof employees.$inferSelect;
export type NewEmployee = typeof employees.$inferInsert;

/**
 * Pre-hire verification (CN-2022 (38), CTPAT 11.1): one check of one source, who made it and what
 * it found. A check made on or before the hire date is what the standards call pre-hire.
 */
export const prehireChecks = pgTable(
  "prehire_checks",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: PHC-<number>. */
    number: integer().notNull(),
    employeeId: uuid()
      .notNull()
      .references(() => employees.id, { onDelete: "cascade" }),
    kind: text({ enum: ["employment_history", "reference", "identity", "education"] }).notNull(),
    /** The former employer, referee or issuing body that was asked. */
    source: text().notNull(),
    checkedOn: date().notNull(),
    result: text({ enum: ["verified", "discrepancy", "unreachable"] }).notNull(),
    note: text().notNull().default(""),
    fileId: uuid().references(() => evidenceFiles.id, { onDelete: "restrict" }),
    checkedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.number), index().on(t.organizationId, t.employeeId, t.checkedOn)],
);

/**
 * Background checks (CN-2022 (39), CTPAT 11.2): a 无犯罪记录证明 or another check, its result and
 * when it must be repeated (by the sensitivity of the post, personnel-rules.ts).
 */
export const backgroundChecks = pgTable(
  "background_checks",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: BGC-<number>. */
    number: integer().notNull(),
    employeeId: uuid()
      .notNull()
      .references(() => employees.id, { onDelete: "cascade" }),
    type: text({ enum: ["criminal_record", "identity", "credit", "other"] }).notNull(),
    /** The police station that issued the certificate, or the screening provider. */
    provider: text().notNull(),
    checkedOn: date().notNull(),
    result: text({ enum: ["clear", "concern", "failed"] }).notNull(),
    nextCheckOn: date().notNull(),
    note: text().notNull().default(""),
    fileId: uuid().references(() => evidenceFiles.id, { onDelete: "restrict" }),
    recordedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.number),
    index().on(t.organizationId, t.employeeId, t.checkedOn),
    index().on(t.organizationId, t.nextCheckOn),
  ],
);

/** The employee's signed acknowledgement of the code of conduct (CTPAT 11.5). */
export const conductAcknowledgements = pgTable(
  "conduct_acknowledgements",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    employeeId: uuid()
      .notNull()
      .references(() => employees.id, { onDelete: "cascade" }),
    /** The title and version of the code, as printed on it ("员工行为准则 V2.1"). */
    codeVersion: text().notNull(),
    acknowledgedOn: date().notNull(),
    fileId: uuid().references(() => evidenceFiles.id, { onDelete: "restrict" }),
    recordedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId, t.employeeId, t.acknowledgedOn)],
);

/**
 * The exit of an employee (CN-2022 (40), CTPAT 10.1): opened when the leave date is set, with the
 * deadline by which every item must be done; done when all its items are.
 */
export const offboardings = pgTable(
  "offboardings",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: OFB-<number>. */
    number: integer().notNull(),
    employeeId: uuid()
      .notNull()
      .references(() => employees.id, { onDelete: "cascade" }),
    leaveDate: date().notNull(),
    deadline: date().notNull(),
    status: text({ enum: ["open", "done"] })
      .notNull()
      .default("open"),
    doneAt: timestamp({ withTimezone: true }),
    openedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.number),
    // One exit per employee: a second save of the leave date moves it, never opens another.
    uniqueIndex().on(t.organizationId, t.employeeId),
    index().on(t.organizationId, t.status, t.deadline),
  ],
);

export const offboardingItems = pgTable(
  "offboarding_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    offboardingId: uuid()
      .notNull()
      .references(() => offboardings.id, { onDelete: "cascade" }),
    item: text({ enum: ["badge_returned", "keys_equipment_returned", "site_access_revoked", "it_access_revoked"] }).notNull(),
    doneByUserId: uuid().references(() => users.id, { onDelete: "restrict" }),
    doneAt: timestamp({ withTimezone: true }),
    note: text().notNull().default(""),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.offboardingId, t.item)],
);

export type PrehireCheck = typeof prehireChecks.$inferSelect;
export type BackgroundCheck = typeof backgroundChecks.$inferSelect;
export type ConductAcknowledgement = typeof conductAcknowledgements.$inferSelect;
export type Offboarding = typeof offboardings.$inferSelect;
export type OffboardingItem = typeof offboardingItems.$inferSelect;

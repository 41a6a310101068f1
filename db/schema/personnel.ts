import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
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
    keyRole: text({ enum: ["legal_representative", "senior_customs_manager", "customs_head", "trade_security_manager"] }),
    hireDate: date().notNull(),
    leaveDate: date(),
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
  ],
);

export type Employee = typeof employees.$inferSelect;
export type NewEmployee = typeof employees.$inferInsert;

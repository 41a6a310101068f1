import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** The organisation's China Customs level (db/catalog/status-levels.ts, programme cn-customs). */
export const aeoStatus = pgEnum("aeo_status", ["none", "advanced", "general"]);
export const siteKind = pgEnum("site_kind", ["factory", "warehouse", "office", "yard", "port_facility"]);

/** The tenant. Every other tenant table points here through organization_id. */
export const organizations = pgTable("organizations", {
  id: uuid().primaryKey().defaultRandom(),
  legalNameZh: text().notNull(),
  legalNameEn: text().notNull(),
  customsCode: text(),
  unifiedSocialCreditCode: text(),
  enterpriseTypes: text().array().notNull().default(sql`'{}'::text[]`),
  /**
   * The CN-2022 business types of 附件3 the organisation carries on (db/catalog/business-types.ts):
   * the business-type criteria of the others are not applicable. Null: not recorded yet, so every
   * business-type criterion is asked.
   */
  cn2022BusinessTypes: text().array(),
  /** Its role under the 2014 general standard (consignor_consignee, customs_broker, logistics), or null. */
  cn2014Role: text(),
  aeoStatus: aeoStatus().notNull().default("none"),
  aeoCertificateNumber: text(),
  aeoCertifiedOn: date(),
  aeoNextRecertificationOn: date(),
  timeZone: text().notNull().default("Asia/Shanghai"),
  /** Head of the audit hash chain: catches a deleted last event, and is the row locked to append. */
  auditHeadSeq: integer().notNull().default(0),
  auditHeadHash: text().notNull().default("0000000000000000000000000000000000000000000000000000000000000000"),
  /**
   * The keyed chain's cut-over: events up to this seq were written before migration 0010 and are
   * plain SHA-256; later ones are HMAC-SHA-256 under the installation's audit key. Set once by that
   * migration (an organisation made since has 0), and pinned by every checkpoint.
   */
  auditLegacySeq: integer().notNull().default(0),
  /**
   * Made by the demo seed (app/lib/demo), which alone sets it: every signed-in page of the
   * organisation says its records are made up. Nothing a user does can set or clear it.
   */
  isDemo: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Premises of an organisation: factories, warehouses, yards... */
export const sites = pgTable(
  "sites",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    address: text().notNull(),
    kind: siteKind().notNull(),
    securityContactName: text(),
    securityContactPhone: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId, t.nameEn)],
);

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
export type Site = typeof sites.$inferSelect;
export type NewSite = typeof sites.$inferInsert;

/**
 * The certification levels the organisation holds, one row per programme (app/lib/organizations/
 * status-levels.ts: cn-customs, ctpat, eu-aeo). No row: not certified under that programme. The
 * China Customs row is written with the profile's China Customs fields (organizations.aeo_*), in
 * the same transaction (docs/decisions/0056-organisation-statuses-per-programme.md).
 */
export const organizationStatuses = pgTable(
  "organization_statuses",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    programme: text({ enum: ["cn-customs", "ctpat", "eu-aeo"] }).notNull(),
    /** A level code of the programme in status-levels.ts. */
    level: text().notNull(),
    certificateNumber: text(),
    certifiedOn: date(),
    /** Expiry or next re-certification / re-validation: the date the attention model warns about. */
    validUntil: date(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.programme)],
);

export type OrganizationStatus = typeof organizationStatuses.$inferSelect;

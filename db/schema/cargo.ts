import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { organizations, sites } from "./organizations";
import { seals } from "./seals";

/**
 * The receiving and shipping reconciliation register (CN-2022 (47), CTPAT 7.27/7.28, CN-2014 25,
 * WCO G): the documents of a consignment (B/L, packing list, invoice) against what was counted at
 * the dock, packages and weight. A difference is a discrepancy that must be explained (the note)
 * and may raise a corrective action (source_type cargo_reconciliation). The seal number, when
 * given, is checked against the seal register and the register's seal kept (seal_id).
 */
export const cargoReconciliations = pgTable(
  "cargo_reconciliations",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: REC-<number>. */
    number: integer().notNull(),
    direction: text({ enum: ["receiving", "shipping"] }).notNull(),
    /** The organisation's calendar day of the count. */
    reconciledOn: date().notNull(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: "restrict" }),
    billOfLading: text().notNull().default(""),
    packingList: text().notNull().default(""),
    invoiceNumbers: text().notNull().default(""),
    containerNumber: text().notNull().default(""),
    sealNumber: text().notNull().default(""),
    /** The seal register's seal of that number, when it is one of the organisation's. */
    sealId: uuid().references(() => seals.id, { onDelete: "restrict" }),
    expectedPackages: integer().notNull(),
    countedPackages: integer().notNull(),
    /** Kilograms, to 0.1 kg; both empty when the documents give no weight. */
    expectedWeightKg: numeric({ precision: 12, scale: 1 }),
    countedWeightKg: numeric({ precision: 12, scale: 1 }),
    /** The counts or weights differ beyond the tolerance (cargo-rules.ts): the note explains. */
    discrepancy: boolean().notNull(),
    note: text().notNull().default(""),
    recordedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.number),
    index().on(t.organizationId, t.reconciledOn),
    index().on(t.organizationId, t.siteId, t.reconciledOn),
  ],
);

export type CargoReconciliation = typeof cargoReconciliations.$inferSelect;

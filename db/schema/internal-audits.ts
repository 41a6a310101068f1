import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { correctiveActions } from "./actions";
import { organizations } from "./organizations";

/**
 * The annual internal audit (海关高级认证企业标准（2022）（11）年度内审): what was audited, by whom,
 * when, and the conclusion. A register, not a checklist template: its findings differ in number and
 * kind every year, each with its own severity and, where needed, its corrective action.
 */
export const internalAudits = pgTable(
  "internal_audits",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: IA-<number>. */
    number: integer().notNull(),
    auditedOn: date().notNull(),
    scope: text().notNull(),
    auditors: text().notNull(),
    result: text({ enum: ["conforms", "conforms_with_findings", "does_not_conform"] }).notNull(),
    conclusion: text().notNull(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.number), index().on(t.organizationId, t.auditedOn)],
);

/** One finding of an internal audit, in the order written, with the action it raised (if any). */
export const internalAuditFindings = pgTable(
  "internal_audit_findings",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    auditId: uuid()
      .notNull()
      .references(() => internalAudits.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    description: text().notNull(),
    severity: text({ enum: ["major", "minor", "observation"] }).notNull(),
    actionId: uuid().references(() => correctiveActions.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.auditId, t.position)],
);

export type InternalAudit = typeof internalAudits.$inferSelect;
export type InternalAuditFinding = typeof internalAuditFindings.$inferSelect;

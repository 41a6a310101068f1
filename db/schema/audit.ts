import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { dossiers } from "./dossiers";
import { organizations } from "./organizations";

/**
 * Append-only audit trail, one hash chain per organisation: each event stores the hash of the
 * previous one (prev_hash) and its own hash over its content, so any edit or deletion shows. The
 * hash is an HMAC-SHA-256 under a key the database does not hold (app/lib/audit/audit-keys.server.ts),
 * so rewriting the chain needs that key too; events from before the key (seq up to
 * organizations.audit_legacy_seq) keep their plain SHA-256.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: text({ enum: ["create", "update", "delete"] }).notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.seq), index().on(t.organizationId, t.entityType, t.entityId)],
);

/**
 * A sealed statement "the organisation's chain had this head at this time", made daily and for
 * every dossier (which prints it). The verifier holds the chain against every checkpoint: a tail
 * cut off with the head moved back, or a whole trail wiped, no longer reaches what a checkpoint saw.
 * `mac` is an HMAC-SHA-256 under the installation's checkpoint key, always; `signature` is an
 * RSA-SHA256 signature with the organisation's signing certificate (DER in `certificate`) when it
 * had an active one, which a certifier can check without the installation's key.
 */
export const auditCheckpoints = pgTable(
  "audit_checkpoints",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    headHash: text().notNull(),
    /** organizations.audit_legacy_seq as it was: the cut-over cannot move without breaking the seal. */
    legacySeq: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    reason: text({ enum: ["scheduled", "dossier"] }).notNull(),
    /** The dossier that printed it (one checkpoint per dossier, reused by its retries). */
    dossierId: uuid().references(() => dossiers.id, { onDelete: "set null" }),
    mac: text().notNull(),
    /** base64 RSA-SHA256 (PKCS#1 v1.5) over the same payload, or null without a certificate. */
    signature: text(),
    /** base64 DER of the certificate that signed. */
    certificate: text(),
  },
  (t) => [index().on(t.organizationId, t.seq), uniqueIndex().on(t.dossierId)],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type AuditCheckpoint = typeof auditCheckpoints.$inferSelect;

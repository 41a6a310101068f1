import { bigint, boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./accounts";
import { frameworks } from "./criteria";
import { evidenceFiles } from "./evidence";
import { organizations } from "./organizations";

/**
 * An evidence dossier for certifiers (DOS-<number>): one framework version, a period, some sites
 * (none = all) and optionally a subset of criteria (none = all assessable). It is generated in the
 * background; generated_at is the time printed in it, fixed when it is requested, so the same data
 * and parameters give the same bytes before signing.
 */
export const dossiers = pgTable(
  "dossiers",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id, { onDelete: "restrict" }),
    /** Inclusive calendar dates in the organisation's time zone. */
    periodFrom: date({ mode: "string" }).notNull(),
    periodTo: date({ mode: "string" }).notNull(),
    siteIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    criterionKeys: text().array().notNull().default(sql`'{}'::text[]`),
    status: text({ enum: ["queued", "generating", "ready", "failed"] }).notNull().default("queued"),
    /** 0–100 while generating. */
    progress: integer().notNull().default(0),
    /** Why the last attempt failed (an i18n key or the error's text); kept while a retry is queued. */
    error: text(),
    /** The job-engine job that holds (or last held) the dossier: only it may finish the row. */
    jobId: uuid(),
    /** Attempts made by the current job (a retry after a lost worker counts). */
    attempts: integer().notNull().default(0),
    generatedAt: timestamp({ withTimezone: true }).notNull(),
    requestedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    startedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    signed: boolean().notNull().default(false),
    recordCount: integer().notNull().default(0),
    fileCount: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.number), index().on(t.status, t.createdAt)],
);

/**
 * The PDF file(s) of a dossier: one volume, or several when the photos exceed a volume's budget.
 * sha256 names the stored (final, possibly signed) bytes in the file store; unsigned_sha256 is the
 * reproducible hash before signing.
 */
export const dossierVolumes = pgTable(
  "dossier_volumes",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    dossierId: uuid()
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    volume: integer().notNull(),
    sha256: text().notNull(),
    unsignedSha256: text().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
    pageCount: integer().notNull(),
  },
  (t) => [uniqueIndex().on(t.dossierId, t.volume), index().on(t.organizationId, t.sha256)],
);

/** The appendix manifest: every file the dossier lists, with its hash, size and source record. */
export const dossierManifestEntries = pgTable(
  "dossier_manifest_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    dossierId: uuid()
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    volume: integer().notNull(),
    position: integer().notNull(),
    fileId: uuid().references(() => evidenceFiles.id, { onDelete: "set null" }),
    sha256: text().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
    mediaType: text().notNull(),
    originalName: text().notNull(),
    recordType: text().notNull(),
    recordId: uuid().notNull(),
    reference: text().notNull(),
    /** The bytes are inside the PDF (a JPEG passed through unchanged, so its hash can be checked there). */
    embedded: boolean().notNull().default(false),
  },
  (t) => [uniqueIndex().on(t.dossierId, t.volume, t.position), index().on(t.dossierId, t.sha256)],
);

/**
 * The organisation's signing certificate (PKCS#12). The container and its passphrase are stored
 * encrypted (AES-256-GCM, key derived from the server secret); the certificate's identity is kept in
 * clear for display. One active certificate per organisation; a replaced one keeps its row.
 */
export const signingCertificates = pgTable(
  "signing_certificates",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    p12Encrypted: text().notNull(),
    passphraseEncrypted: text().notNull(),
    subject: text().notNull(),
    issuer: text().notNull(),
    serialNumber: text().notNull(),
    fingerprintSha256: text().notNull(),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    validTo: timestamp({ withTimezone: true }).notNull(),
    uploadedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex().on(t.organizationId).where(sql`${t.removedAt} is null`)],
);

/**
 * Read-only access to one dossier for a certifier, by a link whose token is stored only as a
 * SHA-256 hash. Expiring and revocable. The shared copy carries a watermark naming the recipient.
 */
export const dossierShares = pgTable(
  "dossier_shares",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    dossierId: uuid()
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    recipientName: text().notNull(),
    recipientOrganization: text().notNull().default(""),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedByUserId: uuid().references(() => users.id, { onDelete: "restrict" }),
    createdByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.tokenHash), index().on(t.organizationId, t.dossierId)],
);

/** Every use of a share link, allowed or refused: time, address, what was asked for. */
export const dossierShareAccesses = pgTable(
  "dossier_share_accesses",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    shareId: uuid()
      .notNull()
      .references(() => dossierShares.id, { onDelete: "cascade" }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ipAddress: text().notNull().default(""),
    userAgent: text().notNull().default(""),
    action: text({ enum: ["view", "download"] }).notNull(),
    volume: integer(),
    outcome: text({ enum: ["allowed", "expired", "revoked"] }).notNull(),
  },
  (t) => [index().on(t.shareId, t.at)],
);

/** Watermarked copies for a share, one per volume, in the file store under their SHA-256. */
export const dossierShareCopies = pgTable(
  "dossier_share_copies",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    shareId: uuid()
      .notNull()
      .references(() => dossierShares.id, { onDelete: "cascade" }),
    volume: integer().notNull(),
    sha256: text().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
  },
  (t) => [uniqueIndex().on(t.shareId, t.volume), index().on(t.organizationId, t.sha256)],
);

export type Dossier = typeof dossiers.$inferSelect;
export type DossierVolume = typeof dossierVolumes.$inferSelect;
export type DossierManifestEntry = typeof dossierManifestEntries.$inferSelect;
export type SigningCertificate = typeof signingCertificates.$inferSelect;
export type DossierShare = typeof dossierShares.$inferSelect;

import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, boolean, date, index, integer, jsonb, pgTable, real, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ClauseCriterionRef } from "../catalog/clauses/types";
import type { Question } from "../catalog/questionnaires/types";
import { users } from "./accounts";
import { evidenceFiles } from "./evidence";
import { organizations } from "./organizations";

// Trading partners: who they are, how they were vetted (questionnaire, score, tier, a decision by a
// second person), how they are supervised, and which security clauses bind them.

export const partnerRoles = [
  "manufacturer_supplier",
  "carrier",
  "customs_broker",
  "freight_forwarder",
  "warehouse",
  "third_party_logistics",
  "other",
] as const;

export const partners = pgTable(
  "partners",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organisation running number: TP-<number>. */
    number: integer().notNull(),
    legalNameZh: text().notNull().default(""),
    legalNameEn: text().notNull().default(""),
    /** ISO 3166-1 alpha-2. */
    countryCode: text().notNull(),
    /** 统一社会信用代码, checked by its GB 32100 check character (Chinese entities). */
    uscc: text(),
    /** Registration number of a foreign entity. */
    foreignRegistrationNumber: text(),
    roles: text({ enum: partnerRoles }).array().notNull(),
    /** China Customs credit status of a Chinese partner. */
    customsCredit: text({ enum: ["advanced", "general", "dishonest", "unknown"] }).notNull().default("unknown"),
    aeoProgramme: text({ enum: ["none", "cn_advanced", "ctpat", "eu_aeo", "other_mra"] }).notNull().default("none"),
    /** For other_mra: the programme's name (e.g. Singapore STP-Plus). */
    aeoProgrammeName: text(),
    aeoCertificateNumber: text(),
    aeoValidUntil: date(),
    aeoCertificateFileId: uuid().references(() => evidenceFiles.id, { onDelete: "restrict" }),
    /** Yearly business with the partner, in CNY. */
    annualVolumeCny: bigint({ mode: "number" }),
    /** The latest decision: pending until a second person decided an evaluation. */
    status: text({ enum: ["pending", "approved", "conditional", "rejected"] }).notNull().default("pending"),
    riskTier: text({ enum: ["low", "medium", "high"] }),
    /** Exempt from the full evaluation as a China Customs advanced-certified enterprise itself (CN-2022 item 15; CTPAT, EU AEO and MRA partners are not), decided like an evaluation. */
    exempt: boolean().notNull().default(false),
    lastEvaluatedOn: date(),
    nextEvaluationOn: date(),
    /**
     * When the partner's next supervision check is due: its latest check (or, never checked, its
     * first approval) plus the organisation's supervision interval for its tier. Kept by
     * refreshSupervisionDue (app/lib/partners/supervision-due.server.ts) whenever a check, the tier or
     * the interval changes; null for a partner without a tier or rejected.
     */
    nextSupervisionOn: date(),
    notes: text().notNull().default(""),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.number),
    uniqueIndex().on(t.organizationId, t.uscc),
    index().on(t.organizationId, t.status),
    index().on(t.organizationId, t.nextEvaluationOn),
    index().on(t.organizationId, t.nextSupervisionOn),
    // The search (app/lib/search): a name fragment in either language, a USCC by its first characters.
    index("partners_legal_name_zh_trgm").using("gin", t.legalNameZh.op("gin_trgm_ops")),
    index("partners_legal_name_en_trgm").using("gin", t.legalNameEn.op("gin_trgm_ops")),
    index("partners_uscc_prefix").on(t.organizationId, t.uscc.op("text_pattern_ops")),
  ],
);

export const partnerContacts = pgTable(
  "partner_contacts",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    name: text().notNull(),
    position: text().notNull().default(""),
    email: text(),
    phone: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId, t.partnerId)],
);

export const partnerSites = pgTable(
  "partner_sites",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    name: text().notNull(),
    address: text().notNull(),
    countryCode: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId, t.partnerId)],
);

/** Evaluation questionnaires, global reference data loaded from db/catalog/questionnaires. */
export const questionnaires = pgTable(
  "questionnaires",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    version: integer().notNull(),
    roles: text().array().notNull(),
    titleZh: text().notNull(),
    titleEn: text().notNull(),
    introZh: text().notNull(),
    introEn: text().notNull(),
    questions: jsonb().$type<readonly Question[]>().notNull(),
    contentHash: text().notNull(),
    loadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.code, t.version)],
);

export interface EvaluationAnswer {
  option: string;
  comment?: string;
}

export interface EvaluationReason {
  kind: "critical" | "weak" | "threshold" | "exempt";
  questionKey?: string;
  score?: number;
  min?: number;
  tier?: "low" | "medium" | "high";
}

/**
 * One evaluation of a partner. Prepared by one person (or answered by the partner through a link and
 * reviewed), decided by another: approved, approved with conditions (each a corrective action) or
 * rejected. An exemption (the partner is an AEO) is an evaluation without answers.
 */
export const partnerEvaluations = pgTable(
  "partner_evaluations",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    /** Per-organisation running number: EV-<number>. */
    number: integer().notNull(),
    kind: text({ enum: ["questionnaire", "exemption"] }).notNull().default("questionnaire"),
    questionnaireId: uuid().references(() => questionnaires.id, { onDelete: "restrict" }),
    role: text({ enum: partnerRoles }).notNull(),
    status: text({ enum: ["draft", "awaiting_partner", "partner_submitted", "prepared", "decided"] })
      .notNull()
      .default("draft"),
    answers: jsonb().$type<Record<string, EvaluationAnswer>>().notNull().default({}),
    /** What the partner sent through its link, kept as sent; `answers` is what the review made of it. */
    partnerAnswers: jsonb().$type<Record<string, EvaluationAnswer>>(),
    partnerSubmittedAt: timestamp({ withTimezone: true }),
    score: real(),
    tier: text({ enum: ["low", "medium", "high"] }),
    reasons: jsonb().$type<EvaluationReason[]>().notNull().default([]),
    preparedByUserId: uuid().references(() => users.id, { onDelete: "restrict" }),
    preparedAt: timestamp({ withTimezone: true }),
    /** Everyone who saved its answers: none of them may decide it (four eyes), not only the preparer. */
    answeredByUserIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    decision: text({ enum: ["approved", "approved_with_conditions", "rejected"] }),
    decisionNote: text(),
    decidedByUserId: uuid().references(() => users.id, { onDelete: "restrict" }),
    decidedAt: timestamp({ withTimezone: true }),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.number),
    index().on(t.organizationId, t.partnerId),
    // The dashboard's "waiting for a decision": a few open ones among a register's years of decided.
    index("partner_evaluations_awaiting_decision")
      .on(t.organizationId, t.updatedAt)
      .where(sql`status in ('prepared', 'partner_submitted')`),
  ],
);

/** A partner's link to answer its questionnaire without an account: the token is kept hashed. */
export const questionnaireLinks = pgTable(
  "questionnaire_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    evaluationId: uuid()
      .notNull()
      .references(() => partnerEvaluations.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    locale: text({ enum: ["zh-CN", "en"] }).notNull(),
    /** Where it was sent, if it was emailed. */
    sentTo: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }),
    lastOpenedAt: timestamp({ withTimezone: true }),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId, t.partnerId)],
);

/** Files about a partner: its certificates and licences, and what it uploaded with its answers. */
export const partnerDocuments = pgTable(
  "partner_documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    evaluationId: uuid().references(() => partnerEvaluations.id, { onDelete: "cascade" }),
    questionKey: text(),
    fileId: uuid()
      .notNull()
      .references(() => evidenceFiles.id, { onDelete: "restrict" }),
    /** "link" when the partner uploaded it through its questionnaire link. */
    source: text({ enum: ["internal", "link"] }).notNull().default("internal"),
    uploadedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId, t.partnerId)],
);

/** Periodic supervision of a partner: a document review, a site visit, a performance review. */
export const supervisionChecks = pgTable(
  "supervision_checks",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    kind: text({ enum: ["document_review", "site_visit", "performance_review"] }).notNull(),
    performedOn: date().notNull(),
    result: text({ enum: ["satisfactory", "findings"] }).notNull(),
    summary: text().notNull(),
    fileId: uuid().references(() => evidenceFiles.id, { onDelete: "restrict" }),
    performedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId, t.partnerId, t.performedOn)],
);

/**
 * Security clauses, one row per version. organization_id null: the built-in library
 * (db/catalog/clauses); an organisation's adapted clause is a version of its own.
 */
export const clauses = pgTable(
  "clauses",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    code: text().notNull(),
    version: integer().notNull(),
    titleZh: text().notNull(),
    titleEn: text().notNull(),
    textZh: text().notNull(),
    textEn: text().notNull(),
    requiredByDefault: boolean().notNull().default(false),
    roles: text().array().notNull(),
    criteria: jsonb().$type<readonly ClauseCriterionRef[]>().notNull(),
    contentHash: text().notNull(),
    basedOnClauseId: uuid().references((): AnyPgColumn => clauses.id, { onDelete: "set null" }),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.organizationId, t.code, t.version).nullsNotDistinct(), index().on(t.organizationId, t.code)],
);

/** A contract or written notice with a partner, the clause versions it includes, the partner's acknowledgement. */
export const contracts = pgTable(
  "contracts",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    contractNumber: text().notNull(),
    title: text().notNull(),
    startsOn: date().notNull(),
    endsOn: date(),
    fileId: uuid().references(() => evidenceFiles.id, { onDelete: "restrict" }),
    acknowledgedOn: date(),
    acknowledgedBy: text(),
    acknowledgementFileId: uuid().references(() => evidenceFiles.id, { onDelete: "restrict" }),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.contractNumber), index().on(t.organizationId, t.partnerId)],
);

export const contractClauses = pgTable(
  "contract_clauses",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    clauseId: uuid()
      .notNull()
      .references(() => clauses.id, { onDelete: "restrict" }),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.contractId, t.clauseId)],
);

/** An organisation's rules for partners: tier thresholds, re-evaluation intervals, required clauses. */
export const partnerPolicies = pgTable("partner_policies", {
  organizationId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  lowTierMinScore: integer().notNull().default(80),
  mediumTierMinScore: integer().notNull().default(60),
  highTierMonths: integer().notNull().default(6),
  mediumTierMonths: integer().notNull().default(12),
  lowTierMonths: integer().notNull().default(24),
  /** Months between supervision checks (CN-2022 (57), CTPAT 3.7), per tier: the company's own choice. */
  highTierSupervisionMonths: integer().notNull().default(6),
  mediumTierSupervisionMonths: integer().notNull().default(12),
  lowTierSupervisionMonths: integer().notNull().default(24),
  /** Clause codes every partner contract must include (null: the library's required-by-default ones). */
  requiredClauseCodes: text().array(),
  updatedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export interface ImportRowError {
  /** 1-based row of the file, the header being row 1. */
  row: number;
  column: string;
  message: string;
}

/** An uploaded partner list waiting for its preview to be confirmed. */
export const partnerImports = pgTable(
  "partner_imports",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    fileSha256: text().notNull(),
    totalRows: integer().notNull(),
    /** The rows that passed every check, as partner values ready to insert, with their file row. */
    validRows: jsonb().$type<{ row: number; values: Record<string, unknown> }[]>().notNull(),
    errors: jsonb().$type<ImportRowError[]>().notNull(),
    status: text({ enum: ["preview", "imported"] }).notNull().default("preview"),
    importedCount: integer(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    importedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.organizationId, t.createdAt)],
);

export type Partner = typeof partners.$inferSelect;
export type PartnerEvaluation = typeof partnerEvaluations.$inferSelect;
export type Questionnaire = typeof questionnaires.$inferSelect;
export type QuestionnaireLink = typeof questionnaireLinks.$inferSelect;
export type SupervisionCheck = typeof supervisionChecks.$inferSelect;
export type Clause = typeof clauses.$inferSelect;
export type Contract = typeof contracts.$inferSelect;
export type PartnerPolicy = typeof partnerPolicies.$inferSelect;
export type PartnerImport = typeof partnerImports.$inferSelect;

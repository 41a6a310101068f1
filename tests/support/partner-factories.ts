// Trading partners made through the app's own pages: the register form, the partner page (evaluations,
// exemptions, certificates, contracts), the evaluation page (answers, links, the decision) and the
// public questionnaire link. Each call makes unique data; rows are read back for assertions.
import { createHash } from "node:crypto";
import { addDays, addMonths, format, parseISO } from "date-fns";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { expect } from "vitest";
import {
  clauses,
  contracts,
  criteria,
  evidenceLinks,
  frameworks,
  partnerEvaluations,
  partners,
  questionnaireLinks,
  questionnaires,
  type Clause,
  type Contract,
  type Partner,
  type PartnerEvaluation,
  type Questionnaire,
  type QuestionnaireLink,
} from "../../db/schema";
import type { Question } from "../../db/catalog/questionnaires/types";
import { todayInZone } from "~/lib/i18n/format";
import { usccCheckCharacter } from "~/lib/organizations/uscc";
import * as contractRoute from "~/routes/_app.contracts.$contractId";
import * as evaluationRoute from "~/routes/_app.evaluations.$evaluationId/route";
import * as partnerRoute from "~/routes/_app.partners.$partnerId/route";
import * as partnersRoute from "~/routes/_app.partners._index";
import * as newPartnerRoute from "~/routes/_app.partners.new";
import * as questionnaireRoute from "~/routes/q.$token";
import { uniqueSuffix } from "./factories";
import { callAction, callLoader, type Fields, type Outcome } from "./requests";
import { countRows, testDb } from "./test-database";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** The organisations the tests sign up keep the default time zone. */
export const ZONE = "Asia/Shanghai";

export function today(): string {
  return todayInZone(ZONE);
}

export function shiftDays(day: string, days: number): string {
  return format(addDays(parseISO(day), days), "yyyy-MM-dd");
}

export function shiftMonths(day: string, months: number): string {
  return format(addMonths(parseISO(day), months), "yyyy-MM-dd");
}

export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

// ---------------------------------------------------------------------------------------------
// Partners

let nextCode = Math.floor(Math.random() * 60_000);

/** A valid unified social credit code (GB 32100 check character), new on every call. */
export function freshUscc(): string {
  nextCode = (nextCode + 1) % 100_000;
  const first17 = `91310115MA1K${String(nextCode).padStart(5, "0")}`;
  return first17 + usccCheckCharacter(first17);
}

/** A Chinese carrier without AEO status, unless overridden. */
export function partnerFields(overrides: Fields = {}): Fields {
  const suffix = uniqueSuffix();
  return {
    legalNameZh: `上海测试运输有限公司 ${suffix}`,
    legalNameEn: `Shanghai Test Transport Co. ${suffix}`,
    countryCode: "CN",
    uscc: freshUscc(),
    roles: ["carrier"],
    customsCredit: "general",
    aeoProgramme: "none",
    ...overrides,
  };
}

/** An AEO partner (China Customs advanced certification) whose certificate is valid until `validUntil`. */
export function aeoPartnerFields(validUntil: string, overrides: Fields = {}): Fields {
  return partnerFields({
    aeoProgramme: "cn_advanced",
    aeoCertificateNumber: `AEOCN${Math.floor(Math.random() * 1e10)}`,
    aeoValidUntil: validUntil,
    customsCredit: "advanced",
    ...overrides,
  });
}

export function postNewPartner(cookie: string, fields: Fields) {
  return callAction(newPartnerRoute, "/partners/new", fields, { cookie });
}

/** Registers a partner through /partners/new; returns its row. */
export async function registerPartner(cookie: string, overrides: Fields = {}): Promise<Partner> {
  const outcome = await postNewPartner(cookie, partnerFields(overrides));
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const id = new RegExp(`^/partners/(${UUID})\\?created=1$`).exec(outcome.location ?? "")?.[1];
  if (!id) throw new Error(`unexpected redirect ${outcome.location}`);
  return partnerRow(id);
}

export async function partnerRow(id: string): Promise<Partner> {
  const [row] = await testDb().select().from(partners).where(eq(partners.id, id));
  if (!row) throw new Error(`partner ${id} not stored`);
  return row;
}

/** A post to the partner page (/partners/:id) with an intent. */
export function postPartner(cookie: string, partnerId: string, fields: Fields | FormData) {
  return callAction(partnerRoute, `/partners/${partnerId}`, fields, { cookie, params: { partnerId } });
}

export function partnerPage<T = PartnerPageData>(cookie: string, partnerId: string) {
  return callLoader<T>(partnerRoute, `/partners/${partnerId}`, { cookie, params: { partnerId } });
}

export interface PartnerPageData {
  partner: Partner & { reference: string };
  certificate: { id: string; name: string } | null;
  evaluations: { id: string; reference: string; kind: string; status: string; decision: string | null; tier: string | null }[];
  contracts: { id: string; contractNumber: string; acknowledgedOn: string | null; clauseCodes: string[] }[];
  missingClauses: string[];
  requiredClauses: string[];
  clauses: { id: string; code: string; version: number; required: boolean }[];
  documents: { id: string; source: string; questionKey: string | null; name: string }[];
  actions: { id: string; number: number; title: string; status: string; dueOn: string; overdue: boolean }[];
  canManage: boolean;
}

/** Files the partner's AEO certificate through the partner page. */
export async function uploadCertificate(cookie: string, partnerId: string, file: File): Promise<void> {
  const outcome = await postPartner(cookie, partnerId, { intent: "certificate", file });
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
}

// ---------------------------------------------------------------------------------------------
// Evaluations

/** Starts an evaluation in `role` from the partner page; returns its id. */
export async function startEvaluation(cookie: string, partnerId: string, role = "carrier"): Promise<string> {
  const outcome = await postPartner(cookie, partnerId, { intent: "evaluate", role });
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const id = new RegExp(`^/evaluations/(${UUID})$`).exec(outcome.location ?? "")?.[1];
  if (!id) throw new Error(`unexpected redirect ${outcome.location}`);
  return id;
}

export async function evaluationRow(id: string): Promise<PartnerEvaluation> {
  const [row] = await testDb().select().from(partnerEvaluations).where(eq(partnerEvaluations.id, id));
  if (!row) throw new Error(`evaluation ${id} not stored`);
  return row;
}

export async function questionnaireOf(evaluationId: string): Promise<Questionnaire> {
  const evaluation = await evaluationRow(evaluationId);
  if (!evaluation.questionnaireId) throw new Error("an exemption has no questionnaire");
  const [row] = await testDb().select().from(questionnaires).where(eq(questionnaires.id, evaluation.questionnaireId));
  if (!row) throw new Error("questionnaire missing");
  return row;
}

export function postEvaluation(cookie: string, evaluationId: string, fields: Fields | FormData) {
  return callAction(evaluationRoute, `/evaluations/${evaluationId}`, fields, { cookie, params: { evaluationId } });
}

export function evaluationPage<T = EvaluationPageData>(cookie: string, evaluationId: string) {
  return callLoader<T>(evaluationRoute, `/evaluations/${evaluationId}`, { cookie, params: { evaluationId } });
}

export interface EvaluationPageData {
  reference: string;
  evaluation: {
    id: string;
    status: string;
    kind: string;
    answers: Record<string, { option: string; comment?: string }>;
    partnerAnswers: Record<string, { option: string }> | null;
    score: number | null;
    tier: string | null;
    decision: string | null;
  };
  links: { id: string; state: string; locale: string; sentTo: string | null }[];
  documents: { id: string; questionKey: string | null; source: string; name: string }[];
  actions: { id: string; reference: string; title: string; status: string; dueOn: string }[];
  can: { edit: boolean; link: boolean; reopen: boolean; decide: boolean; decideRole: boolean; isPreparer: boolean };
}

/** The best option of a question: the highest score, never a critical one. */
export function bestOption(q: Question): string {
  const options = q.options.filter((o) => !o.critical && o.score !== null);
  const best = options.reduce((a, b) => ((b.score ?? 0) > (a.score ?? 0) ? b : a));
  return best.key;
}

/** "partly" where a question has it, else its best option. */
export function partlyOption(q: Question): string {
  return q.options.some((o) => o.key === "partly") ? "partly" : bestOption(q);
}

/** The question's critical option (a smuggling record, a refusal to be audited). */
export function criticalOption(q: Question): string {
  const option = q.options.find((o) => o.critical);
  if (!option) throw new Error(`question ${q.key} has no critical option`);
  return option.key;
}

export type Chooser = (q: Question) => string | undefined;

/** answer_<key> fields for every question (choose → undefined leaves a question unanswered). */
export function answerFields(questionnaire: Pick<Questionnaire, "questions">, choose: Chooser = bestOption): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const q of questionnaire.questions) {
    const option = choose(q);
    if (option !== undefined) fields[`answer_${q.key}`] = option;
  }
  return fields;
}

/** Answers as the evaluation stores them, from answer_<key> fields. */
export function storedAnswers(fields: Record<string, string>): Record<string, { option: string }> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([k]) => k.startsWith("answer_"))
      .map(([k, v]) => [k.slice("answer_".length), { option: v }]),
  );
}

/**
 * The score the answers should get, worked out here on its own: Σ weight × score / Σ weight × 100
 * over the scored answers, one decimal.
 */
export function expectedScore(questionnaire: Pick<Questionnaire, "questions">, fields: Record<string, string>): number {
  let earned = 0;
  let possible = 0;
  for (const q of questionnaire.questions) {
    const option = q.options.find((o) => o.key === fields[`answer_${q.key}`]);
    if (!option || option.score === null) continue;
    earned += q.weight * option.score;
    possible += q.weight * 100;
  }
  return Math.round((earned / possible) * 1000) / 10;
}

/** Answers every question (best options unless `choose` says otherwise) and marks it ready for a decision. */
export async function prepareEvaluation(
  cookie: string,
  evaluationId: string,
  choose: Chooser = bestOption,
): Promise<Record<string, string>> {
  const fields = answerFields(await questionnaireOf(evaluationId), choose);
  const outcome = await postEvaluation(cookie, evaluationId, { intent: "prepare", ...fields });
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  expect(outcome.location).toBe(`/evaluations/${evaluationId}?prepared=1`);
  return fields;
}

/** Starts and prepares an evaluation of the partner; returns its id. */
export async function preparedEvaluation(cookie: string, partnerId: string, options: { role?: string; choose?: Chooser } = {}) {
  const id = await startEvaluation(cookie, partnerId, options.role ?? "carrier");
  const fields = await prepareEvaluation(cookie, id, options.choose);
  return { id, fields };
}

export function decide(cookie: string, evaluationId: string, fields: Fields) {
  return postEvaluation(cookie, evaluationId, { intent: "decide", ...fields });
}

export async function decideOk(cookie: string, evaluationId: string, fields: Fields = { decision: "approved" }): Promise<void> {
  const outcome = await decide(cookie, evaluationId, fields);
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  expect(outcome.location).toBe(`/evaluations/${evaluationId}?decided=1`);
}

// ---------------------------------------------------------------------------------------------
// Questionnaire links

/** Creates a link on the evaluation page; returns the token (the part after /q/) and the address shown once. */
export async function createLink(
  cookie: string,
  evaluationId: string,
  options: { locale?: "zh-CN" | "en"; days?: number; email?: string } = {},
): Promise<{ token: string; url: string; link: QuestionnaireLink }> {
  const outcome = await postEvaluation(cookie, evaluationId, {
    intent: "link",
    locale: options.locale ?? "en",
    days: options.days ?? 14,
    email: options.email,
  });
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(200);
  const url = (outcome.data as { link: string | null }).link ?? "";
  const token = /^http:\/\/localhost:3000\/q\/([A-Za-z0-9_-]{20,})$/.exec(url)?.[1];
  if (!token) throw new Error(`no link in ${JSON.stringify(outcome.data)}`);
  const [link] = await testDb()
    .select()
    .from(questionnaireLinks)
    .where(eq(questionnaireLinks.tokenHash, sha256Hex(token)));
  if (!link) throw new Error("link not stored under the token's hash");
  return { token, url, link };
}

export interface QuestionnairePageData {
  state: string;
  organization: { nameZh: string; nameEn: string };
  partner: { nameZh: string; nameEn: string };
  questionnaire: { titleZh: string; titleEn: string; questions: Record<string, unknown>[] };
  answers: Record<string, { option: string; comment?: string }>;
  /** What the partner uploaded through its links, kept for when it comes back. */
  documents: { id: string; questionKey: string | null; name: string; sizeBytes: number }[];
  savedAt: Date | null;
}

/** The public page behind a link, without an account. */
export function openLink<T = QuestionnairePageData>(token: string, query = "?lng=en") {
  return callLoader<T>(questionnaireRoute, `/q/${encodeURIComponent(token)}${query}`, { params: { token } });
}

/** A post to the public page: answers (answer_<key>), comments, files (file_<key>, file_general), intent save or submit. */
export function postLink(token: string, fields: Fields | FormData): Promise<Outcome> {
  return callAction(questionnaireRoute, `/q/${encodeURIComponent(token)}?lng=en`, fields, { params: { token } });
}

export async function linkRow(id: string): Promise<QuestionnaireLink> {
  const [row] = await testDb().select().from(questionnaireLinks).where(eq(questionnaireLinks.id, id));
  if (!row) throw new Error("link missing");
  return row;
}

// ---------------------------------------------------------------------------------------------
// Contracts and clauses

export async function builtInClauses(): Promise<Clause[]> {
  return testDb().select().from(clauses).where(isNull(clauses.organizationId)).orderBy(asc(clauses.code));
}

export async function builtInClause(code: string): Promise<Clause> {
  const [row] = await testDb()
    .select()
    .from(clauses)
    .where(and(isNull(clauses.organizationId), eq(clauses.code, code)));
  if (!row) throw new Error(`no built-in clause ${code}`);
  return row;
}

export function contractFields(clauseIds: string[], overrides: Fields = {}): Fields {
  const suffix = uniqueSuffix();
  return {
    intent: "contract",
    contractNumber: `HT-${suffix}`,
    title: `运输安全协议 ${suffix}`,
    startsOn: shiftDays(today(), -30),
    clauseIds,
    ...overrides,
  };
}

/** Creates a contract from the partner page; returns its row. */
export async function createContract(cookie: string, partnerId: string, clauseIds: string[], overrides: Fields = {}): Promise<Contract> {
  const outcome = await postPartner(cookie, partnerId, contractFields(clauseIds, overrides));
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const id = new RegExp(`^/contracts/(${UUID})\\?created=1$`).exec(outcome.location ?? "")?.[1];
  if (!id) throw new Error(`unexpected redirect ${outcome.location}`);
  return contractRow(id);
}

export async function contractRow(id: string): Promise<Contract> {
  const [row] = await testDb().select().from(contracts).where(eq(contracts.id, id));
  if (!row) throw new Error("contract missing");
  return row;
}

export function postContract(cookie: string, contractId: string, fields: Fields) {
  return callAction(contractRoute, `/contracts/${contractId}`, fields, { cookie, params: { contractId } });
}

export function contractPage<T = ContractPageData>(cookie: string, contractId: string) {
  return callLoader<T>(contractRoute, `/contracts/${contractId}`, { cookie, params: { contractId } });
}

export interface ContractPageData {
  contract: { acknowledgedOn: string | null; acknowledgedBy: string | null; acknowledgementFile: { name: string } | null };
  clauses: { id: string; code: string; version: number; own: boolean; textZh: string; textEn: string }[];
  missingRequired: string[];
}

/** Acknowledges a contract with a signed copy. */
export async function acknowledge(cookie: string, contractId: string, file: File, acknowledgedOn = today()): Promise<void> {
  const outcome = await postContract(cookie, contractId, { intent: "acknowledge", acknowledgedOn, acknowledgedBy: "李经理", file });
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
}

// ---------------------------------------------------------------------------------------------
// Evidence

/** "framework/key" of every criterion a record is linked to as evidence, sorted. */
export async function evidenceOf(recordType: string, recordId: string): Promise<string[]> {
  const rows = await testDb()
    .select({ framework: frameworks.code, key: criteria.key })
    .from(evidenceLinks)
    .innerJoin(criteria, eq(criteria.id, evidenceLinks.criterionId))
    .innerJoin(frameworks, eq(frameworks.id, criteria.frameworkId))
    .where(and(eq(evidenceLinks.recordType, recordType), eq(evidenceLinks.recordId, recordId)));
  return rows.map((r) => `${r.framework}/${r.key}`).sort();
}

/** Row counts of everything the partner pages may write, for one organisation. */
export async function footprint(orgId: string) {
  const tables = [
    "partners",
    "partner_contacts",
    "partner_sites",
    "partner_evaluations",
    "questionnaire_links",
    "partner_documents",
    "supervision_checks",
    "contracts",
    "contract_clauses",
    "partner_policies",
    "clauses",
    "corrective_actions",
    "evidence_links",
    "evidence_files",
    "outbox_emails",
    "audit_events",
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await countRows(table, sql`organization_id = ${orgId}`);
  return counts;
}

export function listPartners<T = ListData>(cookie: string, search = "") {
  return callLoader<T>(partnersRoute, `/partners${search}`, { cookie });
}

export type ListData = {
  total: number;
  canManage: boolean;
  partners: {
    id: string;
    reference: string;
    status: string;
    riskTier: string | null;
    nextEvaluationOn: string | null;
    missingClauses: number;
  }[];
};

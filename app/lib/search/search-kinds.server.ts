// One query per kind of record the search finds, each scoped by organisation and bounded by
// `limit` rows. A kind returns nothing (and sends no statement) when the text cannot name one of
// its records: a Chinese name is no container number, and corrective actions and dossiers are
// found by their reference only.
//
// The indexes (migration 0013_search): names by trigram (GIN, gin_trgm_ops), which also serves
// ILIKE '%x%' from three characters on. A two-character word ("苏州", "张伟") cannot use a trigram
// index: in the visitor log, which grows by the year, it uses the index of adjacent character pairs
// (search_bigrams); partners and employees, a few thousand rows, match it on the organisation's
// rows (a millisecond or two at a year's volume, scripts/bench/search.ts). Identifiers
// by their first characters through btree indexes with text_pattern_ops, (organization_id, column),
// which answer LIKE 'MSKU12%' under any collation. References by the (organization_id, number)
// unique indexes every register has.
import { and, asc, desc, eq, ilike, like, ne, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../db-types.server";
import { correctiveActions, dossiers, employees, inspections, partners, seals, visitorEntries } from "../../../db/schema";
import { likeLiteral, type SearchQuery, type SearchReferenceKind } from "./search-query";

type Query = Extract<SearchQuery, { ok: true }>;
type Column = Parameters<typeof ilike>[0];

function referenceNumber(query: Query, kind: SearchReferenceKind): number | null {
  return query.references.find((reference) => reference.kind === kind)?.number ?? null;
}

/** Every word occurs in one of the columns (any case). */
function wordsIn(query: Query, columns: Column[]): SQL | undefined {
  if (query.words.length === 0) return undefined;
  return and(...query.words.map((word) => or(...columns.map((column) => ilike(column, `%${likeLiteral(word)}%`)))));
}

const startsWith = (column: Column, prefix: string) => like(column, `${likeLiteral(prefix)}%`);
const anyOf = (conditions: (SQL | undefined | null | false)[]): SQL | undefined => {
  const present = conditions.filter((condition): condition is SQL => Boolean(condition));
  return present.length === 0 ? undefined : or(...present);
};

export async function findPartners(db: Executor, orgId: string, query: Query, limit: number) {
  const number = referenceNumber(query, "partner");
  const match = anyOf([
    wordsIn(query, [partners.legalNameZh, partners.legalNameEn]),
    query.usccPrefix !== null && startsWith(partners.uscc, query.usccPrefix),
    number !== null && eq(partners.number, number),
  ]);
  if (!match) return [];
  const first = likeLiteral(query.words[0] ?? "");
  return db
    .select({
      id: partners.id,
      number: partners.number,
      legalNameZh: partners.legalNameZh,
      legalNameEn: partners.legalNameEn,
      uscc: partners.uscc,
      status: partners.status,
    })
    .from(partners)
    .where(and(eq(partners.organizationId, orgId), match))
    // A name that begins with the text before one that merely contains it.
    .orderBy(sql`case when ${partners.legalNameZh} ilike ${`${first}%`} or ${partners.legalNameEn} ilike ${`${first}%`} then 0 else 1 end`, asc(partners.number))
    .limit(limit);
}

export async function findInspections(db: Executor, orgId: string, query: Query, limit: number) {
  const number = referenceNumber(query, "inspection");
  const match = anyOf([query.containerPrefix !== null && startsWith(inspections.containerNumber, query.containerPrefix), number !== null && eq(inspections.number, number)]);
  if (!match) return [];
  return db
    .select({
      id: inspections.id,
      number: inspections.number,
      containerNumber: inspections.containerNumber,
      occurredAt: inspections.occurredAt,
      result: inspections.result,
    })
    .from(inspections)
    // A draft is its author's until submitted; the lists do not show it either.
    .where(and(eq(inspections.organizationId, orgId), ne(inspections.status, "draft"), match))
    .orderBy(desc(inspections.occurredAt), desc(inspections.number))
    .limit(limit);
}

export async function findSeals(db: Executor, orgId: string, query: Query, limit: number) {
  const match = anyOf([
    query.sealPrefix !== null && startsWith(seals.number, query.sealPrefix),
    query.containerPrefix !== null && startsWith(seals.target, query.containerPrefix),
  ]);
  if (!match) return [];
  return db
    .select({ id: seals.id, number: seals.number, status: seals.status, target: seals.target, appliedAt: seals.appliedAt })
    .from(seals)
    .where(and(eq(seals.organizationId, orgId), match))
    .orderBy(asc(seals.number))
    .limit(limit);
}

/**
 * The visitor log grows by tens of thousands a year, so a two-character word ("张伟", "物流"), which
 * no trigram index serves, goes through the pairs of adjacent characters (search_bigrams, migration
 * 0011): the same expression as the index, so the planner can use it.
 */
function visitorWords(query: Query): SQL | undefined {
  if (query.words.length === 0) return undefined;
  const bigrams = sql`search_bigrams(${visitorEntries.visitorName} || ' ' || ${visitorEntries.company})`;
  return and(
    ...query.words.map((word) => {
      const contains = or(ilike(visitorEntries.visitorName, `%${likeLiteral(word)}%`), ilike(visitorEntries.company, `%${likeLiteral(word)}%`));
      return Array.from(word).length === 2 ? and(sql`${bigrams} @> array[${word.toLowerCase()}]::text[]`, contains) : contains;
    }),
  );
}

export async function findVisitors(db: Executor, orgId: string, query: Query, limit: number) {
  const number = referenceNumber(query, "visitor");
  const match = anyOf([visitorWords(query), number !== null && eq(visitorEntries.number, number)]);
  if (!match) return [];
  return db
    .select({
      id: visitorEntries.id,
      number: visitorEntries.number,
      visitorName: visitorEntries.visitorName,
      company: visitorEntries.company,
      signedInAt: visitorEntries.signedInAt,
    })
    .from(visitorEntries)
    .where(and(eq(visitorEntries.organizationId, orgId), match))
    .orderBy(desc(visitorEntries.signedInAt))
    .limit(limit);
}

/** Only the masked identity number leaves this function: the search is a list, never the record. */
export async function findEmployees(db: Executor, orgId: string, query: Query, limit: number) {
  const number = referenceNumber(query, "employee");
  const match = anyOf([wordsIn(query, [employees.name]), number !== null && eq(employees.number, number)]);
  if (!match) return [];
  return db
    .select({
      id: employees.id,
      number: employees.number,
      name: employees.name,
      position: employees.position,
      idNumberMasked: employees.idNumberMasked,
      leaveDate: employees.leaveDate,
    })
    .from(employees)
    .where(and(eq(employees.organizationId, orgId), match))
    .orderBy(asc(employees.name), asc(employees.number))
    .limit(limit);
}

export async function findActions(db: Executor, orgId: string, query: Query, limit: number) {
  const number = referenceNumber(query, "correctiveAction");
  if (number === null) return [];
  return db
    .select({ id: correctiveActions.id, number: correctiveActions.number, title: correctiveActions.title, status: correctiveActions.status, dueOn: correctiveActions.dueOn })
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, orgId), eq(correctiveActions.number, number)))
    .limit(limit);
}

export async function findDossiers(db: Executor, orgId: string, query: Query, limit: number) {
  const number = referenceNumber(query, "dossier");
  if (number === null) return [];
  return db
    .select({ id: dossiers.id, number: dossiers.number, periodFrom: dossiers.periodFrom, periodTo: dossiers.periodTo, status: dossiers.status })
    .from(dossiers)
    .where(and(eq(dossiers.organizationId, orgId), eq(dossiers.number, number)))
    .limit(limit);
}

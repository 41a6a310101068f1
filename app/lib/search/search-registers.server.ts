// The Step-12 registers in the search (decision 0051), one bounded query per kind, each scoped by
// organisation like the kinds of search-kinds.server.ts:
//   - incidents by reference (INC-0007) and by words of what was found and where (description,
//     location: trigram indexes);
//   - cargo reconciliations by reference (REC-00012), by the first characters of the container
//     number (prefix index) and by a piece of a document number (B/L, packing list, invoices: one
//     trigram index on the three together, since a field may list several numbers);
//   - customs contacts by reference (CC-0003) and by words of the subject (trigram index);
//   - internal audits (IA-0001) and risk assessments (RA-0002) by reference;
//   - business continuity plans by reference (BCP-0001) and by words of the title: an organisation
//     keeps a handful of plans, so the words go through its rows without an index of their own.
// The indexes are migration 0024_search_registers. A two-character word goes through the
// organisation's rows of a register that grows by hundreds a year, as for partners.
import { and, asc, desc, eq, ilike, like, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../db-types.server";
import { cargoReconciliations, continuityPlans, customsContacts, incidents, internalAudits, riskAssessments } from "../../../db/schema";
import { likeLiteral, type SearchQuery, type SearchReferenceKind } from "./search-query";

type Query = Extract<SearchQuery, { ok: true }>;
type Column = Parameters<typeof ilike>[0];

const referenceNumber = (query: Query, kind: SearchReferenceKind): number | null => query.references.find((reference) => reference.kind === kind)?.number ?? null;

function wordsIn(query: Query, columns: Column[]): SQL | undefined {
  if (query.words.length === 0) return undefined;
  return and(...query.words.map((word) => or(...columns.map((column) => ilike(column, `%${likeLiteral(word)}%`)))));
}

const anyOf = (conditions: (SQL | undefined | null | false)[]): SQL | undefined => {
  const present = conditions.filter((condition): condition is SQL => Boolean(condition));
  return present.length === 0 ? undefined : or(...present);
};

/** The expression of the index cargo_reconciliations_documents_trgm (the same text, so the planner uses it). */
export const cargoDocuments = sql<string>`(${cargoReconciliations.billOfLading} || ' ' || ${cargoReconciliations.packingList} || ' ' || ${cargoReconciliations.invoiceNumbers})`;

export async function findIncidents(db: Executor, orgId: string, query: Query, limit: number) {
  const number = referenceNumber(query, "incident");
  const match = anyOf([wordsIn(query, [incidents.description, incidents.location]), number !== null && eq(incidents.number, number)]);
  if (!match) return [];
  return db
    .select({
      id: incidents.id,
      number: incidents.number,
      kind: incidents.kind,
      description: incidents.description,
      location: incidents.location,
      status: incidents.status,
      discoveredAt: incidents.discoveredAt,
    })
    .from(incidents)
    .where(and(eq(incidents.organizationId, orgId), match))
    .orderBy(desc(incidents.discoveredAt), desc(incidents.number))
    .limit(limit);
}

export async function findCargoReconciliations(db: Executor, orgId: string, query: Query, limit: number) {
  const number = referenceNumber(query, "cargoReconciliation");
  const match = anyOf([
    query.containerPrefix !== null && like(cargoReconciliations.containerNumber, `${likeLiteral(query.containerPrefix)}%`),
    query.documentFragment !== null && sql`${cargoDocuments} ilike ${`%${likeLiteral(query.documentFragment)}%`}`,
    number !== null && eq(cargoReconciliations.number, number),
  ]);
  if (!match) return [];
  return db
    .select({
      id: cargoReconciliations.id,
      number: cargoReconciliations.number,
      direction: cargoReconciliations.direction,
      reconciledOn: cargoReconciliations.reconciledOn,
      containerNumber: cargoReconciliations.containerNumber,
      billOfLading: cargoReconciliations.billOfLading,
      packingList: cargoReconciliations.packingList,
      invoiceNumbers: cargoReconciliations.invoiceNumbers,
      discrepancy: cargoReconciliations.discrepancy,
    })
    .from(cargoReconciliations)
    .where(and(eq(cargoReconciliations.organizationId, orgId), match))
    .orderBy(desc(cargoReconciliations.reconciledOn), desc(cargoReconciliations.number))
    .limit(limit);
}

export async function findCustomsContacts(db: Executor, orgId: string, query: Query, limit: number) {
  const number = referenceNumber(query, "customsContact");
  const match = anyOf([wordsIn(query, [customsContacts.subject]), number !== null && eq(customsContacts.number, number)]);
  if (!match) return [];
  return db
    .select({
      id: customsContacts.id,
      number: customsContacts.number,
      subject: customsContacts.subject,
      customsOffice: customsContacts.customsOffice,
      contactedOn: customsContacts.contactedOn,
    })
    .from(customsContacts)
    .where(and(eq(customsContacts.organizationId, orgId), match))
    .orderBy(desc(customsContacts.contactedOn), desc(customsContacts.number))
    .limit(limit);
}

export async function findInternalAudits(db: Executor, orgId: string, query: Query, limit: number) {
  const number = referenceNumber(query, "internalAudit");
  if (number === null) return [];
  return db
    .select({ id: internalAudits.id, number: internalAudits.number, scope: internalAudits.scope, auditedOn: internalAudits.auditedOn, result: internalAudits.result })
    .from(internalAudits)
    .where(and(eq(internalAudits.organizationId, orgId), eq(internalAudits.number, number)))
    .orderBy(asc(internalAudits.number))
    .limit(limit);
}

export async function findRiskAssessments(db: Executor, orgId: string, query: Query, limit: number) {
  const number = referenceNumber(query, "riskAssessment");
  if (number === null) return [];
  return db
    .select({
      id: riskAssessments.id,
      number: riskAssessments.number,
      subject: riskAssessments.subject,
      assessedOn: riskAssessments.assessedOn,
      status: riskAssessments.status,
    })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.organizationId, orgId), eq(riskAssessments.number, number)))
    .orderBy(asc(riskAssessments.number))
    .limit(limit);
}

export async function findContinuityPlans(db: Executor, orgId: string, query: Query, limit: number) {
  const number = referenceNumber(query, "continuityPlan");
  const match = anyOf([wordsIn(query, [continuityPlans.title]), number !== null && eq(continuityPlans.number, number)]);
  if (!match) return [];
  return db
    .select({
      id: continuityPlans.id,
      number: continuityPlans.number,
      title: continuityPlans.title,
      nextTestOn: continuityPlans.nextTestOn,
      status: continuityPlans.status,
    })
    .from(continuityPlans)
    .where(and(eq(continuityPlans.organizationId, orgId), match))
    .orderBy(asc(continuityPlans.number))
    .limit(limit);
}

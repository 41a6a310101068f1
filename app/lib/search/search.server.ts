// The header's search: one text, every kind of record the member's role may read, within their
// organisation. A kind the role may not read is neither queried nor named on the page (a guard
// never learns that an employee of that name exists). Each hit says which field matched and marks
// the matched characters; each kind shows its first SEARCH_GROUP_SIZE hits and links to its list
// (filtered by the same text) when there are more.
import type { Role } from "../auth/permissions";
import type { Executor } from "../db-types.server";
import { formatReference } from "../references";
import { findActions, findDossiers, findEmployees, findInspections, findPartners, findSeals, findVisitors } from "./search-kinds.server";
import { findCargoReconciliations, findContinuityPlans, findCustomsContacts, findIncidents, findInternalAudits, findRiskAssessments } from "./search-registers.server";
import { highlightPrefix, highlightWords, parseSearchQuery, wordsMatch, type SearchQuery } from "./search-query";
import { SEARCH_GROUP_SIZE, searchableKinds, type SearchGroup, type SearchHit, type SearchKind, type SearchMatch, type SearchResults } from "./search-types";

type Query = Extract<SearchQuery, { ok: true }>;
const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

/** The first of `candidates` whose value matches, as a SearchMatch. */
function firstMatch(query: Query, candidates: { field: SearchMatch["field"]; value: string | null; by: "words" | "prefix" | "reference"; prefix?: string | null }[]): SearchMatch {
  for (const candidate of candidates) {
    const value = candidate.value ?? "";
    if (value === "") continue;
    if (candidate.by === "words" && wordsMatch([value], query.words)) return { field: candidate.field, parts: highlightWords(value, query.words) };
    if (candidate.by === "prefix" && candidate.prefix && value.startsWith(candidate.prefix)) {
      return { field: candidate.field, parts: highlightPrefix(value, candidate.prefix.length) };
    }
    if (candidate.by === "reference") return { field: candidate.field, parts: [{ text: value, match: true }] };
  }
  // Words spread over two fields (a visitor's name and company): each field marks its own words.
  const first = candidates.find((candidate) => candidate.by === "words" && (candidate.value ?? "") !== "");
  return first ? { field: first.field, parts: highlightWords(first.value ?? "", query.words) } : { field: "reference", parts: [] };
}

const referenced = (query: Query, kind: Query["references"][number]["kind"], number: number) =>
  query.references.some((reference) => reference.kind === kind && reference.number === number);

async function searchKind(db: Executor, orgId: string, kind: SearchKind, query: Query, limit: number): Promise<SearchHit[]> {
  switch (kind) {
    case "partner":
      return (await findPartners(db, orgId, query, limit)).map((row) => {
        const reference = formatReference("partner", row.number);
        return {
          kind,
          id: row.id,
          href: `/partners/${row.id}`,
          reference,
          legalNameZh: row.legalNameZh,
          legalNameEn: row.legalNameEn,
          uscc: row.uscc,
          match: referenced(query, "partner", row.number)
            ? { field: "reference", parts: [{ text: reference, match: true }] }
            : firstMatch(query, [
                { field: "legalNameZh", value: row.legalNameZh, by: "words" },
                { field: "legalNameEn", value: row.legalNameEn, by: "words" },
                { field: "uscc", value: row.uscc, by: "prefix", prefix: query.usccPrefix },
              ]),
        };
      });
    case "inspection":
      // A submitted inspection always has its number and time; only a draft lacks them.
      return (await findInspections(db, orgId, query, limit)).flatMap((row) => {
        if (row.number === null || row.occurredAt === null) return [];
        const reference = formatReference("inspection", row.number);
        return {
          kind,
          id: row.id,
          href: `/inspections/${row.id}`,
          reference,
          containerNumber: row.containerNumber,
          occurredAt: iso(row.occurredAt),
          result: row.result,
          match: referenced(query, "inspection", row.number)
            ? { field: "reference", parts: [{ text: reference, match: true }] }
            : firstMatch(query, [{ field: "containerNumber", value: row.containerNumber, by: "prefix", prefix: query.containerPrefix }]),
        };
      });
    case "seal":
      return (await findSeals(db, orgId, query, limit)).map((row) => ({
        kind,
        id: row.id,
        href: `/seals/${row.id}`,
        reference: row.number,
        target: row.target,
        appliedAt: row.appliedAt ? iso(row.appliedAt) : null,
        match: firstMatch(query, [
          { field: "sealNumber", value: row.number, by: "prefix", prefix: query.sealPrefix },
          { field: "sealTarget", value: row.target, by: "prefix", prefix: query.containerPrefix },
        ]),
      }));
    case "visitor":
      return (await findVisitors(db, orgId, query, limit)).map((row) => {
        const reference = formatReference("visitor", row.number);
        return {
          kind,
          id: row.id,
          href: `/visitors/${row.id}`,
          reference,
          visitorName: row.visitorName,
          company: row.company,
          signedInAt: iso(row.signedInAt),
          match: referenced(query, "visitor", row.number)
            ? { field: "reference", parts: [{ text: reference, match: true }] }
            : firstMatch(query, [
                { field: "visitorName", value: row.visitorName, by: "words" },
                { field: "company", value: row.company, by: "words" },
              ]),
        };
      });
    case "employee":
      return (await findEmployees(db, orgId, query, limit)).map((row) => {
        const reference = formatReference("employee", row.number);
        return {
          kind,
          id: row.id,
          href: `/personnel/${row.id}`,
          reference,
          name: row.name,
          position: row.position,
          idNumberMasked: row.idNumberMasked,
          left: row.leaveDate !== null,
          match: referenced(query, "employee", row.number)
            ? { field: "reference", parts: [{ text: reference, match: true }] }
            : firstMatch(query, [{ field: "name", value: row.name, by: "words" }]),
        };
      });
    case "action":
      return (await findActions(db, orgId, query, limit)).map((row) => {
        const reference = formatReference("correctiveAction", row.number);
        return { kind, id: row.id, href: `/actions/${row.id}`, reference, title: row.title, dueOn: row.dueOn, match: { field: "reference", parts: [{ text: reference, match: true }] } };
      });
    case "dossier":
      return (await findDossiers(db, orgId, query, limit)).map((row) => {
        const reference = formatReference("dossier", row.number);
        return {
          kind,
          id: row.id,
          href: `/dossiers/${row.id}`,
          reference,
          periodFrom: row.periodFrom,
          periodTo: row.periodTo,
          match: { field: "reference", parts: [{ text: reference, match: true }] },
        };
      });
    default:
      return searchRegister(db, orgId, kind, query, limit);
  }
}

const byReference = (reference: string): SearchMatch => ({ field: "reference", parts: [{ text: reference, match: true }] });

/** A piece of a document number, marked where it occurs (any case). */
function documentMatch(query: Query, documents: string): SearchMatch {
  return { field: "documents", parts: query.documentFragment ? highlightWords(documents, [query.documentFragment]) : [{ text: documents, match: false }] };
}

/** The Step-12 registers (search-registers.server.ts). */
async function searchRegister(db: Executor, orgId: string, kind: SearchKind, query: Query, limit: number): Promise<SearchHit[]> {
  switch (kind) {
    case "incident":
      return (await findIncidents(db, orgId, query, limit)).map((row) => {
        const reference = formatReference("incident", row.number);
        return {
          kind,
          id: row.id,
          href: `/incidents/${row.id}`,
          reference,
          description: row.description,
          status: row.status,
          discoveredAt: iso(row.discoveredAt),
          match: referenced(query, "incident", row.number)
            ? byReference(reference)
            : firstMatch(query, [
                { field: "description", value: row.description, by: "words" },
                { field: "location", value: row.location, by: "words" },
              ]),
        };
      });
    case "cargo":
      return (await findCargoReconciliations(db, orgId, query, limit)).map((row) => {
        const reference = formatReference("cargoReconciliation", row.number);
        const documents = [row.billOfLading, row.packingList, row.invoiceNumbers].filter(Boolean).join(" · ");
        const fragment = query.documentFragment?.toLowerCase();
        return {
          kind,
          id: row.id,
          href: `/cargo/${row.id}`,
          reference,
          containerNumber: row.containerNumber,
          documents,
          direction: row.direction,
          reconciledOn: row.reconciledOn,
          discrepancy: row.discrepancy,
          match: referenced(query, "cargoReconciliation", row.number)
            ? byReference(reference)
            : query.containerPrefix && row.containerNumber.startsWith(query.containerPrefix)
              ? { field: "containerNumber", parts: highlightPrefix(row.containerNumber, query.containerPrefix.length) }
              : fragment && documents.toLowerCase().includes(fragment)
                ? documentMatch(query, documents)
                : { field: "documents", parts: [{ text: documents, match: false }] },
        };
      });
    case "customsContact":
      return (await findCustomsContacts(db, orgId, query, limit)).map((row) => {
        const reference = formatReference("customsContact", row.number);
        return {
          kind,
          id: row.id,
          href: `/customs-contacts/${row.id}`,
          reference,
          subject: row.subject,
          customsOffice: row.customsOffice,
          contactedOn: row.contactedOn,
          match: referenced(query, "customsContact", row.number) ? byReference(reference) : firstMatch(query, [{ field: "subject", value: row.subject, by: "words" }]),
        };
      });
    case "internalAudit":
      return (await findInternalAudits(db, orgId, query, limit)).map((row) => {
        const reference = formatReference("internalAudit", row.number);
        return { kind, id: row.id, href: `/internal-audits/${row.id}`, reference, scope: row.scope, auditedOn: row.auditedOn, match: byReference(reference) };
      });
    case "riskAssessment":
      return (await findRiskAssessments(db, orgId, query, limit)).map((row) => {
        const reference = formatReference("riskAssessment", row.number);
        return {
          kind,
          id: row.id,
          href: `/risk-assessments/${row.id}`,
          reference,
          subject: row.subject,
          assessedOn: row.assessedOn,
          status: row.status,
          match: byReference(reference),
        };
      });
    case "continuityPlan":
      return (await findContinuityPlans(db, orgId, query, limit)).map((row) => {
        const reference = formatReference("continuityPlan", row.number);
        return {
          kind,
          id: row.id,
          href: `/continuity/${row.id}`,
          reference,
          title: row.title,
          nextTestOn: row.nextTestOn,
          status: row.status,
          match: referenced(query, "continuityPlan", row.number) ? byReference(reference) : firstMatch(query, [{ field: "title", value: row.title, by: "words" }]),
        };
      });
    default:
      return [];
  }
}

/** The list of a kind filtered by the same text, for "more"; null for the kinds found by reference only. */
function listHref(kind: SearchKind, query: Query): string | null {
  const q = encodeURIComponent(query.text);
  switch (kind) {
    case "partner":
      return `/partners?q=${q}`;
    case "inspection":
      return query.containerPrefix ? `/inspections?container=${encodeURIComponent(query.containerPrefix)}` : null;
    case "seal":
      return `/seals?q=${encodeURIComponent(query.sealPrefix ?? query.containerPrefix ?? query.text)}`;
    case "visitor":
      return `/visitors?q=${q}`;
    case "employee":
      return `/personnel?q=${q}`;
    case "cargo":
      // The register's own filter: part of a document, container or seal number.
      return `/cargo?q=${encodeURIComponent(query.containerPrefix ?? query.documentFragment ?? query.text)}`;
    default:
      return null;
  }
}

/**
 * Searches `text` in the organisation's records of every kind `role` may read. A text that is
 * empty, too short or too long searches nothing (`query.ok` is false and says why).
 */
export async function searchRecords(db: Executor, orgId: string, role: Role, text: string | null | undefined): Promise<SearchResults> {
  const query = parseSearchQuery(text);
  const searched = searchableKinds(role);
  if (!query.ok) return { query, searched, groups: [] };
  // One more than shown tells whether there are more. PostgreSQL runs the kinds side by side on the
  // pool's connections; PGlite, one connection, in turn.
  const found = await Promise.all(searched.map((kind) => searchKind(db, orgId, kind, query, SEARCH_GROUP_SIZE + 1)));
  const groups = searched
    .map((kind, index): SearchGroup => {
      const hits = found[index] ?? [];
      return { kind, hits: hits.slice(0, SEARCH_GROUP_SIZE), moreHref: hits.length > SEARCH_GROUP_SIZE ? listHref(kind, query) : null };
    })
    .filter((group) => group.hits.length > 0);
  return { query, searched, groups };
}

import { addDays, format, parseISO } from "date-fns";
import { and, asc, count, eq, ilike, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import {
  clauses,
  contractClauses,
  contracts,
  partnerContacts,
  partnerDocuments,
  partnerEvaluations,
  partnerPolicies,
  partners,
  partnerSites,
  type Partner,
  type PartnerEvaluation,
} from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { LIST_COUNT_LIMIT, listTotal } from "../db.server";
import type { Database, Executor } from "../db-types.server";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { refused, type FieldErrors } from "../form.server";
import { message } from "../i18n/messages";
import { nextRunningNumber } from "../organizations/running-number.server";
import type { Actor } from "../auth/actor";
import { DEFAULT_TIER_POLICY, type TierPolicy } from "./partner-scoring";
import type { PartnerValues } from "./partner-schema";
import type { PartnerRole } from "./partner-values";

// The partner registry: who the partners are, how to find them, the organisation's rules for them
// and what is due. Evaluations, links, supervision and contracts have modules of their own.

/** The columns a partner's form values fill; the import writes the same. */
export function columnsOf(values: PartnerValues) {
  return {
    legalNameZh: values.legalNameZh ?? "",
    legalNameEn: values.legalNameEn ?? "",
    countryCode: values.countryCode,
    uscc: values.uscc ?? null,
    foreignRegistrationNumber: values.foreignRegistrationNumber ?? null,
    roles: values.roles,
    customsCredit: values.customsCredit,
    aeoProgramme: values.aeoProgramme,
    aeoProgrammeName: values.aeoProgrammeName ?? null,
    aeoCertificateNumber: values.aeoCertificateNumber ?? null,
    aeoValidUntil: values.aeoValidUntil ?? null,
    annualVolumeCny: values.annualVolumeCny ?? null,
    notes: values.notes ?? "",
  };
}

async function usccTaken(db: Executor, orgId: string, uscc: string | undefined, exceptId?: string) {
  if (!uscc) return false;
  const [row] = await db
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.organizationId, orgId), eq(partners.uscc, uscc)));
  return row !== undefined && row.id !== exceptId;
}

export async function createPartner(
  db: Database,
  actor: Actor,
  values: PartnerValues,
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
  if (await usccTaken(db, actor.organizationId, values.uscc)) return refused({ uscc: message("partners.usccTaken") });
  return db.transaction(async (tx) => {
    const number = await nextRunningNumber(tx, actor.organizationId, partners);
    const [row] = await tx
      .insert(partners)
      .values({ organizationId: actor.organizationId, number, ...columnsOf(values), createdByUserId: actor.userId })
      .returning();
    if (!row) throw new Error("createPartner: insert returned nothing");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "partner",
      entityId: row.id,
      after: row,
    });
    return { ok: true as const, id: row.id };
  });
}

export async function updatePartner(db: Database, actor: Actor, partnerId: string, values: PartnerValues) {
  if (await usccTaken(db, actor.organizationId, values.uscc, partnerId)) return refused({ uscc: message("partners.usccTaken") });
  return db.transaction(async (tx) => {
    const where = and(eq(partners.organizationId, actor.organizationId), eq(partners.id, partnerId));
    const [before] = await tx.select().from(partners).where(where).for("update");
    if (!before) return null;
    const [after] = await tx
      .update(partners)
      .set({ ...columnsOf(values), updatedAt: new Date() })
      .where(where)
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "partner",
      entityId: partnerId,
      before,
      after,
    });
    return { ok: true as const };
  });
}

/** Files the partner's AEO certificate (and lists it among the partner's documents). */
export async function attachAeoCertificate(db: Database, actor: Actor, partnerId: string, file: CheckedUpload) {
  return db.transaction(async (tx) => {
    const where = and(eq(partners.organizationId, actor.organizationId), eq(partners.id, partnerId));
    const [before] = await tx.select().from(partners).where(where).for("update");
    if (!before) return null;
    const stored = await storeFile(tx, actor, file);
    await tx
      .insert(partnerDocuments)
      .values({ organizationId: actor.organizationId, partnerId, fileId: stored.id, uploadedByUserId: actor.userId });
    const [after] = await tx.update(partners).set({ aeoCertificateFileId: stored.id, updatedAt: new Date() }).where(where).returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "partner",
      entityId: partnerId,
      before,
      after,
    });
    return { ok: true as const };
  });
}

export async function getPartner(db: Executor, orgId: string, partnerId: string): Promise<Partner | null> {
  const [row] = await db
    .select()
    .from(partners)
    .where(and(eq(partners.organizationId, orgId), eq(partners.id, partnerId)));
  return row ?? null;
}

export interface PartnerFilter {
  q?: string;
  role?: PartnerRole;
  tier?: "low" | "medium" | "high" | "none";
  country?: string;
  status?: Partner["status"];
  /** Re-evaluation due by this day (overdue included). */
  dueBy?: string;
}

export const PARTNERS_PAGE_SIZE = 50;

function filterWhere(orgId: string, filter: PartnerFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(partners.organizationId, orgId)];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(partners.legalNameZh, pattern),
        ilike(partners.legalNameEn, pattern),
        ilike(partners.uscc, pattern),
        ilike(partners.foreignRegistrationNumber, pattern),
        ilike(partners.aeoCertificateNumber, pattern),
      ),
    );
  }
  if (filter.role) conditions.push(sql`${filter.role} = any(${partners.roles})`);
  if (filter.tier === "none") conditions.push(isNull(partners.riskTier));
  else if (filter.tier) conditions.push(eq(partners.riskTier, filter.tier));
  if (filter.country) conditions.push(eq(partners.countryCode, filter.country));
  if (filter.status) conditions.push(eq(partners.status, filter.status));
  // A rejected partner is not due for anything: it is out until someone starts a new evaluation.
  if (filter.dueBy) {
    conditions.push(
      or(lte(partners.nextEvaluationOn, filter.dueBy), isNull(partners.nextEvaluationOn)),
      sql`${partners.status} <> 'rejected'`,
    );
  }
  return and(...conditions);
}

/** Partners, by name; `limit` null for all (the exports). */
export async function listPartners(
  db: Database,
  orgId: string,
  filter: PartnerFilter,
  page: { limit: number | null; offset: number } = { limit: PARTNERS_PAGE_SIZE, offset: 0 },
) {
  const where = filterWhere(orgId, filter);
  const query = db.select().from(partners).where(where).orderBy(asc(partners.legalNameEn), asc(partners.legalNameZh), asc(partners.number));
  const [rows, [total]] = await Promise.all([
    page.limit === null ? query : query.limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(partners).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function listContacts(db: Executor, orgId: string, partnerId: string) {
  return db
    .select()
    .from(partnerContacts)
    .where(and(eq(partnerContacts.organizationId, orgId), eq(partnerContacts.partnerId, partnerId)))
    .orderBy(asc(partnerContacts.createdAt));
}

export async function listPartnerSites(db: Executor, orgId: string, partnerId: string) {
  return db
    .select()
    .from(partnerSites)
    .where(and(eq(partnerSites.organizationId, orgId), eq(partnerSites.partnerId, partnerId)))
    .orderBy(asc(partnerSites.createdAt));
}

export async function addContact(
  db: Database,
  actor: Actor,
  partnerId: string,
  values: { name: string; position?: string; email?: string; phone?: string },
) {
  return db.transaction(async (tx) => {
    if (!(await getPartner(tx, actor.organizationId, partnerId))) return null;
    const [row] = await tx
      .insert(partnerContacts)
      .values({
        organizationId: actor.organizationId,
        partnerId,
        name: values.name,
        position: values.position ?? "",
        email: values.email ?? null,
        phone: values.phone ?? null,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "partner_contact",
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

export async function addPartnerSite(
  db: Database,
  actor: Actor,
  partnerId: string,
  values: { name: string; address: string; countryCode: string },
) {
  return db.transaction(async (tx) => {
    if (!(await getPartner(tx, actor.organizationId, partnerId))) return null;
    const [row] = await tx
      .insert(partnerSites)
      .values({ organizationId: actor.organizationId, partnerId, ...values })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "partner_site",
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

/** Removes a contact or a site of the partner. False when there is no such one. */
export async function removePartnerDetail(
  db: Database,
  actor: Actor,
  partnerId: string,
  kind: "contact" | "site",
  id: string,
): Promise<boolean> {
  const table = kind === "contact" ? partnerContacts : partnerSites;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .delete(table)
      .where(and(eq(table.organizationId, actor.organizationId), eq(table.partnerId, partnerId), eq(table.id, id)))
      .returning();
    if (!before) return false;
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "delete",
      entityType: kind === "contact" ? "partner_contact" : "partner_site",
      entityId: id,
      before,
    });
    return true;
  });
}

export interface PartnerPolicyView extends TierPolicy {
  requiredClauseCodes: string[];
  /** True when the organisation kept the library's required-by-default clauses. */
  defaultClauses: boolean;
}

/** The organisation's partner rules, the defaults where it set none. */
export async function getPartnerPolicy(db: Executor, orgId: string): Promise<PartnerPolicyView> {
  const [row] = await db.select().from(partnerPolicies).where(eq(partnerPolicies.organizationId, orgId));
  const defaults = await db
    .select({ code: clauses.code })
    .from(clauses)
    .where(and(isNull(clauses.organizationId), eq(clauses.requiredByDefault, true)));
  const defaultCodes = [...new Set(defaults.map((d) => d.code))].sort();
  return {
    lowTierMinScore: row?.lowTierMinScore ?? DEFAULT_TIER_POLICY.lowTierMinScore,
    mediumTierMinScore: row?.mediumTierMinScore ?? DEFAULT_TIER_POLICY.mediumTierMinScore,
    highTierMonths: row?.highTierMonths ?? DEFAULT_TIER_POLICY.highTierMonths,
    mediumTierMonths: row?.mediumTierMonths ?? DEFAULT_TIER_POLICY.mediumTierMonths,
    lowTierMonths: row?.lowTierMonths ?? DEFAULT_TIER_POLICY.lowTierMonths,
    requiredClauseCodes: row?.requiredClauseCodes ?? defaultCodes,
    defaultClauses: !row?.requiredClauseCodes,
  };
}

export async function savePartnerPolicy(db: Database, actor: Actor, values: TierPolicy & { requiredClauseCodes: string[] }) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(partnerPolicies).where(eq(partnerPolicies.organizationId, actor.organizationId)).for("update");
    const set = { ...values, updatedByUserId: actor.userId, updatedAt: new Date() };
    const [after] = await tx
      .insert(partnerPolicies)
      .values({ organizationId: actor.organizationId, ...set })
      .onConflictDoUpdate({ target: partnerPolicies.organizationId, set })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: before ? "update" : "create",
      entityType: "partner_policy",
      entityId: actor.organizationId,
      before: before ?? null,
      after,
    });
  });
}

/**
 * For each partner: the required clause codes no acknowledged, current contract includes. A
 * contract counts when the partner acknowledged it and it has not ended before `today`. A clause
 * written for some roles only (seals, container inspection) is required of partners in those roles.
 */
export async function missingClauses(
  db: Executor,
  orgId: string,
  partnerIds: readonly string[],
  required: readonly string[],
  today: string,
): Promise<Map<string, string[]>> {
  if (!partnerIds.length || !required.length) return new Map(partnerIds.map((id) => [id, []]));
  const [partnerRows, clauseRows] = await Promise.all([
    db
      .select({ id: partners.id, roles: partners.roles })
      .from(partners)
      .where(and(eq(partners.organizationId, orgId), inArray(partners.id, [...partnerIds]))),
    db
      .select({ code: clauses.code, roles: clauses.roles })
      .from(clauses)
      .where(and(or(isNull(clauses.organizationId), eq(clauses.organizationId, orgId)), inArray(clauses.code, [...required]))),
  ]);
  const rolesOfClause = new Map<string, readonly string[]>();
  for (const c of clauseRows) rolesOfClause.set(c.code, c.roles);
  const rolesOfPartner = new Map(partnerRows.map((p) => [p.id, p.roles as readonly string[]]));
  const applies = (code: string, partnerId: string) => {
    const clauseRoles = rolesOfClause.get(code) ?? [];
    return clauseRoles.length === 0 || clauseRoles.some((r) => rolesOfPartner.get(partnerId)?.includes(r));
  };
  const missing = new Map<string, string[]>(partnerIds.map((id) => [id, required.filter((code) => applies(code, id))]));
  const rows = await db
    .select({ partnerId: contracts.partnerId, code: clauses.code })
    .from(contractClauses)
    .innerJoin(contracts, eq(contracts.id, contractClauses.contractId))
    .innerJoin(clauses, eq(clauses.id, contractClauses.clauseId))
    .where(
      and(
        eq(contractClauses.organizationId, orgId),
        inArray(contracts.partnerId, [...partnerIds]),
        sql`${contracts.acknowledgedOn} is not null`,
        or(isNull(contracts.endsOn), sql`${contracts.endsOn} >= ${today}`),
      ),
    );
  for (const row of rows) {
    const list = missing.get(row.partnerId);
    if (list)
      missing.set(
        row.partnerId,
        list.filter((c) => c !== row.code),
      );
  }
  return missing;
}

export const CERTIFICATE_WARNING_DAYS = 60;

/** How many partners of each kind the dashboard lists by name; the counts cover them all. */
export const ATTENTION_LISTED = 8;

/**
 * What the dashboard shows of partners: evaluations due (with the status of one already under way,
 * and without those whose evaluation waits for a decision: the dashboard lists those apart),
 * certificates expiring, partners missing a required clause; the first ATTENTION_LISTED of each
 * and their counts (up to LIST_COUNT_LIMIT). Set-based: the clause check is one anti-join, where
 * the ids of every partner used to travel as 10,000 bind parameters (146 ms at 10,000 partners).
 */
export async function partnerAttention(db: Database, orgId: string, today: string) {
  const soon = format(addDays(parseISO(today), 30), "yyyy-MM-dd");
  const certificateLimit = format(addDays(parseISO(today), CERTIFICATE_WARNING_DAYS), "yyyy-MM-dd");
  const active = and(eq(partners.organizationId, orgId), sql`${partners.status} <> 'rejected'`);
  const policy = await getPartnerPolicy(db, orgId);
  const due = and(
    active,
    or(isNull(partners.nextEvaluationOn), lte(partners.nextEvaluationOn, soon)),
    sql`not exists (select 1 from ${partnerEvaluations} e where e.organization_id = ${orgId} and e.partner_id = ${partners.id}
      and e.status in ('prepared', 'partner_submitted'))`,
  );
  const unbound = and(active, missingRequiredClause(orgId, policy.requiredClauseCodes, today));
  // Counted up to LIST_COUNT_LIMIT, like the lists: a register of 10,000 partners none of which has
  // a contract yet is "more than 1,000" without checking all 10,000 for clauses.
  const countUpTo = async (where: SQL | undefined) => {
    const matching = db.select({ one: sql`1` }).from(partners).where(where).limit(LIST_COUNT_LIMIT + 1).as("matching");
    const [row] = await db.select({ n: count() }).from(matching);
    return listTotal(row?.n, 0);
  };
  const [dueRows, dueTotal, expiring, unboundRows, unboundTotal, [anyActive]] = await Promise.all([
    db
      .select({
        partner: partners,
        evaluationStatus: sql<PartnerEvaluation["status"] | null>`(select e.status from ${partnerEvaluations} e
          where e.organization_id = ${orgId} and e.partner_id = ${partners.id} and e.status <> 'decided'
          order by e.created_at desc limit 1)`,
      })
      .from(partners)
      .where(due)
      .orderBy(asc(partners.nextEvaluationOn), asc(partners.number))
      .limit(ATTENTION_LISTED),
    countUpTo(due),
    db
      .select()
      .from(partners)
      .where(and(active, sql`${partners.aeoProgramme} <> 'none'`, lte(partners.aeoValidUntil, certificateLimit)))
      .orderBy(asc(partners.aeoValidUntil))
      .limit(ATTENTION_LISTED),
    db.select().from(partners).where(unbound).orderBy(asc(partners.number)).limit(ATTENTION_LISTED),
    countUpTo(unbound),
    db.select({ id: partners.id }).from(partners).where(active).limit(1),
  ]);
  return {
    due: dueRows.map((r) => ({ ...r.partner, evaluationStatus: r.evaluationStatus })),
    dueCount: dueTotal,
    expiring,
    unbound: unboundRows,
    unboundCount: unboundTotal,
    hasActive: anyActive !== undefined,
  };
}

/**
 * The partner (of the enclosing `partners` row) lacks a required clause that applies to its roles
 * in every acknowledged, current contract: missingClauses said as one SQL condition.
 */
function missingRequiredClause(orgId: string, required: readonly string[], today: string): SQL {
  if (!required.length) return sql`false`;
  return sql`exists (
    select 1 from ${clauses} c
    where (c.organization_id is null or c.organization_id = ${orgId}) and c.code = any(${sql.param([...required])}::text[])
      and (cardinality(c.roles) = 0 or c.roles && ${partners.roles}::text[])
      and not exists (
        select 1 from ${contractClauses} cc
        join ${contracts} k on k.id = cc.contract_id
        join ${clauses} held on held.id = cc.clause_id
        where cc.organization_id = ${orgId} and k.organization_id = ${orgId} and k.partner_id = ${partners.id}
          and held.code = c.code and k.acknowledged_on is not null and (k.ends_on is null or k.ends_on >= ${today})))`;
}

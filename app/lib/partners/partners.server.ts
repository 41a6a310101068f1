import { and, asc, count, eq, ilike, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { partnerContacts, partnerDocuments, partners, partnerSites, type Partner } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { refused, type FieldErrors } from "../form.server";
import { message } from "../i18n/messages";
import { nextRunningNumber } from "../organizations/running-number.server";
import type { Actor } from "../auth/actor";
import type { PartnerValues } from "./partner-schema";
import type { PartnerRole } from "./partner-values";

// The partner registry: who the partners are and how to find them, their contacts and sites. The
// organisation's rules for partners and what is due are partner-policy.server.ts; evaluations,
// links, supervision and contracts have modules of their own.

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
  /** Supervision check overdue: due before this day (today). */
  supervisionBefore?: string;
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
  // Only partners with a due date: a rejected or untiered one has none (supervision-due.server.ts).
  if (filter.supervisionBefore) conditions.push(lt(partners.nextSupervisionOn, filter.supervisionBefore));
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

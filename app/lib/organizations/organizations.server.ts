import { and, asc, count, eq } from "drizzle-orm";
import {
  accessItems,
  employees,
  inspections,
  memberships,
  organizations,
  sealAudits,
  sealEvents,
  seals,
  sites,
  trainingSessions,
  visitorEntries,
} from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Database } from "../db-types.server";
import type { OrganizationProfileValues, SiteValues } from "./organization-schema";
import type { Actor } from "../auth/actor";
import { writeOrganizationStatus } from "./organization-statuses.server";

export async function updateOrganizationProfile(db: Database, actor: Actor, values: OrganizationProfileValues) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(organizations).where(eq(organizations.id, actor.organizationId));
    if (!before) throw new Error("updateOrganizationProfile: organization missing");
    const certified = values.aeoStatus !== "none";
    const [after] = await tx
      .update(organizations)
      .set({
        legalNameZh: values.legalNameZh,
        legalNameEn: values.legalNameEn,
        customsCode: values.customsCode ?? null,
        unifiedSocialCreditCode: values.unifiedSocialCreditCode ?? null,
        enterpriseTypes: values.enterpriseTypes,
        // None ticked is "not recorded": every business-type criterion stays asked.
        cn2022BusinessTypes: values.cn2022BusinessTypes.length ? values.cn2022BusinessTypes : null,
        cn2014Role: values.cn2014Role ?? null,
        aeoStatus: values.aeoStatus,
        aeoCertificateNumber: certified ? (values.aeoCertificateNumber ?? null) : null,
        aeoCertifiedOn: certified ? (values.aeoCertifiedOn ?? null) : null,
        aeoNextRecertificationOn: certified ? (values.aeoNextRecertificationOn ?? null) : null,
        timeZone: values.timeZone,
        updatedAt: new Date(),
      })
      .where(eq(organizations.id, actor.organizationId))
      .returning();
    // The China Customs level is the organisation's cn-customs status, like its other programmes' (its audit event first, the profile's last).
    await writeOrganizationStatus(tx, actor, "cn-customs", {
      level: values.aeoStatus,
      certificateNumber: values.aeoCertificateNumber,
      certifiedOn: values.aeoCertifiedOn,
      validUntil: values.aeoNextRecertificationOn,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "organization",
      entityId: actor.organizationId,
      before: withoutChainHead(before),
      after: after && withoutChainHead(after),
    });
  });
}

export function withoutChainHead<T extends { auditHeadSeq: number; auditHeadHash: string; auditLegacySeq: number }>(org: T) {
  const { auditHeadSeq: _seq, auditHeadHash: _hash, auditLegacySeq: _legacy, ...rest } = org;
  return rest;
}

export async function listSites(db: Database, orgId: string) {
  return db.select().from(sites).where(eq(sites.organizationId, orgId)).orderBy(asc(sites.createdAt), asc(sites.id));
}

export async function getSite(db: Database, orgId: string, siteId: string) {
  const [site] = await db
    .select()
    .from(sites)
    .where(and(eq(sites.organizationId, orgId), eq(sites.id, siteId)));
  return site ?? null;
}

export async function createSite(db: Database, actor: Actor, values: SiteValues) {
  return db.transaction(async (tx) => {
    const [site] = await tx
      .insert(sites)
      .values({ ...toSiteColumns(values), organizationId: actor.organizationId })
      .returning();
    if (!site) throw new Error("createSite: insert returned nothing");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "site",
      entityId: site.id,
      after: site,
    });
    return site;
  });
}

export async function updateSite(db: Database, actor: Actor, siteId: string, values: SiteValues) {
  return db.transaction(async (tx) => {
    const where = and(eq(sites.organizationId, actor.organizationId), eq(sites.id, siteId));
    const [before] = await tx.select().from(sites).where(where);
    if (!before) return null;
    const [after] = await tx
      .update(sites)
      .set({ ...toSiteColumns(values), updatedAt: new Date() })
      .where(where)
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "site",
      entityId: siteId,
      before,
      after,
    });
    return after ?? null;
  });
}

/**
 * Deletes a site. A site with inspection records stays: the records are evidence and name their
 * site, so the answer is "has_records" and nothing changes.
 */
export async function deleteSite(db: Database, actor: Actor, siteId: string): Promise<"deleted" | "not_found" | "has_records"> {
  return db.transaction(async (tx) => {
    // Records keep the site they happened at: a site that has any stays (the references restrict deletes).
    for (const table of [inspections, seals, sealEvents, sealAudits, visitorEntries, accessItems, employees, trainingSessions]) {
      const [used] = await tx
        .select({ n: count() })
        .from(table)
        .where(and(eq(table.organizationId, actor.organizationId), eq(table.siteId, siteId)));
      if ((used?.n ?? 0) > 0) return "has_records";
    }
    const [before] = await tx
      .delete(sites)
      .where(and(eq(sites.organizationId, actor.organizationId), eq(sites.id, siteId)))
      .returning();
    if (!before) return "not_found";
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "delete",
      entityType: "site",
      entityId: siteId,
      before,
    });
    return "deleted";
  });
}

function toSiteColumns(values: SiteValues) {
  return {
    nameZh: values.nameZh,
    nameEn: values.nameEn,
    address: values.address,
    kind: values.kind,
    securityContactName: values.securityContactName ?? null,
    securityContactPhone: values.securityContactPhone ?? null,
  };
}

export async function countActiveMembers(db: Database, orgId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.status, "active")));
  return row?.value ?? 0;
}

/** Organisations the user may switch to (active memberships only). */
export async function listUserOrganizations(db: Database, userId: string) {
  return db
    .select({
      id: organizations.id,
      legalNameZh: organizations.legalNameZh,
      legalNameEn: organizations.legalNameEn,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))
    .orderBy(asc(memberships.createdAt));
}

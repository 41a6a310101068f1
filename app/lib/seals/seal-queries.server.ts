import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { evidenceFiles, inspections, sealEventPhotos, sealEvents, sealModels, seals, sites, users } from "../../../db/schema";
import type { Database } from "../db-types.server";
import { endOfDayInZone, startOfDayInZone } from "../i18n/format";
import { isUuid } from "../value-checks";
import type { SealListFilter } from "./seal-filter";
import type { LoadState } from "./seal-values";

// Reading the seal log: the filtered list, one seal's chain of custody, the seals of an
// inspection, the open reports, and every step for the CSV export.

export const SEALS_PAGE_SIZE = 50;

function listConditions(orgId: string, filter: SealListFilter, timeZone: string): SQL[] {
  const conditions: SQL[] = [eq(seals.organizationId, orgId)];
  if (filter.site) conditions.push(eq(seals.siteId, filter.site));
  if (filter.status) conditions.push(eq(seals.status, filter.status));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(seals.number, pattern), ilike(seals.target, pattern), ilike(seals.shipmentRef, pattern)) as SQL);
  }
  if (filter.from || filter.to) {
    // A seal belongs to a date range when anything happened to it then.
    const range: SQL[] = [eq(sealEvents.organizationId, orgId), eq(sealEvents.sealId, seals.id)];
    if (filter.from) range.push(gte(sealEvents.occurredAt, startOfDayInZone(filter.from, timeZone)));
    if (filter.to) range.push(lt(sealEvents.occurredAt, endOfDayInZone(filter.to, timeZone)));
    conditions.push(sql`exists (select 1 from ${sealEvents} where ${and(...range)})`);
  }
  return conditions;
}

export async function listSeals(
  db: Database,
  orgId: string,
  filter: SealListFilter,
  timeZone: string,
  page: { limit: number | null; offset: number },
) {
  const where = and(...listConditions(orgId, filter, timeZone));
  const custodian = alias(users, "custodian");
  const applier = alias(users, "applier");
  const query = db
    .select({
      seal: seals,
      modelName: sealModels.modelName,
      manufacturer: sealModels.manufacturer,
      isoClass: sealModels.isoClass,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
      custodianName: custodian.name,
      appliedByName: applier.name,
      inspectionNumber: inspections.number,
      /** The container's load state when the seal was applied (its class was checked against it). */
      loadState: sql<LoadState | null>`(select ${sealEvents.loadState} from ${sealEvents}
        where ${sealEvents.organizationId} = ${seals.organizationId} and ${sealEvents.sealId} = ${seals.id} and ${sealEvents.kind} = 'applied'
        order by ${sealEvents.occurredAt} desc limit 1)`,
    })
    .from(seals)
    .innerJoin(sealModels, eq(sealModels.id, seals.modelId))
    .leftJoin(sites, eq(sites.id, seals.siteId))
    .leftJoin(custodian, eq(custodian.id, seals.custodianUserId))
    .leftJoin(applier, eq(applier.id, seals.appliedByUserId))
    .leftJoin(inspections, eq(inspections.id, seals.inspectionId))
    .where(where)
    .orderBy(desc(seals.updatedAt), asc(seals.number))
    .$dynamic();
  const rows = page.limit === null ? await query : await query.limit(page.limit).offset(page.offset);
  const [total] = await db.select({ n: count() }).from(seals).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findSealIdByNumber(db: Database, orgId: string, number: string) {
  const [row] = await db
    .select({ id: seals.id })
    .from(seals)
    .where(and(eq(seals.organizationId, orgId), eq(seals.number, number)));
  return row?.id ?? null;
}

/** The whole chain of custody of one seal: every event with who, when, where and its photos. */
export async function getSealChain(db: Database, orgId: string, sealId: string) {
  if (!isUuid(sealId)) return null;
  const custodian = alias(users, "custodian");
  const [head] = await db
    .select({
      seal: seals,
      model: sealModels,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
      custodianName: custodian.name,
      inspectionNumber: inspections.number,
    })
    .from(seals)
    .innerJoin(sealModels, eq(sealModels.id, seals.modelId))
    .leftJoin(sites, eq(sites.id, seals.siteId))
    .leftJoin(custodian, eq(custodian.id, seals.custodianUserId))
    .leftJoin(inspections, eq(inspections.id, seals.inspectionId))
    .where(and(eq(seals.organizationId, orgId), eq(seals.id, sealId)));
  if (!head) return null;
  const recorder = alias(users, "recorder");
  const holder = alias(users, "holder");
  const replaced = alias(seals, "replaced");
  const events = await db
    .select({
      event: sealEvents,
      recordedByName: recorder.name,
      custodianName: holder.name,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
      inspectionNumber: inspections.number,
      replacesNumber: replaced.number,
    })
    .from(sealEvents)
    .innerJoin(recorder, eq(recorder.id, sealEvents.recordedByUserId))
    .leftJoin(holder, eq(holder.id, sealEvents.custodianUserId))
    .leftJoin(sites, eq(sites.id, sealEvents.siteId))
    .leftJoin(inspections, eq(inspections.id, sealEvents.inspectionId))
    .leftJoin(replaced, eq(replaced.id, sealEvents.replacesSealId))
    .where(and(eq(sealEvents.organizationId, orgId), eq(sealEvents.sealId, sealId)))
    .orderBy(asc(sealEvents.occurredAt), asc(sealEvents.number));
  const eventIds = events.map((e) => e.event.id);
  const photos = eventIds.length
    ? await db
        .select({
          eventId: sealEventPhotos.eventId,
          fileId: evidenceFiles.id,
          sha256: evidenceFiles.sha256,
          originalName: evidenceFiles.originalName,
        })
        .from(sealEventPhotos)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, sealEventPhotos.fileId))
        .where(and(eq(sealEventPhotos.organizationId, orgId), inArray(sealEventPhotos.eventId, eventIds)))
        .orderBy(asc(sealEventPhotos.createdAt))
    : [];
  // A seal that later replaced this one on the same container (after a broken-seal report).
  const replacedBy = await db
    .select({ id: seals.id, number: seals.number })
    .from(sealEvents)
    .innerJoin(seals, eq(seals.id, sealEvents.sealId))
    .where(and(eq(sealEvents.organizationId, orgId), eq(sealEvents.replacesSealId, sealId)));
  const resolvedIds = new Set(events.filter((e) => e.event.kind === "resolved").map((e) => e.event.relatedEventId));
  return {
    ...head,
    events: events.map((e) => ({
      ...e,
      photos: photos.filter((p) => p.eventId === e.event.id),
      open: e.event.kind === "reported" && !resolvedIds.has(e.event.id),
    })),
    replacedBy,
  };
}

/** Seals applied on the strength of an inspection, for the inspection's page. */
export async function sealsForInspection(db: Database, orgId: string, inspectionId: string) {
  if (!isUuid(inspectionId)) return [];
  return db
    .select({ id: seals.id, number: seals.number, status: seals.status, appliedAt: seals.appliedAt })
    .from(seals)
    .where(and(eq(seals.organizationId, orgId), eq(seals.inspectionId, inspectionId)))
    .orderBy(asc(seals.appliedAt));
}

/** Reports without a closing note, newest first: the dashboard's card and the log's banner. */
export async function openSealReports(db: Database, orgId: string, limit = 5) {
  const resolved = alias(sealEvents, "resolved");
  const where = and(eq(sealEvents.organizationId, orgId), eq(sealEvents.kind, "reported"), isNull(resolved.id));
  const rows = await db
    .select({
      id: sealEvents.id,
      sealId: seals.id,
      sealNumber: seals.number,
      reportKind: sealEvents.reportKind,
      target: sealEvents.target,
      occurredAt: sealEvents.occurredAt,
    })
    .from(sealEvents)
    .innerJoin(seals, eq(seals.id, sealEvents.sealId))
    .leftJoin(resolved, and(eq(resolved.organizationId, orgId), eq(resolved.kind, "resolved"), eq(resolved.relatedEventId, sealEvents.id)))
    .where(where)
    .orderBy(desc(sealEvents.occurredAt))
    .limit(limit);
  const [total] = await db
    .select({ n: count() })
    .from(sealEvents)
    .leftJoin(resolved, and(eq(resolved.organizationId, orgId), eq(resolved.kind, "resolved"), eq(resolved.relatedEventId, sealEvents.id)))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

/**
 * Every step of the filtered seals' chains, oldest first, with who, where and the photos' SHA-256:
 * the seal log as a certifier reads it (CTPAT 6.1 A: receipt, issuance, affixing, seal ↔ shipment).
 * The date range applies to the steps themselves.
 */
export async function listSealEventsForExport(db: Database, orgId: string, filter: SealListFilter, timeZone: string) {
  const conditions: SQL[] = [eq(sealEvents.organizationId, orgId)];
  if (filter.site) conditions.push(eq(seals.siteId, filter.site));
  if (filter.status) conditions.push(eq(seals.status, filter.status));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(seals.number, pattern), ilike(seals.target, pattern), ilike(seals.shipmentRef, pattern)) as SQL);
  }
  if (filter.from) conditions.push(gte(sealEvents.occurredAt, startOfDayInZone(filter.from, timeZone)));
  if (filter.to) conditions.push(lt(sealEvents.occurredAt, endOfDayInZone(filter.to, timeZone)));
  const recorder = alias(users, "recorder");
  const holder = alias(users, "holder");
  const rows = await db
    .select({
      event: sealEvents,
      sealNumber: seals.number,
      recordedByName: recorder.name,
      custodianName: holder.name,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
      inspectionNumber: inspections.number,
      photos: sql<string>`(select string_agg(${evidenceFiles.sha256}, ' ' order by ${sealEventPhotos.createdAt}) from ${sealEventPhotos} join ${evidenceFiles} on ${evidenceFiles.id} = ${sealEventPhotos.fileId} where ${sealEventPhotos.eventId} = ${sealEvents.id})`,
    })
    .from(sealEvents)
    .innerJoin(seals, eq(seals.id, sealEvents.sealId))
    .innerJoin(recorder, eq(recorder.id, sealEvents.recordedByUserId))
    .leftJoin(holder, eq(holder.id, sealEvents.custodianUserId))
    .leftJoin(sites, eq(sites.id, sealEvents.siteId))
    .leftJoin(inspections, eq(inspections.id, sealEvents.inspectionId))
    .where(and(...conditions))
    .orderBy(asc(sealEvents.occurredAt), asc(sealEvents.number));
  return rows;
}

/**
 * Seals handed out and neither applied nor returned, per custodian and site: how many and the
 * lowest and highest number (through the (organisation, custodian) index).
 */
export async function issuedSealsByCustodian(db: Database, orgId: string) {
  return db
    .select({
      custodianUserId: seals.custodianUserId,
      siteId: seals.siteId,
      count: count(),
      first: sql<string>`min(${seals.number})`,
      last: sql<string>`max(${seals.number})`,
    })
    .from(seals)
    .where(and(eq(seals.organizationId, orgId), eq(seals.status, "issued"), sql`${seals.custodianUserId} is not null`))
    .groupBy(seals.custodianUserId, seals.siteId);
}

/** Active seal models whose ISO 17712 certificate or test report is not uploaded yet. */
export async function sealModelsWithoutCertificate(db: Database, orgId: string) {
  return db
    .select({ id: sealModels.id, manufacturer: sealModels.manufacturer, modelName: sealModels.modelName })
    .from(sealModels)
    .where(and(eq(sealModels.organizationId, orgId), eq(sealModels.active, true), isNull(sealModels.certificateFileId)))
    .orderBy(asc(sealModels.manufacturer), asc(sealModels.modelName));
}

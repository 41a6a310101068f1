import { and, asc, count, desc, eq, gte, lt, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { customsContacts, incidents, sites, users } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Actor } from "../auth/actor";
import { LIST_COUNT_LIMIT, listTotal } from "../db.server";
import type { Database, Executor } from "../db-types.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { evidenceRecordTypes, type EvidenceRecordTypeKey } from "../evidence/evidence-registry";
import { refused } from "../form.server";
import { endOfDayInZone, localDateTimeInZone, startOfDayInZone, todayInZone, zonedDateTimeToUtc } from "../i18n/format";
import { message } from "../i18n/messages";
import { resolveCriterionRefs } from "../inspections/templates.server";
import { nextRunningNumber } from "../organizations/running-number.server";
import type { CustomsContactFilter, IncidentFilter } from "./incident-filter";
import { customsContactReference, customsNotificationRequired, incidentReference, type IncidentKind } from "./incident-rules";
import type { CustomsContactValues, IncidentReportValues, IncidentUpdateValues } from "./incident-schema";

// Incidents and anomalies (reported at the gate, handled by the security lead or compliance, closed
// once investigated, corrected and, for the kinds that require it, notified to customs) and the
// customs-contact log. Every write: one transaction, its audit event, its evidence links.

export const INCIDENTS_PAGE_SIZE = 50;

/** What stands between an incident and its closing: messages by field, none when it may close. */
function closingGaps(incident: {
  kind: IncidentKind;
  investigation: string;
  rootCause: string;
  customsNotifiedAt: Date | null;
}): Record<string, string> {
  const gaps: Record<string, string> = {};
  if (!incident.investigation.trim()) gaps.investigation = message("incidents.errors.closeNeedsInvestigation");
  if (!incident.rootCause.trim()) gaps.rootCause = message("incidents.errors.closeNeedsRootCause");
  if (customsNotificationRequired(incident.kind) && !incident.customsNotifiedAt) gaps.customsNotifiedAt = message("incidents.errors.closeNeedsCustoms");
  return gaps;
}

const reporters = alias(users, "reporter");
const recorders = alias(users, "recorder");

async function linkEvidence(tx: Executor, actor: Actor, recordType: EvidenceRecordTypeKey, recordId: string, occurredAt: Date) {
  const resolved = await resolveCriterionRefs(tx, evidenceRecordTypes[recordType].feeds);
  await setEvidenceLinks(tx, { ...actor, recordType, recordId, occurredAt }, [...new Set(resolved.values())]);
}

/** A guard's report: where, when, who found it, what, and what was done at once. */
export async function reportIncident(db: Database, actor: Actor, values: IncidentReportValues, timeZone: string, now: Date = new Date()) {
  const discoveredAt = values.discoveredAt ? zonedDateTimeToUtc(values.discoveredAt, timeZone) : now;
  // A minute's grace: the phone's clock and the server's are not the same clock.
  if (discoveredAt.getTime() > now.getTime() + 60_000) return refused({ discoveredAt: message("incidents.errors.future") });
  return db.transaction(async (tx) => {
    const [site] = await tx
      .select({ id: sites.id })
      .from(sites)
      .where(and(eq(sites.organizationId, actor.organizationId), eq(sites.id, values.siteId)));
    if (!site) return refused({ siteId: message("incidents.errors.site") });
    const number = await nextRunningNumber(tx, actor.organizationId, incidents);
    const [incident] = await tx
      .insert(incidents)
      .values({
        organizationId: actor.organizationId,
        number,
        kind: values.kind,
        siteId: site.id,
        location: values.location ?? "",
        discoveredAt,
        discoveredBy: values.discoveredBy,
        description: values.description,
        containment: values.containment ?? "",
        reportedByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!incident) throw new Error("reportIncident: nothing written");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "incident",
      entityId: incident.id,
      after: { ...incident, reference: incidentReference(number) },
    });
    await linkEvidence(tx, actor, "incident", incident.id, discoveredAt);
    return { ok: true as const, incident };
  });
}

/**
 * The security lead's handling: containment, investigation, root cause, the customs notification and
 * the status. Closing needs what closingGaps names; a closed incident changes only by reopening it.
 * null: no such incident in the organisation.
 */
export async function updateIncident(
  db: Database,
  actor: Actor,
  incidentId: string,
  values: IncidentUpdateValues,
  timeZone: string,
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.organizationId, actor.organizationId), eq(incidents.id, incidentId)))
      .for("update");
    if (!before) return null;
    const reference = incidentReference(before.number);
    if (before.status === "closed" && values.status === "closed") return refused({ status: message("incidents.errors.closed", { reference }) });
    const customsNotifiedAt = values.customsNotifiedAt ? zonedDateTimeToUtc(values.customsNotifiedAt, timeZone) : null;
    if (customsNotifiedAt && customsNotifiedAt.getTime() > now.getTime() + 60_000)
      return refused({ customsNotifiedAt: message("incidents.errors.future") });
    if (customsNotifiedAt && customsNotifiedAt < before.discoveredAt)
      return refused({
        customsNotifiedAt: message("incidents.errors.notifiedBeforeFound", {
          found: localDateTimeInZone(before.discoveredAt, timeZone).replace("T", " "),
        }),
      });
    const next = {
      containment: values.containment ?? "",
      investigation: values.investigation ?? "",
      rootCause: values.rootCause ?? "",
      customsNotifiedAt,
      customsOffice: values.customsOffice ?? "",
    };
    if (values.status === "closed") {
      const gaps = closingGaps({ kind: before.kind, ...next });
      if (Object.keys(gaps).length) return refused(gaps);
    }
    const closing = values.status === "closed";
    const [after] = await tx
      .update(incidents)
      .set({
        ...next,
        status: values.status,
        closedAt: closing ? now : null,
        closedByUserId: closing ? actor.userId : null,
        updatedAt: now,
      })
      .where(and(eq(incidents.organizationId, actor.organizationId), eq(incidents.id, before.id)))
      .returning();
    if (!after) throw new Error("updateIncident: nothing written");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "incident",
      entityId: before.id,
      before,
      after: { ...after, reference },
    });
    return { ok: true as const, incident: after };
  });
}

const incidentColumns = {
  incident: incidents,
  siteNameZh: sites.nameZh,
  siteNameEn: sites.nameEn,
  reportedByName: reporters.name,
};

function baseIncidentQuery(db: Executor) {
  return db
    .select(incidentColumns)
    .from(incidents)
    .innerJoin(sites, eq(sites.id, incidents.siteId))
    .innerJoin(reporters, eq(reporters.id, incidents.reportedByUserId));
}

function incidentConditions(orgId: string, filter: IncidentFilter, timeZone: string): SQL[] {
  const conditions: SQL[] = [eq(incidents.organizationId, orgId)];
  if (filter.site) conditions.push(eq(incidents.siteId, filter.site));
  if (filter.kind) conditions.push(eq(incidents.kind, filter.kind));
  if (filter.status) conditions.push(eq(incidents.status, filter.status));
  if (filter.from) conditions.push(gte(incidents.discoveredAt, startOfDayInZone(filter.from, timeZone)));
  if (filter.to) conditions.push(lt(incidents.discoveredAt, endOfDayInZone(filter.to, timeZone)));
  return conditions;
}

/** Incidents, newest found first, filtered; `limit` null for all (the CSV export). */
export async function listIncidents(
  db: Database,
  orgId: string,
  filter: IncidentFilter,
  timeZone: string,
  page: { limit: number | null; offset: number } = { limit: INCIDENTS_PAGE_SIZE, offset: 0 },
) {
  const where = and(...incidentConditions(orgId, filter, timeZone));
  const query = baseIncidentQuery(db).where(where).orderBy(desc(incidents.discoveredAt), desc(incidents.number));
  const rows = page.limit === null ? await query : await query.limit(page.limit).offset(page.offset);
  if (page.limit === null) return { total: rows.length, more: false, rows };
  const matching = db
    .select({ one: sql`1` })
    .from(incidents)
    .where(where)
    .limit(page.offset + LIST_COUNT_LIMIT + 1)
    .as("matching");
  const [counted] = await db.select({ n: count() }).from(matching);
  return { ...listTotal(counted?.n, page.offset), rows };
}

export async function getIncident(db: Database, orgId: string, incidentId: string) {
  const [row] = await baseIncidentQuery(db).where(and(eq(incidents.organizationId, orgId), eq(incidents.id, incidentId)));
  return row ?? null;
}

/** Incidents not yet closed, oldest found first: the attention model's source. */
export async function unclosedIncidents(db: Executor, orgId: string) {
  return db
    .select({
      id: incidents.id,
      number: incidents.number,
      kind: incidents.kind,
      status: incidents.status,
      siteId: incidents.siteId,
      discoveredAt: incidents.discoveredAt,
      customsNotifiedAt: incidents.customsNotifiedAt,
    })
    .from(incidents)
    .where(and(eq(incidents.organizationId, orgId), ne(incidents.status, "closed")))
    .orderBy(asc(incidents.discoveredAt));
}

/** Incidents to choose from when logging a customs contact: the latest first. */
export async function incidentChoices(db: Database, orgId: string, limit = 100) {
  const rows = await db
    .select({ id: incidents.id, number: incidents.number, kind: incidents.kind, discoveredAt: incidents.discoveredAt })
    .from(incidents)
    .where(eq(incidents.organizationId, orgId))
    .orderBy(desc(incidents.discoveredAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, reference: incidentReference(r.number) }));
}

// The customs-contact log.

export async function recordCustomsContact(db: Database, actor: Actor, values: CustomsContactValues, timeZone: string, now: Date = new Date()) {
  if (values.contactedOn > todayInZone(timeZone, now)) return refused({ contactedOn: message("customsContacts.errors.future") });
  return db.transaction(async (tx) => {
    if (values.incidentId) {
      const [incident] = await tx
        .select({ id: incidents.id })
        .from(incidents)
        .where(and(eq(incidents.organizationId, actor.organizationId), eq(incidents.id, values.incidentId)));
      if (!incident) return refused({ incidentId: message("customsContacts.errors.incident") });
    }
    const number = await nextRunningNumber(tx, actor.organizationId, customsContacts);
    const [contact] = await tx
      .insert(customsContacts)
      .values({
        organizationId: actor.organizationId,
        number,
        contactedOn: values.contactedOn,
        kind: values.kind,
        customsOffice: values.customsOffice,
        contactPerson: values.contactPerson ?? "",
        channel: values.channel,
        subject: values.subject,
        summary: values.summary,
        followUp: values.followUp ?? "",
        incidentId: values.incidentId ?? null,
        recordedByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!contact) throw new Error("recordCustomsContact: nothing written");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "customs_contact",
      entityId: contact.id,
      after: { ...contact, reference: customsContactReference(number) },
    });
    await linkEvidence(tx, actor, "customs_contact", contact.id, startOfDayInZone(values.contactedOn, timeZone));
    return { ok: true as const, contact };
  });
}

const contactColumns = {
  contact: customsContacts,
  recordedByName: recorders.name,
  incidentNumber: incidents.number,
};

function baseContactQuery(db: Executor) {
  return db
    .select(contactColumns)
    .from(customsContacts)
    .innerJoin(recorders, eq(recorders.id, customsContacts.recordedByUserId))
    .leftJoin(incidents, and(eq(incidents.id, customsContacts.incidentId), eq(incidents.organizationId, customsContacts.organizationId)));
}

function contactConditions(orgId: string, filter: CustomsContactFilter): SQL[] {
  const conditions: SQL[] = [eq(customsContacts.organizationId, orgId)];
  if (filter.kind) conditions.push(eq(customsContacts.kind, filter.kind));
  if (filter.from) conditions.push(gte(customsContacts.contactedOn, filter.from));
  if (filter.to) conditions.push(sql`${customsContacts.contactedOn} <= ${filter.to}`);
  return conditions;
}

/** The log, latest first; `limit` null for all (the CSV export). */
export async function listCustomsContacts(
  db: Database,
  orgId: string,
  filter: CustomsContactFilter,
  page: { limit: number | null; offset: number } = { limit: INCIDENTS_PAGE_SIZE, offset: 0 },
) {
  const where = and(...contactConditions(orgId, filter));
  const query = baseContactQuery(db).where(where).orderBy(desc(customsContacts.contactedOn), desc(customsContacts.number));
  const rows = page.limit === null ? await query : await query.limit(page.limit).offset(page.offset);
  if (page.limit === null) return { total: rows.length, more: false, rows };
  const matching = db
    .select({ one: sql`1` })
    .from(customsContacts)
    .where(where)
    .limit(page.offset + LIST_COUNT_LIMIT + 1)
    .as("matching");
  const [counted] = await db.select({ n: count() }).from(matching);
  return { ...listTotal(counted?.n, page.offset), rows };
}

export async function getCustomsContact(db: Database, orgId: string, contactId: string) {
  const [row] = await baseContactQuery(db).where(and(eq(customsContacts.organizationId, orgId), eq(customsContacts.id, contactId)));
  return row ?? null;
}

export async function contactsOfIncident(db: Database, orgId: string, incidentId: string) {
  return baseContactQuery(db)
    .where(and(eq(customsContacts.organizationId, orgId), eq(customsContacts.incidentId, incidentId)))
    .orderBy(asc(customsContacts.contactedOn), asc(customsContacts.number));
}

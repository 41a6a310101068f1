import { and, asc, count, desc, eq, gte, ilike, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { accessItems, employees, sites, users, visitorEntries } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { applyAccessItemStep, findVisitorBadge } from "../badges/badges.server";
import { isEmployed } from "../badges/access-item-rules";
import { LIST_COUNT_LIMIT, listTotal } from "../db.server";
import type { Database, Executor } from "../db-types.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { evidenceRecordTypes } from "../evidence/evidence-registry";
import { refused } from "../form.server";
import { endOfDayInZone, startOfDayInZone, todayInZone } from "../i18n/format";
import { message } from "../i18n/messages";
import { resolveCriterionRefs } from "../inspections/templates.server";
import { nextRunningNumber } from "../organizations/running-number.server";
import type { VisitorLogFilter } from "./visitor-filter";
import { visitorReference } from "./visitor-rules";
import type { VisitorSignInValues } from "./visitor-schema";
import type { Actor } from "../auth/actor";

// The gatehouse visitor log: sign-in (with the register's visitor badge, when the number is one of
// them), sign-out, who is on site now, who was never signed out, and the log for a date range.

export const VISITORS_PAGE_SIZE = 50;

const checkers = alias(users, "checker");
const signers = alias(users, "signer");

function escapeLike(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The one employee of this name who works here today, if the typed host names exactly one. */
async function hostEmployee(tx: Executor, orgId: string, name: string, today: string) {
  const rows = await tx
    .select({ id: employees.id, leaveDate: employees.leaveDate })
    .from(employees)
    .where(and(eq(employees.organizationId, orgId), eq(employees.name, name)));
  const employed = rows.filter((r) => isEmployed(r.leaveDate, today));
  return employed.length === 1 ? (employed[0]?.id ?? null) : null;
}

export async function signInVisitor(db: Database, actor: Actor, values: VisitorSignInValues, now: Date, today: string) {
  return db.transaction(async (tx) => {
    const [site] = await tx
      .select({ id: sites.id })
      .from(sites)
      .where(and(eq(sites.organizationId, actor.organizationId), eq(sites.id, values.siteId)));
    if (!site) return refused({ siteId: message("visitors.errors.site") });
    const number = await nextRunningNumber(tx, actor.organizationId, visitorEntries);
    const reference = visitorReference(number);

    // A number from the register is handed out through it (one holder at a time); any other number
    // is written down as the guard typed it, for organisations that have not registered their badges.
    let accessItemId: string | null = null;
    if (values.badgeNumber) {
      const badge = await findVisitorBadge(tx, actor.organizationId, values.badgeNumber);
      if (badge) {
        if (badge.status === "issued") {
          const [holder] = await tx
            .select({ number: visitorEntries.number, name: visitorEntries.visitorName })
            .from(visitorEntries)
            .where(
              and(
                eq(visitorEntries.organizationId, actor.organizationId),
                eq(visitorEntries.accessItemId, badge.id),
                isNull(visitorEntries.signedOutAt),
              ),
            );
          return refused({
            badgeNumber: holder
              ? message("visitors.errors.badgeWithVisitor", {
                  code: badge.code,
                  reference: visitorReference(holder.number),
                  name: holder.name,
                })
              : message("visitors.errors.badgeIssued", { code: badge.code }),
          });
        }
        if (badge.status !== "available")
          return refused({ badgeNumber: message(`visitors.errors.badgeStatus.${badge.status}`, { code: badge.code }) });
        const step = await applyAccessItemStep(
          tx,
          actor,
          badge.id,
          { step: "issue", occurredAt: now, visitorReference: `${reference} ${values.visitorName}` },
          today,
        );
        if (!step?.ok) return refused({ badgeNumber: message("visitors.errors.badgeIssued", { code: badge.code }) });
        accessItemId = badge.id;
      }
    }

    const [entry] = await tx
      .insert(visitorEntries)
      .values({
        organizationId: actor.organizationId,
        number,
        siteId: site.id,
        visitorName: values.visitorName,
        company: values.company ?? "",
        idDocumentType: values.idDocumentType,
        idNumberMasked: values.idNumberMasked,
        idCheckedByUserId: actor.userId,
        hostEmployeeId: await hostEmployee(tx, actor.organizationId, values.hostName, today),
        hostName: values.hostName,
        purpose: values.purpose,
        purposeNote: values.purposeNote ?? "",
        badgeNumber: values.badgeNumber ?? "",
        accessItemId,
        escortName: values.escortName ?? "",
        vehiclePlate: values.vehiclePlate ?? "",
        signedInAt: now,
      })
      .returning();
    if (!entry) throw new Error("signInVisitor: nothing written");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "visitor_entry",
      entityId: entry.id,
      // The reference names the entry in the audit trail.
      after: { ...entry, reference },
    });
    const resolved = await resolveCriterionRefs(tx, evidenceRecordTypes.visitor_entry.feeds);
    await setEvidenceLinks(tx, { ...actor, recordType: "visitor_entry", recordId: entry.id, occurredAt: entry.signedInAt }, [
      ...new Set(resolved.values()),
    ]);
    return { ok: true as const, entry };
  });
}

/** Signs a visitor out (and takes the register's badge back). null: no such entry in the organisation. */
export async function signOutVisitor(db: Database, actor: Actor, entryId: string, now: Date, today: string) {
  return db.transaction(async (tx) => {
    const [entry] = await tx
      .select()
      .from(visitorEntries)
      .where(and(eq(visitorEntries.organizationId, actor.organizationId), eq(visitorEntries.id, entryId)))
      .for("update");
    if (!entry) return null;
    if (entry.signedOutAt) return refused({ form: message("visitors.errors.alreadyOut", { name: entry.visitorName }) });
    const [after] = await tx
      .update(visitorEntries)
      .set({ signedOutAt: now, signedOutByUserId: actor.userId, updatedAt: now })
      .where(and(eq(visitorEntries.organizationId, actor.organizationId), eq(visitorEntries.id, entry.id)))
      .returning();
    if (!after) throw new Error("signOutVisitor: nothing written");
    let badgeReturned = false;
    if (entry.accessItemId) {
      const [item] = await tx
        .select({ status: accessItems.status })
        .from(accessItems)
        .where(and(eq(accessItems.organizationId, actor.organizationId), eq(accessItems.id, entry.accessItemId)));
      // A badge reported lost while the visitor was inside stays lost; the visitor still leaves.
      if (item?.status === "issued") {
        const step = await applyAccessItemStep(
          tx,
          actor,
          entry.accessItemId,
          { step: "return", occurredAt: now, visitorReference: `${visitorReference(entry.number)} ${entry.visitorName}` },
          today,
        );
        badgeReturned = Boolean(step?.ok);
      }
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "visitor_entry",
      entityId: entry.id,
      before: entry,
      after: { ...after, reference: visitorReference(entry.number) },
    });
    return { ok: true as const, entry: after, badgeReturned };
  });
}

const entryColumns = {
  entry: visitorEntries,
  siteNameZh: sites.nameZh,
  siteNameEn: sites.nameEn,
  checkedByName: checkers.name,
  signedOutByName: signers.name,
};

function baseEntryQuery(db: Database) {
  return db
    .select(entryColumns)
    .from(visitorEntries)
    .innerJoin(sites, eq(sites.id, visitorEntries.siteId))
    .innerJoin(checkers, eq(checkers.id, visitorEntries.idCheckedByUserId))
    .leftJoin(signers, eq(signers.id, visitorEntries.signedOutByUserId));
}

/** Everyone signed in and not out, oldest arrival first (the ones most likely forgotten on top). */
export async function listOnSite(db: Database, orgId: string) {
  return baseEntryQuery(db)
    .where(and(eq(visitorEntries.organizationId, orgId), isNull(visitorEntries.signedOutAt)))
    .orderBy(asc(visitorEntries.signedInAt), asc(visitorEntries.number));
}

function logConditions(orgId: string, filter: VisitorLogFilter, timeZone: string): SQL[] {
  const conditions: SQL[] = [eq(visitorEntries.organizationId, orgId)];
  if (filter.site) conditions.push(eq(visitorEntries.siteId, filter.site));
  if (filter.from) conditions.push(gte(visitorEntries.signedInAt, startOfDayInZone(filter.from, timeZone)));
  if (filter.to)
    conditions.push(lt(visitorEntries.signedInAt, endOfDayInZone(filter.to, timeZone)));
  if (filter.q) {
    const pattern = escapeLike(filter.q);
    conditions.push(or(ilike(visitorEntries.visitorName, pattern), ilike(visitorEntries.company, pattern)) as SQL);
  }
  return conditions;
}

/** The log, newest arrival first, filtered; `limit` null for all (the CSV export). */
export async function listVisitorLog(
  db: Database,
  orgId: string,
  filter: VisitorLogFilter,
  timeZone: string,
  page: { limit: number | null; offset: number } = { limit: VISITORS_PAGE_SIZE, offset: 0 },
) {
  const where = and(...logConditions(orgId, filter, timeZone));
  const query = baseEntryQuery(db).where(where).orderBy(desc(visitorEntries.signedInAt), desc(visitorEntries.number));
  const rows = page.limit === null ? await query : await query.limit(page.limit).offset(page.offset);
  // The export's count is its length; a page's is counted up to LIST_COUNT_LIMIT past it.
  if (page.limit === null) return { total: rows.length, more: false, rows };
  const matching = db
    .select({ one: sql`1` })
    .from(visitorEntries)
    .where(where)
    .limit(page.offset + LIST_COUNT_LIMIT + 1)
    .as("matching");
  const [counted] = await db.select({ n: count() }).from(matching);
  return { ...listTotal(counted?.n, page.offset), rows };
}

export async function getVisitorEntry(db: Database, orgId: string, entryId: string) {
  const [row] = await baseEntryQuery(db).where(and(eq(visitorEntries.organizationId, orgId), eq(visitorEntries.id, entryId)));
  return row ?? null;
}

/** On site now and, of them, not signed out by the end of their day: per site, for the dashboard. */
export async function visitorsOnSiteSummary(db: Database, orgId: string, timeZone: string, now: Date = new Date()) {
  const startOfToday = startOfDayInZone(todayInZone(timeZone, now), timeZone);
  return db
    .select({
      siteId: sites.id,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
      onSite: count(),
      notSignedOut: sql<number>`count(*) filter (where ${visitorEntries.signedInAt} < ${startOfToday.toISOString()}::timestamptz)`.mapWith(
        Number,
      ),
    })
    .from(visitorEntries)
    .innerJoin(sites, eq(sites.id, visitorEntries.siteId))
    .where(and(eq(visitorEntries.organizationId, orgId), isNull(visitorEntries.signedOutAt)))
    .groupBy(sites.id, sites.nameZh, sites.nameEn)
    .orderBy(asc(sites.nameZh));
}

/** The last visitors who came and left, to sign one in again with a tap (one line per name and company). */
export async function recentVisitors(db: Database, orgId: string, limit = 6) {
  const rows = await db
    .select({
      id: visitorEntries.id,
      visitorName: visitorEntries.visitorName,
      company: visitorEntries.company,
      signedInAt: visitorEntries.signedInAt,
    })
    .from(visitorEntries)
    .where(eq(visitorEntries.organizationId, orgId))
    .orderBy(desc(visitorEntries.signedInAt), desc(visitorEntries.number))
    .limit(limit * 5);
  const seen = new Set<string>();
  return rows
    .filter((r) => {
      const key = `${r.visitorName}\u0000${r.company}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
}

/** Names of the people a visitor may come to see: the employees who work here today. */
export async function hostSuggestions(db: Database, orgId: string, today: string) {
  const rows = await db
    .select({ name: employees.name, department: employees.department, leaveDate: employees.leaveDate })
    .from(employees)
    .where(eq(employees.organizationId, orgId))
    .orderBy(asc(employees.name));
  return rows.filter((r) => isEmployed(r.leaveDate, today)).map((r) => ({ name: r.name, department: r.department }));
}

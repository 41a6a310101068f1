import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { accessItemEvents, accessItems, employees, sites, users, type AccessItem } from "../../../db/schema";
import { recordAudit, recordAuditBatch } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { evidenceRecordTypes } from "../evidence/evidence-registry";
import { refused } from "../form.server";
import { message } from "../i18n/messages";
import { resolveCriterionRefs } from "../inspections/templates.server";
import { nextRunningNumber } from "../organizations/running-number.server";
import {
  accessItemEventReference,
  codeSeries,
  decideStep,
  isEmployed,
  type AccessItemKind,
  type AccessItemStep,
} from "./access-item-rules";
import type { AccessItemFilter } from "./badge-filter";
import type { AccessItemCreateValues } from "./badge-schema";
import type { Actor } from "../auth/actor";

// The badge and key register: items, the steps of their lives (each an access_item_events row with
// its audit event and evidence links, in one transaction with the item's new state), and the views
// per item, per person and of the whole register.

export const BADGES_PAGE_SIZE = 50;

function escapeLike(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const holders = alias(employees, "holder");

function itemConditions(orgId: string, filter: AccessItemFilter): SQL[] {
  const conditions: SQL[] = [eq(accessItems.organizationId, orgId)];
  if (filter.kind) conditions.push(eq(accessItems.kind, filter.kind));
  if (filter.status) conditions.push(eq(accessItems.status, filter.status));
  if (filter.site) conditions.push(eq(accessItems.siteId, filter.site));
  if (filter.q) {
    const pattern = escapeLike(filter.q);
    conditions.push(or(ilike(accessItems.code, pattern), ilike(accessItems.description, pattern), ilike(holders.name, pattern)) as SQL);
  }
  return conditions;
}

/** The register, filtered, in kind and code order; `limit` null for all (the CSV export). */
export async function listAccessItems(
  db: Database,
  orgId: string,
  filter: AccessItemFilter,
  page: { limit: number | null; offset: number } = { limit: BADGES_PAGE_SIZE, offset: 0 },
) {
  const where = and(...itemConditions(orgId, filter));
  const query = db
    .select({
      item: accessItems,
      holderName: holders.name,
      holderNumber: holders.number,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
    })
    .from(accessItems)
    .leftJoin(holders, and(eq(holders.id, accessItems.holderEmployeeId), eq(holders.organizationId, orgId)))
    .leftJoin(sites, eq(sites.id, accessItems.siteId))
    .where(where)
    .orderBy(asc(accessItems.kind), asc(accessItems.code));
  const rows = page.limit === null ? await query : await query.limit(page.limit).offset(page.offset);
  const [total] = await db
    .select({ n: count() })
    .from(accessItems)
    .leftJoin(holders, and(eq(holders.id, accessItems.holderEmployeeId), eq(holders.organizationId, orgId)))
    .where(where);
  return { total: total?.n ?? 0, rows };
}

export async function getAccessItem(db: Database, orgId: string, itemId: string) {
  const [row] = await db
    .select({
      item: accessItems,
      holderName: holders.name,
      holderNumber: holders.number,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
    })
    .from(accessItems)
    .leftJoin(holders, and(eq(holders.id, accessItems.holderEmployeeId), eq(holders.organizationId, orgId)))
    .leftJoin(sites, eq(sites.id, accessItems.siteId))
    .where(and(eq(accessItems.organizationId, orgId), eq(accessItems.id, itemId)));
  return row ?? null;
}

/** The steps of items, newest first: of one item, of one person, or all of them (the event log export). */
export async function listAccessItemEvents(
  db: Database,
  orgId: string,
  scope: { itemId?: string; employeeId?: string; from?: Date; before?: Date; siteId?: string } = {},
) {
  const conditions: SQL[] = [eq(accessItemEvents.organizationId, orgId)];
  if (scope.itemId) conditions.push(eq(accessItemEvents.itemId, scope.itemId));
  if (scope.employeeId) conditions.push(eq(accessItemEvents.employeeId, scope.employeeId));
  if (scope.siteId) conditions.push(eq(accessItems.siteId, scope.siteId));
  if (scope.from) conditions.push(gte(accessItemEvents.occurredAt, scope.from));
  if (scope.before) conditions.push(lt(accessItemEvents.occurredAt, scope.before));
  return db
    .select({
      event: accessItemEvents,
      itemKind: accessItems.kind,
      itemCode: accessItems.code,
      itemDescription: accessItems.description,
      employeeName: employees.name,
      employeeNumber: employees.number,
      recordedByName: users.name,
    })
    .from(accessItemEvents)
    .innerJoin(accessItems, eq(accessItems.id, accessItemEvents.itemId))
    .leftJoin(employees, and(eq(employees.id, accessItemEvents.employeeId), eq(employees.organizationId, orgId)))
    .innerJoin(users, eq(users.id, accessItemEvents.recordedByUserId))
    .where(and(...conditions))
    .orderBy(desc(accessItemEvents.occurredAt), desc(accessItemEvents.number));
}

export interface HeldItem {
  id: string;
  kind: AccessItemKind;
  code: string;
  description: string;
  status: AccessItem["status"];
  issuedAt: Date | null;
}

/** What an employee holds now: the exit checklist asks for these back. */
export async function listItemsHeldBy(db: Executor, input: { orgId: string; employeeId: string }): Promise<HeldItem[]> {
  return db
    .select({
      id: accessItems.id,
      kind: accessItems.kind,
      code: accessItems.code,
      description: accessItems.description,
      status: accessItems.status,
      issuedAt: accessItems.issuedAt,
    })
    .from(accessItems)
    .where(and(eq(accessItems.organizationId, input.orgId), eq(accessItems.holderEmployeeId, input.employeeId)))
    .orderBy(asc(accessItems.kind), asc(accessItems.code));
}

/** Employees who may receive an item today (not left), by name. */
export async function listIssuableEmployees(db: Database, orgId: string, today: string) {
  const rows = await db
    .select({
      id: employees.id,
      name: employees.name,
      number: employees.number,
      department: employees.department,
      leaveDate: employees.leaveDate,
    })
    .from(employees)
    .where(eq(employees.organizationId, orgId))
    .orderBy(asc(employees.name), asc(employees.number));
  return rows.filter((e) => isEmployed(e.leaveDate, today));
}

async function criteriaOfEvents(tx: Executor): Promise<string[]> {
  const resolved = await resolveCriterionRefs(tx, evidenceRecordTypes.access_item_event.feeds);
  return [...new Set(resolved.values())];
}

/** PostgreSQL's unique_violation, whether the driver error arrives bare or wrapped by Drizzle. */
function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth += 1) {
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Adds one item, or each code of a series; codes already in the register refuse the whole series. */
export async function createAccessItems(db: Database, actor: Actor, values: AccessItemCreateValues) {
  const codes = values.lastCode && values.lastCode !== values.code ? (codeSeries(values.code, values.lastCode) ?? []) : [values.code];
  if (values.siteId) {
    const [site] = await db
      .select({ id: sites.id })
      .from(sites)
      .where(and(eq(sites.organizationId, actor.organizationId), eq(sites.id, values.siteId)));
    if (!site) return refused({ siteId: message("errors.choose") });
  }
  const taken = await db
    .select({ code: accessItems.code })
    .from(accessItems)
    .where(and(eq(accessItems.organizationId, actor.organizationId), eq(accessItems.kind, values.kind), inArray(accessItems.code, codes)));
  const codeTaken = () => refused({ code: message("badges.errors.codeTaken", { codes: taken.map((t) => t.code).join(", ") }) });
  if (taken.length) return codeTaken();
  try {
    const created = await db.transaction(async (tx) => {
      const rows = await tx
        .insert(accessItems)
        .values(
          codes.map((code) => ({
            organizationId: actor.organizationId,
            kind: values.kind,
            code,
            description: values.description ?? "",
            siteId: values.siteId ?? null,
            createdByUserId: actor.userId,
          })),
        )
        .returning();
      await recordAuditBatch(
        tx,
        actor.organizationId,
        // The code names the item in the audit trail.
        rows.map((row) => ({
          actorUserId: actor.userId,
          action: "create" as const,
          entityType: "access_item",
          entityId: row.id,
          after: { ...row, reference: row.code },
        })),
      );
      return rows;
    });
    return { ok: true as const, ids: created.map((r) => r.id) };
  } catch (error) {
    // Someone added one of these codes between the check and the insert.
    if (isUniqueViolation(error)) return refused({ code: message("badges.errors.codeTaken", { codes: codes.join(", ") }) });
    throw error;
  }
}

export interface StepInput {
  step: AccessItemStep;
  employeeId?: string;
  occurredAt: Date;
  note?: string;
  /** The visitor entry a visitor badge went with (VIS-…): set only by the gatehouse sign-in and sign-out. */
  visitorReference?: string;
}

/**
 * One step of an item's life, in the caller's transaction: the item row is locked first, so of two
 * guards issuing the same key at once one succeeds and the other is told who has it now.
 */
export async function applyAccessItemStep(tx: Executor, actor: Actor, itemId: string, input: StepInput, today: string) {
  const [item] = await tx
    .select()
    .from(accessItems)
    .where(and(eq(accessItems.organizationId, actor.organizationId), eq(accessItems.id, itemId)))
    .for("update");
  if (!item) return null;
  const decision = decideStep(item.status, input.step);
  if (!decision.ok) return refused({ step: message(`badges.errors.notAllowed.${input.step}`, { code: item.code }) });
  // A visitor badge goes out and comes back with a visitor's sign-in and sign-out, never by hand.
  if (item.kind === "visitor_badge" && (input.step === "issue" || input.step === "return") && !input.visitorReference)
    return refused({ step: message("badges.errors.visitorBadgeAtGate", { code: item.code }) });
  let employeeId: string | null = null;
  if (input.step === "issue" && item.kind !== "visitor_badge") {
    const [employee] = input.employeeId
      ? await tx
          .select({ id: employees.id, leaveDate: employees.leaveDate, name: employees.name })
          .from(employees)
          .where(and(eq(employees.organizationId, actor.organizationId), eq(employees.id, input.employeeId)))
      : [];
    if (!employee) return refused({ employeeId: message("badges.errors.employee") });
    if (!isEmployed(employee.leaveDate, today))
      return refused({ employeeId: message("badges.errors.employeeLeft", { name: employee.name, date: employee.leaveDate ?? "" }) });
    employeeId = employee.id;
  } else if (input.step !== "issue") {
    // Return, lost and revoke name the person the item came from; found and retire name no one.
    employeeId = ["return", "lost", "revoke"].includes(input.step) ? item.holderEmployeeId : null;
  }
  const issued = decision.to === "issued";
  const [after] = await tx
    .update(accessItems)
    .set({
      status: decision.to,
      holderEmployeeId: issued ? employeeId : null,
      issuedAt: issued ? input.occurredAt : null,
      updatedAt: new Date(),
    })
    .where(and(eq(accessItems.organizationId, actor.organizationId), eq(accessItems.id, item.id)))
    .returning();
  const number = await nextRunningNumber(tx, actor.organizationId, accessItemEvents);
  const note = [input.visitorReference, input.note].filter(Boolean).join(" ");
  const [event] = await tx
    .insert(accessItemEvents)
    .values({
      organizationId: actor.organizationId,
      number,
      itemId: item.id,
      kind: input.step,
      employeeId,
      occurredAt: input.occurredAt,
      note,
      recordedByUserId: actor.userId,
    })
    .returning();
  if (!event || !after) throw new Error("applyAccessItemStep: nothing written");
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "update",
    entityType: "access_item",
    entityId: item.id,
    before: item,
    after: { ...after, reference: after.code },
  });
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "create",
    entityType: "access_item_event",
    entityId: event.id,
    after: { ...event, reference: accessItemEventReference(event.number) },
  });
  await setEvidenceLinks(
    tx,
    { ...actor, recordType: "access_item_event", recordId: event.id, occurredAt: event.occurredAt },
    await criteriaOfEvents(tx),
  );
  return { ok: true as const, item: after, event };
}

export async function recordAccessItemStep(db: Database, actor: Actor, itemId: string, input: StepInput, today: string) {
  return db.transaction((tx) => applyAccessItemStep(tx, actor, itemId, input, today));
}

/** The register's visitor badge with this code, if there is one (sign-in issues it). */
export async function findVisitorBadge(tx: Executor, orgId: string, code: string) {
  const [item] = await tx
    .select()
    .from(accessItems)
    .where(and(eq(accessItems.organizationId, orgId), eq(accessItems.kind, "visitor_badge"), eq(accessItems.code, code.toUpperCase())));
  return item ?? null;
}

/** Visitor badges ready to hand out at a site (or at no site in particular), for the sign-in form. */
export async function listAvailableVisitorBadges(db: Database, orgId: string) {
  return db
    .select({ id: accessItems.id, code: accessItems.code, siteId: accessItems.siteId })
    .from(accessItems)
    .where(and(eq(accessItems.organizationId, orgId), eq(accessItems.kind, "visitor_badge"), eq(accessItems.status, "available")))
    .orderBy(asc(accessItems.code));
}

import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { sealAudits, sealEvents, seals, sites, users, type SealAuditResult } from "../../../db/schema";
import type { Database } from "../db-types.server";
import { refused } from "../form.server";
import { endOfDayInZone, startOfDayInZone } from "../i18n/format";
import { message } from "../i18n/messages";
import { nextRunningNumber } from "../organizations/running-number.server";
import { isUuid } from "../value-checks";
import type { SealListFilter } from "./seal-filter";
import { parseCountedNumbers } from "./seal-numbers";
import { reconcileSeals } from "./seal-reconciliation";
import type { SealAuditValues } from "./seal-schema";
import { audit, linkEvidence, someNumbers, type SealActor } from "./seal-writes.server";

// Seal audits: a count of the seals on hand reconciled against the log, and the audits' list.

export async function runSealAudit(db: Database, actor: SealActor, values: SealAuditValues) {
  const parsed = parseCountedNumbers(values.counted);
  if (parsed.invalid.length) return refused({ counted: message("seals.errors.countedInvalid", { numbers: someNumbers(parsed.invalid) }) });
  return db.transaction(async (tx) => {
    if (values.siteId) {
      const [site] = await tx
        .select({ id: sites.id })
        .from(sites)
        .where(and(eq(sites.organizationId, actor.organizationId), eq(sites.id, values.siteId)));
      if (!site) return refused({ siteId: message("errors.choose") });
    }
    const atSite = and(eq(seals.organizationId, actor.organizationId), values.siteId ? eq(seals.siteId, values.siteId) : undefined);
    const registered = await tx
      .select({ number: seals.number, status: seals.status, custodian: users.name })
      .from(seals)
      .leftJoin(users, eq(users.id, seals.custodianUserId))
      .where(atSite);
    const [received] = await tx
      .select({ n: count() })
      .from(sealEvents)
      .innerJoin(seals, eq(seals.id, sealEvents.sealId))
      .where(and(atSite, eq(sealEvents.kind, "received")));
    // A counted number the site's log does not hold may still be a seal of another site.
    const result: SealAuditResult = reconcileSeals(registered, received?.n ?? 0, parsed.numbers);
    const number = await nextRunningNumber(tx, actor.organizationId, sealAudits);
    const [row] = await tx
      .insert(sealAudits)
      .values({
        organizationId: actor.organizationId,
        number,
        siteId: values.siteId ?? null,
        performedByUserId: actor.userId,
        performedAt: new Date(),
        countedNumbers: parsed.numbers,
        result,
        balanced: result.balanced,
        note: values.note ?? "",
      })
      .returning();
    if (!row) throw new Error("runSealAudit: insert returned nothing");
    await audit(tx, actor, "seal_audit", row.id, "create", null, row);
    await linkEvidence(tx, actor, "seal_audit", row.id, row.performedAt);
    return { ok: true as const, id: row.id };
  });
}

/** Seal audits, newest first, of a site and a date range (days in the organisation's zone); limit null: all. */
export async function listSealAudits(
  db: Database,
  orgId: string,
  filter: Pick<SealListFilter, "site" | "from" | "to">,
  timeZone: string,
  limit: number | null = 200,
) {
  const conditions: SQL[] = [eq(sealAudits.organizationId, orgId)];
  if (filter.site) conditions.push(eq(sealAudits.siteId, filter.site));
  if (filter.from) conditions.push(gte(sealAudits.performedAt, startOfDayInZone(filter.from, timeZone)));
  if (filter.to) conditions.push(lt(sealAudits.performedAt, endOfDayInZone(filter.to, timeZone)));
  const query = db
    .select({ audit: sealAudits, siteNameZh: sites.nameZh, siteNameEn: sites.nameEn, performedByName: users.name })
    .from(sealAudits)
    .innerJoin(users, eq(users.id, sealAudits.performedByUserId))
    .leftJoin(sites, eq(sites.id, sealAudits.siteId))
    .where(and(...conditions))
    .orderBy(desc(sealAudits.performedAt), desc(sealAudits.number));
  return limit === null ? query : query.limit(limit);
}

export async function getSealAudit(db: Database, orgId: string, auditId: string) {
  if (!isUuid(auditId)) return null;
  const [row] = await db
    .select({ audit: sealAudits, siteNameZh: sites.nameZh, siteNameEn: sites.nameEn, performedByName: users.name })
    .from(sealAudits)
    .innerJoin(users, eq(users.id, sealAudits.performedByUserId))
    .leftJoin(sites, eq(sites.id, sealAudits.siteId))
    .where(and(eq(sealAudits.organizationId, orgId), eq(sealAudits.id, auditId)));
  return row ?? null;
}

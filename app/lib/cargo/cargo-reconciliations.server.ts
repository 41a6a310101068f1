import {
  and,
  count,
  desc,
  eq,
  gte,
  ilike,
  lte,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import {
  cargoReconciliations,
  seals,
  sites,
  users,
} from "../../../db/schema";
import { assignableMembers } from "../actions/actions.server";
import { actionTitleOf, raiseCorrectiveAction } from "../actions/raise-action.server";
import { actionsOfSources } from "../actions/source-actions.server";
import { recordAudit } from "../audit/audit.server";
import type { Actor } from "../auth/actor";
import { LIST_COUNT_LIMIT, listTotal } from "../db.server";
import type { Database, Executor } from "../db-types.server";
import { linkRecordEvidence } from "../evidence/record-evidence.server";
import { refused } from "../form.server";
import { startOfDayInZone } from "../i18n/format";
import { message } from "../i18n/messages";
import { nextRunningNumber } from "../organizations/running-number.server";
import type { CargoFilter } from "./cargo-filter";
import { cargoReference } from "./cargo-rules";
import type { CargoReconciliationValues } from "./cargo-schema";

// The receiving and shipping reconciliation register: recording one (with its seal checked against
// the seal register, its evidence links and, for a discrepancy, its corrective action, all in one
// transaction), the register with its filters, one reconciliation, and the CSV export's rows.

export const CARGO_PAGE_SIZE = 50;

function escapeLike(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The seal register's view of the number: a shipped container leaves with one of the organisation's
 * own seals, applied; a received one may carry the sender's seal, which is not in the register. A
 * seal the register knows is refused when it was voided or reported compromised, or was applied to
 * another container.
 */
async function checkSeal(
  tx: Executor,
  orgId: string,
  values: CargoReconciliationValues,
) {
  if (!values.sealNumber) return { ok: true as const, sealId: null };
  const [seal] = await tx
    .select({ id: seals.id, status: seals.status, target: seals.target })
    .from(seals)
    .where(
      and(eq(seals.organizationId, orgId), eq(seals.number, values.sealNumber)),
    );
  const number = values.sealNumber;
  if (!seal) {
    if (values.direction === "shipping")
      return refused({
        sealNumber: message("cargo.errors.sealUnknown", { number }),
      });
    return { ok: true as const, sealId: null };
  }
  if (seal.status === "voided" || seal.status === "compromised")
    return refused({
      sealNumber: message(`cargo.errors.sealStatus.${seal.status}`, { number }),
    });
  if (
    values.direction === "shipping" &&
    (seal.status === "in_stock" || seal.status === "issued")
  )
    return refused({
      sealNumber: message("cargo.errors.sealNotApplied", { number }),
    });
  if (
    seal.target &&
    values.containerNumber &&
    seal.target !== values.containerNumber
  )
    return refused({
      sealNumber: message("cargo.errors.sealOtherContainer", {
        number,
        container: seal.target,
      }),
    });
  return { ok: true as const, sealId: seal.id };
}

export async function recordReconciliation(
  db: Database,
  actor: Actor,
  values: CargoReconciliationValues,
  /** The organisation's day and zone; now: the clock, or the demo seed's history. */
  when: { today: string; timeZone: string; now?: Date },
) {
  const now = when.now ?? new Date();
  if (values.reconciledOn > when.today)
    return refused({ reconciledOn: message("cargo.errors.future") });
  if (values.action) {
    const members = await assignableMembers(db, actor.organizationId);
    if (!members.some((m) => m.userId === values.action?.ownerUserId))
      return refused({ actionOwnerUserId: message("errors.choose") });
  }
  return db.transaction(async (tx) => {
    const [site] = await tx
      .select({ id: sites.id })
      .from(sites)
      .where(
        and(
          eq(sites.organizationId, actor.organizationId),
          eq(sites.id, values.siteId),
        ),
      );
    if (!site) return refused({ siteId: message("cargo.errors.site") });
    const seal = await checkSeal(tx, actor.organizationId, values);
    if (!seal.ok) return seal;
    const number = await nextRunningNumber(
      tx,
      actor.organizationId,
      cargoReconciliations,
    );
    const reference = cargoReference(number);
    const [row] = await tx
      .insert(cargoReconciliations)
      .values({
        organizationId: actor.organizationId,
        number,
        direction: values.direction,
        reconciledOn: values.reconciledOn,
        siteId: site.id,
        billOfLading: values.billOfLading ?? "",
        packingList: values.packingList ?? "",
        invoiceNumbers: values.invoiceNumbers ?? "",
        containerNumber: values.containerNumber ?? "",
        sealNumber: values.sealNumber ?? "",
        sealId: seal.sealId,
        expectedPackages: values.expectedPackages,
        countedPackages: values.countedPackages,
        expectedWeightKg:
          values.expectedWeightKg === undefined
            ? null
            : String(values.expectedWeightKg),
        countedWeightKg:
          values.countedWeightKg === undefined
            ? null
            : String(values.countedWeightKg),
        discrepancy: values.discrepancy,
        note: values.note ?? "",
        recordedByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error("recordReconciliation: nothing written");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "cargo_reconciliation",
      entityId: row.id,
      after: { ...row, reference },
    });
    // The evidenced thing happened on the day of the count: its start in the organisation's zone.
    const resolved = await linkRecordEvidence(tx, actor, {
      recordType: "cargo_reconciliation",
      recordId: row.id,
      occurredAt: startOfDayInZone(row.reconciledOn, when.timeZone),
    });
    let actionId: string | null = null;
    if (values.action) {
      const action = await raiseCorrectiveAction(
        tx,
        actor,
        {
          sourceType: "cargo_reconciliation",
          sourceId: row.id,
          criterionId: resolved.get("cn-2022-advanced/47") ?? null,
          // The title is the finding; the lists put the container and the reference before it (action-titles.ts).
          title: actionTitleOf(values.note ?? ""),
          description: values.note ?? "",
          ownerUserId: values.action.ownerUserId,
          dueOn: values.action.dueOn,
        },
        { now },
      );
      actionId = action.id;
    }
    return { ok: true as const, reconciliation: row, actionId };
  });
}

const rowColumns = {
  reconciliation: cargoReconciliations,
  siteNameZh: sites.nameZh,
  siteNameEn: sites.nameEn,
  recordedByName: users.name,
};

function baseQuery(db: Database) {
  return db
    .select(rowColumns)
    .from(cargoReconciliations)
    .innerJoin(sites, eq(sites.id, cargoReconciliations.siteId))
    .innerJoin(users, eq(users.id, cargoReconciliations.recordedByUserId));
}

function conditions(orgId: string, filter: CargoFilter): SQL[] {
  const where: SQL[] = [eq(cargoReconciliations.organizationId, orgId)];
  if (filter.site) where.push(eq(cargoReconciliations.siteId, filter.site));
  if (filter.direction)
    where.push(eq(cargoReconciliations.direction, filter.direction));
  if (filter.from)
    where.push(gte(cargoReconciliations.reconciledOn, filter.from));
  if (filter.to) where.push(lte(cargoReconciliations.reconciledOn, filter.to));
  if (filter.discrepancy)
    where.push(eq(cargoReconciliations.discrepancy, true));
  if (filter.q) {
    const pattern = escapeLike(filter.q);
    where.push(
      or(
        ilike(cargoReconciliations.billOfLading, pattern),
        ilike(cargoReconciliations.packingList, pattern),
        ilike(cargoReconciliations.invoiceNumbers, pattern),
        ilike(cargoReconciliations.containerNumber, pattern),
        ilike(cargoReconciliations.sealNumber, pattern),
      ) as SQL,
    );
  }
  return where;
}

/** The register, newest first, filtered; `limit` null for all (the CSV export). */
export async function listReconciliations(
  db: Database,
  orgId: string,
  filter: CargoFilter,
  page: { limit: number | null; offset: number } = {
    limit: CARGO_PAGE_SIZE,
    offset: 0,
  },
) {
  const where = and(...conditions(orgId, filter));
  const query = baseQuery(db)
    .where(where)
    .orderBy(
      desc(cargoReconciliations.reconciledOn),
      desc(cargoReconciliations.number),
    );
  const rows =
    page.limit === null
      ? await query
      : await query.limit(page.limit).offset(page.offset);
  if (page.limit === null) return { total: rows.length, more: false, rows };
  const matching = db
    .select({ one: sql`1` })
    .from(cargoReconciliations)
    .where(where)
    .limit(page.offset + LIST_COUNT_LIMIT + 1)
    .as("matching");
  const [counted] = await db.select({ n: count() }).from(matching);
  return { ...listTotal(counted?.n, page.offset), rows };
}

/** One reconciliation with the actions its discrepancy raised; null when it is not the organisation's. */
export async function getReconciliation(
  db: Database,
  orgId: string,
  id: string,
) {
  const [row] = await baseQuery(db).where(
    and(
      eq(cargoReconciliations.organizationId, orgId),
      eq(cargoReconciliations.id, id),
    ),
  );
  if (!row) return null;
  const actions = (await actionsOfSources(db, orgId, "cargo_reconciliation", [id])).get(id) ?? [];
  return { ...row, actions };
}

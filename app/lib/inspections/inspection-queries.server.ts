import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { checklistTemplates, correctiveActions, criteria, evidenceLinks, frameworks, inspectionAnswers, inspections, sites, users } from "../../../db/schema";
import { LIST_COUNT_LIMIT, listTotal, type ListTotal } from "../db.server";
import type { Database } from "../db-types.server";
import { endOfDayInZone, startOfDayInZone } from "../i18n/format";
import type { InspectionListFilter } from "./inspection-filter";
import { listDraftPhotos } from "./inspection-drafts.server";
import { releaseOf } from "./inspection-records.server";
import { inspectionReference, releaseState } from "./inspection-rules";
import type { InspectionHeader } from "./inspection-schema";
import { unfinishedStatuses } from "../actions/action-statuses";

// Reading submitted inspections: the filtered list (and the export), one inspection's page, and
// what the dashboard points at.

export const INSPECTIONS_PAGE_SIZE = 50;

function filterConditions(orgId: string, filter: InspectionListFilter, timeZone: string): SQL[] {
  const conditions: SQL[] = [eq(inspections.organizationId, orgId), eq(inspections.status, "submitted")];
  if (filter.site) conditions.push(eq(inspections.siteId, filter.site));
  if (filter.template) conditions.push(eq(checklistTemplates.code, filter.template));
  if (filter.result) conditions.push(eq(inspections.result, filter.result));
  if (filter.from) conditions.push(gte(inspections.occurredAt, startOfDayInZone(filter.from, timeZone)));
  if (filter.to) conditions.push(lt(inspections.occurredAt, endOfDayInZone(filter.to, timeZone)));
  if (filter.container) {
    const pattern = `%${filter.container
      .toUpperCase()
      .replace(/[\s\-/]/g, "")
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`${inspections.containerNumber} ilike ${pattern}`);
  }
  return conditions;
}

const openActionsOf =
  sql<number>`(select count(*) from ${correctiveActions} where ${correctiveActions.organizationId} = ${inspections.organizationId} and ${correctiveActions.sourceType} = 'inspection' and ${correctiveActions.sourceId} = ${inspections.id} and ${correctiveActions.status} in ('open', 'in_progress', 'awaiting_verification'))`.mapWith(
    Number,
  );

/** Of those, the closed findings waiting for a supervisor's verification. */
const unverifiedActionsOf =
  sql<number>`(select count(*) from ${correctiveActions} where ${correctiveActions.organizationId} = ${inspections.organizationId} and ${correctiveActions.sourceType} = 'inspection' and ${correctiveActions.sourceId} = ${inspections.id} and ${correctiveActions.status} = 'awaiting_verification')`.mapWith(
    Number,
  );

/** Submitted inspections, newest first, filtered; `limit` null for all (the CSV export). */
export async function listInspections(
  db: Database,
  orgId: string,
  filter: InspectionListFilter,
  timeZone: string,
  page: { limit: number | null; offset: number } = { limit: INSPECTIONS_PAGE_SIZE, offset: 0 },
) {
  const where = and(...filterConditions(orgId, filter, timeZone));
  const query = db
    .select({
      inspection: inspections,
      templateCode: checklistTemplates.code,
      templateVersion: checklistTemplates.version,
      templateTitleZh: checklistTemplates.titleZh,
      templateTitleEn: checklistTemplates.titleEn,
      siteNameZh: sites.nameZh,
      siteNameEn: sites.nameEn,
      inspectorName: users.name,
      openActions: openActionsOf,
    })
    .from(inspections)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId))
    .leftJoin(sites, eq(sites.id, inspections.siteId))
    .innerJoin(users, eq(users.id, inspections.inspectorUserId))
    .where(where)
    .orderBy(desc(inspections.occurredAt), desc(inspections.number));
  const rows = page.limit === null ? await query : await query.limit(page.limit).offset(page.offset);
  // The export's count is its length. A page's is counted up to LIST_COUNT_LIMIT past it: at
  // 100,000 inspections 1 ms instead of a 48 ms parallel scan of all of them.
  let total: ListTotal = { total: rows.length, more: false };
  if (page.limit !== null) {
    const matching = db
      .select({ one: sql`1` })
      .from(inspections)
      .innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId))
      .where(where)
      .limit(page.offset + LIST_COUNT_LIMIT + 1)
      .as("matching");
    const [counted] = await db.select({ n: count() }).from(matching);
    total = listTotal(counted?.n, page.offset);
  }
  return { ...total, rows: rows.map((r) => ({ ...r, release: releaseOf(r.inspection, r.openActions) })) };
}

/** Everything the inspection's page shows. Null for a draft, another organisation's id or none. */
export async function getInspectionView(db: Database, orgId: string, inspectionId: string) {
  const [row] = await db
    .select({ inspection: inspections, template: checklistTemplates, siteNameZh: sites.nameZh, siteNameEn: sites.nameEn })
    .from(inspections)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId))
    .leftJoin(sites, eq(sites.id, inspections.siteId))
    .where(and(eq(inspections.organizationId, orgId), eq(inspections.id, inspectionId), eq(inspections.status, "submitted")));
  if (!row) return null;
  const { inspection } = row;
  const [answers, photos, actions, evidence] = await Promise.all([
    db
      .select()
      .from(inspectionAnswers)
      .where(and(eq(inspectionAnswers.organizationId, orgId), eq(inspectionAnswers.inspectionId, inspection.id))),
    listDraftPhotos(db, orgId, inspection.id),
    db
      .select({ action: correctiveActions, ownerName: users.name })
      .from(correctiveActions)
      .innerJoin(users, eq(users.id, correctiveActions.ownerUserId))
      .where(
        and(
          eq(correctiveActions.organizationId, orgId),
          eq(correctiveActions.sourceType, "inspection"),
          eq(correctiveActions.sourceId, inspection.id),
        ),
      )
      .orderBy(asc(correctiveActions.number)),
    db
      .select({
        frameworkCode: frameworks.code,
        key: criteria.key,
        code: criteria.code,
        level: criteria.level,
        part: criteria.part,
        titleZh: criteria.titleZh,
        titleEn: criteria.titleEn,
        position: criteria.position,
      })
      .from(evidenceLinks)
      .innerJoin(criteria, eq(criteria.id, evidenceLinks.criterionId))
      .innerJoin(frameworks, eq(frameworks.id, criteria.frameworkId))
      .where(
        and(eq(evidenceLinks.organizationId, orgId), eq(evidenceLinks.recordType, "inspection"), eq(evidenceLinks.recordId, inspection.id)),
      )
      .orderBy(asc(frameworks.code), asc(criteria.position)),
  ]);
  const peopleIds = [inspection.inspectorUserId, inspection.signedOffByUserId, inspection.releasedByUserId].filter((x): x is string => !!x);
  const people = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, peopleIds));
  const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? null) : null);
  const openActions = actions.filter((a) => (unfinishedStatuses as readonly string[]).includes(a.action.status)).length;
  return {
    inspection,
    reference: inspectionReference(inspection.number ?? 0),
    template: row.template,
    site: row.siteNameZh ? { nameZh: row.siteNameZh, nameEn: row.siteNameEn ?? "" } : null,
    header: inspection.header as InspectionHeader,
    answers,
    photos,
    actions,
    evidence,
    inspectorName: nameOf(inspection.inspectorUserId),
    signedOffByName: nameOf(inspection.signedOffByUserId),
    releasedByName: nameOf(inspection.releasedByUserId),
    release: releaseOf(inspection, openActions),
  };
}

export type InspectionView = NonNullable<Awaited<ReturnType<typeof getInspectionView>>>;

/**
 * Submitted inspections the dashboard points at: waiting for a signature, or blocked from release.
 * The partial index inspections_needing_attention holds only gated containers not yet released and
 * inspections waiting for a required signature (at 100,000 inspections: about 190 rows, 1 ms),
 * so the work does not grow with the organisation's history.
 */
export async function inspectionsNeedingAttention(db: Database, orgId: string) {
  const rows = await db
    .select({
      id: inspections.id,
      number: inspections.number,
      siteId: inspections.siteId,
      occurredAt: inspections.occurredAt,
      containerNumber: inspections.containerNumber,
      header: inspections.header,
      failedPoints: inspections.failedPoints,
      signedOffAt: inspections.signedOffAt,
      releasedAt: inspections.releasedAt,
      releaseOverrideReason: inspections.releaseOverrideReason,
      releaseGate: inspections.releaseGate,
      signoffRequired: inspections.signoffRequired,
      titleZh: checklistTemplates.titleZh,
      titleEn: checklistTemplates.titleEn,
      openActions: openActionsOf,
      unverifiedActions: unverifiedActionsOf,
    })
    .from(inspections)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId))
    .where(
      and(
        eq(inspections.organizationId, orgId),
        // The index's predicate, word for word, so the planner uses it.
        sql`(status = 'submitted' and ((release_gate and released_at is null) or (signoff_required and signed_off_at is null)))`,
        sql`((${inspections.signoffRequired} and ${inspections.signedOffAt} is null) or (${inspections.failedPoints} > 0 and ${openActionsOf} > 0))`,
      ),
    )
    .orderBy(desc(inspections.occurredAt))
    .limit(200);
  return rows.map((r) => ({
    ...r,
    reference: inspectionReference(r.number ?? 0),
    release: releaseState({
      releaseGate: r.releaseGate,
      supervisorSignoff: r.signoffRequired ? "required" : "optional",
      signedOff: r.signedOffAt !== null,
      failedPoints: r.failedPoints,
      openActions: r.openActions,
      released: r.releasedAt !== null,
      overridden: r.releaseOverrideReason !== null,
    }),
    awaitingSignoff: r.signoffRequired && r.signedOffAt === null,
  }));
}

/**
 * Findings closed by their owner on inspections whose container still waits for release: each waits
 * for a supervisor (not the inspector, not the closer) to verify the closure before the release. With
 * each inspection, its actions awaiting verification.
 * Two steps: the candidates through the partial index inspections_needing_attention (a few hundred
 * rows at 365,000 inspections, newest first), then all their actions by one array parameter, open
 * ones deciding in code. One join let the planner start from every done action of the year instead
 * (57 ms against a few), and a count of open actions per candidate in SQL made it sort them all.
 */
export async function inspectionsAwaitingVerification(db: Database, orgId: string) {
  const candidates = await db
    .select({
      id: inspections.id,
      number: inspections.number,
      siteId: inspections.siteId,
      containerNumber: inspections.containerNumber,
      titleZh: checklistTemplates.titleZh,
      titleEn: checklistTemplates.titleEn,
    })
    .from(inspections)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId))
    .where(
      and(
        eq(inspections.organizationId, orgId),
        // The index's predicate, word for word, so the planner uses it.
        sql`(status = 'submitted' and ((release_gate and released_at is null) or (signoff_required and signed_off_at is null)))`,
        sql`${inspections.releaseGate} and ${inspections.releasedAt} is null and ${inspections.failedPoints} > 0`,
        sql`not (${inspections.signoffRequired} and ${inspections.signedOffAt} is null)`,
      ),
    )
    .orderBy(desc(inspections.occurredAt))
    .limit(200);
  const ids = candidates.map((c) => c.id);
  const all = await db
    .select()
    .from(correctiveActions)
    .where(
      and(
        eq(correctiveActions.organizationId, orgId),
        eq(correctiveActions.sourceType, "inspection"),
        sql`${correctiveActions.sourceId} = any(${sql.param(ids)}::text[]::uuid[])`,
      ),
    )
    .orderBy(asc(correctiveActions.number));
  const actions = all.filter((a) => a.status === "awaiting_verification");
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return actions.flatMap((action) => {
    const inspection = byId.get(action.sourceId);
    return inspection ? [{ ...inspection, reference: inspectionReference(inspection.number ?? 0), action }] : [];
  });
}

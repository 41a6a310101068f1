// Reading corrective actions: the list with its filters and counts, one action, a partner's actions,
// each named by what raised it (an assessment's criterion, an inspection's failed point, a partner's
// evaluation or supervision check, an internal audit, a cargo reconciliation, an incident).
import { differenceInCalendarDays, parseISO } from "date-fns";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  cargoReconciliations,
  continuityTests,
  assessments,
  checklistTemplates,
  correctiveActions,
  criteria,
  evidenceFiles,
  frameworks,
  incidents,
  inspections,
  internalAudits,
  partnerEvaluations,
  partners,
  supervisionChecks,
  users,
} from "../../../db/schema";
import type { Database } from "../db-types.server";
import type { CodeParts } from "../criteria/criterion-code";
import { displayCode } from "../criteria/criterion-code.server";
import { assessmentReference } from "../assessments/result-labels";
import { inspectionReference } from "../inspections/inspection-rules";
import { evaluationReference, partnerReference } from "../partners/partner-references";
import { allItems } from "../inspections/template-definition";
import { unfinishedStatuses } from "./action-statuses";
import { actionTitles } from "./action-titles";
import { formatReference } from "../references";
import { cargoReference } from "../cargo/cargo-rules";
import { incidentReference } from "../incidents/incident-rules";
import type { InspectionHeader } from "../inspections/inspection-schema";

// A sub-item's code ("（2）") only means something after its item's: the list shows both.
const parentCriteria = alias(criteria, "parent_criteria");

/** A criterion's code as the standard prints it, a sub-item after its item: "5（2）", "单项3（1）". */
export function criterionDisplayCode(criterion: CodeParts, parent: CodeParts | null): { zh: string; en: string } {
  const own = displayCode(criterion);
  const up = criterion.level === "sub_item" && parent?.code ? displayCode(parent) : null;
  const zh = up ? `${up.zh}${own.zh}` : own.zh;
  const en = up ? `${up.en} ${own.en}` : own.en;
  return { zh, en: en.replace(/（/g, "(").replace(/）/g, ")") };
}

export type ActionFilter = { status?: "open" | "closed" | "all"; mine?: boolean };

/** All corrective actions, overdue first, then by due date. */
export async function listActions(db: Database, orgId: string, userId: string, filter: ActionFilter, today: string) {
  const status = filter.status ?? "open";
  const rows = await db
    .select({
      action: correctiveActions,
      ownerName: users.name,
      criterionCode: criteria.code,
      criterionKey: criteria.key,
      criterionTitleZh: criteria.titleZh,
      criterionTitleEn: criteria.titleEn,
      criterionPart: criteria.part,
      criterionLevel: criteria.level,
      parentCode: parentCriteria.code,
      parentPart: parentCriteria.part,
      parentLevel: parentCriteria.level,
      frameworkCode: frameworks.code,
    })
    .from(correctiveActions)
    .innerJoin(users, eq(users.id, correctiveActions.ownerUserId))
    .leftJoin(criteria, eq(criteria.id, correctiveActions.criterionId))
    .leftJoin(parentCriteria, eq(parentCriteria.id, criteria.parentId))
    .leftJoin(frameworks, eq(frameworks.id, criteria.frameworkId))
    .where(
      and(
        eq(correctiveActions.organizationId, orgId),
        status === "open" ? inArray(correctiveActions.status, [...unfinishedStatuses]) : undefined,
        status === "closed" ? inArray(correctiveActions.status, ["done", "cancelled"]) : undefined,
        filter.mine ? eq(correctiveActions.ownerUserId, userId) : undefined,
      ),
    )
    .orderBy(
      sql`case when ${correctiveActions.status} in ('open','in_progress') and ${correctiveActions.dueOn} < ${today} then 0 else 1 end`,
      asc(correctiveActions.dueOn),
      asc(correctiveActions.number),
    );
  const sources = await actionSources(db, orgId, rows.map((r) => r.action));
  return rows.map((r) => {
    const source = sources.get(r.action.id) ?? null;
    return {
      ...r,
      overdue: isOverdue(r.action, today),
      daysOverdue: daysOverdue(r.action, today),
      source,
      titles: actionTitles(r.action, source),
    };
  });
}

export interface ActionSource {
  type: "assessment" | "inspection" | "partner_evaluation" | "supervision_check" | "internal_audit" | "cargo_reconciliation" | "incident" | "continuity_test";
  id: string;
  reference: string;
  /** Where the source is shown. */
  href: string;
  /** The failed point of an inspection, in both languages. */
  point: { number: string; promptZh: string; promptEn: string } | null;
  /** The container number or truck plate of an inspection. */
  target?: string | null;
  /** The partner an evaluation or supervision check is about. */
  partner?: { zh: string; en: string } | null;
}

/** What raised each action (by action id): its assessment, or its inspection and failed point. */
export async function actionSources(
  db: Database,
  orgId: string,
  actions: readonly { id: string; sourceType: string; sourceId: string; sourceItemKey: string | null }[],
): Promise<Map<string, ActionSource>> {
  const ids = (type: string) => [...new Set(actions.filter((a) => a.sourceType === type).map((a) => a.sourceId))];
  const assessmentIds = ids("assessment");
  const inspectionIds = ids("inspection");
  const evaluationIds = ids("partner_evaluation");
  const checkIds = ids("supervision_check");
  const internalAuditIds = ids("internal_audit");
  const cargoIds = ids("cargo_reconciliation");
  const incidentIds = ids("incident");
  const continuityTestIds = ids("continuity_test");
  // Each list is ONE array parameter and every query runs, with an empty list too: a page sends the
  // same statements whatever mix of sources its actions have, and never a bind parameter per id.
  const anyOf = (ids: readonly string[]) => sql`any(${sql.param([...ids])}::text[]::uuid[])`;
  const [assessmentRows, inspectionRows, definitionRows, evaluationRows, checkRows, internalAuditRows, cargoRows, incidentRows, continuityTestRows] = await Promise.all([
    db
      .select({ id: assessments.id, assessedOn: assessments.assessedOn, number: assessments.number })
      .from(assessments)
      .where(and(eq(assessments.organizationId, orgId), sql`${assessments.id} = ${anyOf(assessmentIds)}`)),
    db
      .select({
        id: inspections.id,
        number: inspections.number,
        templateId: inspections.templateId,
        containerNumber: inspections.containerNumber,
        header: inspections.header,
      })
      .from(inspections)
      .where(and(eq(inspections.organizationId, orgId), sql`${inspections.id} = ${anyOf(inspectionIds)}`)),
    // Each checklist version's definition once, not once per inspection that used it.
    db
      .select({ id: checklistTemplates.id, definition: checklistTemplates.definition })
      .from(checklistTemplates)
      .where(
        sql`${checklistTemplates.id} in (select ${inspections.templateId} from ${inspections}
          where ${inspections.organizationId} = ${orgId} and ${inspections.id} = ${anyOf(inspectionIds)})`,
      ),
    db
      .select({ id: partnerEvaluations.id, number: partnerEvaluations.number, partnerZh: partners.legalNameZh, partnerEn: partners.legalNameEn })
      .from(partnerEvaluations)
      .innerJoin(partners, eq(partners.id, partnerEvaluations.partnerId))
      .where(and(eq(partnerEvaluations.organizationId, orgId), sql`${partnerEvaluations.id} = ${anyOf(evaluationIds)}`)),
    db
      .select({
        id: supervisionChecks.id,
        partnerId: supervisionChecks.partnerId,
        partnerNumber: partners.number,
        partnerZh: partners.legalNameZh,
        partnerEn: partners.legalNameEn,
      })
      .from(supervisionChecks)
      .innerJoin(partners, eq(partners.id, supervisionChecks.partnerId))
      .where(and(eq(supervisionChecks.organizationId, orgId), sql`${supervisionChecks.id} = ${anyOf(checkIds)}`)),
    db
      .select({ id: internalAudits.id, number: internalAudits.number })
      .from(internalAudits)
      .where(and(eq(internalAudits.organizationId, orgId), sql`${internalAudits.id} = ${anyOf(internalAuditIds)}`)),
    db
      .select({ id: cargoReconciliations.id, number: cargoReconciliations.number, containerNumber: cargoReconciliations.containerNumber })
      .from(cargoReconciliations)
      .where(and(eq(cargoReconciliations.organizationId, orgId), sql`${cargoReconciliations.id} = ${anyOf(cargoIds)}`)),
    db
      .select({ id: incidents.id, number: incidents.number })
      .from(incidents)
      .where(and(eq(incidents.organizationId, orgId), sql`${incidents.id} = ${anyOf(incidentIds)}`)),
    db
      .select({ id: continuityTests.id, number: continuityTests.number, planId: continuityTests.planId })
      .from(continuityTests)
      .where(and(eq(continuityTests.organizationId, orgId), sql`${continuityTests.id} = ${anyOf(continuityTestIds)}`)),
  ]);
  const definitions = new Map(definitionRows.map((t) => [t.id, t.definition]));
  // By id: the attention model names every open action at once, and a find() per action over
  // thousands of sources would grow with the square of them.
  const byId = <R extends { id: string }>(rows: readonly R[]) => new Map(rows.map((r) => [r.id, r]));
  const assessmentById = byId(assessmentRows);
  const inspectionById = byId(inspectionRows);
  const evaluationById = byId(evaluationRows);
  const checkById = byId(checkRows);
  const internalAuditById = byId(internalAuditRows);
  const cargoById = byId(cargoRows);
  const incidentById = byId(incidentRows);
  const continuityTestById = byId(continuityTestRows);
  const sources = new Map<string, ActionSource>();
  for (const action of actions) {
    if (action.sourceType === "assessment") {
      const row = assessmentById.get(action.sourceId);
      if (row) sources.set(action.id, { type: "assessment", id: row.id, reference: assessmentReference(row.assessedOn, row.number), href: `/assessments/${row.id}`, point: null });
    } else if (action.sourceType === "inspection") {
      const row = inspectionById.get(action.sourceId);
      if (!row) continue;
      const definition = definitions.get(row.templateId);
      const item = definition ? allItems(definition).find((i) => i.key === action.sourceItemKey) : undefined;
      sources.set(action.id, {
        type: "inspection",
        id: row.id,
        reference: inspectionReference(row.number ?? 0),
        href: `/inspections/${row.id}`,
        point: item ? { number: item.number, promptZh: item.promptZh, promptEn: item.promptEn } : null,
        target: row.containerNumber ?? (row.header as InspectionHeader).truckPlate ?? null,
      });
    } else if (action.sourceType === "partner_evaluation") {
      const row = evaluationById.get(action.sourceId);
      if (row)
        sources.set(action.id, {
          type: "partner_evaluation",
          id: row.id,
          reference: evaluationReference(row.number),
          href: `/evaluations/${row.id}`,
          point: null,
          partner: { zh: row.partnerZh, en: row.partnerEn },
        });
    } else if (action.sourceType === "cargo_reconciliation") {
      const row = cargoById.get(action.sourceId);
      if (row)
        sources.set(action.id, {
          type: "cargo_reconciliation",
          id: row.id,
          reference: cargoReference(row.number),
          href: `/cargo/${row.id}`,
          point: null,
          target: row.containerNumber || null,
        });
    } else if (action.sourceType === "supervision_check") {
      const row = checkById.get(action.sourceId);
      if (row) {
        const reference = partnerReference(row.partnerNumber);
        sources.set(action.id, {
          type: "supervision_check",
          id: row.id,
          reference,
          href: `/partners/${row.partnerId}#supervision`,
          point: null,
          partner: { zh: row.partnerZh, en: row.partnerEn },
        });
      }
    } else if (action.sourceType === "internal_audit") {
      const row = internalAuditById.get(action.sourceId);
      if (row)
        sources.set(action.id, {
          type: "internal_audit",
          id: row.id,
          reference: formatReference("internalAudit", row.number),
          href: `/internal-audits/${row.id}`,
          point: null,
        });
    } else if (action.sourceType === "incident") {
      const row = incidentById.get(action.sourceId);
      if (row)
        sources.set(action.id, { type: "incident", id: row.id, reference: incidentReference(row.number), href: `/incidents/${row.id}`, point: null });
    } else if (action.sourceType === "continuity_test") {
      const row = continuityTestById.get(action.sourceId);
      if (row)
        sources.set(action.id, {
          type: "continuity_test",
          id: row.id,
          reference: formatReference("continuityTest", row.number),
          href: `/continuity/${row.planId}#test-${row.id}`,
          point: null,
        });
    }
  }
  return sources;
}


/** The actions a partner's evaluations and supervision checks raised. */
export async function actionsOfPartner(db: Database, orgId: string, partnerId: string, today: string) {
  const rows = await db
    .select({ action: correctiveActions })
    .from(correctiveActions)
    .where(
      and(
        eq(correctiveActions.organizationId, orgId),
        // In brackets of its own: and() does not bracket a raw "or".
        sql`((${correctiveActions.sourceType} = 'partner_evaluation' and ${correctiveActions.sourceId} in (select id from partner_evaluations where partner_id = ${partnerId} and organization_id = ${orgId}))
          or (${correctiveActions.sourceType} = 'supervision_check' and ${correctiveActions.sourceId} in (select id from supervision_checks where partner_id = ${partnerId} and organization_id = ${orgId})))`,
      ),
    )
    .orderBy(asc(correctiveActions.number));
  return rows.map(({ action }) => ({ id: action.id, number: action.number, title: action.title, status: action.status, dueOn: action.dueOn, overdue: isOverdue(action, today) }));
}

export function isOverdue(action: { status: string; dueOn: string }, today: string): boolean {
  return (action.status === "open" || action.status === "in_progress") && action.dueOn < today;
}

/** Whole calendar days past the due date of an open action (0 when it is not overdue). */
export function daysOverdue(action: { status: string; dueOn: string }, today: string): number {
  return isOverdue(action, today) ? differenceInCalendarDays(parseISO(today), parseISO(action.dueOn)) : 0;
}

/** How many actions each filter of the list shows, for its tabs. */
export async function countActions(db: Database, orgId: string, userId: string, mine: boolean) {
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${correctiveActions.status} in ('open','in_progress','awaiting_verification'))`.mapWith(Number),
      closed: sql<number>`count(*) filter (where ${correctiveActions.status} in ('done','cancelled'))`.mapWith(Number),
      all: sql<number>`count(*)`.mapWith(Number),
    })
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, orgId), mine ? eq(correctiveActions.ownerUserId, userId) : undefined));
  return { open: row?.open ?? 0, closed: row?.closed ?? 0, all: row?.all ?? 0 };
}

export async function countOpenActions(db: Database, orgId: string, today: string) {
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${correctiveActions.status} in ('open','in_progress','awaiting_verification'))`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${correctiveActions.status} in ('open','in_progress') and ${correctiveActions.dueOn} < ${today})`.mapWith(Number),
    })
    .from(correctiveActions)
    .where(eq(correctiveActions.organizationId, orgId));
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}

export async function getAction(db: Database, orgId: string, actionId: string) {
  const [row] = await db
    .select({
      action: correctiveActions,
      ownerName: users.name,
      criterion: criteria,
      parent: { code: parentCriteria.code, part: parentCriteria.part, level: parentCriteria.level },
      frameworkCode: frameworks.code,
      frameworkVersion: frameworks.version,
    })
    .from(correctiveActions)
    .innerJoin(users, eq(users.id, correctiveActions.ownerUserId))
    .leftJoin(criteria, eq(criteria.id, correctiveActions.criterionId))
    .leftJoin(parentCriteria, eq(parentCriteria.id, criteria.parentId))
    .leftJoin(frameworks, eq(frameworks.id, criteria.frameworkId))
    .where(and(eq(correctiveActions.organizationId, orgId), eq(correctiveActions.id, actionId)));
  if (!row) return null;
  const source = (await actionSources(db, orgId, [row.action])).get(row.action.id) ?? null;
  const [closingFile] = row.action.closingFileId
    ? await db
        .select()
        .from(evidenceFiles)
        .where(and(eq(evidenceFiles.organizationId, orgId), eq(evidenceFiles.id, row.action.closingFileId)))
    : [];
  const peopleIds = [row.action.createdByUserId, row.action.closedByUserId, row.action.verifiedByUserId].filter((x): x is string => !!x);
  const people = peopleIds.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, peopleIds))
    : [];
  return {
    ...row,
    source,
    titles: actionTitles(row.action, source),
    closingFile: closingFile ?? null,
    createdByName: people.find((p) => p.id === row.action.createdByUserId)?.name ?? null,
    closedByName: people.find((p) => p.id === row.action.closedByUserId)?.name ?? null,
    verifiedByName: people.find((p) => p.id === row.action.verifiedByUserId)?.name ?? null,
  };
}

/**
 * Open actions due on or before `horizon` (overdue ones included), soonest first, up to `limit`,
 * of one owner when given: the attention model's "action due" items, through the (organisation,
 * status, due date) index.
 */
export async function openActionsDueBy(db: Database, orgId: string, horizon: string, limit: number, ownerUserId?: string) {
  const rows = await db
    .select({ action: correctiveActions })
    .from(correctiveActions)
    .where(
      and(
        eq(correctiveActions.organizationId, orgId),
        inArray(correctiveActions.status, ["open", "in_progress"]),
        sql`${correctiveActions.dueOn} <= ${horizon}`,
        ownerUserId ? eq(correctiveActions.ownerUserId, ownerUserId) : undefined,
      ),
    )
    .orderBy(asc(correctiveActions.dueOn), asc(correctiveActions.number))
    .limit(limit);
  const sources = await actionSources(db, orgId, rows.map((r) => r.action));
  return rows.map(({ action }) => {
    const source = sources.get(action.id) ?? null;
    return { action, source, titles: actionTitles(action, source) };
  });
}

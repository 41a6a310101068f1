import { and, asc, desc, eq, sql } from "drizzle-orm";
import { correctiveActions, internalAuditFindings, internalAudits, users } from "../../../db/schema";
import { assignableMembers } from "../actions/actions.server";
import { actionTitleOf, raiseCorrectiveAction } from "../actions/raise-action.server";
import { recordAudit } from "../audit/audit.server";
import type { Actor } from "../auth/actor";
import type { Database, Executor } from "../db-types.server";
import { linkRecordEvidence, noon } from "../evidence/record-evidence.server";
import { refused, type FieldErrors } from "../form.server";
import type { Locale } from "../i18n/config";
import { message } from "../i18n/messages";
import { createI18n } from "../i18n/translations.server";
import { nextRunningNumber } from "../organizations/running-number.server";
import { formatReference } from "../references";
import { csvDocument } from "../spreadsheet-cells.server";
import { findingField, findingsOf, type InternalAuditValues } from "./internal-audit-schema";

// The annual internal audit register (CN-2022 (10)/(11)): recording an audit with its findings, the
// corrective actions the findings raise, its evidence links and audit event, all in one transaction;
// the list, one audit, and the CSV export. Every query is the organisation's own.

export const internalAuditReference = (number: number) => formatReference("internalAudit", number);

export async function createInternalAudit(
  db: Database,
  actor: Actor,
  values: InternalAuditValues,
  /** When it is recorded: the clock, or the demo seed's history. */
  now = new Date(),
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
  const findings = findingsOf(values);
  const members = new Set((await assignableMembers(db, actor.organizationId)).map((m) => m.userId));
  const errors: FieldErrors = {};
  for (const finding of findings)
    if (finding.action && !members.has(finding.action.ownerUserId))
      errors[findingField(finding.row, "OwnerUserId")] = message("internalAudits.errors.owner");
  if (Object.keys(errors).length) return refused(errors);

  return db.transaction(async (tx) => {
    const number = await nextRunningNumber(tx, actor.organizationId, internalAudits);
    const [audit] = await tx
      .insert(internalAudits)
      .values({
        organizationId: actor.organizationId,
        number,
        auditedOn: values.auditedOn,
        scope: values.scope,
        auditors: values.auditors,
        result: values.result,
        conclusion: values.conclusion,
        createdByUserId: actor.userId,
        createdAt: now,
      })
      .returning();
    const reference = internalAuditReference(number);
    const rows = [];
    for (const finding of findings) {
      let actionId: string | null = null;
      if (finding.action) {
        const title = actionTitleOf(finding.description);
        const action = await raiseCorrectiveAction(
          tx,
          actor,
          {
            sourceType: "internal_audit",
            sourceId: audit!.id,
            sourceItemKey: `finding-${finding.position}`,
            title,
            description: finding.description,
            ownerUserId: finding.action.ownerUserId,
            dueOn: finding.action.dueOn,
          },
          { now, noticeTitle: `${reference} · ${title}` },
        );
        actionId = action.id;
      }
      const [row] = await tx
        .insert(internalAuditFindings)
        .values({
          organizationId: actor.organizationId,
          auditId: audit!.id,
          position: finding.position,
          description: finding.description,
          severity: finding.severity,
          actionId,
        })
        .returning();
      rows.push(row);
    }
    await linkRecordEvidence(tx, actor, { recordType: "internal_audit", recordId: audit!.id, occurredAt: noon(values.auditedOn) });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "internal_audit",
      entityId: audit!.id,
      after: { ...audit, findings: rows },
    });
    return { ok: true as const, id: audit!.id };
  });
}

export interface InternalAuditRow {
  id: string;
  number: number;
  reference: string;
  auditedOn: string;
  scope: string;
  auditors: string;
  result: "conforms" | "conforms_with_findings" | "does_not_conform";
  conclusion: string;
  findingCount: number;
  majorCount: number;
  actionCount: number;
  recordedByName: string | null;
}

/** The organisation's internal audits, newest first. */
export async function listInternalAudits(db: Executor, orgId: string): Promise<InternalAuditRow[]> {
  const rows = await db
    .select({
      audit: internalAudits,
      recordedByName: users.name,
      findingCount: sql<number>`(select count(*) from ${internalAuditFindings} f where f.organization_id = ${internalAudits.organizationId} and f.audit_id = ${internalAudits.id})`.mapWith(Number),
      majorCount: sql<number>`(select count(*) from ${internalAuditFindings} f where f.organization_id = ${internalAudits.organizationId} and f.audit_id = ${internalAudits.id} and f.severity = 'major')`.mapWith(Number),
      actionCount: sql<number>`(select count(*) from ${internalAuditFindings} f where f.organization_id = ${internalAudits.organizationId} and f.audit_id = ${internalAudits.id} and f.action_id is not null)`.mapWith(Number),
    })
    .from(internalAudits)
    .leftJoin(users, eq(users.id, internalAudits.createdByUserId))
    .where(eq(internalAudits.organizationId, orgId))
    .orderBy(desc(internalAudits.auditedOn), desc(internalAudits.number))
    .limit(500);
  return rows.map((r) => ({
    id: r.audit.id,
    number: r.audit.number,
    reference: internalAuditReference(r.audit.number),
    auditedOn: r.audit.auditedOn,
    scope: r.audit.scope,
    auditors: r.audit.auditors,
    result: r.audit.result,
    conclusion: r.audit.conclusion,
    findingCount: r.findingCount,
    majorCount: r.majorCount,
    actionCount: r.actionCount,
    recordedByName: r.recordedByName,
  }));
}

/** One audit with its findings and their actions, or null (another organisation's is not found). */
export async function getInternalAudit(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select({ audit: internalAudits, recordedByName: users.name })
    .from(internalAudits)
    .leftJoin(users, eq(users.id, internalAudits.createdByUserId))
    .where(and(eq(internalAudits.organizationId, orgId), eq(internalAudits.id, id)));
  if (!row) return null;
  const findings = await db
    .select({
      id: internalAuditFindings.id,
      position: internalAuditFindings.position,
      description: internalAuditFindings.description,
      severity: internalAuditFindings.severity,
      actionId: correctiveActions.id,
      actionNumber: correctiveActions.number,
      actionStatus: correctiveActions.status,
      actionDueOn: correctiveActions.dueOn,
      actionOwnerName: users.name,
    })
    .from(internalAuditFindings)
    .leftJoin(
      correctiveActions,
      and(eq(correctiveActions.organizationId, orgId), eq(correctiveActions.id, internalAuditFindings.actionId)),
    )
    .leftJoin(users, eq(users.id, correctiveActions.ownerUserId))
    .where(and(eq(internalAuditFindings.organizationId, orgId), eq(internalAuditFindings.auditId, id)))
    .orderBy(asc(internalAuditFindings.position));
  return {
    audit: row.audit,
    reference: internalAuditReference(row.audit.number),
    recordedByName: row.recordedByName,
    findings: findings.map((f) => ({
      ...f,
      actionReference: f.actionNumber === null ? null : formatReference("correctiveAction", f.actionNumber),
    })),
  };
}

/** The register as CSV in the reader's language: one row per audit. */
export async function internalAuditsCsv(db: Executor, orgId: string, locale: Locale, origin: string): Promise<string> {
  const { t } = createI18n(locale);
  const rows = await listInternalAudits(db, orgId);
  const columns = ["reference", "auditedOn", "scope", "auditors", "result", "findings", "major", "actions", "conclusion", "recordedBy", "link"] as const;
  return csvDocument(
    columns.map((c) => t(`internalAudits.csv.${c}`)),
    rows.map((r) => [
      r.reference,
      r.auditedOn,
      r.scope,
      r.auditors,
      t(`internalAudits.results.${r.result}`),
      r.findingCount,
      r.majorCount,
      r.actionCount,
      r.conclusion,
      r.recordedByName ?? "",
      `${origin}/internal-audits/${r.id}`,
    ]),
  );
}

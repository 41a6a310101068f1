import { and, desc, eq } from "drizzle-orm";
import { supervisionChecks, users } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { evidenceRecordTypes } from "../evidence/evidence-registry";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { refused } from "../form.server";
import { todayInZone } from "../i18n/format";
import { message } from "../i18n/messages";
import { resolveCriterionRefs } from "../inspections/templates.server";
import type { Actor } from "../auth/actor";
import { conditionErrors, createConditionActions, type Condition } from "./evaluation-decisions.server";
import { partnerReference } from "./partner-references";
import { getPartner } from "./partners.server";
import { refreshSupervisionDue } from "./supervision-due.server";

// Periodic supervision of partners (CN-2022 (57), CTPAT 3.7, and 3.5 for a site visit): what was
// checked, what was found, and the corrective actions findings raise.

export async function recordSupervision(
  db: Database,
  actor: Actor & { timeZone: string },
  partnerId: string,
  values: {
    kind: "document_review" | "site_visit" | "performance_review";
    performedOn: string;
    result: "satisfactory" | "findings";
    summary: string;
    conditions: readonly Condition[];
  },
  file: CheckedUpload | null,
) {
  const today = todayInZone(actor.timeZone);
  if (values.performedOn > today) return refused({ performedOn: message("partners.inFuture") });
  const errors = await conditionErrors(db, actor.organizationId, values.conditions, today);
  if (Object.keys(errors).length) return refused(errors);
  return db.transaction(async (tx) => {
    const partner = await getPartner(tx, actor.organizationId, partnerId);
    if (!partner) return null;
    const stored = file ? await storeFile(tx, actor, file) : null;
    const [check] = await tx
      .insert(supervisionChecks)
      .values({
        organizationId: actor.organizationId,
        partnerId,
        kind: values.kind,
        performedOn: values.performedOn,
        result: values.result,
        summary: values.summary,
        fileId: stored?.id ?? null,
        performedByUserId: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "supervision_check",
      entityId: check!.id,
      after: check,
    });
    // The next check is due an interval after this one (a back-dated check moves it only if latest).
    await refreshSupervisionDue(tx, actor.organizationId, partnerId);
    const refs = [
      ...evidenceRecordTypes.supervision_check.feeds,
      ...(values.kind === "site_visit" ? [{ framework: "ctpat-msc" as const, key: "3.5" }] : []),
    ];
    const resolved = await resolveCriterionRefs(tx, refs);
    await setEvidenceLinks(
      tx,
      { ...actor, recordType: "supervision_check", recordId: check!.id, occurredAt: new Date(`${values.performedOn}T12:00:00Z`) },
      [...new Set(resolved.values())],
    );
    await createConditionActions(
      tx,
      actor,
      {
        type: "supervision_check",
        id: check!.id,
        criterionId: resolved.get("cn-2022-advanced/57") ?? null,
        description: `${partnerReference(partner.number)} ${partner.legalNameZh || partner.legalNameEn}: ${values.summary}`,
      },
      values.conditions,
    );
    return { ok: true as const, id: check!.id };
  });
}

export async function listSupervision(db: Executor, orgId: string, partnerId: string) {
  return db
    .select({ check: supervisionChecks, performedByName: users.name })
    .from(supervisionChecks)
    .innerJoin(users, eq(users.id, supervisionChecks.performedByUserId))
    .where(and(eq(supervisionChecks.organizationId, orgId), eq(supervisionChecks.partnerId, partnerId)))
    .orderBy(desc(supervisionChecks.performedOn), desc(supervisionChecks.createdAt));
}

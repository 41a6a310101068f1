// Changing a self-assessment: creating one with a result row per assessable criterion, saving a
// criterion's result with its cited policies and evidence file, removing a cited file, and
// finalising a complete assessment. Each locks its assessment and is audited; a final assessment
// refuses every change.
import { and, eq, inArray } from "drizzle-orm";
import { assessmentResultEvidence, assessmentResults, assessments, frameworks, organizations, policies } from "../../../db/schema";
import { outsideBusinessTypes } from "../criteria/business-types.server";
import { recordAudit } from "../audit/audit.server";
import { getFramework, getFrameworkById, listCriteria } from "../criteria/criteria.server";
import type { Database } from "../db-types.server";
import { addEvidenceLink } from "../evidence/evidence.server";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { message } from "../i18n/messages";
import { nextRunningNumber } from "../organizations/running-number.server";
import type { Actor } from "../auth/actor";
import { getAssessmentView } from "./assessment-queries.server";
import type { ImprovementNotifiedValues, NewAssessmentValues, ResultValues } from "./assessment-schema";
import { refused, type FieldErrors } from "../form.server";
import type { AssessmentView } from "./assessment-queries.server";

/** The partly-met or failed criteria still without a corrective action that is not cancelled. */
export function shortfallsWithoutAction(view: AssessmentView) {
  const planned = new Set(view.actions.filter((a) => a.status !== "cancelled").map((a) => a.criterionKey));
  const byKey = new Map(view.criteria.map((c) => [c.key, c]));
  return view.outcome.toImprove.filter((key) => !planned.has(key)).flatMap((key) => byKey.get(key) ?? []);
}

export async function createAssessment(db: Database, actor: Actor, values: NewAssessmentValues): Promise<string> {
  const framework = await getFramework(db, values.framework);
  if (!framework) throw new Error(`createAssessment: framework ${values.framework} is not loaded`);
  const criteriaRows = await listCriteria(db, framework.id);
  return db.transaction(async (tx) => {
    // CN-2022: the organisation's business types as they are now stay with the assessment; the
    // business-type criteria of the other types are not applicable from the start and not asked.
    const [organization] = await tx
      .select({ cn2022BusinessTypes: organizations.cn2022BusinessTypes })
      .from(organizations)
      .where(eq(organizations.id, actor.organizationId));
    const businessTypes = framework.code === "cn-2022-advanced" ? (organization?.cn2022BusinessTypes ?? null) : null;
    const number = await nextRunningNumber(tx, actor.organizationId, assessments);
    const [assessment] = await tx
      .insert(assessments)
      .values({
        organizationId: actor.organizationId,
        number,
        frameworkId: framework.id,
        title: values.title,
        assessedOn: values.assessedOn,
        businessTypes,
        createdByUserId: actor.userId,
      })
      .returning();
    if (!assessment) throw new Error("createAssessment: insert returned nothing");
    const assessable = criteriaRows.filter((c) => c.options.length > 0);
    await tx.insert(assessmentResults).values(
      assessable.map((c) => ({
        organizationId: actor.organizationId,
        assessmentId: assessment.id,
        criterionId: c.id,
        result: outsideBusinessTypes(framework.code, c, businessTypes) ? ("not_applicable" as const) : null,
      })),
    );
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "assessment",
      entityId: assessment.id,
      after: { ...assessment, framework: `${framework.code}@${framework.version}` },
    });
    return assessment.id;
  });
}

/** Saves one criterion's result, explanation and cited policies, and an optional evidence file. */
export async function saveResult(
  db: Database,
  actor: Actor,
  assessmentId: string,
  values: ResultValues,
  file: CheckedUpload | null,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors } | null> {
  const saved = await saveResults(db, actor, assessmentId, [{ ...values, file }]);
  if (!saved) return null;
  if (saved.ok) return { ok: true };
  // One criterion's form names its fields without the criterion's key.
  const suffix = `_${values.criterion}`;
  return refused(Object.fromEntries(Object.entries(saved.errors).map(([k, v]) => [k.endsWith(suffix) ? k.slice(0, -suffix.length) : k, v])));
}

/** One criterion's part of the assessment form; `result` null leaves it unanswered. */
export interface ResultEntry {
  criterion: string;
  result: ResultValues["result"] | null;
  explanation?: string;
  policies: string[];
  file: CheckedUpload | null;
}

/**
 * Saves the whole assessment form in one transaction: every criterion's result, explanation, cited
 * policies and new evidence file. Each field is checked first and errors are keyed
 * `<field>_<criterion>`; any error writes nothing. Only criteria that changed are written and audited.
 */
export async function saveResults(
  db: Database,
  actor: Actor,
  assessmentId: string,
  entries: readonly ResultEntry[],
): Promise<{ ok: true; changed: number } | { ok: false; errors: FieldErrors } | null> {
  return db.transaction(async (tx) => {
    const [assessment] = await tx
      .select()
      .from(assessments)
      .where(and(eq(assessments.organizationId, actor.organizationId), eq(assessments.id, assessmentId)))
      .for("update");
    if (!assessment) return null;
    if (assessment.status === "final") return refused({ form: message("assessments.finalReadOnly") });
    const criteriaRows = await listCriteria(tx, assessment.frameworkId);
    const byKey = new Map(criteriaRows.filter((c) => c.options.length > 0).map((c) => [c.key, c]));
    const framework = await getFrameworkById(tx, assessment.frameworkId);
    // A criterion outside the business types the assessment was made with stays not applicable.
    const outside = (key: string) => {
      const criterion = byKey.get(key);
      return !!framework && !!criterion && outsideBusinessTypes(framework.code, criterion, assessment.businessTypes);
    };
    entries = entries.filter((e) => !(outside(e.criterion) && (e.result === null || e.result === "not_applicable") && !e.file && !e.explanation && !e.policies.length));
    const cited = [...new Set(entries.flatMap((e) => e.policies))];
    const known = new Set(
      cited.length
        ? (
            await tx
              .select({ id: policies.id })
              .from(policies)
              .where(and(eq(policies.organizationId, actor.organizationId), inArray(policies.id, cited)))
          ).map((p) => p.id)
        : [],
    );
    const errors: FieldErrors = {};
    for (const entry of entries) {
      const criterion = byKey.get(entry.criterion);
      if (!criterion) {
        errors[`criterion_${entry.criterion}`] = message("errors.choose");
        continue;
      }
      if (outside(entry.criterion)) {
        errors[`result_${entry.criterion}`] = message("assessments.outsideBusinessTypes");
        continue;
      }
      if (entry.result && !criterion.options.includes(entry.result)) errors[`result_${entry.criterion}`] = message("assessments.resultNotAllowed");
      if (entry.policies.some((id) => !known.has(id))) errors[`policies_${entry.criterion}`] = message("errors.choose");
    }
    if (Object.keys(errors).length) return refused(errors);

    const resultRows = await tx
      .select()
      .from(assessmentResults)
      .where(and(eq(assessmentResults.organizationId, actor.organizationId), eq(assessmentResults.assessmentId, assessmentId)));
    const rowByCriterion = new Map(resultRows.map((r) => [r.criterionId, r]));
    const evidenceRows = resultRows.length
      ? await tx
          .select()
          .from(assessmentResultEvidence)
          .where(
            and(
              eq(assessmentResultEvidence.organizationId, actor.organizationId),
              inArray(
                assessmentResultEvidence.resultId,
                resultRows.map((r) => r.id),
              ),
            ),
          )
      : [];
    let changed = 0;
    for (const entry of entries) {
      const criterion = byKey.get(entry.criterion)!;
      const before = rowByCriterion.get(criterion.id);
      if (!before) throw new Error("saveResults: result row missing");
      const existing = evidenceRows.filter((e) => e.resultId === before.id);
      const result = entry.result ?? before.result;
      const explanation = entry.explanation ?? "";
      const keepPolicies = new Set(entry.policies);
      const hadPolicies = new Set(existing.filter((e) => e.recordType === "policy").map((e) => e.recordId));
      const policiesChanged = keepPolicies.size !== hadPolicies.size || [...keepPolicies].some((id) => !hadPolicies.has(id));
      if (result === before.result && explanation === before.explanation && !policiesChanged && !entry.file) continue;
      changed += 1;
      const where = and(eq(assessmentResults.organizationId, actor.organizationId), eq(assessmentResults.id, before.id));
      const [after] = await tx
        .update(assessmentResults)
        .set({ result, explanation, updatedByUserId: actor.userId, updatedAt: new Date() })
        .where(where)
        .returning();
      const drop = existing.filter((e) => e.recordType === "policy" && !keepPolicies.has(e.recordId)).map((e) => e.id);
      if (drop.length) await tx.delete(assessmentResultEvidence).where(inArray(assessmentResultEvidence.id, drop));
      const have = new Set(existing.map((e) => `${e.recordType}/${e.recordId}`));
      const add: { recordType: string; recordId: string }[] = entry.policies
        .filter((id) => !have.has(`policy/${id}`))
        .map((id) => ({ recordType: "policy", recordId: id }));
      let storedFile = null;
      if (entry.file) {
        storedFile = await storeFile(tx, actor, entry.file);
        if (!have.has(`file/${storedFile.id}`)) add.push({ recordType: "file", recordId: storedFile.id });
        // A file cited for a criterion is evidence for it, dated when it was filed.
        await addEvidenceLink(tx, { ...actor, recordType: "file", recordId: storedFile.id, occurredAt: storedFile.uploadedAt }, criterion.id);
      }
      if (add.length) {
        await tx.insert(assessmentResultEvidence).values(add.map((a) => ({ organizationId: actor.organizationId, resultId: before.id, ...a })));
      }
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "update",
        entityType: "assessment_result",
        entityId: before.id,
        before: { criterion: criterion.key, result: before.result, explanation: before.explanation },
        after: { criterion: criterion.key, result: after?.result, explanation: after?.explanation, policies: entry.policies, file: storedFile?.sha256 },
      });
    }
    if (changed) await tx.update(assessments).set({ updatedAt: new Date() }).where(eq(assessments.id, assessmentId));
    return { ok: true as const, changed };
  });
}

/** Removes one cited file from a result (the file itself stays: other records may use it). */
export async function removeResultFile(db: Database, actor: Actor, assessmentId: string, criterionKey: string, fileId: string) {
  return db.transaction(async (tx) => {
    const [assessment] = await tx
      .select()
      .from(assessments)
      .where(and(eq(assessments.organizationId, actor.organizationId), eq(assessments.id, assessmentId)))
      .for("update");
    if (!assessment) return null;
    if (assessment.status === "final") return refused({ form: message("assessments.finalReadOnly") });
    const criteriaRows = await listCriteria(tx, assessment.frameworkId);
    const criterion = criteriaRows.find((c) => c.key === criterionKey);
    if (!criterion) return null;
    const [result] = await tx
      .select()
      .from(assessmentResults)
      .where(
        and(
          eq(assessmentResults.organizationId, actor.organizationId),
          eq(assessmentResults.assessmentId, assessmentId),
          eq(assessmentResults.criterionId, criterion.id),
        ),
      );
    if (!result) return null;
    const removed = await tx
      .delete(assessmentResultEvidence)
      .where(
        and(
          eq(assessmentResultEvidence.organizationId, actor.organizationId),
          eq(assessmentResultEvidence.resultId, result.id),
          eq(assessmentResultEvidence.recordType, "file"),
          eq(assessmentResultEvidence.recordId, fileId),
        ),
      )
      .returning();
    if (!removed.length) return null;
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "delete",
      entityType: "assessment_result_evidence",
      entityId: removed[0]!.id,
      before: { criterion: criterionKey, file: fileId },
    });
    return { ok: true as const };
  });
}

/**
 * Makes a complete assessment read-only, once every shortfall has a corrective action planned
 * (`now`: when; the demo seed's history passes its own).
 */
export async function finalizeAssessment(db: Database, actor: Actor, assessmentId: string, confirmed: boolean, now = new Date()) {
  const view = await getAssessmentView(db, actor.organizationId, assessmentId);
  if (!view) return null;
  if (!confirmed) return refused({ form: message("assessments.confirmFinalize") });
  if (view.assessment.status === "final") return refused({ form: message("assessments.finalReadOnly") });
  if (!view.outcome.complete) {
    return {
      ok: false as const,
      errors: { form: message("assessments.incomplete", { count: view.outcome.total - view.outcome.answered }) },
    };
  }
  const unplanned = shortfallsWithoutAction(view);
  if (unplanned.length) {
    // The page names them (code and title in the reader's language) under the message.
    return {
      ok: false as const,
      errors: { form: message("assessments.shortfallWithoutAction", { count: unplanned.length }) },
      unplanned: unplanned.map((c) => c.key),
    };
  }
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(assessments)
      .set({ status: "final", finalizedAt: now, finalizedByUserId: actor.userId, updatedAt: now })
      .where(and(eq(assessments.organizationId, actor.organizationId), eq(assessments.id, assessmentId), eq(assessments.status, "draft")))
      .returning();
    if (!after) return;
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "assessment",
      entityId: assessmentId,
      before: { status: "draft" },
      after: { status: "final", passed: view.outcome.passed, score: view.outcome.score },
    });
  });
  return { ok: true as const };
}

/**
 * Records the date customs notified the improvement period from (CN 2014: 规范改进期限由海关确定);
 * empty clears it, and the period counts from the assessment date again. Allowed on a final
 * assessment too (customs answers after the company has assessed itself); refused when the
 * framework's text sets no period, or for a date before the assessment.
 */
export async function setImprovementNotifiedOn(db: Database, actor: Actor, assessmentId: string, values: ImprovementNotifiedValues) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ assessment: assessments, days: frameworks.improvementDays })
      .from(assessments)
      .innerJoin(frameworks, eq(frameworks.id, assessments.frameworkId))
      .where(and(eq(assessments.organizationId, actor.organizationId), eq(assessments.id, assessmentId)))
      .for("update", { of: assessments });
    if (!row) return null;
    if (row.days === null) return refused({ form: message("assessments.noImprovementPeriod") });
    const notifiedOn = values.improvementNotifiedOn ?? null;
    if (notifiedOn !== null && notifiedOn < row.assessment.assessedOn) {
      return refused({ improvementNotifiedOn: message("assessments.notifiedBeforeAssessment", { assessedOn: row.assessment.assessedOn }) });
    }
    if (notifiedOn === row.assessment.improvementNotifiedOn) return { ok: true as const };
    await tx
      .update(assessments)
      .set({ improvementNotifiedOn: notifiedOn, updatedAt: new Date() })
      .where(and(eq(assessments.organizationId, actor.organizationId), eq(assessments.id, assessmentId)));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "assessment",
      entityId: assessmentId,
      before: { improvementNotifiedOn: row.assessment.improvementNotifiedOn },
      after: { improvementNotifiedOn: notifiedOn },
    });
    return { ok: true as const };
  });
}

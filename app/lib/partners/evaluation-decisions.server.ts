import { eq } from "drizzle-orm";
import { partnerEvaluations, partners, type Partner } from "../../../db/schema";
import { assignableMembers } from "../actions/actions.server";
import { raiseCorrectiveAction } from "../actions/raise-action.server";
import { recordAudit } from "../audit/audit.server";
import type { Role } from "../auth/permissions";
import type { Database, Executor } from "../db-types.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { evidenceRecordTypes } from "../evidence/evidence-registry";
import { refused, type FieldErrors } from "../form.server";
import { todayInZone } from "../i18n/format";
import { message } from "../i18n/messages";
import { resolveCriterionRefs } from "../inspections/templates.server";
import type { Actor } from "../auth/actor";
import { audit, exemptionProblem, lockEvaluation, type Refusal } from "./evaluation-writes.server";
import { canDecideEvaluation, hadAHand, nextEvaluationOn } from "./partner-scoring";
import { partnerReference } from "./partner-references";
import { refreshSupervisionDue } from "./supervision-due.server";
import { getPartnerPolicy } from "./partner-policy.server";

// Deciding an evaluation, and the corrective actions of its conditions (supervision checks raise theirs the same way).

export interface Condition {
  title: string;
  ownerUserId: string;
  dueOn: string;
}

/** Creates the corrective actions of conditions or findings, inside the caller's transaction. */
export async function createConditionActions(
  tx: Executor,
  actor: Actor,
  source: { type: "partner_evaluation" | "supervision_check"; id: string; criterionId: string | null; description: string },
  conditions: readonly Condition[],
  now = new Date(),
): Promise<string[]> {
  const ids: string[] = [];
  for (const condition of conditions) {
    const action = await raiseCorrectiveAction(
      tx,
      actor,
      {
        sourceType: source.type,
        sourceId: source.id,
        criterionId: source.criterionId,
        title: condition.title,
        description: source.description,
        ownerUserId: condition.ownerUserId,
        dueOn: condition.dueOn,
      },
      { now },
    );
    ids.push(action.id);
  }
  return ids;
}

/** Checks conditions against the organisation's members and the day of the decision. */
export async function conditionErrors(db: Executor, orgId: string, conditions: readonly Condition[], today: string): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (!conditions.length) return errors;
  const members = await assignableMembers(db, orgId);
  conditions.forEach((c, i) => {
    if (!members.some((m) => m.userId === c.ownerUserId)) errors[`condition_${i + 1}_ownerUserId`] = message("errors.choose");
    if (c.dueOn < today) errors[`condition_${i + 1}_dueOn`] = message("partners.dueInPast");
  });
  return errors;
}

const EXEMPTION_CRITERIA = [
  { framework: "cn-2022-advanced", key: "55" },
  { framework: "cn-2014-general", key: "24" },
  { framework: "ctpat-msc", key: "3.4" },
  { framework: "wco-safe-aeo", key: "K" },
] as const;

/**
 * The decision, by someone other than the preparer. Sets the partner's status, tier and dates,
 * raises the conditions as corrective actions, and links the evaluation as evidence.
 */
export async function decideEvaluation(
  db: Database,
  actor: Actor & { role: Role; timeZone: string },
  evaluationId: string,
  values: { decision: "approved" | "approved_with_conditions" | "rejected"; note?: string; conditions: readonly Condition[] },
  /** When it is decided: the clock, or the demo seed's history (the partner's dates follow it). */
  now = new Date(),
): Promise<{ ok: true } | Refusal | null> {
  const today = todayInZone(actor.timeZone, now);
  const errors = await conditionErrors(db, actor.organizationId, values.conditions, today);
  if (Object.keys(errors).length) return refused(errors);
  return db.transaction(async (tx) => {
    const before = await lockEvaluation(tx, actor.organizationId, evaluationId);
    if (!before) return null;
    if (!canDecideEvaluation(actor.role, actor.userId, before)) {
      return refused({
        form: message(
          before.status !== "prepared"
            ? "partners.notPrepared"
            : hadAHand(actor.userId, before)
              ? "partners.fourEyes"
              : "partners.decideNotAllowed",
        ),
      });
    }
    const partner = (await tx.select().from(partners).where(eq(partners.id, before.partnerId)).for("update"))[0] as Partner;
    // The certificate is checked again: it may have expired, or the partner's AEO details changed, since preparation.
    if (before.kind === "exemption" && values.decision !== "rejected") {
      const problem = exemptionProblem(partner, today);
      if (problem) return refused({ form: problem });
    }
    const policy = await getPartnerPolicy(tx, actor.organizationId);
    const tier = before.tier ?? "high";
    const [after] = await tx
      .update(partnerEvaluations)
      .set({
        status: "decided",
        decision: values.decision,
        decisionNote: values.note ?? null,
        decidedByUserId: actor.userId,
        decidedAt: now,
        updatedAt: now,
      })
      .where(eq(partnerEvaluations.id, evaluationId))
      .returning();
    await audit(tx, actor, "update", evaluationId, before, after);
    const status =
      values.decision === "approved" ? "approved" : values.decision === "approved_with_conditions" ? "conditional" : "rejected";
    const exempt = before.kind === "exemption" && values.decision !== "rejected";
    const [partnerAfter] = await tx
      .update(partners)
      .set({
        status,
        riskTier: tier,
        exempt,
        lastEvaluatedOn: today,
        // A rejected partner is not re-evaluated on a schedule: it is not used.
        nextEvaluationOn:
          values.decision === "rejected" ? null : nextEvaluationOn(today, tier, policy, exempt ? partner.aeoValidUntil : null),
        updatedAt: new Date(),
      })
      .where(eq(partners.id, partner.id))
      .returning();
    // The tier (or the first approval) sets when the partner is next supervised.
    await refreshSupervisionDue(tx, actor.organizationId, partner.id);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "partner",
      entityId: partner.id,
      before: partner,
      after: partnerAfter,
    });

    // The evaluation proves the partner-security criteria (vetting, AEO evidence, due diligence), not
    // the controls its questions ask the partner about: those are the partner's, not ours.
    const refs =
      before.kind === "exemption"
        ? [...EXEMPTION_CRITERIA]
        : [
            ...evidenceRecordTypes.partner_evaluation.feeds,
            ...(partner.aeoProgramme !== "none" ? evidenceRecordTypes.partner_evaluation.mayFeed : []),
          ];
    const resolved = await resolveCriterionRefs(tx, refs);
    await setEvidenceLinks(tx, { ...actor, recordType: "partner_evaluation", recordId: evaluationId, occurredAt: after!.decidedAt! }, [
      ...new Set(resolved.values()),
    ]);
    const criterionId = resolved.get("cn-2022-advanced/55") ?? null;
    await createConditionActions(
      tx,
      actor,
      {
        type: "partner_evaluation",
        id: evaluationId,
        criterionId,
        description: `${partnerReference(partner.number)} ${partner.legalNameZh || partner.legalNameEn}`,
      },
      values.conditions,
      now,
    );
    return { ok: true as const };
  });
}

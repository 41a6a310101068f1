import { and, eq } from "drizzle-orm";
import { continuityPlans, continuityTestFindings, continuityTests } from "../../../db/schema";
import { assignableMembers } from "../actions/actions.server";
import { actionTitleOf, raiseCorrectiveAction } from "../actions/raise-action.server";
import { recordAudit } from "../audit/audit.server";
import type { Actor } from "../auth/actor";
import type { Database } from "../db-types.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { evidenceRecordTypes } from "../evidence/evidence-registry";
import { refused, type FieldErrors } from "../form.server";
import { message } from "../i18n/messages";
import { resolveCriterionRefs } from "../inspections/templates.server";
import { nextRunningNumber } from "../organizations/running-number.server";
import { continuityTestReference } from "./continuity-rules";
import { findingField, findingsOf, type ContinuityTestValues } from "./continuity-schema";

// Recording a test of a continuity plan (tabletop, walkthrough, simulation, full exercise): the test,
// its findings and the corrective actions they raise, its evidence links, the plan's next test date
// and the audit events, all in one transaction.

/** Null when the plan is not the organisation's. */
export async function recordContinuityTest(
  db: Database,
  actor: Actor,
  planId: string,
  values: ContinuityTestValues,
  now = new Date(),
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors } | null> {
  const findings = findingsOf(values);
  return db.transaction(async (tx) => {
    const planWhere = and(eq(continuityPlans.organizationId, actor.organizationId), eq(continuityPlans.id, planId));
    const [plan] = await tx.select().from(continuityPlans).where(planWhere).for("update");
    if (!plan) return null;
    const members = new Set((await assignableMembers(tx, actor.organizationId)).map((m) => m.userId));
    const errors: FieldErrors = {};
    for (const finding of findings)
      if (finding.action && !members.has(finding.action.ownerUserId)) errors[findingField(finding.row, "OwnerUserId")] = message("errors.choose");
    if (Object.keys(errors).length) return refused(errors);

    const number = await nextRunningNumber(tx, actor.organizationId, continuityTests);
    const [test] = await tx
      .insert(continuityTests)
      .values({
        organizationId: actor.organizationId,
        planId,
        number,
        testedOn: values.testedOn,
        kind: values.kind,
        scenario: values.scenario,
        participants: values.participants,
        result: values.result,
        notes: values.notes ?? null,
        nextTestOn: values.nextTestOn,
        createdByUserId: actor.userId,
        createdAt: now,
      })
      .returning();
    if (!test) throw new Error("recordContinuityTest: nothing written");
    const reference = continuityTestReference(number);
    const rows = [];
    for (const finding of findings) {
      const action = finding.action
        ? await raiseCorrectiveAction(
            tx,
            actor,
            {
              sourceType: "continuity_test",
              sourceId: test.id,
              sourceItemKey: `finding-${finding.position}`,
              title: actionTitleOf(finding.description),
              description: finding.description,
              ownerUserId: finding.action.ownerUserId,
              dueOn: finding.action.dueOn,
            },
            { now, noticeTitle: `${reference} · ${actionTitleOf(finding.description)}` },
          )
        : null;
      const [row] = await tx
        .insert(continuityTestFindings)
        .values({ organizationId: actor.organizationId, testId: test.id, position: finding.position, description: finding.description, actionId: action?.id ?? null })
        .returning();
      rows.push(row);
    }
    // The plan's next test is its latest test's: a test recorded late for an earlier day does not move it back.
    if (plan.lastTestedOn === null || values.testedOn >= plan.lastTestedOn) {
      const [after] = await tx.update(continuityPlans).set({ nextTestOn: values.nextTestOn, lastTestedOn: values.testedOn }).where(planWhere).returning();
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "update",
        entityType: "continuity_plan",
        entityId: planId,
        before: plan,
        after,
      });
    }
    const resolved = await resolveCriterionRefs(tx, evidenceRecordTypes.continuity_test.feeds);
    await setEvidenceLinks(
      tx,
      { organizationId: actor.organizationId, userId: actor.userId, recordType: "continuity_test", recordId: test.id, occurredAt: new Date(`${values.testedOn}T12:00:00Z`) },
      [...new Set(resolved.values())],
    );
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "continuity_test",
      entityId: test.id,
      after: { ...test, findings: rows },
    });
    return { ok: true as const, id: test.id };
  });
}

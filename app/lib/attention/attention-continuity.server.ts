import { continuityPlansDueBy } from "../continuity/continuity-queries.server";
import { CONTINUITY_DUE_DAYS, continuityPlanReference } from "../continuity/continuity-rules";
import type { Database } from "../db-types.server";
import { KIND_LIMIT } from "./attention-office.server";
import { attentionRoles, dayAfter, stateOfDue } from "./attention-rules";
import { bilingual } from "./attention-titles.server";
import type { AttentionItem, AttentionScope } from "./attention-types";

// Business continuity for compliance: a plan whose review, or whose next test, is due within
// CONTINUITY_DUE_DAYS or overdue (plans are reviewed and tested at least yearly). One plan may give
// both items.

export async function continuityItems(db: Database, scope: AttentionScope): Promise<AttentionItem[]> {
  const by = dayAfter(scope.today, CONTINUITY_DUE_DAYS);
  const plans = await continuityPlansDueBy(db, scope.organizationId, by, KIND_LIMIT);
  const items: AttentionItem[] = [];
  const base = { siteId: null, ownerUserId: null, roles: attentionRoles.compliance } as const;
  for (const p of plans) {
    const reference = continuityPlanReference(p.number);
    const values = { reference, title: p.title };
    if (p.nextReviewOn <= by)
      items.push({
        ...base,
        kind: "continuity_review_due",
        key: `continuity_review_due:${p.id}`,
        recordId: p.id,
        reference,
        title: bilingual("continuityReviewDue", { ...values, date: p.nextReviewOn }),
        state: stateOfDue(p.nextReviewOn, scope.today),
        dueOn: p.nextReviewOn,
        href: `/continuity/${p.id}`,
      });
    if (p.nextTestOn <= by)
      items.push({
        ...base,
        kind: "continuity_test_due",
        key: `continuity_test_due:${p.id}`,
        recordId: p.id,
        reference,
        title: bilingual("continuityTestDue", { ...values, date: p.nextTestOn }),
        state: stateOfDue(p.nextTestOn, scope.today),
        dueOn: p.nextTestOn,
        href: `/continuity/${p.id}/tests/new`,
      });
  }
  return items.slice(0, KIND_LIMIT);
}

import { sql } from "drizzle-orm";
import type { Executor } from "../db-types.server";
import { DEFAULT_SUPERVISION_POLICY } from "./partner-scoring";

// When each partner's next supervision check is due (partners.next_supervision_on): its latest
// supervision check, or, never checked, the day it was first approved (its first approving
// evaluation, else its last evaluation), plus the organisation's supervision interval for the
// partner's current tier (partner_policies, the defaults where it set none). No tier yet, or
// rejected: none is due.
//
// Kept as a column, like next_evaluation_on, so the list's filter, the dashboard's watch list and
// the attention model read one indexed date instead of a correlated max() per partner; recomputed
// here, set-based in one statement, whenever a check is recorded, a decision sets the tier, or the
// intervals change (every partner of the organisation at once).

/** Recomputes the due date of one partner, or of every partner of the organisation. */
export async function refreshSupervisionDue(db: Executor, orgId: string, partnerId?: string) {
  const d = DEFAULT_SUPERVISION_POLICY;
  await db.execute(sql`
    update partners p set next_supervision_on = due.due_on
    from (
      select q.id,
        case when q.risk_tier is null or q.status = 'rejected' then null
        else (coalesce(
            (select max(c.performed_on) from supervision_checks c where c.organization_id = ${orgId} and c.partner_id = q.id),
            (select min((e.decided_at at time zone o.time_zone)::date) from partner_evaluations e
              where e.organization_id = ${orgId} and e.partner_id = q.id and e.decision in ('approved', 'approved_with_conditions')),
            q.last_evaluated_on
          ) + make_interval(months => case q.risk_tier
            when 'high' then coalesce(pol.high_tier_supervision_months, ${d.highTierSupervisionMonths})
            when 'medium' then coalesce(pol.medium_tier_supervision_months, ${d.mediumTierSupervisionMonths})
            else coalesce(pol.low_tier_supervision_months, ${d.lowTierSupervisionMonths}) end))::date
        end as due_on
      from partners q
      join organizations o on o.id = q.organization_id
      left join partner_policies pol on pol.organization_id = q.organization_id
      where q.organization_id = ${orgId} ${partnerId ? sql`and q.id = ${partnerId}` : sql``}
    ) due
    where p.id = due.id and p.organization_id = ${orgId} and p.next_supervision_on is distinct from due.due_on`);
}

// What a dossier says about the period, counted in the database: per criterion and record type, the
// records by month, site and outcome, the exceptions, the corrective actions they raised, and the
// strata a sample is drawn from. Every statement is set-based over evidence_links joined to one
// "facts" subquery per record type; lists of ids travel as one array parameter, so no statement
// grows with the number of records, and nothing here holds all records of a type in memory.

import { sql, type SQL } from "drizzle-orm";
import { anyUuid, instant, selectRows } from "~/lib/db.server";
import type { Executor } from "~/lib/db-types.server";
import type { EvidenceRecordTypeKey } from "~/lib/evidence/evidence-registry";
import { en } from "~/lib/i18n/locales/en";
import { zhCN } from "~/lib/i18n/locales/zh-CN";
import type { ActionStats, Bilingual, DossierScope } from "./dossier-types";

/** Record types a dossier can show (policies are listed apart, as standing documents). */
export type DossierRecordType = Exclude<EvidenceRecordTypeKey, "policy">;

export interface FactsContext {
  orgId: string;
  timeZone: string;
  /** The organisation's calendar day the dossier is generated on: what "overdue" is measured against. */
  today: string;
}

/**
 * One row per record of a type: its id, site, outcome key and whether it is an exception a certifier
 * must see in full (a failed inspection, a seal discrepancy, an adverse check, an overdue exit…).
 * Records a dossier must not show (an inspection still a draft) are not in it.
 */
type Facts = (c: FactsContext) => SQL;

const sealEventFacts: Facts = (c) => sql`
  select e.id, e.site_id,
    case e.kind when 'verified' then (case when e.passed then 'pass' else 'fail' end) when 'reported' then e.report_kind end as outcome,
    ((e.kind = 'verified' and e.passed = false) or e.kind = 'reported') as exception
  from seal_events e where e.organization_id = ${c.orgId}`;

const personFacts = (table: string, outcome: string, exception: string): Facts => (c) => sql`
  select r.id, e.site_id, ${sql.raw(outcome)} as outcome, ${sql.raw(exception)} as exception
  from ${sql.identifier(table)} r join employees e on e.id = r.employee_id
  where r.organization_id = ${c.orgId}`;

const plain = (table: string, site: string | null): Facts => (c) => sql`
  select r.id, ${site ? sql.raw(`r.${site}`) : sql`null::uuid`} as site_id, null::text as outcome, false as exception
  from ${sql.identifier(table)} r where r.organization_id = ${c.orgId}`;

const facts: Record<DossierRecordType, Facts> = {
  inspection: (c) => sql`
    select i.id, i.site_id, i.result as outcome, i.result = 'fail' as exception
    from inspections i where i.organization_id = ${c.orgId} and i.status = 'submitted'`,
  seal_application: sealEventFacts,
  seal_verification: sealEventFacts,
  seal_report: sealEventFacts,
  seal_audit: (c) => sql`
    select a.id, a.site_id, case when a.balanced then 'balanced' else 'unbalanced' end as outcome, not a.balanced as exception
    from seal_audits a where a.organization_id = ${c.orgId}`,
  seal_model: plain("seal_models", null),
  // A visitor still signed in after the local midnight of the day they came is an exception; one
  // signed in today and not yet out is simply on site.
  visitor_entry: (c) => sql`
    select v.id, v.site_id,
      case when v.signed_out_at is null and (v.signed_in_at at time zone ${c.timeZone})::date < ${c.today}::date then 'not_signed_out'
           when v.signed_out_at is null then 'on_site'
           when (v.signed_out_at at time zone ${c.timeZone})::date > (v.signed_in_at at time zone ${c.timeZone})::date then 'overstayed'
           else 'signed_out' end as outcome,
      ((v.signed_out_at is null and (v.signed_in_at at time zone ${c.timeZone})::date < ${c.today}::date)
        or (v.signed_out_at at time zone ${c.timeZone})::date > (v.signed_in_at at time zone ${c.timeZone})::date) as exception
    from visitor_entries v where v.organization_id = ${c.orgId}`,
  access_item_event: (c) => sql`
    select e.id, i.site_id, e.kind as outcome, e.kind = 'lost' as exception
    from access_item_events e join access_items i on i.id = e.item_id where e.organization_id = ${c.orgId}`,
  employee: plain("employees", "site_id"),
  prehire_check: personFacts("prehire_checks", "r.result", "r.result <> 'verified'"),
  background_check: personFacts("background_checks", "r.result", "r.result <> 'clear'"),
  conduct_acknowledgement: personFacts("conduct_acknowledgements", "null::text", "false"),
  // An exit is an exception when its checklist was finished after the deadline, or is still open past it.
  offboarding: (c) => sql`
    select o.id, e.site_id,
      case when o.status = 'done' and (o.done_at at time zone ${c.timeZone})::date <= o.deadline then 'done_in_time'
           when o.status = 'done' then 'done_late'
           when o.deadline < ${c.today}::date then 'overdue'
           else 'open' end as outcome,
      ((o.status = 'done' and (o.done_at at time zone ${c.timeZone})::date > o.deadline) or (o.status = 'open' and o.deadline < ${c.today}::date)) as exception
    from offboardings o join employees e on e.id = o.employee_id where o.organization_id = ${c.orgId}`,
  training_session: plain("training_sessions", "site_id"),
  drill: plain("training_sessions", "site_id"),
  partner_evaluation: (c) => sql`
    select p.id, null::uuid as site_id, p.decision as outcome, p.decision in ('approved_with_conditions', 'rejected') as exception
    from partner_evaluations p where p.organization_id = ${c.orgId}`,
  supervision_check: (c) => sql`
    select s.id, null::uuid as site_id, s.result as outcome, s.result = 'findings' as exception
    from supervision_checks s where s.organization_id = ${c.orgId}`,
  contract: plain("contracts", null),
  // A count that differs from the documents is an exception: the certifier reads its explanation.
  cargo_reconciliation: (c) => sql`
    select r.id, r.site_id, case when r.discrepancy then 'discrepancy' else 'matched' end as outcome, r.discrepancy as exception
    from cargo_reconciliations r where r.organization_id = ${c.orgId}`,
  // Every incident is worth a certifier's look, but an exception is one still open, or one of a kind
  // customs must hear of (customsNotificationKinds) without the notification recorded.
  incident: (c) => sql`
    select i.id, i.site_id, i.status as outcome,
      (i.status <> 'closed' or (i.kind in ('seal_tampering', 'cargo_discrepancy', 'smuggling_suspicion') and i.customs_notified_at is null)) as exception
    from incidents i where i.organization_id = ${c.orgId}`,
  customs_contact: (c) => sql`
    select k.id, null::uuid as site_id, k.kind as outcome, false as exception
    from customs_contacts k where k.organization_id = ${c.orgId}`,
  file: plain("evidence_files", null),
  // An audit that concludes the company does not conform is the exception a certifier reads in full.
  internal_audit: (c) => sql`
    select a.id, null::uuid as site_id, a.result as outcome, a.result = 'does_not_conform' as exception
    from internal_audits a where a.organization_id = ${c.orgId}`,
  // Links are made at approval; an assessment past its review date is the exception (CTPAT 2.3).
  risk_assessment: (c) => sql`
    select r.id, null::uuid as site_id, case when r.next_review_on < ${c.today}::date then 'review_overdue' else r.status end as outcome,
      r.next_review_on < ${c.today}::date as exception
    from risk_assessments r where r.organization_id = ${c.orgId}`,
  // Links are made at approval; a plan past its review date, or whose next test is overdue, is the
  // exception (reviewed and tested at least yearly).
  continuity_plan: (c) => sql`
    select p.id, null::uuid as site_id,
      case when p.next_review_on < ${c.today}::date then 'review_overdue' when p.next_test_on < ${c.today}::date then 'test_overdue' else p.status end as outcome,
      (p.next_review_on < ${c.today}::date or p.next_test_on < ${c.today}::date) as exception
    from continuity_plans p where p.organization_id = ${c.orgId}`,
  // A failed test is the exception a certifier reads in full.
  continuity_test: (c) => sql`
    select t.id, null::uuid as site_id, t.result as outcome, t.result = 'failed' as exception
    from continuity_tests t where t.organization_id = ${c.orgId}`,
};

export const dossierRecordTypes = Object.keys(facts) as DossierRecordType[];

/** Ids of records of the type that carry photos (sampling prefers them); null: the type has none. */
const photoIds: Partial<Record<DossierRecordType, (c: FactsContext) => SQL>> = {
  inspection: (c) => sql`select distinct inspection_id as id from inspection_photos where organization_id = ${c.orgId}`,
  seal_application: (c) => sql`select distinct event_id as id from seal_event_photos where organization_id = ${c.orgId}`,
  seal_verification: (c) => sql`select distinct event_id as id from seal_event_photos where organization_id = ${c.orgId}`,
  seal_report: (c) => sql`select distinct event_id as id from seal_event_photos where organization_id = ${c.orgId}`,
};

const both = (zh: string, enText: string): Bilingual => ({ zh, en: enText });
const fixedOutcomes: Record<string, Bilingual> = {
  not_signed_out: both("未登记离开", "Not signed out"),
  on_site: both("在场", "On site"),
  overstayed: both("次日后才登记离开", "Signed out after the day of the visit"),
  signed_out: both("当日已离开", "Signed out the same day"),
  done_in_time: both("按期完成", "Completed in time"),
  done_late: both("逾期完成", "Completed late"),
  overdue: both("已逾期未完成", "Overdue"),
  open: both("进行中", "Open"),
  review_overdue: both("已过复核期限", "Review overdue"),
  test_overdue: both("已过测试期限", "Test overdue"),
  balanced: both(zhCN.seals.audits.balanced, en.seals.audits.balanced),
  unbalanced: both("账实不符", "Discrepancies found"),
};

/** The printed name of an outcome key of a record type. */
export function outcomeLabel(type: DossierRecordType, key: string): Bilingual {
  const pick = (zh: object, enMap: object) => {
    const z = (zh as Record<string, unknown>)[key];
    const e = (enMap as Record<string, unknown>)[key];
    return typeof z === "string" && typeof e === "string" ? both(z, e) : null;
  };
  let label: Bilingual | null = null;
  if (type === "inspection") label = pick(zhCN.inspections.result, en.inspections.result);
  else if (type === "seal_application" || type === "seal_verification" || type === "seal_report")
    label = pick(zhCN.seals.vvtt, en.seals.vvtt) ?? pick(zhCN.seals.reportKind, en.seals.reportKind);
  else if (type === "access_item_event") label = pick(zhCN.badges.events, en.badges.events);
  else if (type === "prehire_check") label = pick(zhCN.personnel.prehire.result, en.personnel.prehire.result);
  else if (type === "background_check") label = pick(zhCN.personnel.background.result, en.personnel.background.result);
  else if (type === "partner_evaluation") label = pick(zhCN.partners.decision, en.partners.decision);
  else if (type === "cargo_reconciliation") label = key === "discrepancy" ? both(zhCN.cargo.discrepancy, en.cargo.discrepancy) : both(zhCN.cargo.matched, en.cargo.matched);
  else if (type === "supervision_check") label = pick(zhCN.partners.supervisionResult, en.partners.supervisionResult);
  else if (type === "internal_audit") label = pick(zhCN.internalAudits.results, en.internalAudits.results);
  else if (type === "risk_assessment") label = pick(zhCN.riskAssessments.statuses, en.riskAssessments.statuses);
  else if (type === "continuity_plan") label = pick(zhCN.continuity.statuses, en.continuity.statuses);
  else if (type === "continuity_test") label = pick(zhCN.continuity.results, en.continuity.results);
  else if (type === "incident") label = pick(zhCN.incidents.statuses, en.incidents.statuses);
  else if (type === "customs_contact") label = pick(zhCN.customsContacts.kinds, en.customsContacts.kinds);
  return label ?? fixedOutcomes[key] ?? both(key, key);
}

/** The links of the dossier's criteria and period, of one record type, joined to the type's facts. */
export function factsFrom(type: DossierRecordType, c: FactsContext, extraJoin: SQL = sql``): SQL {
  // An exception test that meets a null (a visitor not signed out) is no exception, never unknown.
  return sql`from evidence_links l
    join (select x.id, x.site_id, x.outcome, coalesce(x.exception, false) as exception from (${facts[type](c)}) x) f on f.id = l.record_id
    ${extraJoin}`;
}

function linkedWhere(type: DossierRecordType, c: FactsContext, scope: DossierScope): SQL {
  const sites = scope.siteIds ? sql.param([...scope.siteIds]) : sql.param(null);
  return sql`where l.organization_id = ${c.orgId} and l.record_type = ${type}
      and ${anyUuid(sql`l.criterion_id`, scope.criterionIds)}
      and l.occurred_at >= ${instant(scope.from)} and l.occurred_at < ${instant(scope.to)}
      and (${sites}::uuid[] is null or f.site_id is null or f.site_id = any(${sites}::uuid[]))`;
}

function linked(type: DossierRecordType, c: FactsContext, scope: DossierScope): SQL {
  return sql`${factsFrom(type, c)} ${linkedWhere(type, c, scope)}`;
}

export interface CountRow extends Record<string, unknown> {
  criterion_id: string;
  month: string;
  site_id: string | null;
  outcome: string | null;
  exception: boolean;
  n: number;
}

/** Counts by criterion, month, site and outcome: a few hundred rows however many records there are. */
export function countRecords(db: Executor, type: DossierRecordType, c: FactsContext, scope: DossierScope): Promise<CountRow[]> {
  return selectRows<CountRow>(
    db,
    sql`select l.criterion_id, to_char(l.occurred_at at time zone ${c.timeZone}, 'YYYY-MM') as month, f.site_id, f.outcome, f.exception, count(*)::int as n
      ${linked(type, c, scope)}
      group by 1, 2, 3, 4, 5`,
  );
}

export interface LinkedRecord extends Record<string, unknown> {
  criterion_id: string;
  record_id: string;
  occurred_at: Date;
  /** The record's outcome key (facts), printed when its type's loader names none. */
  outcome: string | null;
}

/** The exceptions of each criterion, oldest first, at most `limit` per criterion. */
export function exceptionRecords(db: Executor, type: DossierRecordType, c: FactsContext, scope: DossierScope, limit: number): Promise<LinkedRecord[]> {
  return selectRows<LinkedRecord>(
    db,
    sql`select criterion_id, record_id, occurred_at, outcome from (
        select l.criterion_id, l.record_id, l.occurred_at, f.outcome,
          row_number() over (partition by l.criterion_id order by l.occurred_at, l.record_id) as k
        ${linked(type, c, scope)} and f.exception) ranked
      where k <= ${limit} order by criterion_id, occurred_at, record_id`,
  );
}

export interface StratumRow extends LinkedRecord {
  month: string;
  site_id: string | null;
  has_photo: boolean;
}

/**
 * The strata a sample is drawn from: for each criterion, month and site, the first ordinary record
 * (not an exception), one with photos when the stratum has any.
 */
export function sampleStrata(db: Executor, type: DossierRecordType, c: FactsContext, scope: DossierScope): Promise<StratumRow[]> {
  const photos = photoIds[type];
  const photoJoin = photos ? sql`left join (${photos(c)}) ph on ph.id = l.record_id` : sql``;
  const hasPhoto = photos ? sql`(ph.id is not null)` : sql`false`;
  // PostgreSQL refuses a constant in ORDER BY: without photos, the photo key is left out.
  const photoFirst = photos ? sql`${hasPhoto} desc,` : sql``;
  return selectRows<StratumRow>(
    db,
    sql`select distinct on (l.criterion_id, month, f.site_id)
        l.criterion_id, to_char(l.occurred_at at time zone ${c.timeZone}, 'YYYY-MM') as month, f.site_id, l.record_id, l.occurred_at, f.outcome, ${hasPhoto} as has_photo
      ${factsFrom(type, c, photoJoin)} ${linkedWhere(type, c, scope)} and not f.exception
      order by l.criterion_id, month, f.site_id, ${photoFirst} l.occurred_at, l.record_id`,
  );
}

/** Every ordinary record of the type for these criteria (used where a criterion has only a few). */
export function ordinaryRecords(db: Executor, type: DossierRecordType, c: FactsContext, scope: DossierScope): Promise<LinkedRecord[]> {
  return selectRows<LinkedRecord>(
    db,
    sql`select l.criterion_id, l.record_id, l.occurred_at, f.outcome ${linked(type, c, scope)} and not f.exception
      order by l.criterion_id, l.occurred_at, l.record_id`,
  );
}

export interface ActionRow extends Record<string, unknown> {
  criterion_id: string;
  raised: number;
  closed_in_time: number;
  closed_late: number;
  open: number;
  overdue: number;
  cancelled: number;
}

/** Corrective actions raised from records that prove each criterion in the period, by how they ended. */
export async function actionStats(db: Executor, c: FactsContext, scope: DossierScope): Promise<Map<string, ActionStats>> {
  const sites = scope.siteIds ? sql.param([...scope.siteIds]) : sql.param(null);
  const rows = await selectRows<ActionRow>(
    db,
    sql`select l.criterion_id,
        count(*)::int as raised,
        count(*) filter (where a.status = 'done' and (a.closed_at at time zone ${c.timeZone})::date <= a.due_on)::int as closed_in_time,
        count(*) filter (where a.status = 'done' and (a.closed_at at time zone ${c.timeZone})::date > a.due_on)::int as closed_late,
        count(*) filter (where (a.status in ('open', 'in_progress') and a.due_on >= ${c.today}::date) or a.status = 'awaiting_verification')::int as open,
        count(*) filter (where a.status in ('open', 'in_progress') and a.due_on < ${c.today}::date)::int as overdue,
        count(*) filter (where a.status = 'cancelled')::int as cancelled
      from corrective_actions a
      join evidence_links l on l.organization_id = a.organization_id and l.record_type = a.source_type and l.record_id = a.source_id
      left join inspections i on a.source_type = 'inspection' and i.id = a.source_id
      where a.organization_id = ${c.orgId} and a.source_type in ('inspection', 'partner_evaluation', 'supervision_check', 'incident')
        and ${anyUuid(sql`l.criterion_id`, scope.criterionIds)}
        and l.occurred_at >= ${instant(scope.from)} and l.occurred_at < ${instant(scope.to)}
        and (${sites}::uuid[] is null or i.site_id is null or i.site_id = any(${sites}::uuid[]))
      group by 1`,
  );
  return new Map(
    rows.map((r) => [
      r.criterion_id,
      { raised: r.raised, closedInTime: r.closed_in_time, closedLate: r.closed_late, open: r.open, overdue: r.overdue, cancelled: r.cancelled },
    ]),
  );
}

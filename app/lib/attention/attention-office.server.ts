import { actionReference } from "../assessments/result-labels";
import { draftAssessments } from "../assessments/assessment-queries.server";
import { openActionsDueBy } from "../actions/action-queries.server";
import type { Database } from "../db-types.server";
import { dossierReference } from "../dossiers/dossier-schema";
import { dossiersReadySince } from "../dossiers/dossiers.server";
import { evaluationsAwaitingDecision } from "../partners/evaluation-queries.server";
import { partnerWatchLists } from "../partners/partner-policy.server";
import { evaluationReference, partnerReference } from "../partners/partner-references";
import { overdueOffboardings } from "../personnel/personnel-offboarding.server";
import { backgroundChecksDue } from "../personnel/personnel-queries.server";
import { employeeReference, offboardingReference } from "../personnel/personnel-references";
import { levelOf, programmeOf } from "../organizations/status-levels";
import { requirementAttention } from "../training/training-requirements.server";
import { attentionRoles, dayAfter, stateOfDue } from "./attention-rules";
import { bilingual, label, pair } from "./attention-titles.server";
import type { AttentionItem, AttentionScope } from "./attention-types";

// The office's items: corrective actions for their owners, partners for procurement (and decisions
// for compliance), people for HR, the organisation's own certification for compliance.

/** At most this many unowned items of one kind: the work a page lists and a digest counts, not a register. */
export const KIND_LIMIT = 500;
/**
 * Items owned by one person are not cut at KIND_LIMIT across the organisation: the reminder job
 * splits the organisation's list per person, and a cut there would drop whole people's actions
 * (the scale year has 629 open actions due). This bounds a runaway list only.
 */
export const OWNED_LIMIT = 20_000;

/** An open action shows from this many days before it is due. */
export const ACTION_DUE_DAYS = 7;
/** The organisation's AEO re-certification shows from this many days before its date. */
export const RECERTIFICATION_DAYS = 90;
/** A ready dossier is news for this many days. */
export const DOSSIER_NEWS_DAYS = 7;

/** Open actions due within ACTION_DUE_DAYS, for their owners; of one owner when `ownerUserId` is given. */
export async function actionItems(db: Database, scope: AttentionScope, ownerUserId?: string): Promise<AttentionItem[]> {
  const rows = await openActionsDueBy(db, scope.organizationId, dayAfter(scope.today, ACTION_DUE_DAYS), ownerUserId ? KIND_LIMIT : OWNED_LIMIT, ownerUserId);
  return rows.map(({ action, titles }) => {
    const reference = actionReference(action.number);
    return {
      kind: "action_due",
      key: `action_due:${action.id}`,
      recordId: action.id,
      reference,
      // The action's title carries its source (container, inspection, partner, assessment).
      title: bilingual("actionDue", { reference, title: titles }),
      state: stateOfDue(action.dueOn, scope.today),
      dueOn: action.dueOn,
      href: `/actions/${action.id}`,
      siteId: null,
      ownerUserId: action.ownerUserId,
      roles: [],
    };
  });
}

type PartnerName = { id: string; number: number; legalNameZh: string; legalNameEn: string };
const partnerName = (p: PartnerName) => pair(p.legalNameZh, p.legalNameEn);

/** Procurement's partners: re-evaluations and supervision checks due, clauses missing, certificates expiring. */
export async function partnerItems(db: Database, scope: AttentionScope): Promise<AttentionItem[]> {
  const lists = await partnerWatchLists(db, scope.organizationId, scope.today, KIND_LIMIT);
  const items: AttentionItem[] = [];
  const base = { siteId: null, ownerUserId: null } as const;
  for (const p of lists.due) {
    const values = { partner: partnerReference(p.number), name: partnerName(p) };
    items.push({
      ...base,
      kind: "evaluation_due",
      key: `evaluation_due:${p.id}`,
      recordId: p.id,
      reference: partnerReference(p.number),
      title: bilingual(p.nextEvaluationOn ? "evaluationDue" : "evaluationNever", values),
      // Never evaluated: due since it was registered, with no date to show.
      state: p.nextEvaluationOn ? stateOfDue(p.nextEvaluationOn, scope.today) : "overdue",
      dueOn: p.nextEvaluationOn,
      href: `/partners/${p.id}`,
      roles: attentionRoles.purchasing,
    });
  }
  for (const p of lists.supervision) {
    const dueOn = p.nextSupervisionOn!;
    items.push({
      ...base,
      kind: "supervision_due",
      key: `supervision_due:${p.id}`,
      recordId: p.id,
      reference: partnerReference(p.number),
      title: bilingual("supervisionDue", { partner: partnerReference(p.number), name: partnerName(p) }),
      state: stateOfDue(dueOn, scope.today),
      dueOn,
      href: `/partners/${p.id}#supervision`,
      roles: attentionRoles.purchasing,
    });
  }
  for (const p of lists.unbound)
    items.push({
      ...base,
      kind: "contract_clauses_missing",
      key: `contract_clauses_missing:${p.id}`,
      recordId: p.id,
      reference: partnerReference(p.number),
      title: bilingual("contractClausesMissing", { partner: partnerReference(p.number), name: partnerName(p) }),
      state: "waiting",
      dueOn: null,
      href: `/partners/${p.id}#contracts`,
      roles: attentionRoles.purchasing,
    });
  for (const p of lists.expiring) {
    const until = p.aeoValidUntil ?? scope.today;
    items.push({
      ...base,
      kind: "partner_certificate_expiring",
      key: `partner_certificate_expiring:${p.id}`,
      recordId: p.id,
      reference: partnerReference(p.number),
      title: bilingual("partnerCertificateExpiring", {
        partner: partnerReference(p.number),
        name: partnerName(p),
        programme: label(`partners.aeo.${p.aeoProgramme}`),
        date: until,
      }),
      state: stateOfDue(until, scope.today),
      dueOn: until,
      href: `/partners/${p.id}#aeo`,
      roles: attentionRoles.purchasing,
    });
  }
  return items;
}

/**
 * Evaluations under way to a decision: an answered questionnaire for procurement to review, a
 * prepared evaluation for compliance to decide (apart from partnerItems, so compliance's dashboard
 * does not read the partner register's watch lists).
 */
export async function evaluationItems(db: Database, scope: AttentionScope): Promise<AttentionItem[]> {
  const awaiting = await evaluationsAwaitingDecision(db, scope.organizationId, KIND_LIMIT);
  const items: AttentionItem[] = [];
  const base = { siteId: null, ownerUserId: null } as const;
  for (const { evaluation, partner } of awaiting.rows) {
    const reference = evaluationReference(evaluation.number);
    const answered = evaluation.status === "partner_submitted";
    items.push({
      ...base,
      kind: answered ? "questionnaire_answered" : "evaluation_decision",
      key: `${answered ? "questionnaire_answered" : "evaluation_decision"}:${evaluation.id}`,
      recordId: evaluation.id,
      reference,
      title: bilingual(answered ? "questionnaireAnswered" : "evaluationDecision", { reference, name: partnerName(partner) }),
      state: "waiting",
      dueOn: null,
      href: `/evaluations/${evaluation.id}`,
      roles: answered ? attentionRoles.purchasing : attentionRoles.compliance,
    });
  }
  return items;
}

export async function peopleItems(db: Database, scope: AttentionScope): Promise<AttentionItem[]> {
  const { organizationId: orgId, today } = scope;
  const [checks, exits, training] = await Promise.all([
    backgroundChecksDue(db, orgId, today, KIND_LIMIT),
    overdueOffboardings(db, orgId, today),
    requirementAttention(db, orgId, today),
  ]);
  const items: AttentionItem[] = [];
  for (const e of checks) {
    const values = { employee: employeeReference(e.number), name: e.name };
    items.push({
      kind: "personnel_check_due",
      key: `personnel_check_due:${e.id}`,
      recordId: e.id,
      reference: employeeReference(e.number),
      title: bilingual(e.nextBackgroundCheckOn ? "personnelCheckDue" : "personnelCheckMissing", values),
      // A post without any check on record is a gap today; a security-sensitive one all the more.
      state: e.nextBackgroundCheckOn ? stateOfDue(e.nextBackgroundCheckOn, today) : "overdue",
      dueOn: e.nextBackgroundCheckOn,
      href: `/personnel/${e.id}#background`,
      siteId: e.siteId,
      ownerUserId: null,
      roles: attentionRoles.people,
    });
  }
  for (const x of exits.slice(0, KIND_LIMIT))
    items.push({
      kind: "exit_overdue",
      key: `exit_overdue:${x.employeeId}`,
      recordId: x.employeeId,
      reference: offboardingReference(x.number),
      title: bilingual("exitOverdue", { reference: offboardingReference(x.number), name: x.name, count: x.openItems.length }),
      state: "overdue",
      dueOn: x.deadline,
      href: `/personnel/${x.employeeId}#exit`,
      siteId: null,
      ownerUserId: null,
      roles: attentionRoles.people,
    });
  for (const framework of training)
    for (const person of framework.short)
      items.push({
        kind: "training_gap",
        key: `training_gap:${framework.framework}:${person.id}`,
        recordId: person.id,
        reference: null,
        title: bilingual("trainingGap", {
          name: person.name,
          attended: person.attended,
          required: framework.perYear,
          framework: label(`criteria.short.${framework.framework}`),
        }),
        // The requirement is a year's: it is due by the year's last day.
        state: stateOfDue(`${framework.year}-12-31`, today),
        dueOn: `${framework.year}-12-31`,
        href: `/training/people/${person.id}`,
        siteId: null,
        ownerUserId: null,
        roles: attentionRoles.people,
      });
  return items;
}

export async function complianceItems(
  db: Database,
  scope: AttentionScope,
  organization: { statuses: readonly { programme: string; level: string; validUntil: string | null }[] },
): Promise<AttentionItem[]> {
  const since = new Date(Date.parse(`${dayAfter(scope.today, -DOSSIER_NEWS_DAYS)}T00:00:00Z`));
  const [drafts, ready] = await Promise.all([draftAssessments(db, scope.organizationId), dossiersReadySince(db, scope.organizationId, since)]);
  const items: AttentionItem[] = [];
  // The organisation's own certificates (organization_statuses), each from RECERTIFICATION_DAYS before
  // its date. China Customs keeps the key it had when it was the only one, so no reminder repeats.
  for (const status of organization.statuses) {
    const until = status.validUntil;
    if (!until || until > dayAfter(scope.today, RECERTIFICATION_DAYS)) continue;
    const programme = programmeOf(status.programme);
    const level = levelOf(status.programme, status.level);
    const china = status.programme === "cn-customs";
    items.push({
      kind: "certificate_expiring",
      key: china ? `certificate_expiring:organization:${scope.organizationId}` : `certificate_expiring:organization:${scope.organizationId}:${status.programme}`,
      recordId: scope.organizationId,
      reference: null,
      title: china
        ? bilingual("recertification", { date: until })
        : bilingual("statusExpiring", {
            programme: pair(programme?.nameZh ?? status.programme, programme?.nameEn),
            level: pair(level?.nameZh ?? status.level, level?.nameEn),
            date: until,
          }),
      state: stateOfDue(until, scope.today),
      dueOn: until,
      href: "/settings/organization#certifications",
      siteId: null,
      ownerUserId: null,
      roles: attentionRoles.compliance,
    });
  }
  for (const a of drafts)
    items.push({
      kind: "assessment_open",
      key: `assessment_open:${a.id}`,
      recordId: a.id,
      reference: a.reference,
      title: bilingual("assessmentOpen", { reference: a.reference, title: a.title }),
      state: "waiting",
      dueOn: null,
      href: `/assessments/${a.id}`,
      siteId: null,
      ownerUserId: null,
      roles: attentionRoles.compliance,
    });
  for (const d of ready)
    items.push({
      kind: "dossier_ready",
      key: `dossier_ready:${d.id}`,
      recordId: d.id,
      reference: dossierReference(d.number),
      title: bilingual("dossierReady", { reference: dossierReference(d.number) }),
      state: "waiting",
      dueOn: null,
      href: `/dossiers/${d.id}`,
      siteId: null,
      ownerUserId: d.requestedByUserId,
      roles: attentionRoles.compliance,
    });
  return items;
}

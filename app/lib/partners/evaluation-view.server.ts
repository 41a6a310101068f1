import type { assignableMembers } from "~/lib/actions/actions.server";
import { actionReference } from "~/lib/assessments/result-labels";
import { can, type Role } from "~/lib/auth/permissions";
import { linkState } from "~/lib/partners/evaluation-links.server";
import type { getEvaluation } from "~/lib/partners/evaluation-queries.server";
import { evaluationReference, partnerReference } from "~/lib/partners/partner-references";
import { canDecideEvaluation, hadAHand } from "~/lib/partners/partner-scoring";
import { statusFlags } from "~/lib/partners/claimed-status";
import type { getPartnerPolicy } from "~/lib/partners/partner-policy.server";

// The evaluation page's data (app/routes/_app.evaluations.$evaluationId): the rows its loader read,
// mapped for the page, with what is still editable and who may act decided here rather than in the route.

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
type Member = Rows<typeof assignableMembers>[number];
type Found = NonNullable<Rows<typeof getEvaluation>>;

export interface EvaluationRows {
  found: Found;
  policy: Pick<Rows<typeof getPartnerPolicy>, "lowTierMinScore" | "mediumTierMinScore">;
  /** The members a condition may be assigned to: empty unless the viewer may decide. */
  members: Pick<Member, "userId" | "name">[];
  /** Every active member, to name who prepared and who decided. */
  people: Pick<Member, "userId" | "name">[];
}

/** What the viewer may do on an evaluation in its present state. */
export function evaluationRights(role: Role, userId: string, evaluation: Found["evaluation"]) {
  const editable = ["draft", "awaiting_partner", "partner_submitted"].includes(evaluation.status);
  return {
    edit: editable && evaluation.kind === "questionnaire" && can(role, "partners.manage"),
    link:
      can(role, "partners.manage") &&
      evaluation.kind === "questionnaire" &&
      (evaluation.status === "draft" || evaluation.status === "awaiting_partner"),
    reopen: evaluation.status === "prepared" && can(role, "partners.manage"),
    decide: canDecideEvaluation(role, userId, evaluation),
    decideRole: can(role, "partners.decide"),
    isPreparer: hadAHand(userId, evaluation),
  };
}

export function evaluationView(rows: EvaluationRows, viewer: { role: Role; userId: string }, today: string, now = new Date()) {
  const { found, policy, members, people } = rows;
  const { evaluation, partner, questionnaire } = found;
  const nameOf = (id: string | null) => people.find((p) => p.userId === id)?.name ?? null;
  return {
    reference: evaluationReference(evaluation.number),
    today,
    evaluation: {
      id: evaluation.id,
      kind: evaluation.kind,
      role: evaluation.role,
      status: evaluation.status,
      answers: evaluation.answers,
      partnerAnswers: evaluation.partnerAnswers,
      partnerSubmittedAt: evaluation.partnerSubmittedAt,
      score: evaluation.score,
      tier: evaluation.tier,
      reasons: evaluation.reasons,
      preparedBy: nameOf(evaluation.preparedByUserId),
      preparedAt: evaluation.preparedAt,
      decision: evaluation.decision,
      decisionNote: evaluation.decisionNote,
      decidedBy: nameOf(evaluation.decidedByUserId),
      decidedAt: evaluation.decidedAt,
    },
    partner: {
      id: partner.id,
      reference: partnerReference(partner.number),
      legalNameZh: partner.legalNameZh,
      legalNameEn: partner.legalNameEn,
      status: partner.status,
      riskTier: partner.riskTier,
      exempt: partner.exempt,
      aeoProgramme: partner.aeoProgramme,
      aeoCertificateNumber: partner.aeoCertificateNumber,
      aeoValidUntil: partner.aeoValidUntil,
      customsCredit: partner.customsCredit,
    },
    /** Where the partner's claimed customs status and the register disagree: for the reviewer to check. */
    statusFlags: statusFlags(partner, evaluation.partnerAnswers ?? evaluation.answers),
    questionnaire: questionnaire
      ? {
          code: questionnaire.code,
          version: questionnaire.version,
          titleZh: questionnaire.titleZh,
          titleEn: questionnaire.titleEn,
          questions: questionnaire.questions,
        }
      : null,
    policy: { lowTierMinScore: policy.lowTierMinScore, mediumTierMinScore: policy.mediumTierMinScore },
    links: found.links.map((l) => ({
      id: l.id,
      locale: l.locale,
      sentTo: l.sentTo,
      expiresAt: l.expiresAt,
      createdAt: l.createdAt,
      state: linkState(l, now),
      submittedAt: l.submittedAt,
    })),
    documents: found.documents.map(({ document, file }) => ({
      id: document.id,
      questionKey: document.questionKey,
      source: document.source,
      fileId: file.id,
      name: file.originalName,
      sha256: file.sha256,
    })),
    actions: found.actions.map((a) => ({
      id: a.id,
      reference: actionReference(a.number),
      title: a.title,
      status: a.status,
      dueOn: a.dueOn,
    })),
    members: members.map((m) => ({ userId: m.userId, name: m.name })),
    can: evaluationRights(viewer.role, viewer.userId, evaluation),
    newLink: null as string | null,
  };
}

export type EvaluationView = ReturnType<typeof evaluationView>;

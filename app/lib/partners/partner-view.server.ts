import { supervisionMonths } from "./partner-scoring";
import type { actionsOfPartner } from "~/lib/actions/action-queries.server";
import type { assignableMembers } from "~/lib/actions/actions.server";
import { can, type Role } from "~/lib/auth/permissions";
import type { listClauses } from "~/lib/partners/clauses.server";
import type { listContracts } from "~/lib/partners/contracts.server";
import type { documentsOf, listEvaluations } from "~/lib/partners/evaluation-queries.server";
import { evaluationReference, partnerReference } from "~/lib/partners/partner-references";
import type { getPartnerPolicy } from "~/lib/partners/partner-policy.server";
import type { getPartner, listContacts, listPartnerSites } from "~/lib/partners/partners.server";
import type { listSupervision } from "~/lib/partners/supervision.server";

// The partner page's data (app/routes/_app.partners.$partnerId): the rows its loader read, mapped
// for the page, with which clauses the partner needs and what the viewer's role may do decided here.

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export interface PartnerRows {
  partner: NonNullable<Rows<typeof getPartner>>;
  contacts: Rows<typeof listContacts>;
  sites: Rows<typeof listPartnerSites>;
  evaluations: Rows<typeof listEvaluations>;
  supervision: Rows<typeof listSupervision>;
  contracts: Rows<typeof listContracts>;
  policy: Pick<Rows<typeof getPartnerPolicy>, "requiredClauseCodes" | "highTierSupervisionMonths" | "mediumTierSupervisionMonths" | "lowTierSupervisionMonths">;
  documents: Rows<typeof documentsOf>;
  clauses: Rows<typeof listClauses>;
  actions: Rows<typeof actionsOfPartner>;
  /** The members a condition may be assigned to: empty unless the viewer may manage partners. */
  members: Pick<Rows<typeof assignableMembers>[number], "userId" | "name">[];
  /** The codes of the required clauses no contract of the partner covers today. */
  missing: string[];
}

/** What a role may do on the partner page. */
export function partnerRights(role: Role) {
  return { canManage: can(role, "partners.manage") };
}

export function partnerView(rows: PartnerRows, role: Role, today: string) {
  const { partner, contacts, sites, evaluations, supervision, contracts, policy, documents, clauses, actions, members, missing } = rows;
  const certificate = documents.find((d) => d.file.id === partner.aeoCertificateFileId)?.file ?? null;
  return {
    today,
    partner: {
      ...partner,
      reference: partnerReference(partner.number),
      annualVolumeCny: partner.annualVolumeCny,
    },
    certificate: certificate ? { id: certificate.id, name: certificate.originalName, sha256: certificate.sha256 } : null,
    contacts,
    sites,
    evaluations: evaluations.map((e) => ({
      id: e.id,
      reference: evaluationReference(e.number),
      kind: e.kind,
      role: e.role,
      status: e.status,
      decision: e.decision,
      score: e.score,
      tier: e.tier,
      decidedAt: e.decidedAt,
      createdAt: e.createdAt,
    })),
    supervision: supervision.map(({ check, performedByName }) => ({ ...check, performedByName })),
    /** Months between supervision checks for the partner's tier (null without a tier). */
    supervisionMonths: partner.riskTier ? supervisionMonths(partner.riskTier, policy) : null,
    contracts: contracts.map((c) => ({
      id: c.id,
      contractNumber: c.contractNumber,
      title: c.title,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      acknowledgedOn: c.acknowledgedOn,
      clauseCodes: c.clauseCodes,
    })),
    missingClauses: missing,
    requiredClauses: policy.requiredClauseCodes,
    clauses: clauses.map((c) => ({
      id: c.id,
      code: c.code,
      version: c.version,
      titleZh: c.titleZh,
      titleEn: c.titleEn,
      // Required of this partner: named in the rules and written for one of its roles (or for all).
      required:
        policy.requiredClauseCodes.includes(c.code) &&
        (c.roles.length === 0 || c.roles.some((r) => (partner.roles as string[]).includes(r))),
    })),
    documents: documents.map(({ document, file }) => ({
      id: document.id,
      source: document.source,
      questionKey: document.questionKey,
      fileId: file.id,
      name: file.originalName,
      sha256: file.sha256,
    })),
    actions,
    members: members.map((m) => ({ userId: m.userId, name: m.name })),
    canManage: partnerRights(role).canManage,
  };
}

export type PartnerView = ReturnType<typeof partnerView>;

// What a dossier prints of the partner records: an evaluation and its decision, a supervision
// check, a contract with its signed copies; each names the partner.
import { eq } from "drizzle-orm";
import { contracts, partnerDocuments, partnerEvaluations, partners, supervisionChecks } from "../../../db/schema/partners";
import { en } from "~/lib/i18n/locales/en";
import { zhCN } from "~/lib/i18n/locales/zh-CN";
import { evaluationReference, partnerReference } from "~/lib/partners/partner-references";
import type { DossierRecordType } from "./dossier-facts.server";
import { both, fileRef, join, label, source, type Loader } from "./dossier-record-source.server";
import type { Bilingual } from "./dossier-types";

function partnerName(p: { legalNameZh: string; legalNameEn: string }): Bilingual {
  return both(p.legalNameZh || p.legalNameEn, p.legalNameEn || p.legalNameZh);
}

export const partnerLoaders = {
  partner_evaluation: source({
    table: partnerEvaluations,
    columns: {
      id: partnerEvaluations.id,
      number: partnerEvaluations.number,
      decision: partnerEvaluations.decision,
      partnerNumber: partners.number,
      legalNameZh: partners.legalNameZh,
      legalNameEn: partners.legalNameEn,
    },
    join: { table: partners, on: eq(partners.id, partnerEvaluations.partnerId) },
    attached: { table: partnerDocuments, parent: partnerDocuments.evaluationId, orderBy: [partnerDocuments.createdAt] },
    line: (r, { attached }) => {
      const name = partnerName(r);
      const tp = partnerReference(r.partnerNumber);
      return {
        reference: evaluationReference(r.number),
        path: `/evaluations/${r.id}`,
        summary: both(`${tp} ${name.zh}`, `${tp} ${name.en}`),
        result: r.decision ? label(zhCN.partners.decision, en.partners.decision, r.decision) : null,
        files: attached.map((u) => fileRef(u.file, false)),
      };
    },
  }),
  supervision_check: source({
    table: supervisionChecks,
    columns: {
      id: supervisionChecks.id,
      partnerId: supervisionChecks.partnerId,
      kind: supervisionChecks.kind,
      result: supervisionChecks.result,
      fileId: supervisionChecks.fileId,
      partnerNumber: partners.number,
      legalNameZh: partners.legalNameZh,
      legalNameEn: partners.legalNameEn,
    },
    join: { table: partners, on: eq(partners.id, supervisionChecks.partnerId) },
    documents: (r) => [r.fileId],
    line: (r, { documents }) => {
      const name = partnerName(r);
      const kind = label(zhCN.partners.supervisionKind, en.partners.supervisionKind, r.kind);
      return {
        reference: partnerReference(r.partnerNumber),
        path: `/partners/${r.partnerId}`,
        summary: both(join(name.zh, kind.zh), join(name.en, kind.en)),
        result: label(zhCN.partners.supervisionResult, en.partners.supervisionResult, r.result),
        files: documents,
      };
    },
  }),
  contract: source({
    table: contracts,
    columns: {
      id: contracts.id,
      contractNumber: contracts.contractNumber,
      title: contracts.title,
      fileId: contracts.fileId,
      acknowledgementFileId: contracts.acknowledgementFileId,
      legalNameZh: partners.legalNameZh,
      legalNameEn: partners.legalNameEn,
    },
    join: { table: partners, on: eq(partners.id, contracts.partnerId) },
    documents: (r) => [r.fileId, r.acknowledgementFileId],
    line: (r, { documents }) => {
      const name = partnerName(r);
      return { reference: r.contractNumber, path: `/contracts/${r.id}`, summary: both(join(r.title, name.zh), join(r.title, name.en)), files: documents };
    },
  }),
} satisfies Partial<Record<DossierRecordType, Loader>>;

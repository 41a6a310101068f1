// What a dossier prints of a supply-chain risk assessment: reference, what was assessed and when,
// and whether it is approved.
import { riskAssessments } from "../../../db/schema/risk-assessments";
import { en } from "~/lib/i18n/locales/en";
import { zhCN } from "~/lib/i18n/locales/zh-CN";
import { formatReference } from "~/lib/references";
import type { DossierRecordType } from "./dossier-facts.server";
import { both, join, label, source, type Loader } from "./dossier-record-source.server";

export const riskLoaders = {
  risk_assessment: source({
    table: riskAssessments,
    columns: {
      id: riskAssessments.id,
      number: riskAssessments.number,
      subjectKind: riskAssessments.subjectKind,
      subject: riskAssessments.subject,
      assessedOn: riskAssessments.assessedOn,
      nextReviewOn: riskAssessments.nextReviewOn,
      status: riskAssessments.status,
    },
    line: (r) => {
      const kind = label(zhCN.riskAssessments.subjectKinds, en.riskAssessments.subjectKinds, r.subjectKind);
      return {
        reference: formatReference("riskAssessment", r.number),
        path: `/risk-assessments/${r.id}`,
        summary: both(join(kind.zh, r.subject, `下次复核 ${r.nextReviewOn}`), join(kind.en, r.subject, `next review ${r.nextReviewOn}`)),
        result: label(zhCN.riskAssessments.statuses, en.riskAssessments.statuses, r.status),
      };
    },
  }),
} satisfies Partial<Record<DossierRecordType, Loader>>;

// What a dossier prints of business continuity: a plan (reference, title, version, the disruptions it
// covers and its recovery objective, its document) and each test (kind, scenario, result).
import { continuityPlans, continuityTests } from "../../../db/schema/continuity";
import { continuityPlanReference, continuityTestReference } from "~/lib/continuity/continuity-rules";
import { en } from "~/lib/i18n/locales/en";
import { zhCN } from "~/lib/i18n/locales/zh-CN";
import { eq } from "drizzle-orm";
import type { DossierRecordType } from "./dossier-facts.server";
import { both, join, label, source, type Loader } from "./dossier-record-source.server";

export const continuityLoaders = {
  continuity_plan: source({
    table: continuityPlans,
    columns: {
      id: continuityPlans.id,
      number: continuityPlans.number,
      title: continuityPlans.title,
      version: continuityPlans.version,
      revisedOn: continuityPlans.revisedOn,
      disruptions: continuityPlans.disruptions,
      recoveryHours: continuityPlans.recoveryHours,
      nextReviewOn: continuityPlans.nextReviewOn,
      status: continuityPlans.status,
      fileId: continuityPlans.fileId,
    },
    documents: (r) => [r.fileId],
    line: (r, { documents }) => {
      const kinds = r.disruptions.map((d) => label(zhCN.continuity.disruptions, en.continuity.disruptions, d as keyof typeof en.continuity.disruptions));
      return {
        reference: continuityPlanReference(r.number),
        path: `/continuity/${r.id}`,
        summary: both(
          join(r.title, `第 ${r.version} 版 ${r.revisedOn}`, kinds.map((k) => k.zh).join("、"), `${r.recoveryHours} 小时内恢复`, `下次复核 ${r.nextReviewOn}`),
          join(r.title, `version ${r.version} of ${r.revisedOn}`, kinds.map((k) => k.en).join(", "), `recovery within ${r.recoveryHours} h`, `next review ${r.nextReviewOn}`),
        ),
        result: label(zhCN.continuity.statuses, en.continuity.statuses, r.status),
        files: documents,
      };
    },
  }),
  continuity_test: source({
    table: continuityTests,
    columns: {
      id: continuityTests.id,
      number: continuityTests.number,
      planId: continuityTests.planId,
      planNumber: continuityPlans.number,
      testedOn: continuityTests.testedOn,
      kind: continuityTests.kind,
      scenario: continuityTests.scenario,
      result: continuityTests.result,
    },
    join: { table: continuityPlans, on: eq(continuityPlans.id, continuityTests.planId) },
    line: (r) => {
      const kind = label(zhCN.continuity.kinds, en.continuity.kinds, r.kind);
      const plan = continuityPlanReference(r.planNumber);
      return {
        reference: continuityTestReference(r.number),
        path: `/continuity/${r.planId}#test-${r.id}`,
        summary: both(join(plan, kind.zh, r.scenario), join(plan, kind.en, r.scenario)),
        result: label(zhCN.continuity.results, en.continuity.results, r.result),
      };
    },
  }),
} satisfies Partial<Record<DossierRecordType, Loader>>;

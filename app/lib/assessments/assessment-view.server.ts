import type { assignableMembers } from "~/lib/actions/actions.server";
import { improvementWindow } from "~/lib/assessments/improvement";
import type { AssessmentView, Comparison } from "~/lib/assessments/assessment-queries.server";
import type { AssessmentResultValue } from "~/lib/assessments/scoring";
import { displayCode } from "~/lib/criteria/criterion-code.server";
import type { policyOptions } from "~/lib/policies/policies.server";
import { coverageView } from "~/lib/criteria/criteria.server";
import type { CriterionCoverage } from "~/lib/evidence/evidence.server";

// The assessment page's data (app/routes/_app.assessments.$assessmentId): the assessment its loader
// read, mapped for the page: each criterion's code in both languages, and the improvement deadline.

export interface AssessmentPageRows {
  view: AssessmentView;
  comparison: Comparison | null;
  policies: Awaited<ReturnType<typeof policyOptions>>;
  members: Pick<Awaited<ReturnType<typeof assignableMembers>>[number], "userId" | "name">[];
  /** The organisation's evidence per criterion id (records of the last 12 months, linked policies). */
  coverage?: Map<string, CriterionCoverage>;
  /** "framework/key" of the criteria its checklist templates feed. */
  fedByTemplates?: ReadonlySet<string>;
}

export function assessmentPageView(rows: AssessmentPageRows, today: string, timeZone: string) {
  const { view, comparison, policies, members } = rows;
  // What already proves each criterion: counts by record type and the policies linked to it, so an
  // item with two inspections and a seal logged does not read as if nothing were there.
  const evidence = Object.fromEntries(
    view.criteria
      .filter((c) => c.options.length > 0)
      .map((c) => {
        const own = rows.coverage?.get(c.id);
        const shown = coverageView(view.framework.code, c, own, timeZone, rows.fedByTemplates);
        return [
          c.key,
          {
            recent: Object.entries(own?.recentByType ?? {}).map(([type, count]) => ({ type, count })),
            newestDay: shown.newestDay,
            policies: shown.policies,
            feeds: shown.recordTypes.filter((type) => type !== "policy" && type !== "file"),
          },
        ];
      }),
  );
  const days = view.framework.improvementDays;
  const window = improvementWindow(days, view.assessment.assessedOn, view.assessment.improvementNotifiedOn);
  const rule = view.framework.improvementRule;
  return {
    reference: view.reference,
    assessment: view.assessment,
    framework: view.framework,
    criteria: view.criteria.map((c) => ({
      id: c.id,
      key: c.key,
      code: displayCode(c),
      level: c.level,
      depth: c.depth,
      part: c.part,
      titleZh: c.titleZh,
      titleEn: c.titleEn,
      textZh: c.textZh,
      textEn: c.textEn,
      options: c.options as AssessmentResultValue[],
      improvable: c.improvable,
      requirement: c.requirement,
      provenance: c.provenance,
      noteZh: c.noteZh,
      noteEn: c.noteEn,
    })),
    scoring: view.scoring,
    results: view.results,
    /** Keys of the business-type criteria outside the organisation's business types (N/A, not asked). */
    notOurBusiness: view.notOurBusiness,
    asked: view.asked,
    actions: view.actions,
    createdBy: view.createdBy,
    finalizedBy: view.finalizedBy,
    comparison,
    policies,
    members: members.map((m) => ({ userId: m.userId, name: m.name })),
    evidence,
    deadline: window?.deadline ?? null,
    improvementDays: days,
    /** The period and the catalogue's rule behind it: its source, or the note that the text sets none. */
    improvement: {
      window,
      sourceZh: rule?.kind === "window" ? rule.sourceZh : null,
      sourceEn: rule?.kind === "window" ? rule.sourceEn : null,
      noteZh: rule?.kind === "not_stated" ? rule.noteZh : null,
      noteEn: rule?.kind === "not_stated" ? rule.noteEn : null,
    },
    today,
    timeZone,
  };
}

export type AssessmentPageView = ReturnType<typeof assessmentPageView>;

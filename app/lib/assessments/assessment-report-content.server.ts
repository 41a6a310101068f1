// The self-assessment report's content (assessment-report-data.ts), built from the same view the
// assessment page shows; assessment-report.server.ts lays it out as the PDF.
import type { Criterion, Organization } from "../../../db/schema";
import { displayCode } from "../criteria/criterion-code.server";
import type { AssessmentActionSummary } from "./assessment-actions.server";
import type { AssessmentView } from "./assessment-queries.server";
import type { AssessmentReportData, ReportRow } from "./assessment-report-data";
import { actionStatusLabels, legendFor, resultLabel, resultWithPoints } from "./result-labels";
import type { ScoringRule } from "./scoring";

const reportTitles: Record<string, { zh: string; en: string }> = {
  "cn-2014-general": { zh: "适用认证企业管理自我评估报告（一般认证）", en: "Self-assessment report for certified-enterprise management (general certification)" },
  "cn-2022-advanced": { zh: "海关高级认证企业自我评估报告", en: "Self-assessment report: China Customs advanced certified enterprise" },
};

/**
 * The report's content, from the same view the page shows. Reasons are passed in translated;
 * actions are assessmentActionsByCriterion's, listed under every partly-met or failed criterion.
 */
export function buildReportData(
  org: Pick<Organization, "legalNameZh" | "legalNameEn" | "customsCode">,
  view: AssessmentView,
  reasons: { zh: string; en: string }[],
  now: Date,
  actions: ReadonlyMap<string, readonly AssessmentActionSummary[]>,
): AssessmentReportData {
  const rule: ScoringRule = view.framework.scoringRule;
  const byKey = new Map(view.criteria.map((c) => [c.key, c]));
  const byId = new Map(view.criteria.map((c) => [c.id, c]));
  const rows: ReportRow[] = [];
  for (const c of view.criteria) {
    const code = displayCode(c);
    if (c.options.length === 0) {
      const level = c.level === "sub_item" ? "item" : c.level;
      const childOptions = view.criteria.find((x) => x.options.length && isDescendant(byId, x, c.id))?.options ?? [];
      const derived = view.outcome.derived[c.key];
      rows.push({
        kind: "heading",
        level,
        code: code.zh,
        title: { zh: c.titleZh, en: c.titleEn },
        text: { zh: c.textZh, en: c.textEn },
        legend: c.level === "class" && childOptions.length ? legendFor(rule, childOptions) : undefined,
        result: c.key in view.outcome.derived ? resultLabel(rule, derived ?? null) : undefined,
      });
      continue;
    }
    const r = view.results[c.key];
    const fellShort = r?.result === "partly_meets" || r?.result === "fails";
    rows.push({
      kind: "criterion",
      code: code.zh,
      title: { zh: c.titleZh, en: c.titleEn },
      text: { zh: c.textZh, en: c.textEn },
      note: c.provenance !== "official" && c.noteZh ? { zh: c.noteZh, en: c.noteEn ?? "" } : undefined,
      result: resultWithPoints(rule, r?.result ?? null),
      explanation: r?.explanation ?? "",
      evidence: (r?.evidence ?? []).map((e) =>
        e.recordType === "file" ? `${e.label} (SHA-256 ${e.sha256?.slice(0, 16)}…)` : e.label === e.labelEn ? e.label : `${e.label} / ${e.labelEn.split(" ").slice(1).join(" ")}`,
      ),
      actions: fellShort
        ? (actions.get(c.id) ?? []).map((a) => ({
            reference: a.reference,
            title: a.title,
            owner: a.ownerName,
            dueOn: a.dueOn,
            status: actionStatusLabels[a.status],
            closedOn: a.closedOn,
            closedInTime: a.closedInTime,
          }))
        : undefined,
    });
  }
  const codeOf = (key: string) => {
    const c = byKey.get(key);
    return c ? displayCode(c).zh : key;
  };
  const counts = (["meets", "partly_meets", "fails", "not_applicable", "conforms"] as const)
    .filter((v) => view.outcome.counts[v] > 0 || v !== "conforms")
    .filter((v) => v !== "conforms" || rule === "cn-2014-points")
    .map((v) => ({ label: resultLabel(rule, v), value: view.outcome.counts[v] }));
  if (view.outcome.counts.unanswered) counts.push({ label: resultLabel(rule, null), value: view.outcome.counts.unanswered });
  return {
    organization: { nameZh: org.legalNameZh, nameEn: org.legalNameEn, customsCode: org.customsCode },
    framework: {
      code: view.framework.code,
      version: view.framework.version,
      name: { zh: view.framework.nameZh, en: view.framework.nameEn },
      source: { zh: view.framework.sourceZh, en: view.framework.sourceEn },
    },
    title: reportTitles[view.framework.code] ?? { zh: `${view.framework.nameZh}自我评估报告`, en: `Self-assessment report: ${view.framework.nameEn}` },
    assessment: {
      reference: view.reference,
      assessedOn: view.assessment.assessedOn,
      status: view.assessment.status === "final" ? { zh: "已定稿", en: "Final" } : { zh: "草稿（未定稿）", en: "Draft (not final)" },
      preparedBy: view.createdBy ?? "—",
    },
    rows,
    outcome: {
      passed: view.outcome.passed,
      score: view.outcome.score,
      partlyMetCodes: view.outcome.partlyMet.map(codeOf),
      failedCodes: view.outcome.failed.map(codeOf),
      reasons,
      counts,
    },
    generatedAt: now,
  };
}

function isDescendant(byId: Map<string, Criterion>, node: Criterion, ancestorId: string): boolean {
  let current: Criterion | undefined = node;
  while (current?.parentId) {
    if (current.parentId === ancestorId) return true;
    current = byId.get(current.parentId);
  }
  return false;
}

// What the self-assessment report PDF shows, prepared by assessment-report-content.server.ts and
// laid out by assessment-report.server.ts. Plain data, both languages side by side: the PDF prints
// Chinese first.

export interface ReportText {
  zh: string;
  en: string;
}

export type ReportRow =
  | {
      kind: "heading";
      level: "class" | "article" | "item";
      /** As printed: "一", "（十）", "13". */
      code: string;
      title: ReportText;
      /** Item-level text of a heading that has one (a preamble); may be empty. */
      text: ReportText;
      /** The class header's result legend, e.g. 达标0 部分达标-1 不达标-2 不适用 (class rows only). */
      legend?: ReportText;
      /** Derived result of a 2022 item from its sub-items, e.g. 不达标 / Fails. */
      result?: ReportText;
    }
  | {
      kind: "criterion";
      code: string;
      title: ReportText;
      text: ReportText;
      /** Note shown when the text is reconstructed or inferred, not the official wording. */
      note?: ReportText;
      /** 达标情况: "达标 0" / "Meets 0", or "未评估" / "Not assessed". */
      result: ReportText;
      /** 自我评估说明: the assessor's explanation, in the language it was written in. */
      explanation: string;
      /** Linked policies and files: "QP-07 场所安全管理制度 v3 (2026-01-01) / Premises security policy". */
      evidence: string[];
      /**
       * The corrective actions raised for a partly-met or failed criterion, in number order; empty
       * when it has none (the report says so). Absent for every other result.
       */
      actions?: ReportAction[];
    };

/** A corrective action as the report lists it under its criterion. */
export interface ReportAction {
  /** "CA-0012" */
  reference: string;
  title: string;
  owner: string;
  dueOn: string; // YYYY-MM-DD
  /** 待整改 / Open, 整改中 / In progress, 已完成 / Done, 已取消 / Cancelled. */
  status: ReportText;
  /** The day it was done or cancelled; null while open. */
  closedOn: string | null;
  /** Done on or before the due date; null while open and when cancelled. */
  closedInTime: boolean | null;
}

export interface AssessmentReportData {
  organization: { nameZh: string; nameEn: string; customsCode: string | null };
  framework: { code: string; version: string; name: ReportText; source: ReportText };
  /** Report title: 适用认证企业管理自我评估报告（一般认证） etc. */
  title: ReportText;
  assessment: {
    /** Reference that finds it in the app, e.g. SA-2026-0003. */
    reference: string;
    assessedOn: string; // YYYY-MM-DD
    status: ReportText; // 草稿 / Draft, 已定稿 / Final
    preparedBy: string;
  };
  rows: ReportRow[];
  outcome: {
    /** null for frameworks without a pass mark (WCO, CTPAT). */
    passed: boolean | null;
    /** cn-2014 only: 100 + sum. */
    score: number | null;
    /** Codes of partly-met / basically-met criteria, in order. */
    partlyMetCodes: string[];
    failedCodes: string[];
    /** One or two sentences: why it passes or fails, e.g. "4 项基本达标，超过通用标准上限 3 项". */
    reasons: ReportText[];
    /** Counts per result for qualitative frameworks and for the summary line. */
    counts: { label: ReportText; value: number }[];
  };
  /** Fixed for reproducible output: the PDF's creation and modification date. */
  generatedAt: Date;
}

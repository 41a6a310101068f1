// The self-assessment report as a PDF, laid out like the official 自我评估报告 form: header with
// 企业名称 and 海关注册编码, the table 认证标准 | 达标情况 | 自我评估说明, and the result block
// 认证自我评估结果 with the applicant's seal. Chinese first, English below it, everywhere.
// The same data gives the same bytes (fixed dates, fixed subset names).

import { PDFDocument } from "pdf-lib";
import { embedNotoSans } from "~/lib/pdf/fonts.server";
import { colors, type Content, type TableCell, type TableRow, type TextBlock, type TextStyle } from "~/lib/pdf/page-content";
import { PageBuilder } from "~/lib/pdf/page-layout.server";
import { criterionHeading as label } from "~/lib/criteria/criterion-code";
import type { AssessmentReportData, ReportAction, ReportRow, ReportText } from "./assessment-report-data";

const style = {
  title: { size: 16, weight: "bold", leading: 1.4 },
  titleEn: { size: 11, color: colors.muted },
  zh: { size: 9 },
  zhBold: { size: 9, weight: "bold" },
  en: { size: 8, color: colors.muted },
  enBold: { size: 8, weight: "bold", color: colors.muted },
  classZh: { size: 10, weight: "bold" },
  note: { size: 8, color: colors.notice },
  small: { size: 8 },
  resultHeading: { size: 11, weight: "bold" },
  resultLine: { size: 9.5 },
  actionZh: { size: 8 },
  actionZhBold: { size: 8, weight: "bold" },
  actionEn: { size: 7, color: colors.muted },
  actionEnBold: { size: 7, weight: "bold", color: colors.muted },
  actionNotice: { size: 8, color: colors.notice },
} satisfies Record<string, TextStyle>;

/**
 * Criterion column about 55%, result 15%, explanation 30%, as on the official form. The grid is
 * finer so that a criterion's corrective actions can sit under it in columns of their own:
 * number 10 + action 29 + owner 16 under the criterion, due date 15 under the result, status 14
 * + closed 16 under the explanation.
 */
const tableColumns = [10, 29, 16, 15, 14, 16];
const span = { criterion: 3, result: 1, explanation: 2, all: 6 } as const;
const block = (text: string, s: TextStyle, extra: Partial<TextBlock> = {}): TextBlock[] => (text ? [{ text, style: s, ...extra }] : []);

/** Chinese, then English in the smaller grey size. */
const bilingual = (text: ReportText, zh: TextStyle = style.zh, en: TextStyle = style.en): TextBlock[] => [...block(text.zh, zh), ...block(text.en, en)];

function headingRow(row: Extract<ReportRow, { kind: "heading" }>): TableRow {
  const title: Content = [
    ...block(label(row.code, row.title.zh, "zh"), row.level === "class" ? style.classZh : style.zhBold),
    ...block(label(row.code, row.title.en, "en"), style.enBold),
    ...block(row.text.zh, style.zh, { spaceBefore: 2 }),
    ...block(row.text.en, style.en),
  ];
  const fill = row.level === "class" ? colors.shade : colors.lightShade;
  let cells: TableCell[] = [{ content: title, span: span.all }];
  if (row.legend) {
    cells = [
      { content: title, span: span.criterion },
      { content: bilingual(row.legend, style.zhBold, style.enBold), span: span.result + span.explanation },
    ];
  } else if (row.result) {
    cells = [
      { content: title, span: span.criterion },
      { content: bilingual(row.result, style.zhBold), span: span.result },
      { content: [], span: span.explanation },
    ];
  }
  return { cells, fill, keepWithNext: true };
}

function criterionRow(row: Extract<ReportRow, { kind: "criterion" }>): TableRow {
  const criterion: Content = [
    ...block(label(row.code, row.title.zh, "zh"), style.zhBold),
    ...block(row.text.zh, style.zh),
    ...block(label(row.code, row.title.en, "en"), style.enBold, { spaceBefore: 3 }),
    ...block(row.text.en, style.en),
    ...(row.note
      ? [...block(row.note.zh, style.note, { bullet: "※", spaceBefore: 3 }), ...block(row.note.en, style.note, { indent: 10 })]
      : []),
  ];
  const explanation: Content = [
    ...block(row.explanation, style.zh),
    ...(row.evidence.length > 0
      ? [
          ...block("依据 Evidence:", style.enBold, { spaceBefore: row.explanation ? 4 : 0 }),
          ...row.evidence.flatMap((item) => block(item, style.small, { bullet: "•" })),
        ]
      : []),
  ];
  return {
    cells: [
      { content: criterion, span: span.criterion },
      { content: bilingual(row.result), span: span.result },
      { content: explanation, span: span.explanation },
    ],
  };
}

/** Under a partly-met or failed criterion: its corrective actions, or a line saying it has none. */
function actionRows(actions: readonly ReportAction[]): TableRow[] {
  if (actions.length === 0) {
    return [{ cells: [{ content: block("无整改措施 / No corrective action recorded", style.actionNotice), span: span.all }], keepWithPrevious: true }];
  }
  const label = (zh: string, en: string): TableCell => ({ content: bilingual({ zh, en }, style.actionZhBold, style.actionEnBold) });
  const header: TableRow = {
    cells: [
      label("编号", "No."),
      label("整改措施", "Corrective action"),
      label("负责人", "Owner"),
      label("完成期限", "Due"),
      label("状态", "Status"),
      label("关闭日期", "Closed"),
    ],
    fill: colors.lightShade,
    keepWithPrevious: true,
    keepWithNext: true,
  };
  const closed = (a: ReportAction): Content => {
    if (!a.closedOn) return block("—", style.actionZh);
    if (a.closedInTime === null) return block(a.closedOn, style.actionZh);
    const timing = a.closedInTime ? { zh: "按期", en: "On time" } : { zh: "逾期", en: "Late" };
    const color = a.closedInTime ? colors.muted : colors.notice;
    return [...block(a.closedOn, style.actionZh), ...block(`${timing.zh} ${timing.en}`, { ...style.actionEn, color })];
  };
  // A few rows: kept together, so they never continue under the main table's repeated header.
  const rows = actions.map(
    (a, i): TableRow => ({
      cells: [
        { content: block(a.reference, style.actionZh) },
        { content: block(a.title, style.actionZh) },
        { content: block(a.owner, style.actionZh) },
        { content: block(a.dueOn, style.actionZh) },
        { content: bilingual(a.status, style.actionZh, style.actionEn) },
        { content: closed(a) },
      ],
      keepTogether: true,
      keepWithNext: i < actions.length - 1,
    }),
  );
  return [header, ...rows];
}

function resultBlock(data: AssessmentReportData): Content {
  const { outcome } = data;
  const codes = (list: string[]) => (list.length > 0 ? list.join("、") : "无 None");
  const lines: TextBlock[] = [
    ...block("认证自我评估结果", style.resultHeading),
    ...block("Self-assessment result", style.enBold),
  ];
  if (outcome.passed === null) {
    lines.push(...block("本标准无通过分数线", style.resultLine, { spaceBefore: 6 }), ...block("This framework has no pass mark", style.en));
  } else {
    const mark = (on: boolean) => (on ? "✓" : "\u3000");
    lines.push(
      ...block(`认证通过（${mark(outcome.passed)}）；认证未通过（${mark(!outcome.passed)}）`, { ...style.resultLine, weight: "bold" }, { spaceBefore: 6 }),
      ...block(`Passed (${outcome.passed ? "✓" : "   "});  Not passed (${outcome.passed ? "   " : "✓"})`, style.en),
    );
  }
  if (outcome.score !== null) lines.push(...block(`认证分数 Score：${outcome.score}`, style.resultLine, { spaceBefore: 4 }));
  lines.push(
    ...block(`认证部分达标指标序号 Partly met：${codes(outcome.partlyMetCodes)}`, style.resultLine, { spaceBefore: 4 }),
    ...block(`认证不达标指标序号 Failed：${codes(outcome.failedCodes)}`, style.resultLine, { spaceBefore: 4 }),
  );
  outcome.reasons.forEach((reason, i) => {
    lines.push(...block(reason.zh, style.zh, { spaceBefore: i === 0 ? 6 : 2 }), ...block(reason.en, style.en));
  });
  if (outcome.counts.length > 0) {
    const counts = outcome.counts.map((c) => `${c.label.zh} ${c.label.en}: ${c.value}`).join("；");
    lines.push(...block(`统计 Counts：${counts}`, style.small, { spaceBefore: 6 }));
  }
  return [
    ...lines,
    ...block("申请单位（盖章） Applicant (company seal)", style.zhBold, { spaceBefore: 14 }),
    { space: 64 },
    ...block(`日期 Date：${data.assessment.assessedOn}`, style.zh, { align: "right" }),
  ];
}

function infoTable(data: AssessmentReportData): TableRow[] {
  const { organization: org, framework, assessment } = data;
  const name = (zh: string, en: string): TableCell => ({ content: bilingual({ zh, en }, style.zhBold, style.en), fill: colors.lightShade });
  const value = (content: Content, span = 1): TableCell => ({ content, span });
  return [
    { cells: [name("企业名称", "Company name"), value(bilingual({ zh: org.nameZh, en: org.nameEn }), 3)] },
    {
      cells: [
        name("海关注册编码", "Customs registration code"),
        value(block(org.customsCode ?? "—", style.zh)),
        name("自评日期", "Assessment date"),
        value(block(assessment.assessedOn, style.zh)),
      ],
    },
    {
      cells: [
        name("认证标准", "Framework"),
        value(
          [
            ...block(`${framework.name.zh}（${framework.version}）`, style.zh),
            ...block(`${framework.name.en} (${framework.version})`, style.en),
            ...block(`来源：${framework.source.zh}`, style.small, { spaceBefore: 2 }),
            ...block(`Source: ${framework.source.en}`, style.en),
          ],
          3,
        ),
      ],
    },
    {
      cells: [
        name("报告编号", "Reference"),
        value(block(assessment.reference, style.zh)),
        name("状态", "Status"),
        value(bilingual(assessment.status)),
      ],
    },
    { cells: [name("编制人", "Prepared by"), value(block(assessment.preparedBy, style.zh), 3)] },
  ];
}

export async function renderAssessmentReport(data: AssessmentReportData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedNotoSans(doc);
  const org = data.organization;
  const orgName = [org.nameZh, org.nameEn].filter(Boolean).join(" / ");

  doc.setTitle(`${data.title.zh} / ${data.title.en}`, { showInWindowTitleBar: true });
  doc.setAuthor(orgName);
  doc.setSubject(`${data.framework.name.zh} ${data.framework.version} / ${data.framework.name.en}`);
  doc.setKeywords([data.assessment.reference, data.framework.code, data.framework.version]);
  doc.setLanguage("zh-CN");
  doc.setCreator("Tradeguard");
  doc.setProducer("Tradeguard (pdf-lib)");
  doc.setCreationDate(data.generatedAt);
  doc.setModificationDate(data.generatedAt);

  const pages = new PageBuilder(doc, fonts);
  pages.paragraph({ text: data.title.zh, style: style.title, align: "center" });
  pages.paragraph({ text: data.title.en, style: style.titleEn, align: "center" });
  pages.moveDown(12);
  pages.table({ columns: [17, 33, 17, 33], rows: infoTable(data) });
  pages.moveDown(14);

  const header: TableRow = {
    cells: [
      { content: bilingual({ zh: "认证标准", en: "Criterion" }, style.zhBold, style.en), span: span.criterion },
      { content: bilingual({ zh: "达标情况", en: "Result" }, style.zhBold, style.en), span: span.result },
      { content: bilingual({ zh: "自我评估说明", en: "Self-assessment explanation" }, style.zhBold, style.en), span: span.explanation },
    ],
    fill: colors.shade,
  };
  const rows = data.rows.flatMap((row) =>
    row.kind === "heading" ? [headingRow(row)] : [criterionRow(row), ...(row.actions ? actionRows(row.actions) : [])],
  );
  if (rows.length > 0) pages.table({ columns: tableColumns, header, rows });

  pages.moveDown(14);
  pages.table({ columns: [1], rows: [{ cells: [{ content: resultBlock(data) }], keepTogether: true }], padding: 10, borderWidth: 0.8 });

  pages.decoratePages({
    header: { left: org.nameZh || org.nameEn, right: `${data.title.zh}  ${data.assessment.reference}` },
    footer: (n, count) => `第 ${n} 页 / 共 ${count} 页  Page ${n} of ${count}`,
  });
  return doc.save();
}

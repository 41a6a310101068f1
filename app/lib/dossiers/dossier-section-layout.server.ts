// One criterion's section of the dossier, after its heading and text: the self-assessment result
// (with the corrective actions of a shortfall), the policies, and what the period holds: a summary
// per record type (by month, by site, by outcome, with the actions raised), one chart, every
// exception in full, and a sample of ordinary records. The photos and the manifest are drawn by
// dossier-photos.server.ts and dossier-appendix.server.ts.

import { localDateTimeInZone } from "~/lib/i18n/format";
import { colors, type Content, type TableRow, type TextBlock, type TextStyle } from "~/lib/pdf/page-content";
import type { PageBuilder } from "~/lib/pdf/page-layout.server";
import { actionStatusLabels } from "~/lib/assessments/result-labels";
import { drawMonthlyChart } from "./dossier-chart.server";
import { typeLabel } from "./dossier-labels.server";
import { SAMPLE_RULE } from "./dossier-sampling";
import type { DossierInput, DossierRecord, DossierSection, MonthCount, TypeSummary } from "./dossier-types";

export const style = {
  coverTitle: { size: 24, weight: "bold", leading: 1.3 },
  coverSub: { size: 13, color: colors.muted },
  h1: { size: 14, weight: "bold", leading: 1.35 },
  h1En: { size: 10.5, weight: "bold", color: colors.muted },
  h2: { size: 10.5, weight: "bold" },
  h3: { size: 9, weight: "bold" },
  zh: { size: 9 },
  en: { size: 8, color: colors.muted },
  small: { size: 7.5 },
  smallMuted: { size: 7, color: colors.muted },
  cell: { size: 7.5, leading: 1.35 },
  cellMuted: { size: 7.5, leading: 1.35, color: colors.muted },
  cellBold: { size: 7.5, weight: "bold", leading: 1.35 },
  detail: { size: 6.5, leading: 1.3 },
  detailMuted: { size: 6.5, leading: 1.35, color: colors.muted },
  number: { size: 6.8, leading: 1.3 },
  /** The month columns: 13 of them must hold "30,416" on one line. */
  month: { size: 6.1, leading: 1.3 },
  gap: { size: 9.5, weight: "bold", color: colors.notice },
  toc: { size: 9 },
  tocEn: { size: 7.5, color: colors.muted },
} satisfies Record<string, TextStyle>;

export const block = (text: string, s: TextStyle, extra: Partial<TextBlock> = {}): TextBlock[] => (text ? [{ text, style: s, ...extra }] : []);

export function headerRow(labels: string[]): TableRow {
  return { fill: colors.shade, cells: labels.map((l) => ({ content: block(l, style.cellBold) })) };
}

export const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
const count = (n: number) => n.toLocaleString("en-US");
const rate = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : "—");
const both = (zh: string, en: string, s: TextStyle = style.cell, muted: TextStyle = style.cellMuted): Content => [...block(zh, s), ...block(en === zh ? "" : en, muted)];

function assessmentBox(b: PageBuilder, section: DossierSection): void {
  if (section.notApplicable) {
    b.moveDown(8);
    const reason = both(section.notApplicable.zh, section.notApplicable.en, style.cellBold);
    b.table({ columns: [22, 78], rows: [{ cells: [{ content: block("自我评估 Self-assessment", style.cellBold), fill: colors.lightShade }, { content: reason }] }] });
    return;
  }
  const a = section.assessment;
  const content: Content = a
    ? [
        ...block(`${a.result.zh} ${a.result.en}`, style.cellBold),
        ...block(`${a.reference}（${a.assessedOn}）`, style.smallMuted),
        ...block(a.explanation, style.cell, { spaceBefore: 2 }),
      ]
    : block("无已完成的自我评估 No finalised self-assessment", style.cell);
  b.moveDown(8);
  b.table({ columns: [22, 78], rows: [{ cells: [{ content: block("自我评估 Self-assessment", style.cellBold), fill: colors.lightShade }, { content }] }] });
  if (!a?.shortfall) return;
  b.paragraph(block("整改措施（自我评估） Corrective actions of the self-assessment", style.h3, { spaceBefore: 6 }));
  if (a.actions.length === 0) {
    b.paragraph(block("⚠ 无整改措施 No corrective action recorded", { ...style.cell, color: colors.notice }));
    return;
  }
  b.table({
    columns: [12, 40, 15, 12, 21],
    header: headerRow(["编号 No.", "措施 Action", "负责人 Owner", "期限 Due", "状态 Status"]),
    rows: a.actions.map((x) => {
      const status = actionStatusLabels[x.status];
      const closed = x.closedOn ? `${x.closedOn} ${x.closedInTime ? "按期 in time" : "逾期 late"}` : "";
      return { cells: [{ content: block(x.reference, style.cellBold) }, { content: block(x.title, style.cell) }, { content: block(x.ownerName, style.cell) }, { content: block(x.dueOn, style.cell) }, { content: [...both(status.zh, status.en), ...block(closed, style.detailMuted)] }] };
    }),
  });
}

function policiesTable(b: PageBuilder, section: DossierSection): void {
  if (section.policies.length === 0) return;
  b.paragraph(block("制度文件 Policies", style.h2, { spaceBefore: 10 }));
  b.table({
    columns: [18, 52, 12, 18],
    header: headerRow(["文件编号 Number", "名称 Title", "版本 Version", "生效 Effective"]),
    rows: section.policies.map((p) => ({
      cells: [
        { content: block(p.documentNumber, style.cell) },
        { content: both(p.title.zh, p.title.en) },
        { content: block(p.version === null ? "—" : `v${p.version}`, style.cell) },
        { content: block(p.effectiveFrom ?? "—", style.cell) },
      ],
    })),
  });
}

/** Records, exceptions and outcomes of each type, and the actions they raised. */
function summaryTable(b: PageBuilder, section: DossierSection): void {
  const { summaries, actions } = section.evidence;
  b.table({
    columns: [22, 12, 14, 52],
    header: headerRow(["记录类型 Record type", "记录 Records", "例外 Exceptions", "结果 Outcomes"]),
    rows: summaries.map((s) => {
      const label = typeLabel(s.recordType);
      return {
        cells: [
          { content: both(label.zh, label.en, style.cellBold) },
          { content: block(count(s.records), style.cell) },
          { content: block(s.exceptions > 0 ? `${count(s.exceptions)}（${rate(s.exceptions, s.records)}）` : "0", s.exceptions > 0 ? { ...style.cellBold, color: colors.notice } : style.cell) },
          { content: s.outcomes.length ? s.outcomes.flatMap((o) => block(`${o.outcome.zh} ${o.outcome.en}: ${count(o.count)}`, o.exception ? { ...style.cell, color: colors.notice } : style.cell)) : block("—", style.cell) },
        ],
      };
    }),
  });
  if (actions && actions.raised > 0) {
    b.moveDown(4);
    b.table({
      columns: [22, 13, 13, 13, 13, 13, 13],
      header: headerRow(["整改措施 Corrective actions", "提出 Raised", "按期关闭 In time", "逾期关闭 Late", "进行中 Open", "已逾期 Overdue", "已取消 Cancelled"]),
      rows: [
        {
          cells: [
            { content: block("由本条款记录提出 From this criterion's records", style.cell) },
            ...[actions.raised, actions.closedInTime, actions.closedLate, actions.open, actions.overdue, actions.cancelled].map((n, i) => ({
              content: block(count(n), i === 4 && n > 0 ? { ...style.cellBold, color: colors.notice } : style.cell),
            })),
          ],
        },
      ],
    });
  }
}

/** Each type's records by month: records, exceptions. */
function monthlyTable(b: PageBuilder, summaries: readonly TypeSummary[], months: readonly string[]): void {
  const labels = months.map((m) => `${m.slice(2, 4)}/${m.slice(5)}`);
  const cell = (text: string, extra: Partial<TextStyle> = {}) => ({ content: block(text, { ...style.month, ...extra }) });
  b.table({
    columns: [12, ...months.map(() => 88 / (months.length + 1)), 88 / (months.length + 1)],
    padding: 2.5,
    header: { fill: colors.shade, cells: ["按月 By month", ...labels, "合计 Total"].map((l) => cell(l, { weight: "bold" })) },
    rows: summaries.flatMap((s) => {
      const label = typeLabel(s.recordType);
      const records: TableRow = {
        keepWithNext: s.exceptions > 0,
        cells: [{ content: both(label.zh, label.en, style.month, { ...style.month, color: colors.muted }) }, ...s.months.map((m) => cell(count(m.records))), cell(count(s.records), { weight: "bold" })],
      };
      if (s.exceptions === 0) return [records];
      const exceptions: TableRow = {
        fill: colors.lightShade,
        cells: [cell("例外 Exceptions", { color: colors.notice }), ...s.months.map((m) => cell(m.exceptions ? count(m.exceptions) : "·")), cell(count(s.exceptions), { weight: "bold", color: colors.notice })],
      };
      return [records, exceptions];
    }),
  });
}

/** Each type's records by site, two sites to a row. */
function siteTable(b: PageBuilder, summaries: readonly TypeSummary[]): void {
  for (const s of summaries) {
    if (s.sites.length <= 1) continue;
    const label = typeLabel(s.recordType);
    b.paragraph(block(`按场所 By site · ${label.zh} ${label.en}`, style.h3, { spaceBefore: 6 }));
    const cells = s.sites.map((site) => [
      { content: both(site.site?.zh ?? "无场所", site.site?.en ?? "No site", style.number, { ...style.number, color: colors.muted }) },
      { content: block(count(site.records), style.number) },
      { content: block(site.exceptions ? `${count(site.exceptions)}（${rate(site.exceptions, site.records)}）` : "0", site.exceptions ? { ...style.number, color: colors.notice } : style.number) },
    ]);
    const rows: TableRow[] = [];
    for (let i = 0; i < cells.length; i += 2) {
      const right = cells[i + 1] ?? [{ content: [] }, { content: [] }, { content: [] }];
      rows.push({ cells: [...(cells[i] ?? []), ...right] });
    }
    b.table({
      columns: [24, 10, 16, 24, 10, 16],
      header: headerRow(["场所 Site", "记录 Records", "例外 Exceptions", "场所 Site", "记录 Records", "例外 Exceptions"]),
      rows,
    });
  }
}

/** The months of the section's records, all types together, for the chart. */
function combinedMonths(summaries: readonly TypeSummary[], months: readonly string[]): MonthCount[] {
  return months.map((month) => ({
    month,
    records: summaries.reduce((n, s) => n + (s.months.find((m) => m.month === month)?.records ?? 0), 0),
    exceptions: summaries.reduce((n, s) => n + (s.months.find((m) => m.month === month)?.exceptions ?? 0), 0),
  }));
}

function recordRows(records: readonly DossierRecord[], input: DossierInput, withPath: boolean): TableRow[] {
  return records.map((r, n) => ({
    fill: n % 2 === 1 ? colors.lightShade : undefined,
    cells: [
      { content: block(localDateTimeInZone(r.occurredAt, input.timeZone).replace("T", " "), style.cell) },
      { content: block(r.reference, style.cellBold) },
      { content: block(r.site ? r.site.zh : "—", style.cell) },
      {
        content: [
          ...both(r.summary.zh, r.summary.en),
          // Each finding or action on one line, Chinese then English: an exception list runs to thousands of rows.
          ...(r.details ?? []).map((d, k): TextBlock => ({ text: d.en === d.zh ? d.zh : `${d.zh}  ·  ${d.en}`, style: style.detail, spaceBefore: k === 0 ? 1.5 : 0 })),
          ...block(withPath ? `应用内页面 Page: ${r.path}` : "", style.detailMuted, { spaceBefore: 1.5 }),
        ],
      },
      { content: r.result ? both(r.result.zh, r.result.en) : block("—", style.cell) },
    ],
  }));
}

const recordColumns = [13, 12, 12, 48, 15];
const recordHeader = () => headerRow(["日期 Date", "编号 Reference", "场所 Site", "摘要 Summary", "结果 Result"]);

function exceptionTables(b: PageBuilder, section: DossierSection, input: DossierInput): void {
  const { exceptions, exceptionsOmitted } = section.evidence;
  if (exceptions.length === 0) return;
  b.paragraph([...block(`例外情况（${count(exceptions.length)}）`, style.h2, { spaceBefore: 12 }), ...block(`Exceptions (${count(exceptions.length)}), each in full`, style.en)]);
  const types = [...new Set(exceptions.map((r) => r.recordType))];
  for (const type of types) {
    const label = typeLabel(type);
    const list = exceptions.filter((r) => r.recordType === type);
    b.paragraph(block(`${label.zh} ${label.en}（${count(list.length)}）`, style.h3, { spaceBefore: 6 }));
    b.table({ columns: recordColumns, header: recordHeader(), rows: recordRows(list, input, false) });
    const omitted = exceptionsOmitted.find((o) => o.recordType === type);
    if (omitted) {
      b.paragraph(block(`另有 ${count(omitted.count)} 条例外仅列于登记册 · ${count(omitted.count)} more exceptions are in the register only`, { ...style.small, color: colors.notice }, { spaceBefore: 3 }));
    }
  }
}

function sampleTables(b: PageBuilder, section: DossierSection, input: DossierInput): void {
  const { samples, sampled } = section.evidence;
  if (sampled.length === 0) return;
  b.paragraph([...block("抽样记录", style.h2, { spaceBefore: 12 }), ...block("Sample of ordinary records", style.en)]);
  b.paragraph([...block(SAMPLE_RULE.zh, style.small, { spaceBefore: 2 }), ...block(SAMPLE_RULE.en, style.smallMuted)]);
  for (const s of sampled) {
    const label = typeLabel(s.recordType);
    const list = samples.filter((r) => r.recordType === s.recordType);
    const heading = s.shown === s.ordinary ? `${label.zh} ${label.en}（全部 ${count(s.ordinary)} · all ${count(s.ordinary)}）` : `${label.zh} ${label.en}（抽样 ${s.shown}/${count(s.ordinary)} · sample of ${count(s.ordinary)}）`;
    b.paragraph(block(heading, style.h3, { spaceBefore: 6 }));
    b.table({ columns: recordColumns, header: recordHeader(), rows: recordRows(list, input, true) });
  }
}

function registerNote(b: PageBuilder, section: DossierSection, input: DossierInput): void {
  const registers = input.registers.filter((r) => section.evidence.summaries.some((s) => s.recordType === r.recordType));
  if (registers.length === 0) return;
  const names = registers.map((r) => r.fileName).join("、");
  b.paragraph([
    ...block(`完整记录见附件 ${names}`, style.small, { spaceBefore: 8, bullet: "•" }),
    ...block(`Every record of the period is in the attached ${registers.map((r) => r.fileName).join(", ")}`, style.smallMuted, { indent: 10 }),
  ]);
}

/** Everything of a section after its heading and text, except the photos. */
export function renderSectionBody(b: PageBuilder, section: DossierSection, input: DossierInput): void {
  assessmentBox(b, section);
  policiesTable(b, section);
  const { summaries } = section.evidence;
  b.paragraph([...block("期间概况", style.h2, { spaceBefore: 12 }), ...block(`Summary of the period ${input.period.from} — ${input.period.to}`, style.en)]);
  if (summaries.length === 0) {
    b.paragraph([
      ...block("本期间内无记录证据", style.gap, { spaceBefore: 8, bullet: "⚠" }),
      ...block("No evidence records in this period", { ...style.en, color: colors.notice }, { indent: 12 }),
    ]);
    return;
  }
  summaryTable(b, section);
  b.moveDown(8);
  drawMonthlyChart(b, combinedMonths(summaries, input.months));
  monthlyTable(b, summaries, input.months);
  siteTable(b, summaries);
  exceptionTables(b, section, input);
  sampleTables(b, section, input);
  registerNote(b, section, input);
}

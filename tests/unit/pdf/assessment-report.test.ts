import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AssessmentReportData, ReportRow } from "~/lib/assessments/assessment-report-data";
import { renderAssessmentReport } from "~/lib/assessments/assessment-report.server";

// Renders a realistic 2014 general-certification report and checks it with Debian's qpdf and
// poppler-utils. Text extraction alone proves nothing about glyphs (docs/pdf.md, "Fonts and subsetting"), so
// the title line is also rasterised and must contain ink.

const legend = { zh: "达标 0  部分达标 -1  不达标 -2  不适用", en: "Meets 0 · Partly meets -1 · Fails -2 · Not applicable" };
const meets = { zh: "达标 0", en: "Meets 0" };
const partly = { zh: "部分达标 -1", en: "Partly meets -1" };
const fails = { zh: "不达标 -2", en: "Fails -2" };
const longExplanation =
  "公司已制定《场所安全管理制度》（QP-07，第3版，2026年1月1日起施行），明确由行政部负责厂区大门、传达室及围墙的日常管理。" +
  "大门实行24小时保安值守，车辆和人员进出均在门禁系统登记，访客须出示带照片的身份证件并由接待人员全程陪同。" +
  "建筑物每季度由设备部巡检一次，2025年度共发现并修复围栏破损2处、仓库卷帘门锁具失效1处，维修记录已归档。" +
  "钥匙由保安主管集中保管，领用和归还均有登记；仓库、档案室和机房的钥匙另行双人管理。" +
  "自评发现：夜间照明在东侧装卸区存在盲区，已列入整改计划，预计2026年4月底前完成新增照明灯具安装。";

function criterion(code: string, titleZh: string, titleEn: string, textZh: string, textEn: string, extra: Partial<Extract<ReportRow, { kind: "criterion" }>> = {}): ReportRow {
  return {
    kind: "criterion",
    code,
    title: { zh: titleZh, en: titleEn },
    text: { zh: textZh, en: textEn },
    result: meets,
    explanation: longExplanation,
    evidence: ["QP-07 场所安全管理制度 v3 (2026-01-01) / Premises security policy", "门禁登记表2025.xlsx (SHA-256 9a38ae0ab28cd5a2…)"],
    ...extra,
  };
}

function heading(level: "class" | "article", code: string, zh: string, en: string): ReportRow {
  return { kind: "heading", level, code, title: { zh, en }, text: { zh: "", en: "" }, legend: level === "class" ? legend : undefined };
}

const reportFixture: AssessmentReportData = {
  organization: { nameZh: "深圳市前海示例供应链管理有限公司", nameEn: "Shenzhen Qianhai Example Supply Chain Management Co., Ltd.", customsCode: "4403160001" },
  framework: {
    code: "cn-2014-general",
    version: "2014.1",
    name: { zh: "海关认证企业标准（一般认证）", en: "China Customs Certified Enterprise Standard (General Certification)" },
    source: { zh: "海关总署公告2014年第82号附件2", en: "GACC Announcement No. 82 of 2014, Annex 2" },
  },
  title: { zh: "适用认证企业管理自我评估报告（一般认证）", en: "Self-assessment report for certified-enterprise management (general certification)" },
  assessment: { reference: "SA-2026-0003", assessedOn: "2026-03-02", status: { zh: "已定稿", en: "Final" }, preparedBy: "王晓明 (Wang Xiaoming)" },
  rows: [
    heading("class", "一", "内部控制标准", "Internal control"),
    heading("article", "（一）", "组织机构控制", "Organisational control"),
    criterion(
      "1",
      "内部组织架构",
      "Internal organisational structure",
      "指定高级管理人员负责关务，对企业认证建立书面或者电子档案。",
      "A senior manager is designated to be responsible for customs affairs, and a written or electronic file is kept on the enterprise's certification.",
      { explanation: "总经理办公会决议（2025年第4号）指定副总经理李华负责关务；认证档案由关务部按年度归档，含电子版。", evidence: ["关务负责人任命书 / Appointment of customs manager"] },
    ),
    criterion(
      "2",
      "海关业务培训",
      "Customs-business training",
      "（1）企业应当建立海关法律法规等相关管理规定的内部培训制度。\n（2）法定代表人或其授权人员、负责关务的高级管理人员应当每年至少参加1次海关法律法规等相关管理规定的内部培训，及时了解、掌握相关管理规定。",
      "(1) The enterprise shall establish an internal training system on customs laws, regulations and related management rules.\n(2) The legal representative or an authorised person, and the senior manager responsible for customs affairs, attend internal training at least once a year.",
      {
        result: partly,
        explanation: "培训制度已建立，但法定代表人2025年度未参加内部培训，现场照片见附件📦第3册。" + longExplanation,
        actions: [
          {
            reference: "CA-0007",
            title: "组织法定代表人及关务负责人参加2026年度海关法律法规内部培训，并将签到表和培训课件归入认证档案",
            owner: "李华",
            dueOn: "2026-05-31",
            status: { zh: "整改中", en: "In progress" },
            closedOn: null,
            closedInTime: null,
          },
          {
            reference: "CA-0012",
            title: "Record the annual training requirement for the legal representative in the training plan",
            owner: "Wang Xiaoming",
            dueOn: "2026-04-15",
            status: { zh: "已完成", en: "Done" },
            closedOn: "2026-04-10",
            closedInTime: true,
          },
        ],
      },
    ),
    heading("article", "（三）", "内部审计控制", "Internal audit control"),
    criterion(
      "7",
      "内审制度",
      "Internal audit system",
      "（1）有内部审计部门或者岗位，或者委托外部审计机构。\n（2）每年至少开展1次内部审计，并有书面或者电子档案。",
      "(1) An internal audit department or post, or an external auditor.\n(2) At least one internal audit a year, with a written or electronic file.",
      {
        note: {
          zh: "文本为重建：标题和条文未在原件中找到，依据2014年《海关认证企业标准（高级认证）》第6项“内审制度”重建，尚待原件核实。",
          en: "Reconstructed text: title and text not found in the original; reconstructed from item 6 (internal audit system) of the 2014 advanced-certification standard.",
        },
      },
    ),
    heading("class", "四", "贸易安全标准", "Trade security"),
    heading("article", "（十）", "场所安全控制措施", "Premises security controls"),
    criterion(
      "21",
      "场所安全",
      "Premises security",
      "企业有检查、阻止未经许可的人员进入企业生产经营场所的书面制度和程序。\n（1）大门和传达室：车辆、人员进出的大门配备人员驻守。\n（2）建筑结构：建筑物的建造方式确保能够防止非法闯入。定期对建筑物进行检查和修缮，确保其完好无损。\n（3）锁闭装置及钥匙保管：所有内外窗户，大门和围栏都设有足够数量的锁闭装置。管理层或者保安人员要保管所有锁和钥匙。",
      "The enterprise has a written system and procedures to check for and stop unauthorised persons entering its premises.\n(1) Gates and gatehouse: gates used by vehicles and persons are staffed.\n(2) Building structure: buildings prevent unlawful entry and are inspected and repaired periodically.\n(3) Locking devices and key custody: windows, gates and fences have enough locks; management or security staff keep all keys.",
      { result: partly, explanation: longExplanation + longExplanation, actions: [] },
    ),
    heading("article", "（十一）", "进入安全控制措施", "Access security controls"),
    criterion(
      "22",
      "进入安全",
      "Access security",
      "（1）员工：有员工身份识别制度，员工佩戴身份标识进入企业。\n（2）访客：对进入企业的访客要检查带有照片的身份证件并进行登记，访客要佩戴临时身份标识并且有内部人员陪同。",
      "(1) Employees: an identification system; employees wear identification.\n(2) Visitors: photo ID checked and logged; visitors wear temporary badges and are escorted.",
      {
        result: fails,
        explanation: "访客登记簿缺少2025年11月至12月的记录，临时身份标识未编号回收。",
        evidence: [],
        actions: [
          {
            reference: "CA-0013",
            title: "临时访客证编号并按日回收",
            owner: "王晓明 (Wang Xiaoming)",
            dueOn: "2026-04-15",
            status: { zh: "已完成", en: "Done" },
            closedOn: "2026-04-16",
            closedInTime: false,
          },
          {
            reference: "CA-0014",
            title: "更换门禁系统",
            owner: "李华",
            dueOn: "2026-04-20",
            status: { zh: "已取消", en: "Cancelled" },
            closedOn: "2026-04-10",
            closedInTime: null,
          },
        ],
      },
    ),
    heading("article", "（十二）", "人员安全控制措施", "Personnel security controls"),
    criterion(
      "23",
      "人员安全",
      "Personnel security",
      "企业有审查拟聘员工和定期审查现有员工的书面制度和程序，提供动态的员工清单，包含姓名、出生日期、身份证号码、担任职位。\n（1）聘用前审核：聘用员工前，应对其应聘申请信息（例如就业经历、推荐信等）进行核实。\n（2）背景调查：聘用员工前，应对其进行有无违法犯罪记录进行安全背景的检查或者调查。\n（3）员工离职程序：应有书面制度和程序，对离职或者停职员工及时收回工作证件、设备，并禁止其进入企业生产经营场所及使用企业信息系统。",
      "Written procedures to screen prospective employees and periodically review current employees, with a current staff list (name, date of birth, ID number, position).\n(1) Pre-employment verification.\n(2) Background checks.\n(3) Exit procedure: badges and equipment returned, access revoked.",
    ),
  ],
  outcome: {
    passed: false,
    score: 93,
    partlyMetCodes: ["2", "21"],
    failedCodes: ["22"],
    reasons: [
      { zh: "第22项不达标（-2），按规定不能通过认证。", en: "Item 22 fails (-2), which rules out certification." },
      { zh: "认证分数93分，低于95分的通过线。", en: "The score of 93 is below the pass mark of 95." },
    ],
    counts: [
      { label: { zh: "达标", en: "Meets" }, value: 3 },
      { label: { zh: "部分达标", en: "Partly meets" }, value: 2 },
      { label: { zh: "不达标", en: "Fails" }, value: 1 },
      { label: { zh: "不适用", en: "Not applicable" }, value: 0 },
    ],
  },
  generatedAt: new Date("2026-03-02T08:30:00Z"),
};

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: "utf8" });

/** Dark pixels (< 128) in a region of a page, rendered in grey at 60 dpi (coordinates in pixels). */
function darkPixels(pdf: string, page: number, region: { x: number; y: number; w: number; h: number }, out: string): number {
  const result = spawnSync("pdftoppm", [
    "-r", "60", "-gray", "-f", String(page), "-l", String(page),
    "-x", String(region.x), "-y", String(region.y), "-W", String(region.w), "-H", String(region.h),
    pdf, out,
  ], { encoding: "utf8" });
  expect(result.status).toBe(0);
  expect(result.stderr).not.toMatch(/may be invalid|mismatch/i);
  const pgm = readFileSync(`${out}-${page}.pgm`);
  // Binary PGM: "P5" width height maxval, each separated by whitespace, then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString("latin1"));
  expect(header).not.toBeNull();
  const [, width, height] = header as RegExpExecArray;
  const pixels = pgm.subarray(pgm.length - Number(width) * Number(height));
  return pixels.reduce((count, value) => count + (value < 128 ? 1 : 0), 0);
}

describe("renderAssessmentReport", () => {
  let dir: string;
  let pdf: string;
  let bytes: Uint8Array;
  let pages: number;

  beforeAll(async () => {
    for (const tool of ["qpdf", "pdfinfo", "pdftotext", "pdffonts", "pdftoppm"]) {
      if (spawnSync(tool, ["--version"]).error) throw new Error(`${tool} not found: apt-get install qpdf poppler-utils`);
    }
    dir = mkdtempSync(join(tmpdir(), "tradeguard-report-"));
    pdf = join(dir, "report.pdf");
    bytes = await renderAssessmentReport(reportFixture);
    writeFileSync(pdf, bytes);
    // REPORT_SAMPLE_PDF=/tmp/report-sample.pdf keeps a copy to look at.
    if (process.env.REPORT_SAMPLE_PDF) writeFileSync(process.env.REPORT_SAMPLE_PDF, bytes);
    pages = Number(/^Pages:\s+(\d+)$/m.exec(run("pdfinfo", [pdf]))?.[1]);
  }, 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("is a valid PDF with the table over at least two pages", () => {
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    run("qpdf", ["--check", pdf]); // throws unless it exits 0
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  test("has the official form's text, Chinese first", () => {
    const text = run("pdftotext", ["-enc", "UTF-8", pdf, "-"]);
    for (const expected of [
      "适用认证企业管理自我评估报告（一般认证）",
      "企业名称",
      "深圳市前海示例供应链管理有限公司",
      "海关注册编码",
      "4403160001",
      "认证标准",
      "达标情况",
      "自我评估说明",
      "一、内部控制标准",
      "（十）场所安全控制措施",
      "内部组织架构",
      "海关业务培训",
      "场所安全",
      "人员安全",
      "※ 文本为重建",
      "认证自我评估结果",
      "认证分数 Score：93",
      "认证未通过（✓）",
      "申请单位（盖章）",
      `第 1 页 / 共 ${pages} 页`,
      `Page ${pages} of ${pages}`,
    ]) {
      expect(text).toContain(expected);
    }
    // The corrective actions under the items that fell short, and the line where there are none.
    for (const expected of ["编号", "整改措施", "负责人", "完成期限", "关闭日期", "CA-0007", "整改中", "In progress", "CA-0012", "按期 On time", "CA-0013", "逾期 Late", "CA-0014", "已取消"]) {
      expect(text).toContain(expected);
    }
    expect(text.match(/无整改措施 \/ No corrective action recorded/g)).toHaveLength(1);
    expect(text.indexOf("海关业务培训")).toBeLessThan(text.indexOf("CA-0007"));
    expect(text.indexOf("CA-0012")).toBeLessThan(text.indexOf("内审制度"));
    expect(text.indexOf("场所安全")).toBeLessThan(text.indexOf("无整改措施"));
    expect(text.indexOf("无整改措施")).toBeLessThan(text.indexOf("CA-0013"));
    // A character the font lacks becomes "?" and does not cut off the rest of the run.
    expect(text).toContain("附件?第3册");
    expect(text.indexOf("企业名称")).toBeLessThan(text.indexOf("Company name"));
  });

  test("has the metadata", async () => {
    const info = run("pdfinfo", [pdf]);
    expect(info).toMatch(/^Title:\s+适用认证企业管理自我评估报告（一般认证） \/ Self-assessment report/m);
    expect(info).toMatch(/^Author:\s+深圳市前海示例供应链管理有限公司/m);
    expect(info).toMatch(/^Creator:\s+Tradeguard$/m);
    expect(info).toMatch(/^CreationDate:.*2026/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)/m);
    const catalog = (await PDFDocument.load(bytes)).catalog;
    expect(catalog.lookup(PDFName.of("Lang"), PDFString, PDFHexString).decodeText()).toBe("zh-CN");
  });

  test("embeds the font as a subset", () => {
    const fonts = run("pdffonts", [pdf]);
    expect(fonts).toMatch(/AAAAAA\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/AAAAAB\+NotoSansSC-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    // Subsetting keeps the file small (the full font alone is 6 MB).
    expect(bytes.length).toBeLessThan(600_000);
  });

  test("is byte-identical for the same data", async () => {
    const again = await renderAssessmentReport(reportFixture);
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
  });

  test("says so when the framework has no pass mark", async () => {
    const qualitative: AssessmentReportData = {
      ...reportFixture,
      organization: { ...reportFixture.organization, customsCode: null },
      rows: reportFixture.rows.slice(0, 3),
      outcome: { passed: null, score: null, partlyMetCodes: [], failedCodes: [], reasons: [], counts: [] },
    };
    const file = join(dir, "qualitative.pdf");
    writeFileSync(file, await renderAssessmentReport(qualitative));
    const text = run("pdftotext", ["-enc", "UTF-8", file, "-"]);
    expect(text).toContain("本标准无通过分数线");
    expect(text).toContain("This framework has no pass mark");
    expect(text).toContain("Partly met：无 None");
    expect(text).not.toContain("认证分数");
    expect(text).not.toContain("认证通过（");
    expect(text).toMatch(/海关注册编码[\s\S]*—/);
  });

  test("renders every page, and the Chinese title has ink", () => {
    for (let page = 1; page <= pages; page++) {
      const result = spawnSync("pdftoppm", ["-r", "60", "-gray", "-f", String(page), "-l", String(page), pdf, join(dir, "page")], { encoding: "utf8" });
      expect(result.status).toBe(0);
      expect(result.stderr).not.toMatch(/may be invalid|mismatch|error/i);
    }
    // The title line only (A4 at 60 dpi is 496 x 702 px; the title sits 56-78 pt from the top,
    // below the running header): blank CJK glyphs would leave it white.
    const ink = darkPixels(pdf, 1, { x: 40, y: 47, w: 416, h: 18 }, join(dir, "title"));
    expect(ink).toBeGreaterThan(400);
  });
});

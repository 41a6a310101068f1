// The dossier PDF read back with pdf.js: every bookmark and every contents link leads to the page
// that holds its heading, the metadata says zh-CN, a photo shown twice is embedded once, the
// registers are attached with their hashes, and the pages do not grow with ordinary records.
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api";
import { renderDossier } from "~/lib/dossiers/dossier-pdf.server";
import type { DossierInput } from "~/lib/dossiers/dossier-types";
import type { DossierFileRef, DossierRecord, SectionEvidence, TypeSummary } from "~/lib/dossiers/dossier-types";

let pdf: PDFDocumentProxy;
let bytes: Uint8Array;
let input: DossierInput;
const register = Buffer.from("PK\x03\x04 a register's bytes stand in here");
const months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];

/** The summary of `records` inspections over the months, `exceptions` of them failed. */
function summary(records: number, exceptions: number): TypeSummary {
  return {
    recordType: "inspection",
    records,
    exceptions,
    months: months.map((month, i) => ({ month, records: Math.floor(records / months.length) + (i === 0 ? records % months.length : 0), exceptions: i === 2 ? exceptions : 0 })),
    sites: [
      { site: { zh: "工厂", en: "Factory" }, records: records - 10, exceptions },
      { site: { zh: "保税仓", en: "Bonded warehouse" }, records: 10, exceptions: 0 },
    ],
    outcomes: [
      { outcome: { zh: "合格", en: "Pass" }, count: records - exceptions, exception: false },
      { outcome: { zh: "不合格", en: "Fail" }, count: exceptions, exception: true },
    ],
  };
}

function evidence(records: DossierRecord[], population: number): SectionEvidence {
  if (records.length === 0) return { summaries: [], actions: null, exceptions: [], exceptionsOmitted: [], samples: [], sampled: [] };
  return {
    summaries: [summary(population, 1)],
    actions: { raised: 1, closedInTime: 1, closedLate: 0, open: 0, overdue: 0, cancelled: 0 },
    exceptions: records.slice(0, 1).map((r) => ({ ...r, result: { zh: "不合格", en: "Fail" }, details: [{ zh: "不合格：第 6 点 门", en: "Failed: Point 6 Doors" }] })),
    exceptionsOmitted: [],
    samples: records.slice(1),
    sampled: [{ recordType: "inspection", shown: records.length - 1, ordinary: population - 1 }],
  };
}

async function pageText(index: number): Promise<string> {
  const page = await pdf.getPage(index + 1);
  const content = await page.getTextContent();
  return content.items.map((item) => ("str" in item ? item.str : "")).join("");
}

async function pageOf(dest: unknown): Promise<number> {
  const explicit = (typeof dest === "string" ? await pdf.getDestination(dest) : dest) as [{ num: number; gen: number }, ...unknown[]];
  return pdf.getPageIndex(explicit[0]);
}

beforeAll(async () => {
  const jpeg = new Uint8Array(await sharp({ create: { width: 300, height: 200, channels: 3, background: "#2a5" } }).jpeg().toBuffer());
  const file: DossierFileRef = {
    fileId: "f",
    sha256: createHash("sha256").update(jpeg).digest("hex"),
    sizeBytes: jpeg.byteLength,
    mediaType: "image/jpeg",
    originalName: "doors.jpg",
    photo: true,
    caption: { zh: "第 6 点 门", en: "Point 6 Doors" },
  };
  const record = (n: number): DossierRecord => ({
    recordType: "inspection",
    recordId: `r${n}`,
    occurredAt: new Date(Date.UTC(2026, 2, n + 1)),
    reference: `INS-${n}`,
    path: `/inspections/r${n}`,
    site: { zh: "工厂", en: "Factory" },
    summary: { zh: `集装箱七点检查 ${n}`, en: `7-point inspection ${n}` },
    result: { zh: "合格", en: "Pass" },
    files: n < 2 ? [file] : [],
  });
  const directory = mkdtempSync(path.join(tmpdir(), "tradeguard-dossier-pdf-"));
  writeFileSync(path.join(directory, "register-inspection.xlsx"), register);
  input = {
    dossierId: "00000000-0000-4000-8000-000000000007",
    reference: "DOS-7",
    organization: { nameZh: "深圳示例进出口有限公司", nameEn: "Shenzhen Demo", customsCode: "4403123456" },
    framework: { nameZh: "海关高级认证企业标准", nameEn: "Advanced", version: "2022" },
    period: { from: "2026-01-01", to: "2026-06-30" },
    sites: null,
    generatedAt: new Date("2026-07-01T02:00:00Z"),
    generatedAtText: "2026-07-01 10:00 (Asia/Shanghai)",
    generatedBy: "测试",
    timeZone: "Asia/Shanghai",
    months,
    registers: [
      {
        recordType: "inspection",
        fileName: "register-inspection.xlsx",
        path: path.join(directory, "register-inspection.xlsx"),
        sha256: createHash("sha256").update(register).digest("hex"),
        sizeBytes: register.byteLength,
        rows: 60,
      },
    ],
    signed: false,
    auditCheckpoint: {
      ok: true,
      seq: 4711,
      headHash: "3f".repeat(32),
      madeAtText: "2026-07-01 10:00 (Asia/Shanghai)",
      signatureKind: "hmac",
      signature: "c0ffee".repeat(10) + "abcd",
    },
    sections: ["41", "42", "43"].map((key, i) => ({
      criterionId: key,
      heading: { zh: `（${key}）场所标准${i}`, en: `(${key}) Premises ${i}` },
      text: { zh: "企业应当……", en: "The enterprise shall …" },
      classHeading: { zh: i < 2 ? "三、场所安全" : "四、人员安全", en: i < 2 ? "Premises" : "Personnel" },
      assessment: null,
      policies: [],
      evidence: evidence(i === 1 ? Array.from({ length: 60 }, (_, n) => record(n)) : [], 60),
    })),
  };
  const rendered = await renderDossier(input, async () => jpeg);
  bytes = await rendered.doc.save();
  pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
});

describe("the dossier PDF read by pdf.js", () => {
  test("the cover prints the audit trail's checkpoint: event, head hash, time and signature, in both languages", async () => {
    const cover = (await pageText(0)).replace(/\s+/g, "");
    expect(cover).toContain("审计链检查点Audittrailcheckpoint");
    expect(cover).toContain("事件Event#4711·2026-07-0110:00(Asia/Shanghai)");
    expect(cover).toContain("Tochecklater:event#4711oftheaudittrailmuststillhavethishash");
    expect(cover).toContain(`链头哈希Headhash:${"3f".repeat(32)}`);
    expect(cover).toContain("Signature(installationkey,HMAC-SHA-256)");
    expect(cover).toContain("c0ffee".repeat(10) + "abcd");
  });

  test("bookmarks: the classes, their criteria as children, the appendix; each leads to its heading's page", async () => {
    const outline = await pdf.getOutline();
    expect(outline.map((o) => o.title)).toEqual(["三、场所安全 Premises", "四、人员安全 Personnel", "附录 文件清单 Appendix: manifest of files"]);
    expect(outline[0]!.items.map((o) => o.title)).toEqual(["（41）场所标准0 (41) Premises 0", "（42）场所标准1 (42) Premises 1"]);
    for (const item of [...outline, ...outline.flatMap((o) => o.items)]) {
      const index = await pageOf(item.dest);
      expect(await pageText(index)).toContain(item.title.split(" ")[0]!);
    }
  });

  test("every contents entry is a link to the page of its heading", async () => {
    const contents = await pdf.getPage(2);
    const links = (await contents.getAnnotations()).filter((a) => a.subtype === "Link");
    expect(links).toHaveLength(6);
    const expected = ["三、场所安全", "（41）场所标准0", "（42）场所标准1", "四、人员安全", "（43）场所标准2", "附录 文件清单"];
    const targets = await Promise.all(links.map((l) => pageOf(l.dest)));
    for (const [i, target] of targets.entries()) expect(await pageText(target)).toContain(expected[i]!);
    // The page numbers printed in the contents are those targets.
    const text = await pageText(1);
    for (const target of targets) expect(text).toContain(String(target + 1));
  });

  test("metadata: title with the dossier number, language zh-CN", async () => {
    const info = (await pdf.getMetadata()).info as unknown as Record<string, unknown>;
    expect(info.Title).toContain("DOS-7");
    expect(info.Language).toBe("zh-CN");
  });

  test("a photo shown for two records is one image object", () => {
    const text = Buffer.from(bytes).toString("latin1");
    expect(text.match(/\/Subtype \/Image/g)).toHaveLength(1);
  });
});

describe("the dossier's size", () => {
  test("the complete register is attached, named with its hash in the appendix", async () => {
    const attachments = (await pdf.getAttachments()) as Record<string, { filename: string; content: Uint8Array }>;
    const attached = Object.values(attachments);
    expect(attached.map((a) => a.filename)).toEqual(["register-inspection.xlsx"]);
    expect(Buffer.from(attached[0]!.content).equals(register)).toBe(true);
    const last = await pageText(pdf.numPages - 1);
    expect(last).toContain(createHash("sha256").update(register).digest("hex").slice(0, 20));
  });

  test("365,000 ordinary records take the pages that 60 take: the summary counts them, the register holds them", async () => {
    const many = { ...input, sections: input.sections.map((s) => ({ ...s, evidence: s.evidence.summaries.length ? { ...s.evidence, summaries: [summary(365_000, 1)] } : s.evidence })) };
    const rendered = await renderDossier(many, async () => new Uint8Array(await sharp({ create: { width: 300, height: 200, channels: 3, background: "#2a5" } }).jpeg().toBuffer()));
    expect(rendered.pageCount).toBe(pdf.numPages);
  });
});

// npm run bench:dossier: builds the reference dossier (30 criteria, 2,000 records, 200 JPEG photos
// of about 400 KB) with the app's own renderer and prints wall time, peak RSS and the floor: the
// time to only read and hash the same photos. Photos are made once under BENCH_DIR (default
// /tmp/tradeguard-bench-dossier) so later runs measure the dossier, not the photo generation.
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { renderDossier } from "~/lib/dossiers/dossier-pdf.server";
import type { DossierFileRef, DossierRecord, DossierSection, SectionEvidence } from "~/lib/dossiers/dossier-types";
import { partsSha256, partsSize, savePdfParts } from "~/lib/pdf/pdf-parts.server";

const dir = process.env.BENCH_DIR ?? "/tmp/tradeguard-bench-dossier";
const PHOTOS = 200;
const RECORDS = 2000;
const CRITERIA = 30;
mkdirSync(dir, { recursive: true });

const files: string[] = [];
for (let i = 0; i < PHOTOS; i++) {
  const file = path.join(dir, `photo-${String(i).padStart(3, "0")}.jpg`);
  if (!existsSync(file)) {
    const bytes = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 120 + (i % 40), sigma: 22 } } })
      .blur(0.6)
      .jpeg({ quality: 85 })
      .toBuffer();
    writeFileSync(file, bytes);
  }
  files.push(file);
}
const photoBytes = files.reduce((n, f) => n + statSync(f).size, 0);

// The floor: read and hash every photo once.
const floorStart = performance.now();
const refs: DossierFileRef[] = [];
for (const [i, file] of files.entries()) {
  const bytes = await readFile(file);
  refs.push({
    fileId: `file-${i}`,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    sizeBytes: bytes.byteLength,
    mediaType: "image/jpeg",
    originalName: path.basename(file),
    photo: true,
    caption: { zh: `第 ${(i % 7) + 1} 点 集装箱外部`, en: `Point ${(i % 7) + 1} Container exterior` },
  });
}
const floorMs = performance.now() - floorStart;
const byPath = new Map(refs.map((r, i) => [r.sha256, files[i] as string]));

const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`);
const sections: DossierSection[] = Array.from({ length: CRITERIA }, (_, c) => {
  const perSection = RECORDS / CRITERIA;
  const records: DossierRecord[] = Array.from({ length: Math.round(perSection) }, (_, r) => {
    const n = c * Math.round(perSection) + r;
    const photoIndex = n % 10 === 0 ? Math.floor(n / 10) : -1;
    return {
      recordType: n % 3 === 0 ? "visitor_entry" : "inspection",
      recordId: `record-${n}`,
      occurredAt: new Date(Date.UTC(2026, 0, 1) + n * 3_600_000 * 4),
      reference: `INS-${1000 + n}`,
      path: `/inspections/${n}`,
      site: { zh: "深圳工厂", en: "Shenzhen factory" },
      summary: { zh: `集装箱七点检查 CSQU305438${n % 10}，封志 CN${2026000000 + n}，司机身份已核对`, en: `7-point container inspection, seal CN${2026000000 + n}` },
      result: n % 17 === 0 ? { zh: "不合格", en: "Fail" } : { zh: "合格", en: "Pass" },
      files: photoIndex >= 0 && photoIndex < PHOTOS ? [refs[photoIndex] as DossierFileRef] : [],
    };
  });
  return {
    criterionId: `criterion-${c}`,
    heading: { zh: `${c + 30}.场所安全控制措施`, en: `${c + 30}. Premises security controls` },
    text: {
      zh: "企业应当建立并执行场所安全管理制度，对场所出入口、周界、照明、门锁及钥匙实施有效控制，并保存相关记录。".repeat(3),
      en: "The enterprise shall establish and apply premises security procedures controlling entrances, perimeter, lighting, locks and keys, and keep records. ".repeat(3),
    },
    classHeading: { zh: "四、贸易安全标准", en: "Trade security" },
    assessment: { reference: "SA-2026-0001", assessedOn: "2026-11-01", result: { zh: "达标", en: "Meets" }, explanation: "制度健全，记录完整。", shortfall: false, actions: [] },
    policies: [],
    evidence: evidenceOf(records),
  };
});

/** The section's records as the dossier shows them: the failed ones as exceptions, the rest as its sample. */
function evidenceOf(records: DossierRecord[]): SectionEvidence {
  const exceptions = records.filter((r) => r.result?.en === "Fail").map((r) => ({ ...r, details: [{ zh: "不合格：第 3 点 右侧壁（新焊缝）", en: "Failed: Point 3 Right side (fresh weld)" }] }));
  const samples = records.filter((r) => r.result?.en !== "Fail");
  const types = [...new Set(records.map((r) => r.recordType))];
  return {
    summaries: types.map((recordType) => {
      const own = records.filter((r) => r.recordType === recordType);
      return {
        recordType,
        records: own.length,
        exceptions: own.filter((r) => r.result?.en === "Fail").length,
        months: months.map((month) => ({
          month,
          records: own.filter((r) => r.occurredAt.toISOString().startsWith(month)).length,
          exceptions: own.filter((r) => r.occurredAt.toISOString().startsWith(month) && r.result?.en === "Fail").length,
        })),
        sites: [{ site: { zh: "深圳工厂", en: "Shenzhen factory" }, records: own.length, exceptions: 0 }],
        outcomes: [],
      };
    }),
    actions: null,
    exceptions,
    exceptionsOmitted: [],
    samples,
    sampled: types.map((recordType) => {
      const n = samples.filter((r) => r.recordType === recordType).length;
      return { recordType, shown: n, ordinary: n };
    }),
  };
}

const start = performance.now();
const rendered = await renderDossier(
  {
    dossierId: "00000000-0000-4000-8000-000000000001",
    reference: "DOS-1",
    organization: { nameZh: "深圳示例进出口有限公司", nameEn: "Shenzhen Demo Trading Co., Ltd.", customsCode: "4403123456" },
    framework: { nameZh: "海关高级认证企业标准", nameEn: "Advanced certification standard", version: "2022" },
    period: { from: "2026-01-01", to: "2026-12-01" },
    sites: null,
    generatedAt: new Date("2026-12-02T10:00:00Z"),
    generatedAtText: "2026-12-02 18:00 (Asia/Shanghai)",
    generatedBy: "Bench",
    timeZone: "Asia/Shanghai",
    months,
    registers: [],
    sections,
    signed: false,
    auditCheckpoint: { ok: true, seq: 1234, headHash: "ab".repeat(32), madeAtText: "2026-12-02 18:00 (Asia/Shanghai)", signatureKind: "hmac", signature: "cd".repeat(32) },
  },
  // As the app reads them (readGeneratedBytes): the Buffer itself, no copy.
  (file) => readFile(byPath.get(file.sha256) as string),
);
// As the rendering thread does: the PDF in parts (the photos by reference) and its SHA-256.
const parts = await savePdfParts(rendered.doc);
const sha256 = partsSha256(parts);
const wallMs = performance.now() - start;
const out = path.join(dir, "dossier.pdf");
const fd = openSync(out, "w");
for (const part of parts) writeSync(fd, part);
closeSync(fd);
const peakMb = process.resourceUsage().maxRSS / 1024;
const photoMb = photoBytes / 1024 / 1024;
const budgetMb = 150 + 1.5 * photoMb;
const embedded = rendered.manifest.filter((m) => m.embedded).length;

process.stdout.write(`reference dossier: ${CRITERIA} criteria, ${RECORDS} records, ${PHOTOS} photos (${photoMb.toFixed(1)} MB, ${embedded} embedded)\n`);
process.stdout.write(`pages ${rendered.pageCount}, PDF ${(partsSize(parts) / 1024 / 1024).toFixed(1)} MB (SHA-256 ${sha256.slice(0, 12)}…) → ${out}\n`);
process.stdout.write(`wall ${(wallMs / 1000).toFixed(2)} s; floor (read + hash photos) ${(floorMs / 1000).toFixed(2)} s; ratio ${(wallMs / floorMs).toFixed(1)}x (aim ≤ 6x)\n`);
process.stdout.write(`peak RSS ${peakMb.toFixed(0)} MB (aim ≤ ${budgetMb.toFixed(0)} MB = 150 MB + 1.5 × photo bytes)\n`);

// The evidence dossier as a PDF: a cover, a table of contents whose page numbers link to the
// sections, one section per criterion in the standard's order (text zh then en, the latest
// self-assessment result with the corrective actions of a shortfall, linked policies, then the
// period: a summary per record type with a chart, every exception in full, a sample of ordinary
// records with photos and their SHA-256), an appendix manifest of every file with hash, size and
// source record, the complete registers attached as XLSX files, "第 x 页 / 共 y 页" on every page,
// bookmarks for every class and criterion, and metadata (title, zh-CN). The same input gives the
// same bytes (fixed dates, fixed subset names, deterministic sampling). The layout of one section is
// in dossier-section-layout.server.ts.
// Why one module (633 lines): the page layout of cover, contents and sections shares one running
// cursor and font set; splitting it is listed for Step 10 in the issue note.

import { readFile as readPath } from "node:fs/promises";
import sharp, { type Metadata } from "sharp";
import { degrees, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, type PDFImage, type PDFPage, type PDFRef } from "pdf-lib";
import { embedNotoSans } from "~/lib/pdf/fonts.server";
import { colors, PageBuilder, type Content, type TableRow } from "~/lib/pdf/page-layout.server";
import { typeLabel } from "./dossier-labels.server";
import { block, formatBytes, headerRow, renderSectionBody, style } from "./dossier-section-layout.server";
import type { Bilingual, DossierAction, DossierFileRef, DossierPolicy, DossierRecord, DossierRegister, SectionEvidence } from "./dossier-types";

export interface DossierSection {
  criterionId: string;
  /** Headings as printed: "21.场所安全" / "21. Premises security". */
  heading: Bilingual;
  text: Bilingual;
  /** The class (top-level heading) the criterion belongs to, for bookmarks and the contents. */
  classHeading: Bilingual | null;
  assessment: {
    reference: string;
    assessedOn: string;
    result: Bilingual;
    explanation: string;
    /** Partly met or not met: its corrective actions are printed (or that it has none). */
    shortfall: boolean;
    actions: DossierAction[];
  } | null;
  policies: DossierPolicy[];
  evidence: SectionEvidence;
}

export interface DossierInput {
  /** The dossier's id, written into the document information so /verify can name an altered copy. */
  dossierId: string;
  reference: string;
  organization: { nameZh: string; nameEn: string; customsCode: string };
  framework: { nameZh: string; nameEn: string; version: string };
  period: { from: string; to: string };
  /** null: every site. */
  sites: Bilingual[] | null;
  generatedAt: Date;
  generatedAtText: string;
  generatedBy: string;
  /** The organisation's time zone: records' dates are printed in it. */
  timeZone: string;
  /** The months of the period (YYYY-MM), for the monthly summaries. */
  months: string[];
  sections: DossierSection[];
  /** The complete registers; attached to the first volume, named in every section that has records. */
  registers: DossierRegister[];
  signed: boolean;
  /**
   * The audit trail's checkpoint made for this dossier (audit-checkpoints.server.ts), printed on the
   * cover so that a certifier holding the dossier can compare a later verification with it; or the
   * event at which the trail failed verification, when no checkpoint could be made.
   */
  auditCheckpoint: DossierAuditCheckpoint | null;
}

export type DossierAuditCheckpoint =
  | {
      ok: true;
      seq: number;
      headHash: string;
      madeAtText: string;
      /** "certificate": base64 RSA-SHA256 with the organisation's certificate; "hmac": hex HMAC-SHA-256 with the installation key. */
      signatureKind: "certificate" | "hmac";
      signature: string;
    }
  | { ok: false; seq: number };

/** The cover's audit trail box: the head the chain had, when, and the checkpoint's signature. */
function auditCheckpointContent(checkpoint: DossierAuditCheckpoint): Content {
  if (!checkpoint.ok) {
    return block(`审计链未通过校验（事件 #${checkpoint.seq}），未能建立检查点 The audit trail failed verification at event #${checkpoint.seq}: no checkpoint was made`, style.cellBold);
  }
  const kind =
    checkpoint.signatureKind === "certificate"
      ? "签名（组织证书，RSA-SHA256） Signature (organisation's certificate, RSA-SHA256)"
      : "签名（安装密钥，HMAC-SHA-256） Signature (installation key, HMAC-SHA-256)";
  return [
    ...block(`事件 Event #${checkpoint.seq} · ${checkpoint.madeAtText}`, style.zh),
    ...block(`链头哈希 Head hash: ${checkpoint.headHash}`, style.detail, { spaceBefore: 1 }),
    ...block(`${kind}: ${checkpoint.signature}`, style.detail, { spaceBefore: 1 }),
    ...block(
      `日后核对：审计日志第 ${checkpoint.seq} 号事件须仍为此哈希 To check later: event #${checkpoint.seq} of the audit trail must still have this hash`,
      style.detailMuted,
      { spaceBefore: 1 },
    ),
  ];
}

export interface ManifestRow {
  position: number;
  file: DossierFileRef;
  record: DossierRecord | null;
  policy: DossierPolicy | null;
  reference: string;
  recordType: string;
  recordId: string;
  /** The JPEG bytes are in the PDF unchanged (pdfimages gives back the listed hash). */
  embedded: boolean;
}

export interface RenderedDossier {
  doc: PDFDocument;
  pageCount: number;
  manifest: ManifestRow[];
  /** The registers this volume carries as attachments. */
  attached: DossierRegister[];
}

/** Photos sampled per criterion: evenly over the period, so a certifier sees the whole year. */
export const PHOTOS_PER_CRITERION = 8;

/** The document-information keys that carry the dossier's id and the volume's number. */
export const DOSSIER_ID_KEY = "TradeguardDossierId";
export const DOSSIER_VOLUME_KEY = "TradeguardVolume";
/**
 * About this many bytes of embedded photos make one volume: a larger dossier is split, between
 * criteria, into volumes of their own (cover, contents, sections, manifest), so that no file is
 * too big to mail, upload or open on a certifier's laptop.
 */
export const VOLUME_PHOTO_BYTES = 300 * 1024 * 1024;
/** A hard cap per volume: a photo beyond it is listed in the manifest but not embedded. */
export const MAX_EMBEDDED_PHOTO_BYTES = 2 * VOLUME_PHOTO_BYTES;

export interface VolumeNumber {
  number: number;
  count: number;
}

/** The records a section prints: its exceptions, then its sample. */
export const shownRecords = (section: DossierSection) => [...section.evidence.exceptions, ...section.evidence.samples];

/** The photos a section embeds: JPEG and PNG photos of the exceptions first, then of the sample. */
function sampledPhotos(section: DossierSection) {
  const candidates = shownRecords(section).flatMap((r) => r.files.filter((f) => f.photo && /^image\/(jpeg|png)$/.test(f.mediaType)).map((f) => ({ r, f })));
  return { candidates, sampled: samplePhotos(candidates, PHOTOS_PER_CRITERION) };
}

/**
 * Splits the sections, in order, into volumes of about `budget` photo bytes (a photo shown twice in
 * a volume counts once). A section is never split; one whose photos alone exceed the budget gets a
 * volume of its own. Without photos, everything is one volume.
 */
export function planVolumes(sections: readonly DossierSection[], budget = VOLUME_PHOTO_BYTES): DossierSection[][] {
  const volumes: DossierSection[][] = [[]];
  let shas = new Set<string>();
  let bytes = 0;
  for (const section of sections) {
    const own = new Map(sampledPhotos(section).sampled.map(({ f }) => [f.sha256, f.sizeBytes]));
    const adding = [...own].reduce((sum, [sha, size]) => (shas.has(sha) ? sum : sum + size), 0);
    const current = volumes[volumes.length - 1] as DossierSection[];
    if (current.length > 0 && adding > 0 && bytes + adding > budget) {
      volumes.push([section]);
      shas = new Set(own.keys());
      bytes = [...own.values()].reduce((a, b) => a + b, 0);
    } else {
      current.push(section);
      for (const sha of own.keys()) shas.add(sha);
      bytes += adding;
    }
  }
  return volumes;
}

/** Evenly spaced picks, deterministic: the first, the last and those between. */
export function samplePhotos<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  if (count <= 1) return items.slice(0, count);
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(items[Math.round((i * (items.length - 1)) / (count - 1))] as T);
  return out;
}

interface TocEntry {
  level: 0 | 1;
  title: Bilingual;
  page?: PDFPage;
  top?: number;
}

/** Where and how a JPEG's bytes are drawn upright: EXIF orientations 3, 6 and 8 turn by 180°, 90° CW and 90° CCW. */
function placement(orientation: number | undefined, box: { x: number; y: number; width: number; height: number }) {
  if (orientation === 6 || orientation === 5) return { x: box.x, y: box.y + box.height, width: box.height, height: box.width, rotate: -90 };
  if (orientation === 8 || orientation === 7) return { x: box.x + box.width, y: box.y, width: box.height, height: box.width, rotate: 90 };
  if (orientation === 3 || orientation === 4) return { x: box.x + box.width, y: box.y + box.height, width: box.width, height: box.height, rotate: 180 };
  return { ...box, rotate: 0 };
}

interface EmbeddedPhoto {
  image: PDFImage;
  /** Displayed (upright) size ratio height / width. */
  ratio: number;
  orientation: number | undefined;
  passedThrough: boolean;
  page?: number;
}

export type ReadFile = (file: DossierFileRef) => Promise<Uint8Array>;

/**
 * Renders one volume: `input.sections` are that volume's sections (see planVolumes); the cover and
 * header say which volume of how many it is.
 */
export async function renderDossier(
  input: DossierInput,
  readFile: ReadFile,
  onProgress?: (fraction: number) => Promise<void>,
  volume: VolumeNumber = { number: 1, count: 1 },
): Promise<RenderedDossier> {
  const split = volume.count > 1;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedNotoSans(doc);
  const b = new PageBuilder(doc, fonts);
  const orgName = input.organization.nameZh || input.organization.nameEn;

  // Cover.
  b.newPage();
  b.moveDown(120);
  b.paragraph([
    ...block("海关认证企业 证据档案", style.coverTitle, { align: "center" }),
    ...block("AEO evidence dossier", style.coverSub, { align: "center" }),
    { space: 36 },
    ...block(input.organization.nameZh, style.h1, { align: "center" }),
    ...block(input.organization.nameEn, style.h1En, { align: "center" }),
    { space: 30 },
  ]);
  const siteText = input.sites ? input.sites.map((s) => `${s.zh}${s.en && s.en !== s.zh ? ` ${s.en}` : ""}`).join("；") : "全部场所 All sites";
  const facts: [string, string][] = [
    ["海关注册编码 Customs registration code", input.organization.customsCode || "—"],
    ["认证标准 Framework", `${input.framework.nameZh}\n${input.framework.nameEn}\n版本 Version ${input.framework.version}`],
    ["期间 Period", `${input.period.from} — ${input.period.to}`],
    ["场所 Sites", siteText],
    ["档案编号 Dossier number", input.reference],
    ...(split ? ([["分卷 Volume", `第 ${volume.number} 卷 / 共 ${volume.count} 卷 · Volume ${volume.number} of ${volume.count}`]] as [string, string][]) : []),
    ["生成时间 Generated at", input.generatedAtText],
    ["生成人 Generated by", input.generatedBy],
    ["电子签名 Digital signature", input.signed ? "已签名（见签名面板） Signed (see the signature panel)" : "未签名 Not signed"],
  ];
  const rows: TableRow[] = facts.map(([k, v]) => ({ cells: [{ content: block(k, style.cellBold), fill: colors.lightShade }, { content: block(v, style.zh) }] }));
  if (input.auditCheckpoint) {
    rows.push({ cells: [{ content: block("审计链检查点 Audit trail checkpoint", style.cellBold), fill: colors.lightShade }, { content: auditCheckpointContent(input.auditCheckpoint) }] });
  }
  b.table({ columns: [38, 62], rows });

  // Contents: reserved now, drawn once the page numbers are known.
  const entries: TocEntry[] = [];
  let lastClass = "";
  for (const section of input.sections) {
    if (section.classHeading && section.classHeading.zh !== lastClass) {
      entries.push({ level: 0, title: section.classHeading });
      lastClass = section.classHeading.zh;
    }
    entries.push({ level: 1, title: section.heading });
  }
  const manifestEntry: TocEntry = { level: 0, title: { zh: "附录 文件清单", en: "Appendix: manifest of files" } };
  entries.push(manifestEntry);
  const entryHeight = 22;
  const tocTitleHeight = 40;
  const perFirstPage = Math.floor((b.top - b.bottom - tocTitleHeight) / entryHeight);
  const perPage = Math.floor((b.top - b.bottom) / entryHeight);
  const tocPageCount = entries.length <= perFirstPage ? 1 : 1 + Math.ceil((entries.length - perFirstPage) / perPage);
  const tocPages: PDFPage[] = [];
  for (let i = 0; i < tocPageCount; i++) tocPages.push(b.newPage());

  // Sections.
  const photos = new Map<string, EmbeddedPhoto>();
  let embeddedBytes = 0;
  const embeddedOnPage = new Map<string, number>();
  const sectionEntries = entries.filter((e) => e.level === 1);
  const classEntries = entries.filter((e) => e.level === 0 && e !== manifestEntry);
  let classIndex = -1;
  lastClass = "";
  for (const [i, section] of input.sections.entries()) {
    const entry = sectionEntries[i] as TocEntry;
    b.newPage();
    if (section.classHeading && section.classHeading.zh !== lastClass) {
      lastClass = section.classHeading.zh;
      classIndex += 1;
      const classEntry = classEntries[classIndex] as TocEntry;
      classEntry.page = b.page;
      classEntry.top = b.y;
      b.paragraph([...block(section.classHeading.zh, style.smallMuted), ...block(section.classHeading.en, style.smallMuted)]);
    }
    entry.page = b.page;
    entry.top = b.y;
    b.paragraph([
      ...block(section.heading.zh, style.h1, { spaceBefore: 4 }),
      ...block(section.heading.en, style.h1En),
      ...block(section.text.zh, style.zh, { spaceBefore: 6 }),
      ...block(section.text.en, style.en, { spaceBefore: 3 }),
    ]);

    renderSectionBody(b, section, input);

    // Sampled photos, two per row, each with its reference, caption and SHA-256.
    const { candidates, sampled } = sampledPhotos(section);
    if (sampled.length > 0) {
      b.paragraph(block(`现场照片（抽样 ${sampled.length}/${candidates.length}） Photos (sample ${sampled.length} of ${candidates.length})`, style.h2, { spaceBefore: 12 }));
      const gutter = 12;
      const width = (b.width - gutter) / 2;
      // The section's photos are read and their headers parsed all at once (the disk and sharp work
      // off the main thread); they are embedded one by one below, in order, so the bytes stay the same.
      const loading = new Map<string, Promise<{ bytes: Uint8Array; meta: Metadata }>>();
      let planned = embeddedBytes;
      for (const { f } of sampled) {
        if (photos.has(f.sha256) || loading.has(f.sha256) || planned + f.sizeBytes > MAX_EMBEDDED_PHOTO_BYTES) continue;
        planned += f.sizeBytes;
        const load = (async () => {
          const bytes = await readFile(f);
          return { bytes, meta: await sharp(bytes).metadata() };
        })();
        // A failure is thrown where the photo is awaited; the others must not count as unhandled.
        load.catch(() => {});
        loading.set(f.sha256, load);
      }
      for (let k = 0; k < sampled.length; k += 2) {
        const pair = sampled.slice(k, k + 2);
        const loaded: { r: DossierRecord; f: DossierFileRef; photo: EmbeddedPhoto | null }[] = [];
        for (const { r, f } of pair) {
          let photo = photos.get(f.sha256) ?? null;
          const load = photo ? undefined : loading.get(f.sha256);
          if (!photo && load) {
            const { bytes, meta } = await load;
            const jpeg = f.mediaType === "image/jpeg";
            const image = jpeg ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
            const turned = meta.orientation !== undefined && meta.orientation >= 5;
            photo = { image, ratio: turned ? image.width / image.height : image.height / image.width, orientation: meta.orientation, passedThrough: jpeg };
            photos.set(f.sha256, photo);
            embeddedBytes += f.sizeBytes;
          }
          loaded.push({ r, f, photo });
        }
        const imageHeight = Math.min(220, Math.max(...loaded.map((l) => (l.photo ? width * l.photo.ratio : 40))));
        const captions = loaded.map((l) => captionContent(l.r, l.f, l.photo === null));
        const captionHeight = Math.max(...captions.map((c) => b.heightOf(c, width)));
        b.ensureSpace(imageHeight + captionHeight + 10);
        const top = b.y;
        const pageNumber = doc.getPageCount();
        loaded.forEach((l, j) => {
          const x = b.left + j * (width + gutter);
          if (l.photo) {
            let w = width;
            let h = width * l.photo.ratio;
            if (h > imageHeight) {
              w = (w * imageHeight) / h;
              h = imageHeight;
            }
            const p = placement(l.photo.orientation, { x, y: top - h, width: w, height: h });
            b.page.drawImage(l.photo.image, { x: p.x, y: p.y, width: p.width, height: p.height, rotate: degrees(p.rotate) });
            if (!embeddedOnPage.has(l.f.sha256)) embeddedOnPage.set(l.f.sha256, pageNumber);
          } else {
            b.page.drawRectangle({ x, y: top - imageHeight, width, height: imageHeight, borderColor: colors.rule, borderWidth: 0.5 });
          }
        });
        const page = b.page;
        loaded.forEach((_, j) => {
          b.resumeOn(page, top - imageHeight - 4);
          b.paragraph(captions[j] as Content, { indent: j * (width + gutter) });
        });
        b.resumeOn(page, top - imageHeight - 4 - captionHeight - 10);
      }
    }
    await onProgress?.((i + 1) / (input.sections.length + 1));
  }

  // Appendix: the manifest.
  const manifest: ManifestRow[] = [];
  const seen = new Set<string>();
  for (const section of input.sections) {
    for (const p of section.policies) {
      if (p.file && !seen.has(`policy:${p.policyId}:${p.file.sha256}`)) {
        seen.add(`policy:${p.policyId}:${p.file.sha256}`);
        manifest.push({ position: manifest.length + 1, file: p.file, record: null, policy: p, reference: p.documentNumber, recordType: "policy", recordId: p.policyId, embedded: false });
      }
    }
    for (const r of shownRecords(section)) {
      for (const f of r.files) {
        const key = `${r.recordType}:${r.recordId}:${f.sha256}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const photo = photos.get(f.sha256);
        manifest.push({
          position: manifest.length + 1,
          file: f,
          record: r,
          policy: null,
          reference: r.reference,
          recordType: r.recordType,
          recordId: r.recordId,
          embedded: Boolean(photo?.passedThrough && embeddedOnPage.has(f.sha256)),
        });
      }
    }
  }
  b.newPage();
  manifestEntry.page = b.page;
  manifestEntry.top = b.y;
  b.paragraph([
    ...block("附录 文件清单", style.h1),
    ...block("Appendix: manifest of files", style.h1En),
    ...block(
      "每个文件的 SHA-256 为原始上传文件的哈希值。标注“嵌入”的 JPEG 照片以原始字节嵌入本文件，可用 pdfimages 提取后核对。",
      style.zh,
      { spaceBefore: 6 },
    ),
    ...block(
      "Each SHA-256 is the hash of the original upload. JPEG photos marked “embedded” are inside this PDF byte for byte and can be extracted with pdfimages and checked.",
      style.en,
    ),
    { space: 6 },
  ]);
  if (manifest.length === 0) b.paragraph(block("本档案不含文件 This dossier lists no files", style.zh));
  else {
    b.table({
      columns: [5, 25, 40, 9, 13, 8],
      header: headerRow(["#", "文件 File", "SHA-256", "大小 Size", "来源 Source", "嵌入 Embedded"]),
      rows: manifest.map((m, n) => ({
        fill: n % 2 === 1 ? colors.lightShade : undefined,
        cells: [
          { content: block(String(m.position), style.cell) },
          { content: block(m.file.originalName, style.cell) },
          { content: block(m.file.sha256, { size: 6.5, leading: 1.3 }) },
          { content: block(formatBytes(m.file.sizeBytes), style.cell) },
          { content: [...block(m.reference, style.cellBold), ...block(typeLabel(m.recordType).zh, style.cell)] },
          { content: block(m.embedded ? `第 ${embeddedOnPage.get(m.file.sha256)} 页` : "—", style.cell) },
        ],
      })),
    });
  }

  // The registers: attached to the first volume, listed with their hashes so that a certifier can
  // check what they open (`pdfdetach -saveall`, then sha256sum).
  const attached = volume.number === 1 ? input.registers : [];
  if (input.registers.length > 0) {
    b.paragraph([
      ...block("附件 完整登记册", style.h2, { spaceBefore: 14 }),
      ...block("Attachments: complete registers", style.en),
      ...block(
        volume.number === 1
          ? "本期间每种记录的全部记录均附于本文件（XLSX），每条记录一行，注明其对应条款和应用内页面。可在 PDF 阅读器的附件面板打开。"
          : "完整登记册附于第 1 卷。",
        style.zh,
        { spaceBefore: 4 },
      ),
      ...block(
        volume.number === 1
          ? "Every record of the period, of each type, is attached to this file (XLSX): one row per record, with the criteria it proves and its page in Tradeguard. Open them from the PDF reader's attachments panel."
          : "The complete registers are attached to volume 1.",
        style.en,
      ),
      { space: 4 },
    ]);
    b.table({
      columns: [26, 16, 40, 9, 9],
      header: headerRow(["附件 Attachment", "记录类型 Records", "SHA-256", "行数 Rows", "大小 Size"]),
      rows: input.registers.map((r, n) => ({
        fill: n % 2 === 1 ? colors.lightShade : undefined,
        cells: [
          { content: block(r.fileName, style.cell) },
          { content: [...block(typeLabel(r.recordType).zh, style.cell), ...block(typeLabel(r.recordType).en, { ...style.cell, color: colors.muted })] },
          { content: block(r.sha256, { size: 6.5, leading: 1.3 }) },
          { content: block(r.rows.toLocaleString("en-US"), style.cell) },
          { content: block(formatBytes(r.sizeBytes), style.cell) },
        ],
      })),
    });
  }
  for (const register of [...attached].sort((x, y) => (x.fileName < y.fileName ? -1 : 1))) attachFile(doc, await readPath(register.path), register, input.generatedAt);

  // Contents, now that every section has its page.
  const pageIndex = new Map(doc.getPages().map((p, n) => [p, n + 1]));
  let tocPage = 0;
  let y = b.top;
  const tocTitle = tocPages[0] as PDFPage;
  b.textAt(tocTitle, "目录", b.left, y - 14, style.h1);
  b.textAt(tocTitle, "Contents", b.left + 40, y - 14, style.h1En);
  y -= tocTitleHeight;
  for (const e of entries) {
    if (y - entryHeight < b.bottom) {
      tocPage += 1;
      y = b.top;
    }
    const page = tocPages[tocPage] as PDFPage;
    const indent = e.level === 0 ? 0 : 14;
    const number = e.page ? String(pageIndex.get(e.page)) : "";
    const numberWidth = 30;
    const maxWidth = b.width - indent - numberWidth - 8;
    const zhStyle = e.level === 0 ? { ...style.toc, weight: "bold" as const } : style.toc;
    b.textAt(page, e.title.zh, b.left + indent, y - 10, zhStyle, maxWidth);
    b.textAt(page, e.title.en, b.left + indent, y - 19, style.tocEn, maxWidth);
    const measured = b.measure(style.toc)(number);
    b.textAt(page, number, b.left + b.width - measured, y - 10, style.toc);
    if (e.page && e.top !== undefined) {
      page.node.addAnnot(
        doc.context.register(
          doc.context.obj({
            Type: "Annot",
            Subtype: "Link",
            Rect: [b.left, y - entryHeight + 1, b.left + b.width, y],
            Border: [0, 0, 0],
            Dest: [e.page.ref, "XYZ", null, e.top, null],
          }),
        ),
      );
    }
    y -= entryHeight;
  }

  addOutline(doc, entries);
  b.decoratePages({
    header: { left: `${orgName} · ${input.framework.nameZh}`, right: split ? `${input.reference} · 第 ${volume.number}/${volume.count} 卷` : input.reference },
    footer: (n, count) => `第 ${n} 页 / 共 ${count} 页 · Page ${n} of ${count}`,
  });

  const volumeTitle = split ? ` 第 ${volume.number} 卷 / 共 ${volume.count} 卷` : "";
  doc.setTitle(`${input.reference}${volumeTitle} 证据档案 ${orgName} · ${input.framework.nameZh}`, { showInWindowTitleBar: true });
  doc.setSubject(`Tradeguard evidence dossier ${input.reference}${split ? `, volume ${volume.number} of ${volume.count}` : ""}`);
  doc.setKeywords([input.reference, "Tradeguard", "AEO"]);
  doc.setAuthor(orgName);
  doc.setCreator("Tradeguard");
  doc.setProducer("Tradeguard (pdf-lib)");
  doc.setLanguage("zh-CN");
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of(DOSSIER_ID_KEY), PDFString.of(input.dossierId));
  info.set(PDFName.of(DOSSIER_VOLUME_KEY), PDFNumber.of(volume.number));
  doc.setCreationDate(input.generatedAt);
  doc.setModificationDate(input.generatedAt);
  return { doc, pageCount: doc.getPageCount(), manifest, attached };
}

function captionContent(r: DossierRecord, f: DossierFileRef, notEmbedded: boolean): Content {
  return [
    ...block(`${r.reference} · ${f.caption.zh}`, style.cellBold),
    ...block(f.caption.en, style.smallMuted),
    ...block(`SHA-256 ${f.sha256}`, { size: 6, leading: 1.3, color: colors.muted }),
    ...block(notEmbedded ? "照片超出本档案容量，仅列于清单 Photo over the dossier's size budget: listed in the manifest only" : "", style.smallMuted),
  ];
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Attaches a register as an embedded file (the document's EmbeddedFiles name tree and its AF
 * list, relationship Data). pdf-lib's attach() would deflate the bytes again in JavaScript: an
 * XLSX is already a zip, so its bytes are stored as they are, and passed on by reference when saved.
 */
function attachFile(doc: PDFDocument, bytes: Uint8Array, register: DossierRegister, at: Date): void {
  const ctx = doc.context;
  const stream = ctx.stream(bytes, {
    Type: "EmbeddedFile",
    Subtype: XLSX_TYPE,
    Params: { Size: bytes.byteLength, CreationDate: PDFString.fromDate(at), ModDate: PDFString.fromDate(at) },
  });
  const label = typeLabel(register.recordType);
  const spec = ctx.register(
    ctx.obj({
      Type: "Filespec",
      F: PDFString.of(register.fileName),
      UF: PDFHexString.fromText(register.fileName),
      EF: { F: ctx.register(stream) },
      Desc: PDFHexString.fromText(`${label.zh} ${label.en}: ${register.rows} rows, SHA-256 ${register.sha256}`),
      AFRelationship: "Data",
    }),
  );
  let names = doc.catalog.lookupMaybe(PDFName.of("Names"), PDFDict);
  if (!names) {
    names = ctx.obj({});
    doc.catalog.set(PDFName.of("Names"), names);
  }
  let tree = names.lookupMaybe(PDFName.of("EmbeddedFiles"), PDFDict);
  if (!tree) {
    tree = ctx.obj({ Names: [] });
    names.set(PDFName.of("EmbeddedFiles"), tree);
  }
  // The name tree's keys are kept in order: the registers are attached in file-name order.
  tree.lookup(PDFName.of("Names"), PDFArray).push(PDFString.of(register.fileName));
  tree.lookup(PDFName.of("Names"), PDFArray).push(spec);
  let af = doc.catalog.lookupMaybe(PDFName.of("AF"), PDFArray);
  if (!af) {
    af = ctx.obj([]);
    doc.catalog.set(PDFName.of("AF"), af);
  }
  af.push(spec);
}

/** PDF bookmarks: classes with their criteria as children, and the appendix. */
function addOutline(doc: PDFDocument, entries: readonly TocEntry[]): void {
  const ctx = doc.context;
  type Item = { title: string; page: PDFPage; top: number; children: Item[]; isClass: boolean };
  const items: Item[] = [];
  for (const e of entries) {
    if (!e.page || e.top === undefined) continue;
    const item: Item = { title: `${e.title.zh} ${e.title.en}`, page: e.page, top: e.top, children: [], isClass: e.level === 0 };
    const parent = items.at(-1);
    if (e.level === 1 && parent?.isClass) parent.children.push(item);
    else items.push(item);
  }
  const build = (parent: PDFRef, list: Item[]): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = list.map(() => ctx.nextRef());
    list.forEach((it, i) => {
      const dict: Record<string, unknown> = {
        Title: PDFHexString.fromText(it.title),
        Parent: parent,
        Dest: [it.page.ref, "XYZ", null, it.top, null],
      };
      if (i > 0) dict.Prev = refs[i - 1];
      if (i < list.length - 1) dict.Next = refs[i + 1];
      if (it.children.length > 0) {
        const c = build(refs[i] as PDFRef, it.children);
        Object.assign(dict, { First: c.first, Last: c.last, Count: c.count });
      }
      ctx.assign(refs[i] as PDFRef, ctx.obj(dict as never));
    });
    return { first: refs[0] as PDFRef, last: refs.at(-1) as PDFRef, count: list.length };
  };
  if (items.length === 0) return;
  const root = ctx.nextRef();
  const o = build(root, items);
  ctx.assign(root, ctx.obj({ Type: "Outlines", First: o.first, Last: o.last, Count: o.count }));
  doc.catalog.set(PDFName.of("Outlines"), root);
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

// The dossier's appendix: the manifest of every file its sections show or cite (hash, size, source
// record, the page a photo is embedded on), and the complete registers: listed with their hashes,
// and attached to the first volume as XLSX files.
import { readFile as readPath } from "node:fs/promises";
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from "pdf-lib";
import { colors } from "~/lib/pdf/page-content";
import type { PageBuilder } from "~/lib/pdf/page-layout.server";
import { typeLabel } from "./dossier-labels.server";
import type { EmbeddedPhotos } from "./dossier-photos.server";
import { block, formatBytes, headerRow, style } from "./dossier-section-layout.server";
import type { DossierFileRef, DossierPolicy, DossierRecord, DossierRegister, DossierSection, VolumeNumber } from "./dossier-types";
import { shownRecords } from "./dossier-volumes";

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

/** Every file the sections show or cite, once per record (a policy's once per version), in order. */
export function collectManifest(sections: readonly DossierSection[], embedded: EmbeddedPhotos): ManifestRow[] {
  const manifest: ManifestRow[] = [];
  const seen = new Set<string>();
  for (const section of sections) {
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
        const photo = embedded.byHash.get(f.sha256);
        manifest.push({
          position: manifest.length + 1,
          file: f,
          record: r,
          policy: null,
          reference: r.reference,
          recordType: r.recordType,
          recordId: r.recordId,
          embedded: Boolean(photo?.passedThrough && embedded.pageOf.has(f.sha256)),
        });
      }
    }
  }
  return manifest;
}

/** The manifest's heading, explanation and table, from where the page's cursor is. */
export function drawManifest(b: PageBuilder, manifest: readonly ManifestRow[], pageOf: ReadonlyMap<string, number>): void {
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
          { content: block(m.embedded ? `第 ${pageOf.get(m.file.sha256)} 页` : "—", style.cell) },
        ],
      })),
    });
  }
}

/**
 * The registers' heading and table (what each volume says of them), after the manifest. In the first
 * volume they are attached (attachRegisters); the others say that volume 1 carries them.
 */
export function drawRegisters(b: PageBuilder, registers: readonly DossierRegister[], volume: VolumeNumber): void {
  if (registers.length > 0) {
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
      rows: registers.map((r, n) => ({
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
}

/** Attaches the registers in file-name order, read from where the job wrote them. */
export async function attachRegisters(doc: PDFDocument, registers: readonly DossierRegister[], at: Date): Promise<void> {
  for (const register of [...registers].sort((x, y) => (x.fileName < y.fileName ? -1 : 1))) attachFile(doc, await readPath(register.path), register, at);
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

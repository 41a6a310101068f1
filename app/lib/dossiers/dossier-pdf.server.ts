// The evidence dossier as a PDF: a cover, a table of contents whose page numbers link to the
// sections, one section per criterion in the standard's order (text zh then en, the latest
// self-assessment result with the corrective actions of a shortfall, linked policies, then the
// period: a summary per record type with a chart, every exception in full, a sample of ordinary
// records with photos and their SHA-256), an appendix manifest of every file with hash, size and
// source record, the complete registers attached as XLSX files, "第 x 页 / 共 y 页" on every page,
// bookmarks for every class and criterion, and metadata (title, zh-CN). The same input gives the
// same bytes (fixed dates, fixed subset names, deterministic sampling). The layout of one section is
// in dossier-section-layout.server.ts.
// The parts are drawn by dossier-cover, dossier-contents, dossier-section-layout, dossier-photos and
// dossier-appendix (.server.ts); here they are put in order on one running page cursor and font set.

import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFString } from "pdf-lib";
import { embedNotoSans } from "~/lib/pdf/fonts.server";
import { PageBuilder } from "~/lib/pdf/page-layout.server";
import { attachRegisters, collectManifest, drawManifest, drawRegisters, type ManifestRow } from "./dossier-appendix.server";
import { addOutline, contentsEntries, drawContents, reserveContentsPages, type TocEntry } from "./dossier-contents.server";
import { drawCover } from "./dossier-cover.server";
import { drawSectionPhotos, noPhotosYet, type ReadFile } from "./dossier-photos.server";
import { block, renderSectionBody, style } from "./dossier-section-layout.server";
import type { DossierInput, DossierRegister, VolumeNumber } from "./dossier-types";

export interface RenderedDossier {
  doc: PDFDocument;
  pageCount: number;
  manifest: ManifestRow[];
  /** The registers this volume carries as attachments. */
  attached: DossierRegister[];
}

/** The document-information keys that carry the dossier's id and the volume's number. */
export const DOSSIER_ID_KEY = "TradeguardDossierId";
export const DOSSIER_VOLUME_KEY = "TradeguardVolume";

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

  drawCover(b, input, volume);

  // Contents: reserved now, drawn once the page numbers are known.
  const { entries, manifestEntry } = contentsEntries(input.sections);
  const tocPages = reserveContentsPages(b, entries.length);

  // Sections.
  const embedded = noPhotosYet();
  const sectionEntries = entries.filter((e) => e.level === 1);
  const classEntries = entries.filter((e) => e.level === 0 && e !== manifestEntry);
  let classIndex = -1;
  let lastClass = "";
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

    await drawSectionPhotos(doc, b, section, readFile, embedded);
    await onProgress?.((i + 1) / (input.sections.length + 1));
  }

  // Appendix: the manifest.
  const manifest = collectManifest(input.sections, embedded);
  b.newPage();
  manifestEntry.page = b.page;
  manifestEntry.top = b.y;
  drawManifest(b, manifest, embedded.pageOf);

  // The registers: attached to the first volume, listed with their hashes so that a certifier can
  // check what they open (`pdfdetach -saveall`, then sha256sum).
  const attached = volume.number === 1 ? input.registers : [];
  drawRegisters(b, input.registers, volume);
  await attachRegisters(doc, attached, input.generatedAt);

  // Contents, now that every section has its page.
  drawContents(doc, b, tocPages, entries);

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

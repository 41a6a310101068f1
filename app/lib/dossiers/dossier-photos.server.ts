// The photos of a dossier's sections: the sampled photos drawn two per row, upright, each with its
// record's reference, its caption and SHA-256. A photo is embedded once per volume however often it
// is shown (a JPEG byte for byte), up to the volume's cap; past it, only its caption and the manifest
// name it.
import sharp, { type Metadata } from "sharp";
import { degrees, type PDFDocument, type PDFImage } from "pdf-lib";
import { colors, type Content } from "~/lib/pdf/page-content";
import type { PageBuilder } from "~/lib/pdf/page-layout.server";
import { block, style } from "./dossier-section-layout.server";
import type { DossierFileRef, DossierRecord, DossierSection } from "./dossier-types";
import { MAX_EMBEDDED_PHOTO_BYTES, sampledPhotos } from "./dossier-volumes";

export type ReadFile = (file: DossierFileRef) => Promise<Uint8Array>;

/** Where and how a JPEG's bytes are drawn upright: EXIF orientations 3, 6 and 8 turn by 180°, 90° CW and 90° CCW. */
function placement(orientation: number | undefined, box: { x: number; y: number; width: number; height: number }) {
  if (orientation === 6 || orientation === 5) return { x: box.x, y: box.y + box.height, width: box.height, height: box.width, rotate: -90 };
  if (orientation === 8 || orientation === 7) return { x: box.x + box.width, y: box.y, width: box.height, height: box.width, rotate: 90 };
  if (orientation === 3 || orientation === 4) return { x: box.x + box.width, y: box.y + box.height, width: box.width, height: box.height, rotate: 180 };
  return { ...box, rotate: 0 };
}

export interface EmbeddedPhoto {
  image: PDFImage;
  /** Displayed (upright) size ratio height / width. */
  ratio: number;
  orientation: number | undefined;
  passedThrough: boolean;
  page?: number;
}

/** The photos a volume has embedded so far. */
export interface EmbeddedPhotos {
  /** By SHA-256: one image object however often the photo is shown. */
  byHash: Map<string, EmbeddedPhoto>;
  /** The bytes embedded, against MAX_EMBEDDED_PHOTO_BYTES. */
  bytes: number;
  /** The page each photo is first drawn on (the manifest's "embedded" column), by SHA-256. */
  pageOf: Map<string, number>;
}

export const noPhotosYet = (): EmbeddedPhotos => ({ byHash: new Map(), bytes: 0, pageOf: new Map() });

/** A section's sampled photos, after its body; nothing when it has none. */
export async function drawSectionPhotos(doc: PDFDocument, b: PageBuilder, section: DossierSection, readFile: ReadFile, embedded: EmbeddedPhotos): Promise<void> {
  // Sampled photos, two per row, each with its reference, caption and SHA-256.
  const { candidates, sampled } = sampledPhotos(section);
  if (sampled.length > 0) {
    b.paragraph(block(`现场照片（抽样 ${sampled.length}/${candidates.length}） Photos (sample ${sampled.length} of ${candidates.length})`, style.h2, { spaceBefore: 12 }));
    const gutter = 12;
    const width = (b.width - gutter) / 2;
    // The section's photos are read and their headers parsed all at once (the disk and sharp work
    // off the main thread); they are embedded one by one below, in order, so the bytes stay the same.
    const loading = new Map<string, Promise<{ bytes: Uint8Array; meta: Metadata }>>();
    let planned = embedded.bytes;
    for (const { f } of sampled) {
      if (embedded.byHash.has(f.sha256) || loading.has(f.sha256) || planned + f.sizeBytes > MAX_EMBEDDED_PHOTO_BYTES) continue;
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
        let photo = embedded.byHash.get(f.sha256) ?? null;
        const load = photo ? undefined : loading.get(f.sha256);
        if (!photo && load) {
          const { bytes, meta } = await load;
          const jpeg = f.mediaType === "image/jpeg";
          const image = jpeg ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
          const turned = meta.orientation !== undefined && meta.orientation >= 5;
          photo = { image, ratio: turned ? image.width / image.height : image.height / image.width, orientation: meta.orientation, passedThrough: jpeg };
          embedded.byHash.set(f.sha256, photo);
          embedded.bytes += f.sizeBytes;
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
          if (!embedded.pageOf.has(l.f.sha256)) embedded.pageOf.set(l.f.sha256, pageNumber);
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
}

function captionContent(r: DossierRecord, f: DossierFileRef, notEmbedded: boolean): Content {
  return [
    ...block(`${r.reference} · ${f.caption.zh}`, style.cellBold),
    ...block(f.caption.en, style.smallMuted),
    ...block(`SHA-256 ${f.sha256}`, { size: 6, leading: 1.3, color: colors.muted }),
    ...block(notEmbedded ? "照片超出本档案容量，仅列于清单 Photo over the dossier's size budget: listed in the manifest only" : "", style.smallMuted),
  ];
}

// /verify: is an uploaded PDF a dossier this organisation issued, unaltered? The answer comes from
// the bytes' SHA-256 against every volume (signed and unsigned) and every share copy the
// organisation made. A PDF that does not match but names one of our dossiers in its document
// information is an altered copy. Independently of the whole file, each JPEG embedded in the PDF is
// hashed as it sits in the file and compared with the dossier's manifest: the photos carry the
// original files' bytes, so a certifier can check a photo even in a copy that was re-saved.

import { createHash } from "node:crypto";
import { and, asc, eq, or } from "drizzle-orm";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFString } from "pdf-lib";
import { dossierManifestEntries, dossierShareCopies, dossierShares, dossierVolumes } from "../../../db/schema";
import type { Executor } from "~/lib/db-types.server";
import { DOSSIER_ID_KEY, DOSSIER_VOLUME_KEY } from "./dossier-pdf.server";
import { getDossier } from "./dossiers.server";
import { dossierReference } from "./dossier-schema";

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export interface EmbeddedJpeg {
  sha256: string;
  sizeBytes: number;
}

export interface ParsedPdf {
  /** The dossier id and volume number the document information names, if any. */
  dossierId: string | null;
  volume: number | null;
  subject: string | null;
  jpegs: EmbeddedJpeg[];
}

const isDct = (filter: unknown) =>
  filter === PDFName.of("DCTDecode") || (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === PDFName.of("DCTDecode"));

/** Reads what verification needs from a PDF; null when the bytes are not a PDF pdf-lib can read. */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedPdf | null> {
  try {
    return await readPdf(bytes);
  } catch {
    // A damaged file's structure can fail anywhere while it is walked: it is no readable document.
    return null;
  }
}

async function readPdf(bytes: Uint8Array): Promise<ParsedPdf | null> {
  if (!Buffer.from(bytes.subarray(0, 1024)).includes("%PDF-")) return null;
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  // pdf-lib reads a damaged file leniently: one without a catalogue or a page is no document.
  if (doc.getPageCount() === 0) return null;
  const info = doc.context.lookupMaybe(doc.context.trailerInfo.Info, PDFDict);
  const text = (key: string) => {
    const value = info?.lookup(PDFName.of(key));
    return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
  };
  const rawId = text(DOSSIER_ID_KEY);
  const dossierId = rawId && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(rawId) ? rawId.toLowerCase() : null;
  const volumeValue = info?.lookup(PDFName.of(DOSSIER_VOLUME_KEY));
  const volume = volumeValue instanceof PDFNumber && Number.isInteger(volumeValue.asNumber()) ? volumeValue.asNumber() : null;
  const jpegs: EmbeddedJpeg[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    if (object.dict.get(PDFName.of("Subtype")) !== PDFName.of("Image") || !isDct(object.dict.get(PDFName.of("Filter")))) continue;
    jpegs.push({ sha256: sha256Hex(object.contents), sizeBytes: object.contents.byteLength });
  }
  return { dossierId, volume, subject: text("Subject"), jpegs };
}

export type VerifyVerdict =
  /** The exact bytes of a volume this organisation issued (signed or, before signing, unsigned). */
  | "issued"
  /** The exact bytes of a watermarked copy made for a share link. */
  | "shareCopy"
  /** Names one of our dossiers but its bytes are not any file we issued. */
  | "altered"
  /** A PDF, but not one of ours. */
  | "notOurs"
  /** Not a PDF that can be read. */
  | "notPdf";

export interface PhotoCheck {
  originalName: string;
  reference: string;
  sha256: string;
  sizeBytes: number;
  /** The JPEG with this hash is in the uploaded file. */
  found: boolean;
}

export interface Verification {
  verdict: VerifyVerdict;
  sha256: string;
  sizeBytes: number;
  dossier: {
    id: string;
    reference: string;
    framework: { nameZh: string; nameEn: string; version: string };
    periodFrom: string;
    periodTo: string;
    generatedAt: Date;
    completedAt: Date | null;
    requestedBy: string;
    signed: boolean;
    volumeCount: number;
  } | null;
  /** Which volume matched (issued, share copy), or which the file claims to be when altered. */
  volume: number | null;
  /** The exact volume matched was the signed file (false: the unsigned bytes, kept for reproducibility). */
  signedCopy: boolean;
  share: { recipientName: string; recipientOrganization: string; expiresAt: Date } | null;
  /** The manifest's embedded photos for the matched or claimed dossier, each looked for in the file. */
  photos: PhotoCheck[];
  /** JPEGs in the file that no manifest entry lists. */
  unlistedJpegs: number;
}

async function dossierSummary(db: Executor, orgId: string, dossierId: string) {
  const row = await getDossier(db, orgId, dossierId);
  if (!row) return null;
  return {
    id: row.dossier.id,
    reference: dossierReference(row.dossier.number),
    framework: { nameZh: row.framework.nameZh, nameEn: row.framework.nameEn, version: row.framework.version },
    periodFrom: row.dossier.periodFrom,
    periodTo: row.dossier.periodTo,
    generatedAt: row.dossier.generatedAt,
    completedAt: row.dossier.completedAt,
    requestedBy: row.requestedBy,
    signed: row.dossier.signed,
    volumeCount: row.volumes.length,
  };
}

/** Verifies an uploaded file for one organisation. Reads only; never writes. */
export async function verifyDossierFile(db: Executor, orgId: string, bytes: Uint8Array): Promise<Verification> {
  const sha256 = sha256Hex(bytes);
  const base = { sha256, sizeBytes: bytes.byteLength, volume: null, signedCopy: false, share: null, photos: [], unlistedJpegs: 0 };

  const [volume] = await db
    .select()
    .from(dossierVolumes)
    .where(and(eq(dossierVolumes.organizationId, orgId), or(eq(dossierVolumes.sha256, sha256), eq(dossierVolumes.unsignedSha256, sha256))))
    .limit(1);
  const [copy] = volume
    ? []
    : await db
        .select({ copy: dossierShareCopies, share: dossierShares })
        .from(dossierShareCopies)
        .innerJoin(dossierShares, eq(dossierShares.id, dossierShareCopies.shareId))
        .where(and(eq(dossierShareCopies.organizationId, orgId), eq(dossierShareCopies.sha256, sha256)))
        .limit(1);

  const parsed = await parsePdf(bytes);
  let verdict: VerifyVerdict;
  let dossierId: string | null;
  if (volume) {
    verdict = "issued";
    dossierId = volume.dossierId;
  } else if (copy) {
    verdict = "shareCopy";
    dossierId = copy.share.dossierId;
  } else if (!parsed) {
    return { ...base, verdict: "notPdf", dossier: null };
  } else {
    dossierId = parsed.dossierId;
    verdict = "altered";
  }
  const dossier = dossierId ? await dossierSummary(db, orgId, dossierId) : null;
  if (!dossier) return { ...base, verdict: "notOurs", dossier: null, unlistedJpegs: parsed?.jpegs.length ?? 0 };

  const claimed = parsed?.volume && parsed.volume <= dossier.volumeCount ? parsed.volume : null;
  const volumeNumber = volume?.volume ?? copy?.copy.volume ?? claimed ?? (dossier.volumeCount === 1 ? 1 : null);
  const entries = await db
    .select()
    .from(dossierManifestEntries)
    .where(
      and(
        eq(dossierManifestEntries.organizationId, orgId),
        eq(dossierManifestEntries.dossierId, dossier.id),
        eq(dossierManifestEntries.embedded, true),
        ...(volumeNumber ? [eq(dossierManifestEntries.volume, volumeNumber)] : []),
      ),
    )
    .orderBy(asc(dossierManifestEntries.volume), asc(dossierManifestEntries.position));
  const inFile = new Set(parsed?.jpegs.map((j) => j.sha256) ?? []);
  const listed = new Set(entries.map((e) => e.sha256));
  const photos = entries.map((e) => ({
    originalName: e.originalName,
    reference: e.reference,
    sha256: e.sha256,
    sizeBytes: e.sizeBytes,
    found: inFile.has(e.sha256),
  }));
  return {
    ...base,
    verdict,
    dossier,
    volume: volumeNumber,
    signedCopy: Boolean(volume && volume.sha256 === sha256 && dossier.signed),
    share: copy
      ? {
          recipientName: copy.share.recipientName,
          recipientOrganization: copy.share.recipientOrganization,
          expiresAt: copy.share.expiresAt,
        }
      : null,
    photos,
    unlistedJpegs: [...inFile].filter((h) => !listed.has(h)).length,
  };
}

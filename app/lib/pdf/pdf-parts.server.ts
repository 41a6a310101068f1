// Saving a PDF as a list of parts instead of one buffer. pdf-lib's save() copies every object,
// photos included, into a single new buffer: for a dossier that is the photos' bytes twice in
// memory at once. Here large raw streams (the embedded JPEGs) are handed on by reference between
// small copied parts; the concatenation is byte for byte what save({ useObjectStreams: false })
// returns (the unit test checks it), so the hash, the file and the signature do not change.

import { createHash } from "node:crypto";
import { PDFRawStream, PDFWriter, type PDFDocument, type PDFObject, type PDFRef } from "pdf-lib";

/** A stream at least this large is passed by reference instead of copied. */
const BY_REFERENCE_BYTES = 64 * 1024;

interface Serializable {
  copyBytesInto(buffer: Uint8Array, offset: number): number;
  sizeInBytes(): number;
}

/** What PDFWriter.computeBufferSize (protected in pdf-lib 1.17) returns, as far as it is used here. */
interface SerializationInfo {
  header: Serializable;
  indirectObjects: [PDFRef, PDFObject][];
  xref?: Serializable;
  trailerDict?: Serializable;
  trailer: Serializable;
}

const ascii = (text: string) => Buffer.from(text, "latin1");

/** Serialises the document (after flushing fonts and images, as save() does) into parts. */
export async function savePdfParts(doc: PDFDocument): Promise<Uint8Array[]> {
  if (doc.getPageCount() === 0) doc.addPage();
  await doc.flush();
  // The offsets and the cross-reference table, as pdf-lib's own writer computes them.
  const writer = PDFWriter.forContext(doc.context, Number.MAX_SAFE_INTEGER) as unknown as {
    computeBufferSize(): Promise<SerializationInfo>;
  };
  const info = await writer.computeBufferSize();
  const parts: Uint8Array[] = [];
  let small: Uint8Array[] = [];
  const flushSmall = () => {
    if (small.length) parts.push(Buffer.concat(small));
    small = [];
  };
  const copy = (object: Serializable, suffix = "") => {
    const buffer = new Uint8Array(object.sizeInBytes() + suffix.length);
    const written = object.copyBytesInto(buffer, 0);
    buffer.set(ascii(suffix), written);
    small.push(buffer);
  };

  copy(info.header, "\n\n");
  for (const [ref, object] of info.indirectObjects) {
    small.push(ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    if (object instanceof PDFRawStream && object.contents.byteLength >= BY_REFERENCE_BYTES) {
      object.updateDict();
      copy(object.dict, "\nstream\n");
      flushSmall();
      parts.push(object.contents);
      small.push(ascii("\nendstream\nendobj\n\n"));
    } else {
      copy(object, "\nendobj\n\n");
    }
  }
  if (info.xref) copy(info.xref, "\n");
  if (info.trailerDict) copy(info.trailerDict, "\n\n");
  copy(info.trailer);
  flushSmall();
  return parts;
}

export const partsSize = (parts: readonly Uint8Array[]) => parts.reduce((n, p) => n + p.byteLength, 0);

export function partsSha256(parts: readonly Uint8Array[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex");
}

/** One buffer, for what needs the whole file at once (signing). */
export const joinParts = (parts: readonly Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

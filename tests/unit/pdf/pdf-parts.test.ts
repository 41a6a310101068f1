// A PDF saved as parts is byte for byte what pdf-lib's save() writes, and a large photo is one of
// the parts itself rather than a copy of it.
import sharp from "sharp";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, test } from "vitest";
import { joinParts, partsSha256, partsSize, savePdfParts } from "~/lib/pdf/pdf-parts.server";
import { createHash } from "node:crypto";

async function documentWithPhoto() {
  const photo = new Uint8Array(
    await sharp({ create: { width: 900, height: 700, channels: 3, background: "#888", noise: { type: "gaussian", mean: 128, sigma: 40 } } })
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const image = await doc.embedJpg(photo);
  for (let i = 0; i < 3; i++) {
    const page = doc.addPage();
    page.drawText(`Page ${i + 1}`, { x: 50, y: 780, size: 12, font });
    page.drawImage(image, { x: 50, y: 300, width: 450, height: 350 });
  }
  doc.setTitle("parts");
  return { doc, photo };
}

describe("savePdfParts", () => {
  test("joins to exactly the bytes of save({ useObjectStreams: false }), the photo passed by reference", async () => {
    const { doc, photo } = await documentWithPhoto();
    expect(photo.byteLength).toBeGreaterThan(64 * 1024);
    const parts = await savePdfParts(doc);
    const saved = await doc.save({ useObjectStreams: false });
    const joined = joinParts(parts);
    expect(Buffer.from(joined).equals(Buffer.from(saved))).toBe(true);
    expect(partsSize(parts)).toBe(saved.byteLength);
    expect(partsSha256(parts)).toBe(createHash("sha256").update(saved).digest("hex"));
    // The photo's bytes are one part, not copied into a bigger buffer.
    expect(parts.some((p) => p.byteLength === photo.byteLength && Buffer.from(p).equals(Buffer.from(photo)))).toBe(true);
    expect(parts.length).toBeLessThan(6);
  });
});

// The demo's paper: one-page PDFs standing in for signed procedures and contracts (the standard
// fonts, so their text is English and says it is demo data), checked as an upload is.
import { PDFDocument, StandardFonts } from "pdf-lib";
import { checkUpload, type CheckedUpload } from "../evidence/file-store.server";

export async function demoPdf(fileName: string, lines: readonly string[], dated: string): Promise<CheckedUpload> {
  const doc = await PDFDocument.create();
  // Fixed dates: the same document on every first start.
  doc.setCreationDate(new Date(`${dated}T00:00:00Z`));
  doc.setModificationDate(new Date(`${dated}T00:00:00Z`));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  [...lines, "Shenzhen Demo Trading Co., Ltd. - DEMO DATA, made up."].forEach((line, i) =>
    page.drawText(line, { x: 56, y: 760 - i * 24, size: i === 0 ? 16 : 11, font }),
  );
  const bytes = await doc.save();
  const checked = await checkUpload(new File([new Uint8Array(bytes)], fileName, { type: "application/pdf" }), { required: true });
  if (!checked.ok || !checked.file) throw new Error(`demo seed: document ${fileName} refused`);
  return checked.file;
}

// Taking the signatures out of a loaded PDF before it is changed (a share link's watermarked copy):
// pdf-lib cannot save incrementally, so the old signature would be broken by the edit anyway, and a
// copy must carry only the signature made over its own bytes.

import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument, type PDFObject } from "pdf-lib";

const FT = PDFName.of("FT");
const SIG = PDFName.of("Sig");
const PARENT = PDFName.of("Parent");
const KIDS = PDFName.of("Kids");
const V = PDFName.of("V");
const ANNOTS = PDFName.of("Annots");
const FIELDS = PDFName.of("Fields");
const SIG_FLAGS = PDFName.of("SigFlags");

/** A signature field, or a widget of one (its FT may sit on the parent field). */
function isSignature(dict: PDFDict, depth = 0): boolean {
  if (dict.lookupMaybe(FT, PDFName) === SIG) return true;
  const parent = dict.lookupMaybe(PARENT, PDFDict);
  return parent !== undefined && depth < 32 ? isSignature(parent, depth + 1) : false;
}

/**
 * Removes every signature field, its widgets on the pages and its signature value from the
 * document, and the AcroForm's SigFlags. Other form fields stay.
 */
export function removeSignatureFields(doc: PDFDocument): void {
  const context = doc.context;
  const obsolete = new Set<PDFRef>();
  const lookupDict = (object: PDFObject | undefined) => {
    const value = object instanceof PDFRef ? context.lookup(object) : object;
    return value instanceof PDFDict ? value : undefined;
  };
  const collect = (object: PDFObject | undefined) => {
    const dict = lookupDict(object);
    if (object instanceof PDFRef) obsolete.add(object);
    if (!dict) return;
    const value = dict.get(V);
    if (value instanceof PDFRef) obsolete.add(value);
    const kids = dict.lookupMaybe(KIDS, PDFArray);
    for (const kid of kids?.asArray() ?? []) collect(kid);
  };

  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(ANNOTS, PDFArray);
    if (!annots) continue;
    for (let i = annots.size() - 1; i >= 0; i--) {
      const annot = lookupDict(annots.get(i));
      if (annot && isSignature(annot)) {
        collect(annots.get(i));
        annots.remove(i);
      }
    }
    if (annots.size() === 0) page.node.delete(ANNOTS);
  }

  const acroForm = doc.catalog.lookupMaybe(PDFName.of("AcroForm"), PDFDict);
  const fields = acroForm?.lookupMaybe(FIELDS, PDFArray);
  if (acroForm && fields) {
    for (let i = fields.size() - 1; i >= 0; i--) {
      const field = lookupDict(fields.get(i));
      if (field && isSignature(field)) {
        collect(fields.get(i));
        fields.remove(i);
      }
    }
  }
  if (acroForm) acroForm.delete(SIG_FLAGS);
  // DocMDP/UR permissions name a signature that is gone.
  doc.catalog.delete(PDFName.of("Perms"));
  for (const ref of obsolete) context.delete(ref);
}

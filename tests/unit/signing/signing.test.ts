// The signing library without a database: reading a PKCS#12 (each refusal named), a PAdES signature
// that poppler's pdfsig accepts, and taking signature fields out of a document again.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { PDFArray, PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import { afterAll, describe, expect, test } from "vitest";
import { readPkcs12 } from "~/lib/signing/pkcs12.server";
import { removeSignatureFields, signPdf } from "~/lib/signing/signing.server";
import { makeTestPki, toPkcs12 } from "../../support/signing-pki";

const work = mkdtempSync(path.join(tmpdir(), "tradeguard-signing-unit-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PASSPHRASE = "dossier signing 2026";
const day = 24 * 3600 * 1000;
const keyOf = (encoded: string) => encoded.split("|")[0];

async function samplePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText("Evidence dossier", { x: 50, y: 700, font, size: 18 });
  doc.addPage().drawText("Page two", { x: 50, y: 700, font, size: 12 });
  return doc.save({ useObjectStreams: false });
}

function pdfsig(bytes: Uint8Array, name: string): string {
  const file = path.join(work, name);
  writeFileSync(file, bytes);
  const run = spawnSync("pdfsig", ["-nocert", file], { encoding: "utf8" });
  return run.stdout + run.stderr;
}

describe("readPkcs12", () => {
  const pki = makeTestPki();
  const p12 = toPkcs12(pki, PASSPHRASE);

  test("reads the key, the leaf certificate, the chain and the identity facts", () => {
    const read = readPkcs12(p12, PASSPHRASE);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.identity.facts.subject).toContain("CN=Test Logistics Dossier Signing");
    expect(read.identity.facts.issuer).toContain("CN=Tradeguard Test Root");
    expect(read.identity.facts.serialNumber).toBe("1A2B3C");
    expect(read.identity.facts.fingerprintSha256).toMatch(/^[0-9A-F]{64}$/);
    expect(read.identity.chain).toHaveLength(1);
  });

  test("shows a Chinese organisation name in the subject as text, and pdfsig validates its signature", async () => {
    const read = readPkcs12(toPkcs12(makeTestPki({ organization: "测试物流有限公司" }), PASSPHRASE), PASSPHRASE);
    if (!read.ok) throw new Error(read.error);
    expect(read.identity.facts.subject).toContain("O=测试物流有限公司");
    const report = pdfsig(await signPdf(await samplePdf(), read.identity, { signerName: "测试物流", at: new Date() }), "chinese.pdf");
    expect(report).toContain("Signature Validation: Signature is Valid.");
  });

  test.each([
    ["a wrong passphrase", () => readPkcs12(p12, "wrong"), "signing.errors.wrongPassphrase"],
    [
      "bytes that are no PKCS#12",
      () => readPkcs12(new TextEncoder().encode("%PDF-1.7 not a container"), PASSPHRASE),
      "signing.errors.notPkcs12",
    ],
    ["a container without a key", () => readPkcs12(toPkcs12(pki, PASSPHRASE, { withKey: false }), PASSPHRASE), "signing.errors.noKey"],
    [
      "an expired certificate",
      () =>
        readPkcs12(
          toPkcs12(makeTestPki({ notBefore: new Date(Date.now() - 30 * day), notAfter: new Date(Date.now() - day) }), PASSPHRASE),
          PASSPHRASE,
        ),
      "signing.errors.expired",
    ],
    [
      "a certificate for encryption only",
      () => readPkcs12(toPkcs12(makeTestPki({ leafKeyUsage: { keyEncipherment: true } }), PASSPHRASE), PASSPHRASE),
      "signing.errors.keyUsage",
    ],
  ])("refuses %s", (_label, read, expected) => {
    const result = read();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(keyOf(result.error)).toBe(expected);
  });
});

describe("signPdf", () => {
  test("gives a CAdES-detached signature over the whole file that pdfsig validates", async () => {
    const read = readPkcs12(toPkcs12(makeTestPki(), PASSPHRASE), PASSPHRASE);
    if (!read.ok) throw new Error(read.error);
    const signed = await signPdf(await samplePdf(), read.identity, { signerName: "Test Logistics 测试", at: new Date() });
    const report = pdfsig(signed, "signed.pdf");
    expect(report).toContain("Signature Type: ETSI.CAdES.detached");
    expect(report).toContain("Signing Hash Algorithm: SHA-256");
    expect(report).toContain("Total document signed");
    expect(report).toContain("Signature Validation: Signature is Valid.");
  });
});

describe("removeSignatureFields", () => {
  test("takes out the signature field, its widget and value, and keeps other fields", async () => {
    const doc = await PDFDocument.load(await samplePdf());
    doc.getForm().createTextField("note").addToPage(doc.getPage(0), { x: 50, y: 500 });
    pdflibAddPlaceholder({ pdfDoc: doc, reason: "test", contactInfo: "", name: "Signer", location: "" });
    const withSignature = await PDFDocument.load(await doc.save({ useObjectStreams: false }));
    expect(
      withSignature
        .getForm()
        .getFields()
        .map((f) => f.getName()),
    ).toEqual(["note", "Signature1"]);

    removeSignatureFields(withSignature);
    const saved = await withSignature.save({ useObjectStreams: false });
    const text = Buffer.from(saved).toString("latin1");
    expect(text).not.toContain("/FT /Sig");
    expect(text).not.toContain("/ByteRange");
    expect(text).not.toContain("/SigFlags");
    const reloaded = await PDFDocument.load(saved);
    expect(
      reloaded
        .getForm()
        .getFields()
        .map((f) => f.getName()),
    ).toEqual(["note"]);
    const annots = reloaded.getPage(0).node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    expect(annots?.size()).toBe(1);
  });

  test("a signed document can be unsigned, changed and signed again, and pdfsig validates the new signature", async () => {
    const read = readPkcs12(toPkcs12(makeTestPki(), PASSPHRASE), PASSPHRASE);
    if (!read.ok) throw new Error(read.error);
    const first = await signPdf(await samplePdf(), read.identity, { signerName: "Signer", at: new Date() });
    const copy = await PDFDocument.load(first);
    removeSignatureFields(copy);
    copy.getPage(0).drawText("COPY FOR A CERTIFIER", { x: 50, y: 400, size: 20 });
    const resigned = await signPdf(await copy.save({ useObjectStreams: false }), read.identity, { signerName: "Signer", at: new Date() });
    const report = pdfsig(resigned, "resigned.pdf");
    expect(report.match(/Signature #\d/g)).toHaveLength(1);
    expect(report).toContain("Signature Validation: Signature is Valid.");
    expect(report).toContain("Total document signed");
  });
});

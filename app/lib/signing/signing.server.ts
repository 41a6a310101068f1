// Signing a dossier's PDF with the organisation's certificate, as the last step of generation.
// Without an active certificate the bytes are returned unchanged and unsigned. The certificate
// (PKCS#12) and its passphrase are stored encrypted with a key of their own, derived from the
// installation secret; only the certificate's identity is kept in clear.

import { hkdfSync } from "node:crypto";
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { SignPdf } from "@signpdf/signpdf";
import { SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { organizations, signingCertificates } from "../../../db/schema";
import { recordAudit } from "~/lib/audit/audit.server";
import type { Database, Executor } from "~/lib/db-types.server";
import { message } from "~/lib/i18n/messages";
import { decryptWith, encryptWith, serverSecret } from "~/lib/personnel/personal-data-crypto.server";
import { CadesSigner } from "./cades-signer.server";
import { activeFor } from "./signing-certificates.server";
import { checkValidity, readPkcs12, type CertificateFacts, type SigningIdentity } from "./pkcs12.server";
import type { Actor } from "../auth/actor";

export { removeSignatureFields } from "./signature-fields.server";
export { getActiveCertificate, hasActiveCertificate } from "./signing-certificates.server";

export interface SignOutcome {
  bytes: Uint8Array;
  signed: boolean;
}

/** A certificate that cannot sign (expired since upload, unreadable): `message` is an i18n message (signing.errors.*). */
export class SigningError extends Error {
  override name = "SigningError";
}

let cachedKey: { encryption: Buffer } | undefined;

function certificateKey(): { encryption: Buffer } {
  cachedKey ??= { encryption: Buffer.from(hkdfSync("sha256", serverSecret(), "", "tradeguard signing certificate encryption", 32)) };
  return cachedKey;
}

export function encryptCertificate(p12: Uint8Array, passphrase: string) {
  const key = certificateKey();
  return { p12Encrypted: encryptWith(key, Buffer.from(p12).toString("base64")), passphraseEncrypted: encryptWith(key, passphrase) };
}

// The trail names the certificate; the encrypted container never enters it.
const auditView = (c: CertificateFacts) => ({
  subject: c.subject,
  issuer: c.issuer,
  serialNumber: c.serialNumber,
  fingerprintSha256: c.fingerprintSha256,
  validFrom: c.validFrom,
  validTo: c.validTo,
});

async function lockOrganization(tx: Executor, organizationId: string) {
  // One certificate change at a time per organisation (the active one is unique).
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).for("update");
}

async function retireActive(tx: Executor, actor: Actor, at: Date) {
  const [retired] = await tx.update(signingCertificates).set({ removedAt: at }).where(activeFor(actor.organizationId)).returning();
  if (retired) {
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "delete",
      entityType: "signing_certificate",
      entityId: retired.id,
      before: auditView(retired),
    });
  }
  return retired ?? null;
}

export type UploadResult = { ok: true; certificateId: string } | { ok: false; errors: Record<string, string> };

/**
 * Checks the container and stores it as the organisation's active certificate, retiring the one
 * before (it keeps its row, with removed_at). A wrong passphrase is the passphrase field's error;
 * anything wrong with the file is the certificate field's. Nothing is written on a refusal.
 */
export async function uploadSigningCertificate(
  db: Database,
  actor: Actor,
  input: { p12: Uint8Array; passphrase: string },
): Promise<UploadResult> {
  const read = readPkcs12(input.p12, input.passphrase);
  if (!read.ok) {
    const field = read.error.startsWith("signing.errors.wrongPassphrase") ? "passphrase" : "certificate";
    return { ok: false, errors: { [field]: read.error } };
  }
  const facts = read.identity.facts;
  const now = new Date();
  const id = await db.transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    await retireActive(tx, actor, now);
    const [created] = await tx
      .insert(signingCertificates)
      .values({
        organizationId: actor.organizationId,
        ...encryptCertificate(input.p12, input.passphrase),
        ...facts,
        uploadedByUserId: actor.userId,
        uploadedAt: now,
      })
      .returning({ id: signingCertificates.id });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "signing_certificate",
      entityId: created!.id,
      after: auditView(facts),
    });
    return created!.id;
  });
  return { ok: true, certificateId: id };
}

/** Retires the active certificate: later dossiers are unsigned. False when there was none. */
export async function removeSigningCertificate(db: Database, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    return (await retireActive(tx, actor, new Date())) !== null;
  });
}

// @signpdf/placeholder-pdf-lib writes Reason and Name with PDFString.of, which keeps one byte per
// character: keep them printable ASCII (and without the parentheses and backslash of a literal string).
function asciiText(value: string): string {
  return value
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/[()\\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Room for the CMS: the certificates, the signature and the attributes, in hex. */
function placeholderLength(identity: SigningIdentity): number {
  const certificates = [identity.certificate, ...identity.chain].reduce((sum, der) => sum + der.length, 0);
  return Math.max(8192, 2 * (certificates + 4096));
}

/**
 * Signs a PDF with an identity: a PAdES (CAdES-detached) signature over the whole file, with the
 * signing time in the signature dictionary (/M). The document is rewritten once (pdf-lib cannot
 * append), so this is the last step: any later save breaks the signature.
 */
export async function signPdf(pdf: Uint8Array, identity: SigningIdentity, options: { signerName: string; at: Date }): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: "Tradeguard AEO evidence dossier",
    contactInfo: "",
    name: asciiText(options.signerName) || "Tradeguard",
    location: "",
    signingTime: options.at,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: placeholderLength(identity),
    appName: "Tradeguard",
  });
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new Uint8Array(await new SignPdf().sign(prepared, new CadesSigner(identity)));
}

/**
 * What signing needs, as plain values a worker thread can be handed: the decrypted container and
 * its passphrase, the signer's name and the signing time. Null without an active certificate; a
 * SigningError when it can no longer sign (expired since its upload).
 */
export interface SigningMaterial {
  p12: Uint8Array;
  passphrase: string;
  signerName: string;
  at: Date;
}

export async function signingMaterialFor(db: Executor, organizationId: string, at = new Date()): Promise<SigningMaterial | null> {
  const [row] = await db
    .select({ certificate: signingCertificates, organizationName: organizations.legalNameEn })
    .from(signingCertificates)
    .innerJoin(organizations, eq(organizations.id, signingCertificates.organizationId))
    .where(activeFor(organizationId));
  if (!row) return null;
  const invalid = checkValidity(row.certificate, at);
  if (invalid) throw new SigningError(invalid);
  let p12: Buffer;
  let passphrase: string;
  try {
    p12 = Buffer.from(decryptWith(certificateKey(), row.certificate.p12Encrypted), "base64");
    passphrase = decryptWith(certificateKey(), row.certificate.passphraseEncrypted);
  } catch (error) {
    throw new SigningError(message("signing.errors.undecryptable"), { cause: error });
  }
  return { p12: new Uint8Array(p12), passphrase, signerName: row.organizationName, at };
}

/** Signs with material from signingMaterialFor (in a worker thread, or in the caller). */
export async function signWithMaterial(pdf: Uint8Array, material: SigningMaterial): Promise<Uint8Array> {
  const read = readPkcs12(Buffer.from(material.p12), material.passphrase, material.at);
  if (!read.ok) throw new SigningError(read.error);
  return signPdf(pdf, read.identity, { signerName: material.signerName, at: material.at });
}

/**
 * Signs the PDF with the organisation's active certificate, if it has one. A certificate that
 * cannot sign (expired since its upload) throws a SigningError: the caller fails rather than
 * quietly producing an unsigned file.
 */
export async function signForOrganization(db: Executor, organizationId: string, pdf: Uint8Array): Promise<SignOutcome> {
  const material = await signingMaterialFor(db, organizationId);
  if (!material) return { bytes: pdf, signed: false };
  return { bytes: await signWithMaterial(pdf, material), signed: true };
}

// Reading an organisation's PKCS#12 (.p12/.pfx) with node-forge: one private key, the certificate
// that belongs to it, and any chain certificates. Every refusal is a message key (signing.errors.*),
// so the upload form can say exactly what is wrong with the file.

import { createHash } from "node:crypto";
import forge from "node-forge";
import type { Translations } from "~/lib/i18n/config";
import { message } from "~/lib/i18n/messages";

/** The identity a certificate shows, kept in clear for display. */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  serialNumber: string;
  fingerprintSha256: string;
  validFrom: Date;
  validTo: Date;
}

export interface SigningIdentity {
  key: forge.pki.rsa.PrivateKey;
  /** The signer's certificate, DER. */
  certificate: Buffer;
  /** Other certificates in the container (the chain), DER, in the container's order. */
  chain: Buffer[];
  facts: CertificateFacts;
}

export type Pkcs12Result = { ok: true; identity: SigningIdentity } | { ok: false; error: string };

const refuse = (key: keyof Translations["signing"]["errors"], values?: Record<string, string | number>): Pkcs12Result => ({
  ok: false,
  error: message(`signing.errors.${key}`, values),
});

function toDer(certificate: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), "binary");
}

// forge keeps UTF8String values of a name as their raw bytes: decode them for display.
function nameText(name: forge.pki.Certificate["subject"]): string {
  return name.attributes
    .map((attribute) => {
      const raw = String(attribute.value ?? "");
      let value = raw;
      if ((attribute.valueTagClass as number | undefined) === forge.asn1.Type.UTF8) {
        try {
          value = forge.util.decodeUtf8(raw);
        } catch {
          value = raw;
        }
      }
      return `${attribute.shortName ?? attribute.name ?? attribute.type}=${value}`;
    })
    .join(", ");
}

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, bagType: string): forge.pkcs12.Bag[] {
  return p12.getBags({ bagType })[bagType] ?? [];
}

function factsOf(certificate: forge.pki.Certificate, der: Buffer): CertificateFacts {
  return {
    subject: nameText(certificate.subject),
    issuer: nameText(certificate.issuer),
    serialNumber: certificate.serialNumber.toUpperCase(),
    fingerprintSha256: createHash("sha256").update(der).digest("hex").toUpperCase(),
    validFrom: certificate.validity.notBefore,
    validTo: certificate.validity.notAfter,
  };
}

/** A refusal when the certificate cannot sign at `at`: not yet valid, expired. */
export function checkValidity(facts: Pick<CertificateFacts, "validFrom" | "validTo">, at: Date): string | null {
  const date = (d: Date) => d.toISOString().slice(0, 10);
  if (at < facts.validFrom) return message("signing.errors.notYetValid", { from: date(facts.validFrom) });
  if (at > facts.validTo) return message("signing.errors.expired", { to: date(facts.validTo) });
  return null;
}

/**
 * Opens the container with the passphrase and checks it can sign now: exactly one private key
 * (RSA: node-forge signs with nothing else), its certificate, valid today, and a key usage (if the
 * certificate states one) that allows digital signatures.
 */
export function readPkcs12(bytes: Uint8Array, passphrase: string, at: Date = new Date()): Pkcs12Result {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString("binary")));
  } catch {
    return refuse("notPkcs12");
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/MAC could not be verified|Invalid password/i.test(text)) return refuse("wrongPassphrase");
    if (/RSAPrivateKey|OID is not RSA/i.test(text)) return refuse("unsupportedKey");
    // Without a MAC, a wrong passphrase decrypts to garbage that fails to parse.
    if (/Too few bytes|Unparsed DER|decrypt/i.test(text)) return refuse("wrongPassphrase");
    return refuse("notPkcs12");
  }
  const keys = [...bagsOf(p12, forge.pki.oids.pkcs8ShroudedKeyBag!), ...bagsOf(p12, forge.pki.oids.keyBag!)];
  if (keys.length === 0) return refuse("noKey");
  if (keys.length > 1) return refuse("severalKeys", { count: keys.length });
  const key = keys[0]!.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key || !("n" in key)) return refuse("unsupportedKey");
  const certificates = bagsOf(p12, forge.pki.oids.certBag!)
    .map((bag) => bag.cert)
    .filter((c): c is forge.pki.Certificate => Boolean(c));
  const leaf = certificates.find((c) => {
    const publicKey = c.publicKey as forge.pki.rsa.PublicKey;
    return "n" in publicKey && publicKey.n.equals(key.n) && publicKey.e.equals(key.e);
  });
  if (!leaf) return refuse("noCertificate");
  const der = toDer(leaf);
  const facts = factsOf(leaf, der);
  const invalid = checkValidity(facts, at);
  if (invalid) return { ok: false, error: invalid };
  const usage = leaf.getExtension("keyUsage") as { digitalSignature?: boolean; nonRepudiation?: boolean } | undefined;
  if (usage && !usage.digitalSignature && !usage.nonRepudiation) return refuse("keyUsage");
  const chain = certificates.filter((c) => c !== leaf).map(toDer);
  return { ok: true, identity: { key, certificate: der, chain, facts } };
}

// A CAdES-detached CMS SignedData for a PDF signature (PAdES baseline B-B): SHA-256, signed
// attributes contentType, messageDigest and ESS signing-certificate-v2, and no signing-time
// attribute (PAdES forbids it; the time is the signature dictionary's /M). @signpdf's stock
// P12Signer writes signingTime and no signing-certificate-v2, so the structure is built here with
// node-forge's ASN.1 and signed with node's crypto.

import { createHash, createPrivateKey, sign } from "node:crypto";
import { Signer } from "@signpdf/utils";
import forge from "node-forge";
import type { SigningIdentity } from "./pkcs12.server";

const { asn1, pki } = forge;
const UNIVERSAL = asn1.Class.UNIVERSAL;
const CONTEXT = asn1.Class.CONTEXT_SPECIFIC;

/** id-aa-signingCertificateV2 (RFC 5035). */
export const SIGNING_CERTIFICATE_V2 = "1.2.840.113549.1.9.16.2.47";

const oid = (value: string) => asn1.create(UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
const sequence = (value: forge.asn1.Asn1[]) => asn1.create(UNIVERSAL, asn1.Type.SEQUENCE, true, value);
const set = (value: forge.asn1.Asn1[]) => asn1.create(UNIVERSAL, asn1.Type.SET, true, value);
const integer = (value: number) => asn1.create(UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(value).getBytes());
const octets = (bytes: Buffer) => asn1.create(UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString("binary"));
const derOf = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), "binary");
// decodeBitStrings: false keeps a certificate's BIT STRINGs as they are, so it re-encodes byte for byte.
// (@types/node-forge knows only the older boolean argument.)
const parseDer = asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: { decodeBitStrings: boolean }) => forge.asn1.Asn1;
const fromDer = (bytes: Buffer) => parseDer(forge.util.createBuffer(bytes.toString("binary")), { decodeBitStrings: false });
const algorithm = (value: string) => sequence([oid(value), asn1.create(UNIVERSAL, asn1.Type.NULL, false, "")]);
const attribute = (type: string, value: forge.asn1.Asn1) => sequence([oid(type), set([value])]);

/**
 * The issuer Name and serialNumber INTEGER exactly as the certificate encodes them (re-encoding a
 * parsed name could change its string types and break the match a verifier makes).
 */
function issuerAndSerial(certificate: Buffer): { issuer: forge.asn1.Asn1; serial: forge.asn1.Asn1 } {
  const tbs = (fromDer(certificate).value as forge.asn1.Asn1[])[0]!;
  const fields = tbs.value as forge.asn1.Asn1[];
  const first = fields[0]!;
  const at = first.tagClass === CONTEXT && first.type === 0 ? 1 : 0;
  return { serial: fields[at]!, issuer: fields[at + 2]! };
}

/** DER orders a SET OF by the encodings of its elements. */
function derSet(elements: Buffer[]): Buffer {
  return derOf(set([...elements].sort(Buffer.compare).map(fromDer)));
}

/** The CMS ContentInfo (DER) that signs `content` detached. */
export function cadesDetachedSignature(content: Buffer, identity: Pick<SigningIdentity, "key" | "certificate" | "chain">): Buffer {
  const { issuer, serial } = issuerAndSerial(identity.certificate);
  const essCertId = sequence([
    // hashAlgorithm is omitted: SHA-256 is its DEFAULT, and DER leaves defaults out.
    octets(createHash("sha256").update(identity.certificate).digest()),
    sequence([sequence([asn1.create(CONTEXT, 4, true, [issuer])]), serial]),
  ]);
  const signedAttributes = [
    attribute(pki.oids.contentType!, oid(pki.oids.data!)),
    attribute(pki.oids.messageDigest!, octets(createHash("sha256").update(content).digest())),
    attribute(SIGNING_CERTIFICATE_V2, sequence([sequence([essCertId])])),
  ].map(derOf);
  // The signature covers the attributes as a DER SET; in SignerInfo they sit under [0] IMPLICIT.
  const attributesSet = derSet(signedAttributes);
  const privateKey = createPrivateKey(pki.privateKeyToPem(identity.key));
  const signature = sign("sha256", attributesSet, privateKey);
  const signedAttrs = fromDer(attributesSet);
  signedAttrs.tagClass = CONTEXT;
  signedAttrs.type = 0;
  const signerInfo = sequence([
    integer(1),
    sequence([issuer, serial]),
    algorithm(pki.oids.sha256!),
    signedAttrs,
    algorithm(pki.oids.rsaEncryption!),
    octets(signature),
  ]);
  const certificates = [identity.certificate, ...identity.chain].map(fromDer);
  const signedData = sequence([
    integer(1),
    set([algorithm(pki.oids.sha256!)]),
    sequence([oid(pki.oids.data!)]),
    asn1.create(CONTEXT, 0, true, certificates),
    set([signerInfo]),
  ]);
  return derOf(sequence([oid(pki.oids.signedData!), asn1.create(CONTEXT, 0, true, [signedData])]));
}

/** The @signpdf Signer: it receives the PDF without its /Contents placeholder. */
export class CadesSigner extends Signer {
  constructor(private readonly identity: Pick<SigningIdentity, "key" | "certificate" | "chain">) {
    super();
  }

  override sign(pdf: Buffer): Promise<Buffer> {
    return Promise.resolve(cadesDetachedSignature(pdf, this.identity));
  }
}

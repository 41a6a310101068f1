// A throwaway PKI for signing tests, made with node-forge: a CA (keyCertSign) and a leaf for
// document signing (digitalSignature, nonRepudiation) issued by it, exported as PKCS#12.
import forge from "node-forge";

const { pki } = forge;

export interface TestPki {
  caKey: forge.pki.rsa.KeyPair;
  ca: forge.pki.Certificate;
  leafKey: forge.pki.rsa.KeyPair;
  leaf: forge.pki.Certificate;
}

interface CertificateOptions {
  subject: forge.pki.CertificateField[];
  issuer: forge.pki.Certificate | null;
  publicKey: forge.pki.rsa.PublicKey;
  signingKey: forge.pki.rsa.PrivateKey;
  serial: string;
  extensions: object[];
  notBefore?: Date;
  notAfter?: Date;
}

function certificate(options: CertificateOptions): forge.pki.Certificate {
  const cert = pki.createCertificate();
  cert.publicKey = options.publicKey;
  cert.serialNumber = options.serial;
  cert.validity.notBefore = options.notBefore ?? new Date(Date.now() - 24 * 3600 * 1000);
  cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * 24 * 3600 * 1000);
  cert.setSubject(options.subject);
  cert.setIssuer(options.issuer ? options.issuer.subject.attributes : options.subject);
  cert.setExtensions(options.extensions);
  cert.sign(options.signingKey, forge.md.sha256.create());
  return cert;
}

// 2048-bit keys take a second or two each in forge's JavaScript: make them once per test file.
let keys: { ca: forge.pki.rsa.KeyPair; leaf: forge.pki.rsa.KeyPair } | undefined;
function testKeys() {
  keys ??= { ca: pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }), leaf: pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }) };
  return keys;
}

export function makeTestPki(
  options: {
    /** The leaf's O, as UTF8String (Chinese names are). */
    organization?: string;
    leafKeyUsage?: { digitalSignature?: boolean; nonRepudiation?: boolean; keyEncipherment?: boolean };
    notBefore?: Date;
    notAfter?: Date;
  } = {},
): TestPki {
  const { ca: caKey, leaf: leafKey } = testKeys();
  const ca = certificate({
    subject: [
      { shortName: "C", value: "CN" },
      { shortName: "O", value: "Tradeguard Test CA" },
      { shortName: "CN", value: "Tradeguard Test Root" },
    ],
    issuer: null,
    publicKey: caKey.publicKey,
    signingKey: caKey.privateKey,
    serial: "01",
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const leaf = certificate({
    subject: [
      { shortName: "C", value: "CN" },
      { shortName: "O", value: options.organization ?? "Test Logistics Co", valueTagClass: forge.asn1.Type.UTF8 as number },
      { shortName: "CN", value: "Test Logistics Dossier Signing" },
    ],
    issuer: ca,
    publicKey: leafKey.publicKey,
    signingKey: caKey.privateKey,
    serial: "1a2b3c",
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", critical: true, ...(options.leafKeyUsage ?? { digitalSignature: true, nonRepudiation: true }) },
    ],
  });
  return { caKey, ca, leafKey, leaf };
}

/** The leaf's key and certificate plus the CA, as a .p12 (3DES, SHA-1 MAC: forge's defaults). */
export function toPkcs12(testPki: TestPki, passphrase: string, options: { withKey?: boolean } = {}): Uint8Array {
  const certs = [testPki.leaf, testPki.ca];
  const asn1 =
    options.withKey === false
      ? forge.pkcs12.toPkcs12Asn1(null, certs, passphrase)
      : forge.pkcs12.toPkcs12Asn1(testPki.leafKey.privateKey, certs, passphrase, { algorithm: "3des" });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary"));
}

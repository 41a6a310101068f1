// The organisation's signing certificate end to end: /settings/signing refuses other roles and bad
// uploads without writing anything, stores a good .p12 encrypted (with its audit event) and never
// shows it again, replaces and removes it; a dossier generated with it carries a PAdES signature that
// poppler's pdfsig validates over the whole file, a flipped byte breaks it, and a certificate that
// expired since its upload fails the dossier instead of leaving it unsigned.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, verify, X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

await vi.hoisted(async () => (await import("../support/files-directory")).ownFilesDirectory("signing"));

import { auditCheckpoints, auditEvents, dossiers, dossierVolumes, signingCertificates } from "../../db/schema";
import { checkpointPayload } from "~/lib/audit/audit-chain.server";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { readGeneratedBytes } from "~/lib/evidence/file-store.server";
import * as signingRoute from "~/routes/_app.settings.signing";
import { addMember, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { generateDossier } from "../support/dossier-factories";
import { callAction, callLoader, errorsOf, keyOf } from "../support/requests";
import { makeTestPki, toPkcs12 } from "../support/signing-pki";
import { testDb } from "../support/test-database";

const PASSPHRASE = "Zollsiegel 2026 签名";
const work = mkdtempSync(path.join(tmpdir(), "tradeguard-signing-pdf-"));
const pki = makeTestPki();
const p12 = toPkcs12(pki, PASSPHRASE);
const p12File = (bytes: Uint8Array = p12, name = "signing.p12") => new File([Buffer.from(bytes)], name, { type: "application/x-pkcs12" });

let owner: SignedUp;
let compliance: Member;
let other: SignedUp;

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

beforeAll(async () => {
  owner = await signUpOrganization();
  other = await signUpOrganization();
  compliance = await addMember(owner.cookie, "compliance");
});

const certificatesOf = (organizationId: string) =>
  testDb().select().from(signingCertificates).where(eq(signingCertificates.organizationId, organizationId));
const certificateEvents = (organizationId: string) =>
  testDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.entityType, "signing_certificate")));

function upload(cookie: string, fields: { certificate?: File; passphrase?: string }) {
  return callAction(signingRoute, "/settings/signing", { intent: "upload", ...fields }, { cookie });
}


function pdfsig(bytes: Uint8Array, name: string): string {
  const file = path.join(work, name);
  writeFileSync(file, bytes);
  // -nocert: the test CA is in no trust store; only the signature itself is checked here.
  const run = spawnSync("/usr/bin/pdfsig", ["-nocert", file], { encoding: "utf8" });
  return run.stdout + run.stderr;
}

describe("/settings/signing", () => {
  test("is for owners and administrators only: a compliance manager gets 403 and uploads nothing", async () => {
    const page = await callLoader(signingRoute, "/settings/signing", { cookie: compliance.cookie });
    expect(page.status).toBe(403);
    const posted = await upload(compliance.cookie, { certificate: p12File(), passphrase: PASSPHRASE });
    expect(posted.status).toBe(403);
    expect(await certificatesOf(owner.organizationId)).toHaveLength(0);
  });

  test("a wrong passphrase is the passphrase field's error and nothing is written", async () => {
    const outcome = await upload(owner.cookie, { certificate: p12File(), passphrase: "not the passphrase" });
    expect(outcome.status).toBe(400);
    expect(keyOf(errorsOf(outcome).passphrase)).toBe("signing.errors.wrongPassphrase");
    expect(JSON.stringify(outcome.data)).not.toContain("not the passphrase");
    expect(await certificatesOf(owner.organizationId)).toHaveLength(0);
    expect(await certificateEvents(owner.organizationId)).toHaveLength(0);
  });

  test.each([
    ["no file", { passphrase: PASSPHRASE }, "certificate", "signing.errors.fileRequired"],
    ["no passphrase", { certificate: p12File() }, "passphrase", "signing.errors.passphraseRequired"],
    [
      "a PDF instead of a PKCS#12",
      { certificate: p12File(new TextEncoder().encode("%PDF-1.7\n"), "x.p12"), passphrase: PASSPHRASE },
      "certificate",
      "signing.errors.notPkcs12",
    ],
  ])("%s is refused and nothing is written", async (_label, fields, field, expected) => {
    const outcome = await upload(owner.cookie, fields);
    expect(outcome.status).toBe(400);
    expect(keyOf(errorsOf(outcome)[field])).toBe(expected);
    expect(await certificatesOf(owner.organizationId)).toHaveLength(0);
  });

  test("a good .p12 is stored encrypted with its identity in clear, audited, and shown without its secrets", async () => {
    const outcome = await upload(owner.cookie, { certificate: p12File(), passphrase: PASSPHRASE });
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    expect(outcome.location).toBe("/settings/signing?uploaded=1");
    const [row, ...more] = await certificatesOf(owner.organizationId);
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({ serialNumber: "1A2B3C", removedAt: null, uploadedByUserId: owner.userId });
    expect(row!.subject).toContain("CN=Test Logistics Dossier Signing");
    expect(row!.issuer).toContain("CN=Tradeguard Test Root");
    const leafDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(pki.leaf)).getBytes(), "binary");
    expect(row!.fingerprintSha256).toBe(createHash("sha256").update(leafDer).digest("hex").toUpperCase());
    expect(row!.p12Encrypted).toMatch(/^v1\./);
    expect(row!.p12Encrypted).not.toContain(Buffer.from(p12).toString("base64").slice(0, 40));
    expect(row!.passphraseEncrypted).not.toContain(PASSPHRASE);

    const events = await certificateEvents(owner.organizationId);
    expect(events.map((e) => e.action)).toEqual(["create"]);
    expect(JSON.stringify(events[0]!.after)).toContain("1A2B3C");
    expect(JSON.stringify(events[0]!.after)).not.toContain(row!.p12Encrypted.slice(0, 20));

    const page = await callLoader<{ certificate: { serialNumber: string; uploadedBy: string } | null }>(signingRoute, "/settings/signing", {
      cookie: owner.cookie,
    });
    expect(page.data.certificate).toMatchObject({ serialNumber: "1A2B3C", uploadedBy: owner.name });
    const shown = JSON.stringify(page.data);
    expect(shown).not.toContain(row!.p12Encrypted.slice(0, 20));
    expect(shown).not.toContain(PASSPHRASE);

    const elsewhere = await callLoader<{ certificate: unknown }>(signingRoute, "/settings/signing", { cookie: other.cookie });
    expect(elsewhere.data.certificate).toBeNull();
  });

  test("a new upload replaces the active certificate; the old row stays with removed_at", async () => {
    const outcome = await upload(owner.cookie, { certificate: p12File(p12, "again.pfx"), passphrase: PASSPHRASE });
    expect(outcome.status).toBe(302);
    const rows = await certificatesOf(owner.organizationId);
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.removedAt === null)).toHaveLength(1);
    const events = await certificateEvents(owner.organizationId);
    expect(events.map((e) => e.action).sort()).toEqual(["create", "create", "delete"]);
  });
});

describe("a dossier signed with the certificate", () => {
  let dossierId: string;
  let bytes: Uint8Array;

  beforeAll(async () => {
    dossierId = await generateDossier(owner);
    const [volume] = await testDb().select().from(dossierVolumes).where(eq(dossierVolumes.dossierId, dossierId));
    bytes = await readGeneratedBytes(volume!.sha256);
  });

  test("is marked signed; the stored file's hash differs from the hash before signing", async () => {
    const [row] = await testDb().select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row).toMatchObject({ status: "ready", signed: true, error: null });
    const [volume] = await testDb().select().from(dossierVolumes).where(eq(dossierVolumes.dossierId, dossierId));
    expect(volume!.sha256).not.toBe(volume!.unsignedSha256);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(volume!.sha256);
  });

  test("pdfsig validates the signature over the whole document", () => {
    const report = pdfsig(bytes, "signed.pdf");
    expect(report).toContain("Signature Type: ETSI.CAdES.detached");
    expect(report).toContain("Signing Hash Algorithm: SHA-256");
    expect(report).toContain("Signer Certificate Common Name: Test Logistics Dossier Signing");
    expect(report).toContain("Total document signed");
    expect(report).toContain("Signature Validation: Signature is Valid.");
  });

  test("its audit trail checkpoint is signed with the organisation's certificate too, printed on the cover", async () => {
    const [checkpoint] = await testDb().select().from(auditCheckpoints).where(eq(auditCheckpoints.dossierId, dossierId));
    expect(checkpoint?.signature).toBeTruthy();
    const leafDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(pki.leaf)).getBytes(), "binary");
    expect(checkpoint!.certificate).toBe(leafDer.toString("base64"));
    // What a certifier can do without the installation's key: check the signature with the certificate.
    const publicKey = new X509Certificate(leafDer).publicKey;
    expect(verify("sha256", Buffer.from(checkpointPayload(checkpoint!)), publicKey, Buffer.from(checkpoint!.signature!, "base64"))).toBe(true);
    expect(verify("sha256", Buffer.from(checkpointPayload({ ...checkpoint!, seq: checkpoint!.seq - 1 })), publicKey, Buffer.from(checkpoint!.signature!, "base64"))).toBe(false);
    const file = path.join(work, "checkpoint.pdf");
    writeFileSync(file, bytes);
    const cover = execFileSync("pdftotext", ["-raw", "-f", "1", "-l", "1", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(cover).toContain(`事件Event#${checkpoint!.seq}`);
    expect(cover).toContain(`Signature(organisation'scertificate,RSA-SHA256):${checkpoint!.signature}`);
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toMatchObject({ ok: true });
  });

  test("one flipped byte inside the signed range gives a digest mismatch", () => {
    const text = Buffer.from(bytes).toString("latin1");
    const range = /\/ByteRange \[\s*0 (\d+) (\d+) (\d+)\s*\]/.exec(text);
    expect(range).not.toBeNull();
    const firstRangeEnd = Number(range![1]);
    // Inside a stream's data: the file still parses, only the bytes differ.
    const at = text.indexOf("stream\n", 200) + "stream\n".length + 10;
    expect(at).toBeGreaterThan(200);
    expect(at).toBeLessThan(firstRangeEnd);
    const tampered = Buffer.from(bytes);
    tampered[at] = tampered[at]! ^ 0x01;
    const report = pdfsig(tampered, "tampered.pdf");
    expect(report).toContain("Signature Validation: Digest Mismatch.");
  });

  test("a certificate that expired since its upload fails the next dossier with a clear reason", async () => {
    await testDb()
      .update(signingCertificates)
      .set({ validTo: new Date(Date.now() - 1000) })
      .where(and(eq(signingCertificates.organizationId, owner.organizationId), isNull(signingCertificates.removedAt)));
    const id = await generateDossier(owner);
    const [row] = await testDb().select().from(dossiers).where(eq(dossiers.id, id));
    expect(row).toMatchObject({ status: "failed", signed: false });
    expect(keyOf(row!.error ?? "")).toBe("signing.errors.expired");
    expect(await testDb().select().from(dossierVolumes).where(eq(dossierVolumes.dossierId, id))).toHaveLength(0);
  });

  test("after removal the certificate is retired (audited) and dossiers are generated unsigned", async () => {
    const removed = await callAction(signingRoute, "/settings/signing", { intent: "remove" }, { cookie: owner.cookie });
    expect(removed.status).toBe(302);
    expect(removed.location).toBe("/settings/signing?removed=1");
    const active = (await certificatesOf(owner.organizationId)).filter((r) => r.removedAt === null);
    expect(active).toHaveLength(0);
    const events = await certificateEvents(owner.organizationId);
    expect(events.map((e) => e.action).sort()).toEqual(["create", "create", "delete", "delete"]);
    const again = await callAction(signingRoute, "/settings/signing", { intent: "remove" }, { cookie: owner.cookie });
    expect(again.status).toBe(400);
    expect(keyOf(errorsOf(again).form)).toBe("signing.errors.nothingToRemove");

    const id = await generateDossier(owner);
    const [row] = await testDb().select().from(dossiers).where(eq(dossiers.id, id));
    expect(row).toMatchObject({ status: "ready", signed: false });
    const [volume] = await testDb().select().from(dossierVolumes).where(eq(dossierVolumes.dossierId, id));
    expect(volume!.sha256).toBe(volume!.unsignedSha256);
  });
});

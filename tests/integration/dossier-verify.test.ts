// /verify: the issued bytes are recognised with when and by whom; a changed byte, a re-saved copy or
// a swapped photo is "altered" and says which photos still match the manifest; another
// organisation's upload learns nothing; garbage and an empty form get a clear answer, never a 500.
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, test, vi } from "vitest";

await vi.hoisted(async () => (await import("../support/files-directory")).ownFilesDirectory("verify"));


import { and, eq } from "drizzle-orm";
import { dossierManifestEntries } from "../../db/schema";
import { readDossierVolume } from "~/lib/dossiers/dossiers.server";
import type { Verification } from "~/lib/dossiers/dossier-verify.server";
import { createShare, readShareCopy, resolveShare } from "~/lib/dossiers/dossier-shares.server";
import * as verifyRoute from "~/routes/_app.verify";
import { addMember, createSite, signUpOrganization, type SignedUp } from "../support/factories";
import { submitContainerInspection } from "../support/inspection-factories";
import { generateDossier } from "../support/dossier-factories";
import { callAction } from "../support/requests";
import { testDb } from "../support/test-database";

let owner: SignedUp;
let other: SignedUp;
let dossierId: string;
let issued: Uint8Array;


beforeAll(async () => {
  owner = await signUpOrganization();
  other = await signUpOrganization();
  const site = await createSite(owner.cookie);
  await submitContainerInspection({ organizationId: owner.organizationId, userId: owner.userId }, site.id, { failPoints: ["doors"] });
  dossierId = await generateDossier(owner);
  const volume = await readDossierVolume(testDb(), owner.organizationId, dossierId, 1);
  if (!volume) throw new Error("dossier not generated");
  issued = new Uint8Array(volume.bytes);
});

type Answer = { error: string | null; result: (Verification & { fileName: string }) | null };

function upload(cookie: string, bytes: Uint8Array | null, name = "dossier.pdf") {
  const form = new FormData();
  form.set("file", bytes ? new File([Buffer.from(bytes)], name, { type: "application/pdf" }) : new File([], ""));
  return callAction<Answer>(verifyRoute, "/verify", form, { cookie });
}

/** Offset of a byte inside the first embedded photo: the start of its JPEG marker after the image dictionary. */
function insidePhoto(bytes: Uint8Array): number {
  const text = Buffer.from(bytes).toString("latin1");
  const image = text.indexOf("/Subtype /Image");
  const jpeg = text.indexOf("\xff\xd8\xff", image);
  expect(image).toBeGreaterThan(0);
  return jpeg + 200;
}

describe("verifying a PDF", () => {
  test("the issued file is recognised: which dossier, volume, when, by whom; every photo matches", async () => {
    const outcome = await upload(owner.cookie, issued);
    expect(outcome.status).toBe(200);
    const r = outcome.data.result!;
    expect(r).toMatchObject({ verdict: "issued", volume: 1, fileName: "dossier.pdf" });
    expect(r.dossier).toMatchObject({ id: dossierId, reference: "DOS-1", requestedBy: expect.any(String), signed: false });
    const embedded = await testDb()
      .select()
      .from(dossierManifestEntries)
      .where(and(eq(dossierManifestEntries.dossierId, dossierId), eq(dossierManifestEntries.embedded, true)));
    expect(embedded.length).toBeGreaterThan(0);
    expect(r.photos).toHaveLength(embedded.length);
    expect(r.photos.every((p) => p.found)).toBe(true);
    expect(r.unlistedJpegs).toBe(0);
  });

  test("one byte appended makes it altered, naming the dossier it claims to be; the photos still match", async () => {
    const changed = new Uint8Array([...issued, 0x0a]);
    const r = (await upload(owner.cookie, changed)).data.result!;
    expect(r.verdict).toBe("altered");
    expect(r.dossier?.reference).toBe("DOS-1");
    expect(r.photos.every((p) => p.found)).toBe(true);
  });

  test("a copy re-saved by another program is altered, and its photos are still checked", async () => {
    const doc = await PDFDocument.load(issued);
    const resaved = await doc.save();
    const r = (await upload(owner.cookie, resaved)).data.result!;
    expect(r.verdict).toBe("altered");
    expect(r.photos.every((p) => p.found)).toBe(true);
  });

  test("a changed byte inside a photo shows that photo as missing or changed", async () => {
    const changed = new Uint8Array(issued);
    const at = insidePhoto(changed);
    changed[at] = changed[at]! ^ 0xff;
    const r = (await upload(owner.cookie, changed)).data.result!;
    expect(r.verdict).toBe("altered");
    expect(r.photos.filter((p) => !p.found).length).toBeGreaterThanOrEqual(1);
    expect(r.unlistedJpegs).toBeGreaterThanOrEqual(1);
  });

  test("the watermarked copy of a share link is recognised as that copy, naming its recipient; its photos match", async () => {
    const actor = { organizationId: owner.organizationId, userId: owner.userId };
    const created = await createShare(testDb(), actor, dossierId, { recipientName: "李检查", recipientOrganization: "深圳海关", days: 14 });
    if (!created?.ok) throw new Error("share not created");
    const resolved = await resolveShare(testDb(), created.token);
    const copy = await readShareCopy(resolved!, 1);
    const r = (await upload(owner.cookie, new Uint8Array(copy!.bytes))).data.result!;
    expect(r.verdict).toBe("shareCopy");
    expect(r.share).toMatchObject({ recipientName: "李检查", recipientOrganization: "深圳海关" });
    expect(r.photos.every((p) => p.found)).toBe(true);
  });

  test("another organisation uploading our dossier learns nothing about it", async () => {
    const r = (await upload(other.cookie, issued)).data.result!;
    expect(r.verdict).toBe("notOurs");
    expect(r.dossier).toBeNull();
    expect(r.photos).toHaveLength(0);
  });

  test("a PDF that is no dossier is not ours; garbage is no PDF; both answer 200", async () => {
    const blank = await PDFDocument.create();
    blank.addPage();
    const plain = await upload(owner.cookie, await blank.save(), "letter.pdf");
    expect(plain.status).toBe(200);
    expect(plain.data.result!.verdict).toBe("notOurs");
    const garbage = await upload(owner.cookie, new TextEncoder().encode("%PDF-1.7\nthis is not a pdf at all"), "broken.pdf");
    expect(garbage.status).toBe(200);
    expect(garbage.data.result!.verdict).toBe("notPdf");
  });

  test("no file chosen is a clear error", async () => {
    const outcome = await upload(owner.cookie, null);
    expect(outcome.status).toBe(400);
    expect(outcome.data.error).toBe("dossiers.verify.required");
  });

  test("a role without access to dossiers is refused", async () => {
    const officer = await addMember(owner.cookie, "security");
    const outcome = await upload(officer.cookie, issued);
    expect(outcome.status).toBe(403);
  });
});

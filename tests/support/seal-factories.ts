// Seals made through the app's own commands: a model (H class with its certificate unless told), a received range, and
// an applied seal with a real JPEG photo.
import { checkPhoto, checkUpload } from "~/lib/evidence/file-store.server";
import { ApplySealSchema, ReceiveSealsSchema, SealModelSchema } from "~/lib/seals/seal-schema";
import { applySeal } from "~/lib/seals/seal-application.server";
import { createSealModel, receiveSeals } from "~/lib/seals/seal-stock.server";
import type { SealActor } from "~/lib/seals/seal-writes.server";
import { jpegFile } from "./inspection-factories";
import { pdfFile } from "./policy-factories";
import { testDb } from "./test-database";

let serial = 0;

export function sealActor(owner: { organizationId: string; userId: string }): SealActor {
  return { organizationId: owner.organizationId, userId: owner.userId, timeZone: "Asia/Shanghai" };
}

/** An H-class model comes with its ISO 17712 certificate (seals of it may be applied) unless `certificate: false`. */
export async function createModel(actor: SealActor, isoClass: "H" | "S" | "I" = "H", options: { certificate?: boolean } = {}) {
  serial += 1;
  const values = SealModelSchema.parse({ manufacturer: "TydenBrooks", modelName: `Bolt ${isoClass}-${serial}`, type: "bolt", isoClass });
  const withCertificate = options.certificate ?? isoClass === "H";
  const certificate = withCertificate ? await checkUpload(pdfFile(`iso17712-${serial}.pdf`), { required: true }) : null;
  if (certificate && (!certificate.ok || !certificate.file)) throw new Error("test certificate refused");
  const created = await createSealModel(testDb(), actor, values, certificate?.file ?? null);
  if (!created.ok) throw new Error(`model not created: ${JSON.stringify(created.errors)}`);
  return created.id;
}

/** A fresh prefix per call, so ranges of different tests never collide. */
export function sealPrefix(): string {
  serial += 1;
  return `T${String(Date.now()).slice(-6)}${String(serial).padStart(3, "0")}N`;
}

/** Received now unless `occurredAt` (local time) says when: a seal's later events cannot be dated before it. */
export async function receiveRange(actor: SealActor, modelId: string, from: string, to: string, siteId?: string, occurredAt?: string) {
  const outcome = await receiveSeals(testDb(), actor, ReceiveSealsSchema.parse({ modelId, siteId, fromNumber: from, toNumber: to, occurredAt }));
  if (!outcome.ok) throw new Error(`seals not received: ${JSON.stringify(outcome.errors)}`);
  return outcome;
}

export async function sealPhoto() {
  const checked = await checkPhoto(await jpegFile("seal.jpg"));
  if (!checked?.ok) throw new Error("test photo refused");
  return checked.file;
}

export async function applyDirect(actor: SealActor, sealNumber: string, fields: Record<string, string> = {}) {
  const values = ApplySealSchema.parse({ sealNumber, targetKind: "container", target: "CSQU3054383", loadState: "loaded", ...fields });
  return applySeal(testDb(), actor, values, [await sealPhoto()]);
}

// Inspections made through the app's own commands: real JPEG photos (made with sharp, optionally
// with an EXIF orientation), the built-in 7-point template, and a tenant's site.
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { checkPhoto } from "~/lib/evidence/file-store.server";
import { getCurrentTemplate } from "~/lib/inspections/templates.server";
import type { DraftInput } from "~/lib/inspections/inspection-drafts.server";
import { submitInspection } from "~/lib/inspections/inspection-submission.server";
import { testDb } from "./test-database";

let shade = 0;

/**
 * A JPEG of width x height pixels whose bytes differ on every call (so its SHA-256 is new).
 * orientation: the EXIF orientation tag (6 = the camera was turned 90°, as phones do in portrait).
 */
export async function jpegBytes(options: { width?: number; height?: number; orientation?: number } = {}): Promise<Uint8Array<ArrayBuffer>> {
  shade = (shade + 37) % 255;
  let image = sharp({
    create: { width: options.width ?? 64, height: options.height ?? 48, channels: 3, background: { r: shade, g: 120, b: 255 - shade } },
  }).jpeg({ quality: 90 });
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  const buffer = await image.toBuffer();
  return new Uint8Array(buffer);
}

export async function jpegFile(name = "photo.jpg", options: Parameters<typeof jpegBytes>[0] = {}): Promise<File> {
  return new File([await jpegBytes(options)], name, { type: "image/jpeg" });
}

/** The points of the current container-7-point version (2): the seven, then A1, pest contamination. */
export const CONTAINER_POINTS = ["front-wall", "left-side", "right-side", "floor", "ceiling-roof", "doors", "undercarriage", "pest-contamination"] as const;

/** Form values of a complete 7-point inspection where every point passes (override to fail some). */
export function containerValues(siteId: string, overrides: Record<string, string> = {}): Record<string, string> {
  const values: Record<string, string> = {
    siteId,
    occurredAt: "2026-11-20T09:30",
    containerNumber: "CSQU3054383",
    sealNumbers: "CN1234567",
  };
  for (const point of CONTAINER_POINTS) values[`answer_${point}`] = "pass";
  return { ...values, ...overrides };
}

export async function containerTemplateId(orgId: string): Promise<string> {
  const template = await getCurrentTemplate(testDb(), orgId, "container-7-point");
  if (!template) throw new Error("the built-in 7-point template is not loaded");
  return template.id;
}

/**
 * Submits a 7-point inspection through the same command the pages use. `failPoints` fail with a
 * note and one photo each.
 */
export async function submitContainerInspection(
  actor: { organizationId: string; userId: string; timeZone?: string },
  siteId: string,
  options: { failPoints?: string[]; values?: Record<string, string>; draftKey?: string } = {},
) {
  const overrides: Record<string, string> = {};
  const photos: DraftInput["photos"] = [];
  for (const point of options.failPoints ?? []) {
    overrides[`answer_${point}`] = "fail";
    overrides[`note_${point}`] = `Damage found at ${point}`;
    const checked = await checkPhoto(await jpegFile(`${point}.jpg`));
    if (!checked?.ok) throw new Error("test photo refused");
    photos.push({ itemKey: point, file: checked.file });
  }
  const input: DraftInput = {
    draftKey: options.draftKey ?? randomUUID(),
    templateId: await containerTemplateId(actor.organizationId),
    values: containerValues(siteId, { ...overrides, ...options.values }),
    photos,
  };
  const outcome = await submitInspection(testDb(), { ...actor, timeZone: actor.timeZone ?? "Asia/Shanghai" }, input);
  if (!outcome?.ok) throw new Error(`inspection not submitted: ${JSON.stringify(outcome)}`);
  return { id: outcome.id, draftKey: input.draftKey, input };
}

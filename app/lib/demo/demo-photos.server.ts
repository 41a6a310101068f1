// The demo's photos: small JPEGs drawn with sharp (a container wall, a seal, a fence...), made from
// the seeded sequence, so each is its own file and the same on every first start. They go through
// checkPhoto like a phone's upload.
import sharp from "sharp";
import { checkPhoto, type CheckedUpload } from "../evidence/file-store.server";
import type { DemoRandom } from "./demo-context.server";

export type DemoPhotoSubject = "container" | "seal" | "premises" | "damage";

function svgOf(subject: DemoPhotoSubject, random: DemoRandom): string {
  const hue = random.int(0, 359);
  const light = random.int(35, 60);
  const width = 160;
  const height = 120;
  const shapes: string[] = [];
  if (subject === "container" || subject === "damage") {
    // A corrugated wall: vertical ribs in the container's colour.
    for (let x = 0; x < width; x += 10)
      shapes.push(`<rect x="${x}" y="0" width="5" height="${height}" fill="hsl(${hue},45%,${light - 12}%)"/>`);
    if (subject === "damage") {
      const cx = random.int(40, 120);
      const cy = random.int(30, 90);
      shapes.push(`<ellipse cx="${cx}" cy="${cy}" rx="${random.int(10, 22)}" ry="${random.int(6, 14)}" fill="hsl(25,60%,28%)"/>`);
    }
  } else if (subject === "seal") {
    shapes.push(`<rect x="0" y="${height / 2 - 14}" width="${width}" height="28" fill="hsl(0,0%,70%)"/>`);
    shapes.push(
      `<rect x="${random.int(50, 90)}" y="${height / 2 - 24}" width="22" height="48" rx="4" fill="hsl(${random.pick([0, 50, 210])},80%,45%)"/>`,
    );
  } else {
    // A fence line against the sky.
    shapes.push(`<rect x="0" y="${height * 0.6}" width="${width}" height="${height * 0.4}" fill="hsl(90,20%,40%)"/>`);
    for (let x = 4; x < width; x += 16)
      shapes.push(`<rect x="${x}" y="${height * 0.25}" width="3" height="${height * 0.45}" fill="hsl(0,0%,25%)"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="hsl(${subject === "premises" ? 205 : hue},40%,${light + 15}%)"/>${shapes.join("")}</svg>`;
}

/** One photo, as the upload check passes it on. */
export async function demoPhoto(random: DemoRandom, subject: DemoPhotoSubject, name: string): Promise<CheckedUpload> {
  const bytes = await sharp(Buffer.from(svgOf(subject, random)))
    .jpeg({ quality: 70 })
    .toBuffer();
  const checked = await checkPhoto(new File([new Uint8Array(bytes)], name, { type: "image/jpeg" }));
  if (!checked?.ok) throw new Error(`demo seed: photo ${name} refused`);
  return checked.file;
}

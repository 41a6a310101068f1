import { readFile } from "node:fs/promises";
import path from "node:path";
import type { EvidenceFile } from "../../../db/schema";
import { filesDir, placeStoreFile, readFileBytes } from "./file-store.server";

// Small, upright previews of photos for phone screens. The original is never touched (its SHA-256
// is the evidence); a thumbnail is a derived copy, turned by the photo's EXIF orientation (phones
// store portrait shots as landscape pixels plus an orientation tag), and cached beside the store.

export const THUMBNAIL_SIZES = [320, 960] as const;
export type ThumbnailSize = (typeof THUMBNAIL_SIZES)[number];

function thumbnailPath(sha256: string, size: ThumbnailSize): string {
  return path.join(filesDir(), "thumbnails", sha256.slice(0, 2), `${sha256}-${size}.jpg`);
}

/** Fits the upright image inside size × size, never enlarging; JPEG. */
export async function renderThumbnail(bytes: Uint8Array, size: ThumbnailSize): Promise<Buffer> {
  // sharp (libvips) loads with the first thumbnail, not with the server.
  const { default: sharp } = await import("sharp");
  return sharp(bytes, { failOn: "none" })
    .rotate()
    .resize({ width: size, height: size, fit: "inside", withoutEnlargement: true })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer();
}

/** The cached thumbnail of an image file, made on first use. */
export async function thumbnailFor(file: EvidenceFile, size: ThumbnailSize): Promise<Buffer> {
  const target = thumbnailPath(file.sha256, size);
  try {
    return await readFile(target);
  } catch {
    // Not made yet.
  }
  const thumbnail = await renderThumbnail(await readFileBytes(file), size);
  await placeStoreFile(target, thumbnail);
  return thumbnail;
}

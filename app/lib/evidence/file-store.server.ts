import { createHash, randomUUID } from "node:crypto";
import { chmod, mkdir, open, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { unstable_parseMultipartFormData, MaxPartSizeExceededError } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from "../../../db/file-modes";
import { evidenceFiles, type EvidenceFile } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Executor } from "../db-types.server";
import { env } from "../env.server";
import { controlCharacterRefusal, formDataToObject } from "../form.server";
import { logger } from "../logger.server";
import { message } from "../i18n/messages";
import {
  allowedFormatsLabel,
  detectPhotoKind,
  detectUploadKind,
  MAX_PHOTO_BYTES,
  MAX_PHOTO_MB,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_MB,
  photoFormatsLabel,
  uploadKinds,
} from "./file-rules";

// Evidence files are stored once per content: the path is the SHA-256, so the bytes a certifier
// is shown are provably the bytes that were uploaded, and a re-upload costs nothing.

export function filesDir(): string {
  // FILES_DIR is read at each call, not from env()'s cache: a test file points it at a fresh
  // directory while env() may already have been read by modules it imports.
  return path.resolve(process.env.FILES_DIR || path.join(env().DATA_DIR, "files"));
}

function pathFor(sha256: string): string {
  return path.join(filesDir(), sha256.slice(0, 2), sha256);
}

// The store is its owner's alone (db/file-modes.ts): its folders 0700, its files 0600, whatever the
// process umask. Its own folder is made so, or made so once per process if it was there already
// (a store of an older version, or one the operator made); a folder this process may not change
// (another owner's mount) is left as it is, with a warning.
const privateRoots = new Map<string, Promise<void>>();

function privateRoot(root: string): Promise<void> {
  let done = privateRoots.get(root);
  if (!done) {
    done = (async () => {
      await mkdir(root, { recursive: true, mode: PRIVATE_DIR_MODE });
      const { mode } = await stat(root);
      if ((mode & 0o077) === 0) return;
      await chmod(root, PRIVATE_DIR_MODE).catch((error: unknown) =>
        logger.warn({ err: error, folder: root }, "the file store's folder is readable by others and could not be made private"),
      );
    })();
    done.catch(() => privateRoots.delete(root));
    privateRoots.set(root, done);
  }
  return done;
}

/** The folder `dir` inside the store, made if missing, like every folder of the store mode 0700. */
export async function makeStoreFolder(dir: string): Promise<void> {
  await privateRoot(filesDir());
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Writes bytes (or parts of them) under a temporary name beside `target`, mode 0600, and renames them into place. */
export async function placeStoreFile(target: string, content: Uint8Array | readonly Uint8Array[]): Promise<void> {
  await makeStoreFolder(path.dirname(target));
  const temporary = `${target}.${randomUUID()}.part`;
  try {
    if (content instanceof Uint8Array) {
      await writeFile(temporary, content, { mode: PRIVATE_FILE_MODE });
    } else {
      const handle = await open(temporary, "w", PRIVATE_FILE_MODE);
      try {
        for (const part of content) await handle.write(part);
      } finally {
        await handle.close();
      }
    }
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

/** Text fields are small; a text part bigger than this is not a form a person filled in. */
const MAX_TEXT_PART_BYTES = 1024 * 1024;

export type UploadForm =
  | { ok: true; formData: FormData }
  | {
      ok: false;
      /** Messages by field: the file field that was too large, or `form` for a body that is no form. */
      errors: Record<string, string>;
      /** The text fields that did arrive (for the page to show again), and the files within the limit. */
      values: Record<string, string | string[]>;
      formData: FormData | null;
    };

/**
 * Reads a posted form, multipart or urlencoded. Files are held in memory up to `maxFileBytes`
 * each; a larger file is dropped (its field gets the limit message) while the rest of the form
 * still arrives, so the page can show the person everything they typed. A body that is not a
 * form is a `form` error; a control character in a field, its name or a file name is refused as
 * readFormData refuses it (controlCharacterRefusal), with no formData. Nothing is written here.
 */
export async function readUploadForm(request: Request, options: { maxFileBytes?: number } = {}): Promise<UploadForm> {
  const maxFileBytes = options.maxFileBytes ?? MAX_UPLOAD_BYTES;
  const invalid = { ok: false as const, errors: { form: message("errors.invalid") }, values: {}, formData: null };
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    let formData: FormData;
    try {
      formData = await request.formData();
    } catch {
      return invalid;
    }
    const refusal = controlCharacterRefusal(formData);
    return refusal ? { ok: false, ...refusal, formData: null } : { ok: true, formData };
  }
  const tooLarge: string[] = [];
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, async ({ name, filename, contentType, data }) => {
      const isFile = typeof filename === "string";
      const limit = isFile ? maxFileBytes : MAX_TEXT_PART_BYTES;
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        size += chunk.byteLength;
        // Keep reading past the limit (the next parts follow in the same stream), but keep nothing.
        if (size <= limit) chunks.push(chunk);
      }
      if (size > limit) {
        if (!isFile) throw new MaxPartSizeExceededError(name, limit);
        tooLarge.push(name);
        return undefined;
      }
      const bytes = Buffer.concat(chunks);
      return isFile ? new File([bytes], filename, { type: contentType }) : bytes.toString("utf8");
    });
  } catch {
    return invalid;
  }
  // No form data to go on with (formData null): the callers that go on past a file over the limit
  // must not go on with a control character.
  const refusal = controlCharacterRefusal(formData);
  if (refusal) return { ok: false, ...refusal, formData: null };
  if (!tooLarge.length) return { ok: true, formData };
  const errors = Object.fromEntries(tooLarge.map((name) => [name, message("files.tooLarge", { max: Math.round(maxFileBytes / 1024 / 1024) })]));
  return { ok: false, errors, values: formDataToObject(formData), formData };
}

export type CheckedUpload = { bytes: Uint8Array; sha256: string; mediaType: string; originalName: string };

/** Checks an uploaded File's presence, size and real type. Returns a message key on failure. */
export async function checkUpload(
  value: FormDataEntryValue | null,
  { required }: { required: boolean },
): Promise<{ ok: true; file: CheckedUpload | null } | { ok: false; error: string }> {
  if (!value || typeof value === "string" || value.size === 0) {
    return required ? { ok: false, error: message("files.required") } : { ok: true, file: null };
  }
  if (value.size > MAX_UPLOAD_BYTES) return { ok: false, error: message("files.tooLarge", { max: MAX_UPLOAD_MB }) };
  const bytes = new Uint8Array(await value.arrayBuffer());
  const kind = detectUploadKind(bytes.subarray(0, 16), value.name);
  if (!kind) return { ok: false, error: message("files.badType", { formats: allowedFormatsLabel }) };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { ok: true, file: { bytes, sha256, mediaType: uploadKinds[kind].mediaType, originalName: value.name.slice(0, 255) } };
}

/** Checks one photo: present, at most 15 MB, JPEG or PNG by its bytes. The name gets the right extension. */
export async function checkPhoto(value: FormDataEntryValue | null): Promise<{ ok: true; file: CheckedUpload } | { ok: false; error: string } | null> {
  if (!value || typeof value === "string" || value.size === 0) return null;
  if (value.size > MAX_PHOTO_BYTES) return { ok: false, error: message("files.photoTooLarge", { max: MAX_PHOTO_MB }) };
  const bytes = new Uint8Array(await value.arrayBuffer());
  const kind = detectPhotoKind(bytes.subarray(0, 16));
  if (!kind) return { ok: false, error: message("files.photoType", { formats: photoFormatsLabel }) };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const extension = kind === "jpeg" ? ".jpg" : ".png";
  const base = (value.name || "photo").slice(0, 240);
  const originalName = uploadKinds[kind].extensions.some((e) => base.toLowerCase().endsWith(e)) ? base : `${base}${extension}`;
  return { ok: true, file: { bytes, sha256, mediaType: uploadKinds[kind].mediaType, originalName } };
}

/**
 * Writes the bytes (if this content is new) and the organisation's file row, inside the caller's
 * transaction. The bytes go to disk first under a temporary name and are renamed into place, so a
 * crash never leaves a half-written file at a content address; a rolled-back transaction leaves at
 * most an unreferenced file, which is harmless.
 */
export async function storeFile(
  tx: Executor,
  /** userId null: uploaded without an account (a partner through its questionnaire link). */
  actor: { organizationId: string; userId: string | null },
  file: CheckedUpload,
): Promise<EvidenceFile> {
  const target = pathFor(file.sha256);
  if (!(await exists(target))) await placeStoreFile(target, file.bytes);
  const [existing] = await tx
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.organizationId, actor.organizationId), eq(evidenceFiles.sha256, file.sha256)));
  if (existing) return existing;
  const [row] = await tx
    .insert(evidenceFiles)
    .values({
      organizationId: actor.organizationId,
      sha256: file.sha256,
      sizeBytes: file.bytes.byteLength,
      mediaType: file.mediaType,
      originalName: file.originalName,
      uploadedByUserId: actor.userId,
    })
    .returning();
  if (!row) throw new Error("storeFile: insert returned nothing");
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "create",
    entityType: "evidence_file",
    entityId: row.id,
    after: row,
  });
  return row;
}

export async function getFile(db: Executor, orgId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.organizationId, orgId), eq(evidenceFiles.id, fileId)));
  return row ?? null;
}

/** The stored bytes, verified against the SHA-256 they are filed under. */
export async function readFileBytes(file: EvidenceFile): Promise<Buffer> {
  const bytes = await readFile(pathFor(file.sha256));
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (actual !== file.sha256) throw new Error(`Stored file ${file.sha256} is corrupt (hash ${actual})`);
  return bytes;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Generated documents (dossier volumes, shared copies) live in the same content-addressed store,
 * without an evidence_files row: the table that names them (dossier_volumes, dossier_share_copies)
 * holds the SHA-256. Written under a temporary name and renamed into place.
 */
export async function storeGeneratedBytes(bytes: Uint8Array): Promise<{ sha256: string; sizeBytes: number }> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const target = pathFor(sha256);
  if (!(await exists(target))) await placeStoreFile(target, bytes);
  return { sha256, sizeBytes: bytes.byteLength };
}

/**
 * A generated document given as parts (see savePdfParts), stored like storeGeneratedBytes without
 * joining the parts into one buffer first.
 */
export async function storeGeneratedParts(parts: readonly Uint8Array[]): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  for (const part of parts) {
    hash.update(part);
    sizeBytes += part.byteLength;
  }
  const sha256 = hash.digest("hex");
  const target = pathFor(sha256);
  if (!(await exists(target))) await placeStoreFile(target, parts);
  return { sha256, sizeBytes };
}

/** Bytes stored under a SHA-256 (generated documents), verified against it. */
export async function readGeneratedBytes(sha256: string): Promise<Buffer> {
  const bytes = await readFile(pathFor(sha256));
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (actual !== sha256) throw new Error(`Stored file ${sha256} is corrupt (hash ${actual})`);
  return bytes;
}

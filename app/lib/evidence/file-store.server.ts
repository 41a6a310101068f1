import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { evidenceFiles, type EvidenceFile } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Executor } from "../db.server";
import { env } from "../env.server";
import { message } from "../i18n/messages";
import { detectUploadKind, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, uploadKinds, allowedFormatsLabel } from "./file-rules";

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

/**
 * Reads a posted form, multipart (files held in memory up to the upload limit) or urlencoded. A
 * file over the limit, or a body that is not a form, comes back as field errors for the page, so
 * the person sees the limit next to the file field instead of an error page; nothing is written.
 */
export async function readUploadForm(
  request: Request,
): Promise<{ ok: true; formData: FormData } | { ok: false; errors: Record<string, string> }> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    try {
      return { ok: true, formData: await request.formData() };
    } catch {
      return { ok: false, errors: { form: message("errors.invalid") } };
    }
  }
  try {
    const formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }),
    );
    return { ok: true, formData };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, errors: { file: message("files.tooLarge", { max: MAX_UPLOAD_MB }) } };
    return { ok: false, errors: { form: message("errors.invalid") } };
  }
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

/**
 * Writes the bytes (if this content is new) and the organisation's file row, inside the caller's
 * transaction. The bytes go to disk first under a temporary name and are renamed into place, so a
 * crash never leaves a half-written file at a content address; a rolled-back transaction leaves at
 * most an unreferenced file, which is harmless.
 */
export async function storeFile(
  tx: Executor,
  actor: { organizationId: string; userId: string },
  file: CheckedUpload,
): Promise<EvidenceFile> {
  const target = pathFor(file.sha256);
  if (!(await exists(target))) {
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.part`;
    await writeFile(temporary, file.bytes);
    await rename(temporary, target).catch(async (error) => {
      await unlink(temporary).catch(() => {});
      throw error;
    });
  }
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

// A worker thread's task: render one dossier volume, sign it when the organisation has a
// certificate, and store it in the content-addressed file store. Rendering, saving and signing are
// CPU-bound for seconds to minutes; on a thread they never stall the event loop of the process
// that runs the job (in the embedded start, the web server's), which keeps answering requests and
// sending the job's heartbeats. The task gets plain values only and answers plain values.

import type { MessagePort } from "node:worker_threads";
import { readGeneratedBytes, storeGeneratedBytes, storeGeneratedParts } from "~/lib/evidence/file-store.server";
import { joinParts, partsSha256, savePdfParts } from "~/lib/pdf/pdf-parts.server";
import { signWithMaterial, type SigningMaterial } from "~/lib/signing/signing.server";
import { renderDossier } from "./dossier-pdf.server";
import type { DossierInput, VolumeNumber } from "./dossier-types";

export interface RenderTask {
  /** The dossier, with the sections of this volume only. */
  input: DossierInput;
  volume: VolumeNumber;
  signing: SigningMaterial | null;
  /** Receives the fraction of the volume rendered (0–1). */
  progress?: MessagePort;
}

export interface RenderedManifestRow {
  position: number;
  fileId: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  originalName: string;
  recordType: string;
  recordId: string;
  reference: string;
  embedded: boolean;
}

export interface RenderResult {
  volume: number;
  /** The stored file: signed when `signed`. */
  sha256: string;
  /** The reproducible hash before signing. */
  unsignedSha256: string;
  sizeBytes: number;
  pageCount: number;
  signed: boolean;
  manifest: RenderedManifestRow[];
}

export default async function renderVolume(task: RenderTask): Promise<RenderResult> {
  try {
    const rendered = await renderDossier(
      task.input,
      (file) => readGeneratedBytes(file.sha256),
      async (fraction) => task.progress?.postMessage(fraction * 0.9),
      task.volume,
    );
    const parts = await savePdfParts(rendered.doc);
    const unsignedSha256 = partsSha256(parts);
    const stored = task.signing ? await storeGeneratedBytes(await signWithMaterial(joinParts(parts), task.signing)) : await storeGeneratedParts(parts);
    return {
      volume: task.volume.number,
      sha256: stored.sha256,
      unsignedSha256,
      sizeBytes: stored.sizeBytes,
      pageCount: rendered.pageCount,
      signed: task.signing !== null,
      manifest: rendered.manifest.map((m) => ({
        position: m.position,
        fileId: m.file.fileId,
        sha256: m.file.sha256,
        sizeBytes: m.file.sizeBytes,
        mediaType: m.file.mediaType,
        originalName: m.file.originalName,
        recordType: m.recordType,
        recordId: m.recordId,
        reference: m.reference,
        embedded: m.embedded,
      })),
    };
  } finally {
    task.progress?.close();
  }
}

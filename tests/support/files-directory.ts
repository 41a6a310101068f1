// A file store of the test file's own: uploaded bytes go to a fresh temporary directory, removed when
// the file's tests end. Call it from vi.hoisted, so FILES_DIR is set before any app module reads
// env() (which caches):
//   const filesDirectory = await vi.hoisted(async () => (await import("../support/files-directory")).ownFilesDirectory("seal"));
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

export function ownFilesDirectory(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `tradeguard-${name}-files-`));
  process.env.FILES_DIR = dir;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

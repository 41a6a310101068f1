// Whether the production build is current: a SHA-256 over everything the build is made from (path
// and bytes of every file under app/, db/ and emails/, and the build's configuration and lockfile),
// written to build/.build-stamp after a successful build. `npm start` rebuilds only when the
// sources' hash differs from the stamp or the build is missing, so a second start takes seconds.
// Content, not mtimes: a checkout or a copy touches every file without changing one.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Folders the client and server bundles are built from (the server bundle takes db/ and emails/ in). */
export const BUILD_SOURCE_DIRS = ["app", "db", "emails"] as const;
/** Single files that change what the build makes. */
export const BUILD_SOURCE_FILES = ["vite.config.ts", "tsconfig.json", "package.json", "package-lock.json"] as const;
/** What a usable build has: the server bundle and the browser's assets. */
const BUILD_OUTPUTS = ["build/server/index.js", "build/client/assets"] as const;
export const STAMP_PATH = "build/.build-stamp";

function filesUnder(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(root, relative);
      return entry.isFile() ? [relative] : [];
    });
}

/** The hash of the build's sources under `root`. */
export function buildSourcesHash(root: string): string {
  const hash = createHash("sha256");
  const files = [...BUILD_SOURCE_DIRS.flatMap((dir) => filesUnder(root, dir)), ...BUILD_SOURCE_FILES.filter((f) => existsSync(path.join(root, f)))];
  for (const file of files) {
    hash.update(file);
    hash.update("\0");
    hash.update(readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** True when the build exists and was made from the sources as they are now. */
export function isBuildCurrent(root: string): boolean {
  if (!BUILD_OUTPUTS.every((output) => existsSync(path.join(root, output)))) return false;
  const stamp = path.join(root, STAMP_PATH);
  if (!existsSync(stamp)) return false;
  return readFileSync(stamp, "utf8").trim() === buildSourcesHash(root);
}

/** Records that the build under `root` was made from `hash` (computed before the build started). */
export function writeBuildStamp(root: string, hash: string): void {
  writeFileSync(path.join(root, STAMP_PATH), `${hash}\n`);
}

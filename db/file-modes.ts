// Files and folders the app keeps (the embedded database, uploaded and generated files, keys) are
// its owner's alone: folders 0700, files 0600. Two means, both needed:
//   - the process umask, set once at start (server.ts, worker.ts, scripts/start.ts and the scripts
//     that open the embedded database), covers everything the process creates, the libraries'
//     files included;
//   - explicit modes where the app creates folders and files (file-store.server.ts, the data
//     folder here), and restrictTree over a data folder that PGlite made or that was copied from
//     the build's template: PGlite writes a new database's files mode 0666 whatever the umask, and a
//     copy keeps the modes of what it copied.
import { chmodSync, lstatSync, readdirSync } from "node:fs";
import path from "node:path";

export const PRIVATE_UMASK = 0o077;
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Every file and folder this process creates from now on is readable by its owner only. */
export function setPrivateUmask(): void {
  process.umask(PRIVATE_UMASK);
}

/**
 * Takes group and other access off a folder and everything under it: folders 0700, files 0600
 * (symbolic links are left as they are). `skipTopLevel` names folders directly under `root` that
 * are not walked (the file store keeps its own modes, and may hold many files). Returns how many
 * modes it changed.
 */
export function restrictTree(root: string, options: { skipTopLevel?: readonly string[] } = {}): number {
  let changed = 0;
  const restrict = (target: string, depth: number) => {
    const stat = lstatSync(target, { throwIfNoEntry: false });
    // Gone since its folder was read, or a link (whose target is someone else's business).
    if (!stat || stat.isSymbolicLink()) return;
    const wanted = stat.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
    if ((stat.mode & 0o777) !== wanted) {
      chmodSync(target, wanted);
      changed += 1;
    }
    if (!stat.isDirectory()) return;
    for (const name of readdirSync(target)) {
      if (depth === 0 && options.skipTopLevel?.includes(name)) continue;
      restrict(path.join(target, name), depth + 1);
    }
  };
  restrict(root, 0);
  return changed;
}

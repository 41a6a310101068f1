// A migrated, empty embedded database, made once per set of migrations. A new PGlite data folder
// runs initdb and every migration: seconds of CPU and some 600 MB of WebAssembly memory on the first
// start. Two forms:
//   - a data folder, which `npm start` makes after it builds (under build/pglite-template/) and a
//     new DATA_DIR is copied from: it then opens as if it had been opened before;
//   - a data-dir tarball, which the integration tests' global setup makes (under
//     node_modules/.cache/tradeguard/) for every test file to load into an in-memory PGlite.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDatabase } from "./client";
import { restrictTree } from "./file-modes";
import { migrateDatabase, migrationsFolder } from "./migrate";

/** Where `npm start` keeps the data folder: inside the build, so every build makes it anew. */
export const BUILD_TEMPLATE_DIR = "build/pglite-template";

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full) : [full];
    });
}

/**
 * sha256 over every migration and catalogue file (path and bytes; migrateDatabase loads the
 * catalogue too), the PGlite version and the dump format.
 */
export function pgliteTemplateKey(): string {
  const hash = createHash("sha256");
  for (const file of [...listFiles(migrationsFolder), ...listFiles(path.resolve("db/catalog"))]) {
    hash.update(path.relative(process.cwd(), file));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  const pglite = JSON.parse(readFileSync(path.resolve("node_modules/@electric-sql/pglite/package.json"), "utf8")) as {
    version: string;
  };
  hash.update(`pglite@${pglite.version};dump=none`);
  return hash.digest("hex").slice(0, 32);
}

const templateFile = (dir: string) => path.join(path.resolve(dir), `pglite-template-${pgliteTemplateKey()}.tar`);

/** The tarball for the current migrations under `dir`, made if missing; older ones there are removed. */
export async function ensurePgliteTemplate(dir: string): Promise<string> {
  const tarball = templateFile(dir);
  if (existsSync(tarball)) return tarball;
  mkdirSync(path.dirname(tarball), { recursive: true });
  const handle = await createDatabase({ dataDir: "memory://" });
  try {
    await migrateDatabase(handle);
    const dump = await handle.pglite!.dumpDataDir("none");
    // Write then rename, so a parallel or interrupted run never reads half a file.
    const partial = `${tarball}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, tarball);
    // Templates of older migrations are never read again.
    for (const name of readdirSync(path.dirname(tarball))) {
      const file = path.join(path.dirname(tarball), name);
      if (name.startsWith("pglite-template-") && name.endsWith(".tar") && file !== tarball) rmSync(file, { force: true });
    }
  } finally {
    await handle.close();
  }
  return tarball;
}

const dataTemplate = (dir: string) => path.join(path.resolve(dir), `pglite-data-${pgliteTemplateKey()}`);

/** The data folder for the current migrations under `dir`, made if missing; older ones there are removed. */
export async function ensurePgliteDataTemplate(dir: string): Promise<string> {
  const target = dataTemplate(dir);
  if (existsSync(target)) return target;
  // Made beside, then renamed: a folder under the final name is always complete.
  const partial = `${target}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const handle = await createDatabase({ dataDir: partial });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
  restrictTree(partial);
  renameSync(partial, target);
  for (const name of readdirSync(path.dirname(target))) {
    const entry = path.join(path.dirname(target), name);
    if (name.startsWith("pglite-data-") && entry !== target) rmSync(entry, { recursive: true, force: true });
  }
  return target;
}

/**
 * Copies the build's data folder (or the one made under `templateDir`) into `dataDir` when it holds
 * no database yet and there is one for the current migrations (true); otherwise leaves it (false),
 * and PGlite runs initdb as without a build. The copy is its owner's alone (db/file-modes.ts),
 * whatever the modes of the template it came from.
 */
export function copyTemplateIntoNewDataDir(dataDir: string, templateDir: string = BUILD_TEMPLATE_DIR): boolean {
  if (dataDir.startsWith("memory://") || existsSync(path.join(dataDir, "PG_VERSION"))) return false;
  const template = dataTemplate(templateDir);
  if (!existsSync(template)) return false;
  cpSync(template, dataDir, { recursive: true });
  restrictTree(dataDir, { skipTopLevel: ["files"] });
  return true;
}

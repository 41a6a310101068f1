// A migrated, empty embedded database as a data-dir tarball. A new PGlite data folder runs initdb
// and every migration: seconds of CPU and some 600 MB of WebAssembly memory on the first start. A
// data folder unpacked from this tarball starts as if it had been opened before. Made once per
// set of migrations: by `npm start` after it builds (under build/pglite-template/), and by the
// integration tests' global setup (under node_modules/.cache/tradeguard/).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseHandle } from "./client";
import { migrateDatabase, migrationsFolder } from "./migrate";

/** Where `npm start` keeps the tarball: inside the build, so every build makes it anew. */
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
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const schema = await import("./schema");
  const client = new PGlite("memory://");
  await client.waitReady;
  const handle: DatabaseHandle = {
    db: drizzle(client, { schema, casing: "snake_case" }),
    kind: "pglite",
    close: () => client.close(),
  };
  try {
    await migrateDatabase(handle);
    const dump = await client.dumpDataDir("none");
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

/**
 * The tarball to unpack into `dataDir` when it holds no database yet and the build made one for the
 * current migrations; otherwise nothing (PGlite then runs initdb, as without a build).
 */
export function templateForNewDataDir(dataDir: string): Blob | undefined {
  if (dataDir.startsWith("memory://") || existsSync(path.join(dataDir, "PG_VERSION"))) return undefined;
  const tarball = templateFile(BUILD_TEMPLATE_DIR);
  return existsSync(tarball) ? new Blob([readFileSync(tarball)]) : undefined;
}

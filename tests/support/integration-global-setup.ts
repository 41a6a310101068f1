// Once per `vitest run` of the integration project: prepare a migrated database that every test
// file copies (STACK.md section 5).
//   - PGlite (default): a data-dir tarball of a migrated in-memory PGlite, cached under
//     node_modules/.cache/tradeguard/ and keyed by the migrations and the PGlite version.
//   - PostgreSQL (TEST_DATABASE_URL = an admin URL): a fresh, migrated template database with a
//     unique name; each file runs `CREATE DATABASE … TEMPLATE` from it. Dropped at teardown.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDatabase, type DatabaseHandle } from "../../db/client";
import { migrateDatabase, migrationsFolder } from "../../db/migrate";
import { databaseUrl, quoteIdent, TEST_DB_PREFIX, withAdmin } from "./postgres-admin";

export type IntegrationDatabaseConfig =
  | { kind: "pglite"; tarball: string }
  | { kind: "postgres"; adminUrl: string; template: string; runId: string };

declare module "vitest" {
  export interface ProvidedContext {
    integrationDatabase: IntegrationDatabaseConfig;
  }
}

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
function templateKey(): string {
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

async function pgliteTemplate(): Promise<string> {
  const dir = path.resolve("node_modules/.cache/tradeguard");
  const tarball = path.join(dir, `pglite-template-${templateKey()}.tar`);
  if (existsSync(tarball)) return tarball;
  mkdirSync(dir, { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const schema = await import("../../db/schema");
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
    for (const name of readdirSync(dir)) {
      if (name.startsWith("pglite-template-") && name.endsWith(".tar") && path.join(dir, name) !== tarball) {
        rmSync(path.join(dir, name), { force: true });
      }
    }
  } finally {
    await handle.close();
  }
  return tarball;
}

async function postgresTemplate(adminUrl: string): Promise<{ template: string; runId: string }> {
  const runId = randomBytes(4).toString("hex");
  const template = `${TEST_DB_PREFIX}${runId}_tpl`;
  await withAdmin(adminUrl, (sql) => sql.unsafe(`CREATE DATABASE ${quoteIdent(template)}`));
  const handle = await createDatabase({ url: databaseUrl(adminUrl, template) });
  try {
    await migrateDatabase(handle);
  } finally {
    // CREATE DATABASE … TEMPLATE needs no open connection to the template (STACK.md gotcha 18).
    await handle.close();
  }
  return { template, runId };
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    project.provide("integrationDatabase", { kind: "pglite", tarball: await pgliteTemplate() });
    return;
  }
  const { template, runId } = await postgresTemplate(adminUrl);
  project.provide("integrationDatabase", { kind: "postgres", adminUrl, template, runId });
  return async () => {
    await withAdmin(adminUrl, async (sql) => {
      // The template, and any per-file database a crashed worker left behind.
      const rows = await sql<{ datname: string }[]>`
        select datname from pg_database where datname like ${`${TEST_DB_PREFIX}${runId}\\_%`}`;
      for (const { datname } of rows) await sql.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    });
  };
}

// Once per `vitest run` of the integration project: prepare a migrated database that every test
// file copies (docs/stack.md, "Test databases").
//   - PGlite (default): a data-dir tarball of a migrated in-memory PGlite, cached under
//     node_modules/.cache/tradeguard/ and keyed by the migrations and the PGlite version.
//   - PostgreSQL (TEST_DATABASE_URL = an admin URL): a fresh, migrated template database with a
//     unique name; each file runs `CREATE DATABASE … TEMPLATE` from it. Dropped at teardown.
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensurePgliteTemplate } from "../../db/pglite-template";
import { createMigratedTemplate, quoteIdent, TEST_DB_PREFIX, withAdmin } from "./postgres-admin";

export type IntegrationDatabaseConfig =
  | { kind: "pglite"; tarball: string }
  | { kind: "postgres"; adminUrl: string; template: string; runId: string };

declare module "vitest" {
  export interface ProvidedContext {
    integrationDatabase: IntegrationDatabaseConfig;
  }
}

async function postgresTemplate(adminUrl: string): Promise<{ template: string; runId: string }> {
  const runId = randomBytes(4).toString("hex");
  const template = `${TEST_DB_PREFIX}${runId}_tpl`;
  await createMigratedTemplate(adminUrl, template);
  return { template, runId };
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const tarball = await ensurePgliteTemplate(path.resolve("node_modules/.cache/tradeguard"));
    project.provide("integrationDatabase", { kind: "pglite", tarball });
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

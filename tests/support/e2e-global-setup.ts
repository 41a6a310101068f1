// Once per `vitest run` of the e2e project: a migrated template database on TEST_DATABASE_URL's
// server, which each test file's server copies (`CREATE DATABASE … TEMPLATE`, about 0.3 s) instead
// of migrating a new database (about 5 s on the 2-core CI machine). Dropped at teardown.
// If PostgreSQL does not answer here, nothing is provided and startE2eApp reports the problem itself.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { createMigratedTemplate, quoteIdent, withAdmin } from "./postgres-admin";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated template's name, or "" when it could not be made. */
    e2eTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  // The same default as tests/support/e2e-app.ts (not imported: it loads Playwright and the app).
  const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const template = `tg_e2e_tpl_${randomBytes(4).toString("hex")}`;
  try {
    await createMigratedTemplate(adminUrl, template);
  } catch {
    await withAdmin(adminUrl, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(template)} WITH (FORCE)`)).catch(() => {});
    project.provide("e2eTemplate", "");
    return;
  }
  project.provide("e2eTemplate", template);
  return async () => {
    await withAdmin(adminUrl, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(template)} WITH (FORCE)`));
  };
}

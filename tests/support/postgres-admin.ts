// Small helpers for the PostgreSQL test mode: an admin connection for CREATE/DROP DATABASE.
import postgres from "postgres";
import { createDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";

/** Every database the tests create starts with this, then the run id. */
export const TEST_DB_PREFIX = "tg_test_";

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The admin URL pointed at another database on the same server. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export async function withAdmin<T>(adminUrl: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Creates database `name` and migrates it, to be copied with `CREATE DATABASE … TEMPLATE` (tens of
 * ms, against seconds for migrating each copy). The migrating connection is closed before it
 * returns: PostgreSQL refuses to copy a template that has one open (docs/stack.md, "Test databases").
 */
export async function createMigratedTemplate(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (sql) => sql.unsafe(`CREATE DATABASE ${quoteIdent(name)}`));
  const handle = await createDatabase({ url: databaseUrl(adminUrl, name) });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
}

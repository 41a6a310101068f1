// The database of the current integration test file (created by integration-setup.ts), and a few
// raw-SQL helpers that work the same on PGlite and PostgreSQL.
import type { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import type { Database, DatabaseHandle } from "../../db/client";

export interface TestDatabase {
  handle: DatabaseHandle;
  db: Database;
  kind: "pglite" | "postgres";
  /** PostgreSQL only: the URL of this file's database (for child processes). */
  url?: string;
  /** PGlite only: the embedded client (for dumpDataDir). */
  pglite?: PGlite;
}

const KEY = Symbol.for("tradeguard.tests.database");
type Holder = { [KEY]?: TestDatabase };
const holder = globalThis as Holder;

export function setTestDatabase(value: TestDatabase | undefined): void {
  if (value) holder[KEY] = value;
  else delete holder[KEY];
}

/** This file's database. Only valid inside tests and hooks (it is opened in beforeAll). */
export function testDatabase(): TestDatabase {
  const current = holder[KEY];
  if (!current) throw new Error("No test database: is tests/support/integration-setup.ts in setupFiles?");
  return current;
}

export function testDb(): Database {
  return testDatabase().db;
}

/** Rows of a raw query; PGlite answers { rows }, postgres.js an array-like RowList. */
export async function query<T extends Record<string, unknown>>(statement: SQL): Promise<T[]> {
  const result = (await testDb().execute(statement)) as unknown;
  if (Array.isArray(result)) return [...result] as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function countRows(table: string, where?: SQL): Promise<number> {
  const rows = await query<{ n: number | string }>(
    where
      ? sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`
      : sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Empties every table in schema public (drizzle's journal lives in schema drizzle and stays), then
 * loads the catalogue again: frameworks and built-in checklist templates ship with the code, like
 * the migrations, and a database without them is not one the app ever runs on.
 */
export async function truncateAll(): Promise<void> {
  const tables = await query<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public'`);
  if (tables.length === 0) return;
  const list = sql.join(
    tables.map((t) => sql.identifier(t.tablename)),
    sql`, `,
  );
  await testDb().execute(sql`truncate table ${list} restart identity cascade`);
  const { loadCatalog } = await import("../../db/catalog/load");
  await loadCatalog(testDb());
}

import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { createDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { copyTemplateIntoNewDataDir } from "../../db/pglite-template";
import type { Database, DatabaseHandle, Executor } from "./db-types.server";
import { env } from "./env.server";
import { logger } from "./logger.server";

// The only bridge from app/ to db/ (with its types, db-types.server.ts), and a leaf: it imports
// nothing of the domain, whose modules all import it (what the embedded start adds, the demo seed,
// comes in through boot.server.ts). The handle lives on globalThis so that the server entry
// (server.ts), the Remix build and Vite's HMR re-imports all share one database.
const KEY = Symbol.for("tradeguard.database");
type Holder = { [KEY]?: Promise<DatabaseHandle> };
const holder = globalThis as Holder;

/** What the process that opens the embedded database does with it once migrated, before anyone gets it. */
export type PrepareEmbedded = (handle: DatabaseHandle) => Promise<void>;

/**
 * Opens the database once per process: postgres.js when DATABASE_URL is set, else the embedded
 * PGlite under DATA_DIR, which migrates itself and then runs `prepareEmbedded` (boot.server.ts:
 * the demo seed of an empty database). Only the call that opens the database runs it: later calls
 * get the same handle.
 */
export function openDatabase(prepareEmbedded?: PrepareEmbedded): Promise<DatabaseHandle> {
  const existing = holder[KEY];
  if (existing) return existing;
  const opening = (async () => {
    const config = env();
    const started = Date.now();
    // A new embedded data folder is copied from the migrated one `npm start` made with the build,
    // when there is one, rather than initialised and migrated from nothing.
    if (!config.DATABASE_URL) copyTemplateIntoNewDataDir(config.DATA_DIR);
    const handle = await createDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
    if (handle.kind === "pglite") {
      await migrateDatabase(handle);
      if (prepareEmbedded) await prepareEmbedded(handle);
    }
    logger.info({ kind: handle.kind, ms: Date.now() - started }, "database open");
    return handle;
  })();
  // A failed open must not be cached forever (docs/stack.md, "PGlite").
  holder[KEY] = opening.catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

export async function getDb(): Promise<Database> {
  return (await openDatabase()).db;
}

/** Tests inject their own database (a PGlite template copy or a fresh PostgreSQL database). */
export function useDatabaseForTests(handle: DatabaseHandle): void {
  holder[KEY] = Promise.resolve(handle);
}

/** One round trip to the database (/healthz): throws when it cannot be reached. */
export async function pingDatabase(): Promise<void> {
  await (await getDb()).execute(sql`select 1`);
}

export async function closeDatabase(): Promise<void> {
  const current = holder[KEY];
  if (!current) return;
  delete holder[KEY];
  await (await current).close();
}

/**
 * How far past a page's first row a list counts its rows. A log that grows with the organisation's
 * history (inspections, visitors) counts at most this many, so that its page costs the same at
 * 100,000 rows as at 1,000; past it the list says "more than" and the pager goes on page by page.
 */
export const LIST_COUNT_LIMIT = 1_000;

/** A list's total as counted up to a limit: `more` when there are more rows than `total`. */
export interface ListTotal {
  total: number;
  more: boolean;
}

/** The count of a `select 1 … limit offset + LIST_COUNT_LIMIT + 1` subquery, as a ListTotal. */
export function listTotal(counted: number | undefined, offset: number): ListTotal {
  const limit = offset + LIST_COUNT_LIMIT;
  const n = counted ?? 0;
  return n > limit ? { total: limit, more: true } : { total: n, more: false };
}

/**
 * The rows of a raw statement. PGlite answers { rows }, postgres.js an array-like RowList: the
 * rare set-based queries that Drizzle's builder cannot say (aggregates over a join of a
 * subquery, keyset pages of grouped rows) read their rows through this.
 */
export async function selectRows<T extends Record<string, unknown>>(db: Executor, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** `column = any($1::uuid[])`: a list of ids as one bind parameter, however long the list. */
export function anyUuid(column: SQL | SQLWrapper, ids: readonly string[]): SQL {
  return sql`${column} = any(${sql.param([...ids])}::uuid[])`;
}

/**
 * An instant as a bind parameter of a raw statement. Drizzle sets postgres.js to take timestamps
 * as text (its columns serialise them), so a Date passed raw fails on PostgreSQL while PGlite takes it.
 */
export function instant(value: Date): SQL {
  return sql`${value.toISOString()}::timestamptz`;
}

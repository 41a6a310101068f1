import { chmodSync, mkdirSync } from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import type { Sql } from "postgres";
import { PRIVATE_DIR_MODE, restrictTree } from "./file-modes";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database or an open transaction: commands accept either so callers can compose them. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  /** PostgreSQL: the URL (the job engine opens its own pool on it). */
  url?: string;
  /** PGlite: the embedded client (the job engine shares it: PGlite has one connection). */
  pglite?: import("@electric-sql/pglite").PGlite;
  close: () => Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory, or "memory://" for a throwaway database. */
  dataDir?: string;
  /** A PGlite data-dir tarball to start from (tests use a migrated template). */
  loadDataDir?: Blob;
}

/** What a statement observer is told: the SQL text and its bind parameters. */
export type QueryObserver = (query: string, params: readonly unknown[]) => void;

/**
 * Observers of every statement Drizzle sends, on either database (tests count a page's statements
 * and their bind parameters with it). Empty in the app: one call and an empty loop per statement.
 */
export const queryObservers = new Set<QueryObserver>();

const observingLogger = {
  logQuery(query: string, params: unknown[]) {
    for (const observe of queryObservers) observe(query, params);
  },
};

/**
 * The postgres.js client with every statement Drizzle sends named and prepared once per connection.
 * Drizzle sends each statement unnamed (prepare: false) unless the query was built with .prepare(),
 * so PostgreSQL parsed every one again and the web process wrote its full text each time.
 * force_custom_plan (above) keeps the plans as they were: each execution is still planned for its
 * own parameters (an organisation of 100,000 inspections and one of 100 need different plans); only
 * parsing is saved. postgres.js keeps a connection's statements until the connection is recycled
 * (max_lifetime, 30 to 60 minutes), which bounds the statements of variable-length `in (…)` lists.
 */
function preparingEveryStatement(client: Sql): Sql {
  const unsafe: Sql["unsafe"] = (query, parameters, queryOptions) => client.unsafe(query, parameters, { ...queryOptions, prepare: true });
  return new Proxy(client, { get: (target, property, receiver) => (property === "unsafe" ? unsafe : Reflect.get(target, property, receiver)) });
}

/** postgres.js when a URL is given, PGlite otherwise. Both give the same Drizzle API. */
export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    // JIT off: the app's statements are small, and the planner's estimate for a correlated anti-join
    // (the dashboard's partners missing a clause) crossed jit_above_cost, so each request spent 20 ms
    // compiling a plan that then ran in 1 ms (EXPLAIN ANALYZE at 10,000 partners).
    //
    // Through a restart or an outage: a closed connection is opened again on the next query, after
    // `backoff` seconds. postgres.js's own backoff grows with every failed attempt up to 20 s and
    // is reset only by a connection that opens, so during an outage each request waited up to 20 s
    // before its 503, and the first requests after the database was back waited as long. Here it
    // grows from 0.1 s to at most 1 s; a host that does not answer at all fails after 5 s, not 30.
    const client = postgres(options.url, {
      max: 10,
      backoff: (attempts: number) => Math.min(0.05 * 2 ** attempts, 1),
      connect_timeout: 5,
      onnotice: () => {},
      connection: { jit: "off", plan_cache_mode: "force_custom_plan" },
    });
    const db = drizzle(preparingEveryStatement(client), { schema, casing: "snake_case", logger: observingLogger });
    return { db, kind: "postgres", url: options.url, close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dataDir = options.dataDir ?? "./data";
  const onDisk = !dataDir.startsWith("memory://");
  if (onDisk) {
    // PGlite's own mkdir is not recursive (docs/stack.md, "PGlite"). The folder is its owner's alone
    // (db/file-modes.ts), also when it was there already.
    mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    chmodSync(dataDir, PRIVATE_DIR_MODE);
  }
  // pg_trgm backs the search's trigram indexes (migration 0013); PGlite ships it as a contrib
  // module that must be handed to every client that opens a database where it is installed.
  const extensions = { pg_trgm };
  const client = new PGlite(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir, extensions } : { extensions });
  await client.waitReady;
  // A new database's files are written mode 0666 by PGlite whatever the umask; the ones it makes
  // later follow the umask. The uploaded files under files/ (the default FILES_DIR) keep their own.
  if (onDisk) restrictTree(dataDir, { skipTopLevel: ["files"] });
  const db = drizzle(client, { schema, casing: "snake_case", logger: observingLogger });
  const close = async () => {
    await client.close();
    // And the files it made since, in a process that did not set the umask (a script, a test).
    if (onDisk) restrictTree(dataDir, { skipTopLevel: ["files"] });
  };
  return { db, kind: "pglite", pglite: client, close };
}

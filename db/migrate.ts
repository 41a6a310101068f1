import path from "node:path";
import type { DatabaseHandle } from "./client";

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/** Applies the committed drizzle-kit migrations; used by start-up, scripts and tests. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  }
}

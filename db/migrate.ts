import path from "node:path";
import { loadCatalog } from "./catalog/load";
import type { DatabaseHandle } from "./client";

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/**
 * Applies the committed drizzle-kit migrations, then loads the criteria catalogue (reference
 * data that ships with the code); used by start-up, scripts and tests.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  }
  await loadCatalog(handle.db);
}

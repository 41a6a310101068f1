// How a serving process opens the database: through here, not db.server.ts directly, because the
// embedded start seeds the demo into an empty database, and the seed's code is most of the domain,
// which the database layer must not import (it would close a cycle through every service).
import type { DatabaseHandle } from "./db-types.server";
import { openDatabase } from "./db.server";
import { holdsAnOrganization } from "./demo/demo-accounts.server";
import { env } from "./env.server";

/**
 * Opens the database once per process (openDatabase), and on the embedded one, when SEED_DEMO is on,
 * seeds the demo data into an empty database before the handle is given to anyone.
 */
export function bootDatabase(): Promise<DatabaseHandle> {
  return openDatabase(seedDemoWhenEmpty);
}

async function seedDemoWhenEmpty(handle: DatabaseHandle): Promise<void> {
  // The seed's code (most of the app's services) loads only for an empty database, not at
  // every start of one that already holds data.
  if (env().SEED_DEMO === "1" && !(await holdsAnOrganization(handle.db))) {
    const { seedDemoIfEmpty } = await import("./demo/demo-seed.server");
    // The history's dossier requests add jobs, and the server starts its engine only after this
    // returns: the seed gets one of its own for the while (it leaves the database open).
    const { withJobEngine } = await import("./jobs/job-engine.server");
    await seedDemoIfEmpty(handle.db, { withJobEngine: (work) => withJobEngine(handle, work) });
  }
}

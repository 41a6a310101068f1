// npm run db:seed: seeds the demo organisations into DATABASE_URL (or the embedded database), migrating
// first. It refuses to touch a database that already holds any organisation.
import { createDatabase } from "../db/client";
import { setPrivateUmask } from "../db/file-modes";
import { migrateDatabase } from "../db/migrate";
import { env } from "../app/lib/env.server";
import { demoAccountsText, seedDemoIfEmpty } from "../app/lib/demo/demo-seed.server";
import { withJobEngine } from "../app/lib/jobs/job-engine.server";

const config = env();
// The embedded database's files are its owner's alone (db/file-modes.ts).
setPrivateUmask();
const handle = await createDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await migrateDatabase(handle);
  // The history's dossier requests are jobs: an engine on this handle sends them; a worker (or the
  // embedded server) renders them.
  if (await seedDemoIfEmpty(handle.db, { withJobEngine: (work) => withJobEngine(handle, work) })) {
    process.stdout.write(`Seeded the demo organisations; their two dossiers are queued for a worker.\n${demoAccountsText()}\n`);
  } else {
    process.stderr.write("The database already holds organisations; nothing was seeded.\n");
    process.exitCode = 1;
  }
} catch (error) {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await handle.close();
}

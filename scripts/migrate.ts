// npm run db:migrate: applies db/migrations to DATABASE_URL (or to the embedded database under DATA_DIR).
import { createDatabase } from "../db/client";
import { setPrivateUmask } from "../db/file-modes";
import { migrateDatabase } from "../db/migrate";
import { env } from "../app/lib/env.server";

const config = env();
// The embedded database's files are its owner's alone (db/file-modes.ts).
setPrivateUmask();
const started = Date.now();
const handle = await createDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await migrateDatabase(handle);
  process.stdout.write(`Migrated the ${handle.kind === "postgres" ? "PostgreSQL" : `embedded (${config.DATA_DIR})`} database in ${Date.now() - started} ms.\n`);
} catch (error) {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await handle.close();
}

// Runs before every integration test file: a database of its own for the file, copied from the
// template the global setup prepared, and an environment in which the app never touches ./data,
// SMTP or the demo seed.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { databaseUrl, quoteIdent, TEST_DB_PREFIX, withAdmin } from "./postgres-admin";
import { setTestDatabase } from "./test-database";

// Before any app module runs env() (it caches on the first call; logger.server.ts calls it on import).
const dataDir = mkdtempSync(path.join(tmpdir(), "tradeguard-test-"));
process.env.SEED_DEMO = "0";
process.env.DATA_DIR = dataDir;
process.env.LOG_LEVEL ??= "silent";
delete process.env.DATABASE_URL;
delete process.env.SMTP_URL;
delete process.env.APP_URL;

const config = inject("integrationDatabase");
let postgresName: string | undefined;

beforeAll(async () => {
  const { createDatabase } = await import("../../db/client");
  const { useDatabaseForTests } = await import("../../app/lib/db.server");
  if (config.kind === "pglite") {
    const loadDataDir = new Blob([readFileSync(config.tarball)]);
    const handle = await createDatabase({ dataDir: "memory://", loadDataDir });
    useDatabaseForTests(handle);
    const pglite = (handle.db as unknown as { $client: import("@electric-sql/pglite").PGlite }).$client;
    setTestDatabase({ handle, db: handle.db, kind: "pglite", pglite });
    return;
  }
  const name = `${TEST_DB_PREFIX}${config.runId}_${process.pid}_${randomBytes(3).toString("hex")}`;
  await withAdmin(config.adminUrl, (sql) =>
    sql.unsafe(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(config.template)}`),
  );
  postgresName = name;
  const url = databaseUrl(config.adminUrl, name);
  const handle = await createDatabase({ url });
  useDatabaseForTests(handle);
  setTestDatabase({ handle, db: handle.db, kind: "postgres", url });
});

afterAll(async () => {
  const { closeDatabase } = await import("../../app/lib/db.server");
  const { closeJobEngine } = await import("../../app/lib/jobs/job-engine.server");
  const { closeRenderPool } = await import("../../app/lib/dossiers/dossier-render-pool.server");
  await closeJobEngine(1_000);
  await closeRenderPool();
  await closeDatabase();
  setTestDatabase(undefined);
  if (config.kind === "postgres" && postgresName) {
    const name = postgresName;
    await withAdmin(config.adminUrl, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

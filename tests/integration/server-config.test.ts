// The production server refuses a configuration that would lose data or leak links, before it
// opens the database or loads the build.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function start(env: Record<string, string>) {
  const { PERSONAL_DATA_KEY: _key, APP_URL: _url, ...inherited } = process.env;
  return spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: repoRoot,
    env: { ...inherited, NODE_ENV: "production", DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", LOG_LEVEL: "fatal", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("production on PostgreSQL", () => {
  test("does not start without APP_URL", () => {
    const run = start({ PERSONAL_DATA_KEY: "ab".repeat(32) });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain("APP_URL is required");
  });

  test("does not start without PERSONAL_DATA_KEY (a key file per server would make ID numbers unreadable)", () => {
    const run = start({ APP_URL: "https://tradeguard.example.com" });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain("PERSONAL_DATA_KEY is required");
  });
});

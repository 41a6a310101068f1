// npm start: builds when the sources changed since the last build (or there is none), then runs the
// production server in this process. A second start with nothing changed goes straight to the
// server (build-stamp.ts says how "changed" is decided).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setPrivateUmask } from "../db/file-modes";
import { buildSourcesHash, isBuildCurrent, writeBuildStamp } from "./build-stamp";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) {
    process.stderr.write(`${what} failed (exit code ${result.status ?? result.signal}).\n`);
    process.exit(1);
  }
}

if (isBuildCurrent(root)) {
  process.stdout.write("The build is current: starting the server.\n");
} else {
  const hash = buildSourcesHash(root);
  process.stdout.write("Building (the sources changed since the last build, or there is none)...\n");
  run(path.join(root, "node_modules/.bin/remix"), ["vite:build"], "The build");
  // Part of the build: the migrated embedded database that new data folders are unpacked from.
  run(process.execPath, ["--import", "tsx", "scripts/pglite-template.ts"], "Making the embedded database template");
  writeBuildStamp(root, hash);
}

process.env.NODE_ENV = "production";
// From here on (the server sets it too) what this process creates under DATA_DIR is its owner's
// alone (db/file-modes.ts); the build above stays as the build tools made it.
setPrivateUmask();
await import("../server");

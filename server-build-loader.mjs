// A module hook for server.ts: the production build (build/server/) is loaded as the plain
// JavaScript Vite made for Node, not through tsx's hooks. tsx rewrites every file that contains
// import() and makes a source map of the whole file to do it: for the 2 MB server bundle that is
// some 250 MB of memory, kept for the life of the process, and a second of start-up.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

// Where server.ts finds the build: relative to the working directory, as it does.
const buildDir = `${pathToFileURL(path.resolve("build/server")).href}/`;

export async function load(url, context, nextLoad) {
  if (url.startsWith(buildDir) && url.endsWith(".js")) {
    return { format: "module", source: await readFile(new URL(url)), shortCircuit: true };
  }
  return nextLoad(url, context);
}

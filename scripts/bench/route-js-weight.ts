// npx tsx scripts/bench/route-js-weight.ts [route id …]: the JavaScript a page's own route brings
// beyond what the shell already loads, from the last production build (`npm run build` first): the
// route's module and the chunks it imports that the entry, the root and the signed-in shell
// (routes/_app) do not, each gzipped (node:zlib, level 9) as the server sends it. Where
// `npm run bench:page-weight` measures whole pages in a browser, this compares builds in seconds:
// run it before and after a change to a route. Prints one JSON line per route; kB are 1,000 bytes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const client = path.join(repoRoot, "build/client");
const DEFAULT_ROUTES = [
  "routes/_app.criteria.$framework._index",
  "routes/_app.inspections._index",
  "routes/_app.partners._index",
  "routes/_app.actions._index",
];

interface ManifestEntry {
  module: string;
  imports?: string[];
}

const manifestFile = readdirSync(path.join(client, "assets")).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) throw new Error("No production build: run `npm run build` first.");
const manifest = JSON.parse(
  readFileSync(path.join(client, "assets", manifestFile), "utf8").replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, ""),
) as { entry: ManifestEntry; routes: Record<string, ManifestEntry> };

const files = (e: ManifestEntry | undefined) => (e ? [e.module, ...(e.imports ?? [])] : []);
const shell = new Set([...files(manifest.entry), ...files(manifest.routes.root), ...files(manifest.routes["routes/_app"])]);
const kb = (n: number) => Math.round(n / 100) / 10;

const routes = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_ROUTES;
for (const id of routes) {
  const own = files(manifest.routes[id]).filter((f) => !shell.has(f));
  if (!manifest.routes[id]) throw new Error(`No route ${id} in the build`);
  let raw = 0;
  let gzip = 0;
  for (const file of own) {
    const bytes = readFileSync(path.join(client, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  process.stdout.write(`${JSON.stringify({ route: id, files: own.length, raw_kb: kb(raw), gzip_kb: kb(gzip) })}\n`);
}

// Which translation namespaces each page route needs, read from the source: every string in the
// route module and in everything it imports (its components, and the app/lib modules whose keys come
// back in loader or action data) that is a key of the English texts, mapped to its namespace.
// tests/unit/i18n/route-namespaces.test.ts holds each route's `handle.i18n` to it.
//   npx tsx scripts/route-namespaces.ts          prints what each route needs and declares
//   npx tsx scripts/route-namespaces.ts --write  adds what is missing to the routes' handles
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { en } from "../app/lib/i18n/locales/en";
import { alwaysLoaded, namespaceOfKey, namespaces, type Namespace } from "../app/lib/i18n/namespaces";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const appDir = path.join(repoRoot, "app");

/** Namespaces no browser needs: their keys are only ever rendered on the server. */
const SERVER_ONLY: readonly Namespace[] = ["emails"];

/**
 * Files whose strings look like keys without being keys: permission names ("partners.decide") share
 * their prefixes with the texts' sections. The pages that show a permission use `permissions.*`
 * (core).
 */
const NOT_KEYS = new Set([path.join(appDir, "lib/auth/permissions.ts")]);

type Tree = { [key: string]: string | Tree };

/** Whether `key` names a text or a group of texts (a template literal's static start counts). */
function isKey(key: string): boolean {
  let node: string | Tree = en as unknown as Tree;
  for (const part of key.split(".").filter(Boolean)) {
    if (typeof node === "string") return false;
    const next: string | Tree | undefined = node[part];
    if (next === undefined) return Object.keys(node).some((k) => k.startsWith(`${part}_`)); // plurals
    node = next;
  }
  return true;
}

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("~/")) base = path.join(appDir, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "route.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

interface SourceFacts {
  imports: string[];
  namespaces: Set<Namespace>;
}

const facts = new Map<string, SourceFacts>();

function read(file: string): SourceFacts {
  const known = facts.get(file);
  if (known) return known;
  const text = readFileSync(file, "utf8");
  const imports: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm)) {
    if (m[1]) continue; // types carry no strings to the page
    const target = resolveImport(file, (m[2] ?? m[3]) as string);
    if (target) imports.push(target);
  }
  const found = new Set<Namespace>();
  if (!NOT_KEYS.has(file)) {
    // "seals.receive.title", 'seals.x' and `seals.kinds.${kind}` (the part before the placeholder).
    for (const m of text.matchAll(/(["'`])(\w+\.[\w.]*?)(\1|\$\{)/g)) {
      const key = m[2] as string;
      if (m[3] !== "${" && key.endsWith(".")) continue;
      const namespace = namespaceOfKey(key);
      if (namespace && isKey(key)) found.add(namespace);
    }
  }
  const result = { imports, namespaces: found };
  facts.set(file, result);
  return result;
}

function needed(routeFile: string): Set<Namespace> {
  const seen = new Set<string>();
  const out = new Set<Namespace>();
  const stack = [routeFile];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    // The i18n modules name sections in their comments and hold the texts themselves.
    if (seen.has(file) || file.startsWith(path.join(appDir, "lib/i18n") + path.sep)) continue;
    seen.add(file);
    const source = read(file);
    for (const namespace of source.namespaces) out.add(namespace);
    stack.push(...source.imports);
  }
  for (const namespace of [...alwaysLoaded, ...SERVER_ONLY]) out.delete(namespace);
  return out;
}

/** The `i18n` list of a route module's `export const handle`, as written. */
export function declaredNamespaces(text: string): Namespace[] {
  const handle = /export const handle[^=]*=\s*\{([\s\S]*?)\}/.exec(text)?.[1] ?? "";
  const list = /i18n:\s*\[([^\]]*)\]/.exec(handle)?.[1] ?? "";
  return [...list.matchAll(/"(\w+)"/g)].map((m) => m[1] as Namespace);
}

export interface RouteNamespaces {
  /** app/routes/… as a path from the repository root. */
  route: string;
  file: string;
  needs: Namespace[];
  declares: Namespace[];
}

/** Every route module that renders a page (it has a default export), with what it needs and declares. */
export function routeNamespaces(): RouteNamespaces[] {
  const routesDir = path.join(appDir, "routes");
  const out: RouteNamespaces[] = [];
  for (const name of readdirSync(routesDir).sort()) {
    const full = path.join(routesDir, name);
    const file = statSync(full).isDirectory() ? path.join(full, "route.tsx") : full;
    if (!existsSync(file)) continue;
    const text = readFileSync(file, "utf8");
    if (!/^export default /m.test(text)) continue; // a resource route: no page, no texts in a browser
    const needs = needed(file);
    out.push({
      route: path.relative(repoRoot, file),
      file,
      needs: namespaces.filter((n) => needs.has(n)),
      declares: declaredNamespaces(text),
    });
  }
  return out;
}

function writeHandle(route: RouteNamespaces): boolean {
  const missing = route.needs.filter((n) => !route.declares.includes(n));
  if (missing.length === 0) return false;
  const all = namespaces.filter((n) => route.declares.includes(n) || route.needs.includes(n));
  const list = `i18n: [${all.map((n) => `"${n}"`).join(", ")}]`;
  let text = readFileSync(route.file, "utf8");
  const handle = /export const handle([^=]*)=\s*\{([\s\S]*?)\}( satisfies \w+)?;/.exec(text);
  if (handle) {
    const body = (handle[2] as string).trim();
    const inner = /i18n:\s*\[[^\]]*\]/.test(body) ? body.replace(/i18n:\s*\[[^\]]*\]/, list) : `${body.replace(/,\s*$/, "")}${body ? ", " : ""}${list}`;
    text = text.replace(handle[0], `export const handle${handle[1]}= { ${inner} }${handle[3] ?? ""};`);
  } else {
    // After the imports: the first line that follows the last import statement.
    const lines = text.split("\n");
    let last = -1;
    for (let i = 0; i < lines.length; i++) if (/^import |^} from "/.test(lines[i] as string)) last = i;
    const typeImport = 'import type { PageHandle } from "~/root";';
    lines.splice(last + 1, 0, "", `export const handle = { ${list} } satisfies PageHandle;`);
    if (!text.includes("PageHandle")) lines.splice(last + 1, 0, typeImport);
    text = lines.join("\n");
  }
  writeFileSync(route.file, text);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const write = process.argv.includes("--write");
  for (const route of routeNamespaces()) {
    const missing = route.needs.filter((n) => !route.declares.includes(n));
    const changed = write && writeHandle(route);
    process.stdout.write(`${route.route.padEnd(56)} needs ${route.needs.join(" ") || "-"}${missing.length ? `  MISSING ${missing.join(" ")}` : ""}${changed ? "  (written)" : ""}\n`);
  }
}

// npm run bench:page-weight: the JavaScript a browser downloads on the first visit of a page, per
// page and language. Starts the production build (`npm run build` first) on a throwaway embedded
// database with the demo data, logs in as the demo owner, opens each page in a fresh Chromium
// context (empty cache) and records every same-origin .js response: the <script>s and
// <link rel=modulepreload>s of the server-rendered page and whatever they import while it starts
// (a dynamic import() run before hydration counts; a route module fetched only on a later
// navigation does not). Each file is then fetched again and measured raw and gzipped (node:zlib,
// level 9). Prints one JSON line per page and language:
//   {"page":"login","path":"/login","locale":"zh-CN","files":9,"raw_kb":…,"gzip_kb":…,"listed_in_html":8}
// kB are 1,000 bytes. BASE_URL=http://host:port measures a running server instead (it must have the
// demo accounts); --files adds each file's name and sizes; --locale=en measures one language only.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "playwright-core";
import { freePort } from "../../tests/support/app-processes";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CHROMIUM = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";
const DEMO_EMAIL = "owner@demo.tradeguard.test";
const DEMO_PASSWORD = "tradeguard-demo";
const args = process.argv.slice(2);
const listFiles = args.includes("--files");
const onlyLocale = args.find((a) => a.startsWith("--locale="))?.slice("--locale=".length);
const LOCALES = onlyLocale ? [onlyLocale] : ["zh-CN", "en"];

interface PageSpec {
  name: string;
  path: string;
  signedIn: boolean;
}

const PAGES: PageSpec[] = [
  { name: "login", path: "/login", signedIn: false },
  { name: "dashboard", path: "/", signedIn: true },
  // The phone inspection form (it redirects to itself with a fresh draft key).
  { name: "inspection-form", path: "/inspections/new?template=container-7-point", signedIn: true },
  { name: "partners", path: "/partners", signedIn: true },
  // The pages with server-rendered charts (decision 0050).
  { name: "criteria-framework", path: "/criteria/cn-2022-advanced", signedIn: true },
  { name: "inspections", path: "/inspections", signedIn: true },
  { name: "actions", path: "/actions", signedIn: true },
  { name: "visitors", path: "/visitors", signedIn: true },
];

async function startServer(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  if (!existsSync(path.join(repoRoot, "build/server/index.js"))) throw new Error("No production build: run `npm run build` first.");
  const dataDir = mkdtempSync(path.join(tmpdir(), "tradeguard-page-weight-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, PORT: String(port), SEED_DEMO: "1", LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  delete env.FILES_DIR;
  delete env.APP_URL;
  delete env.SMTP_URL;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited (${child.exitCode}):\n${output}`);
    }
    const ok = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { baseUrl, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`The server was not healthy within 120 s:\n${output}`);
}

/** The session cookie of the demo owner, with the account's language set to `locale`. */
async function logIn(baseUrl: string, locale: string): Promise<{ name: string; value: string }> {
  const body = new URLSearchParams({ email: DEMO_EMAIL, password: DEMO_PASSWORD, redirectTo: "/" });
  const response = await fetch(`${baseUrl}/login`, { method: "POST", body, redirect: "manual" });
  const setCookie = response.headers.getSetCookie().find((c) => !c.startsWith("lng="));
  if (response.status !== 302 || !setCookie) throw new Error(`Login as ${DEMO_EMAIL} failed: HTTP ${response.status}`);
  const [name = "", value = ""] = setCookie.split(";")[0]!.split(/=(.*)/s);
  // The language switch saves the language on the account, which wins over Accept-Language from then
  // on (`?lng=` would show one page only).
  await fetch(`${baseUrl}/language`, {
    method: "POST",
    headers: { Cookie: `${name}=${value}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ lng: locale, redirectTo: "/" }),
    redirect: "manual",
  });
  return { name, value };
}

interface Measured {
  url: string;
  raw: number;
  gzip: number;
}

async function measurePage(browser: Browser, baseUrl: string, spec: PageSpec, locale: string, session: { name: string; value: string } | null) {
  const context = await browser.newContext({ baseURL: baseUrl, locale, viewport: { width: 390, height: 844 } });
  if (session) await context.addCookies([{ ...session, url: baseUrl }]);
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.origin === baseUrl && url.pathname.endsWith(".js")) scripts.add(url.pathname);
  });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const response = await page.goto(spec.path, { waitUntil: "networkidle" });
  if (!response?.ok()) throw new Error(`${spec.path} (${locale}): HTTP ${response?.status()}`);
  if (spec.signedIn && new URL(page.url()).pathname === "/login") throw new Error(`${spec.path}: sent to the login page`);
  const html = await response.text();
  const htmlLang = await page.evaluate(() => document.documentElement.lang);
  if (htmlLang !== locale) throw new Error(`${spec.path}: rendered in ${htmlLang}, not ${locale}`);
  await context.close();
  if (errors.length) throw new Error(`${spec.path} (${locale}): page errors: ${errors.join("; ")}`);

  const listed = new Set<string>();
  for (const match of html.matchAll(/<(?:link[^>]*rel="modulepreload"[^>]*href|script[^>]*src)="([^"]+\.js)"/g)) listed.add(match[1]!);
  for (const match of html.matchAll(/import(?:\s*\*\s*as\s*\w+\s*from)?\s*"([^"]+\.js)"/g)) listed.add(match[1]!);

  const files: Measured[] = [];
  for (const pathname of [...scripts].sort()) {
    const body = Buffer.from(await (await fetch(`${baseUrl}${pathname}`)).arrayBuffer());
    files.push({ url: pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  const kb = (n: number) => Math.round(n / 100) / 10;
  const line: Record<string, unknown> = {
    page: spec.name,
    path: spec.path,
    locale,
    files: files.length,
    raw_kb: kb(files.reduce((sum, f) => sum + f.raw, 0)),
    gzip_kb: kb(files.reduce((sum, f) => sum + f.gzip, 0)),
    listed_in_html: listed.size,
  };
  if (listFiles) line.list = files.sort((a, b) => b.gzip - a.gzip).map((f) => `${f.url} ${kb(f.raw)}/${kb(f.gzip)}`);
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

const server = process.env.BASE_URL ? { baseUrl: process.env.BASE_URL.replace(/\/$/, ""), stop: async () => {} } : await startServer();
let browser: Browser | undefined;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic"] });
  for (const locale of LOCALES) {
    const session = await logIn(server.baseUrl, locale);
    for (const spec of PAGES) await measurePage(browser, server.baseUrl, spec, locale, spec.signedIn ? session : null);
  }
} finally {
  await browser?.close();
  await server.stop();
}
